// A small leveled logger writing one line per message to stderr (journald picks it up under
// systemd). Messages say what happened and where; nothing here is per-frame chatter.
#pragma once

#include <string_view>

namespace plaza::core {

enum class LogLevel { debug, info, warning, error };

void log(LogLevel level, std::string_view message);
inline void log_info(std::string_view m) {
    log(LogLevel::info, m);
}
inline void log_warning(std::string_view m) {
    log(LogLevel::warning, m);
}
inline void log_error(std::string_view m) {
    log(LogLevel::error, m);
}

// Messages below this level are dropped (default: info).
void set_log_level(LogLevel level);

}  // namespace plaza::core
