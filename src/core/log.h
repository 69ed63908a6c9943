// SPDX-License-Identifier: GPL-3.0-or-later
// A small leveled logger writing one line per message to stderr. Under systemd, when stderr is
// the journal's stream (JOURNAL_STREAM names it), each line starts with the sd-daemon priority
// prefix (`<4>` for a warning, `<3>` for an error), so `journalctl -p warning -u plaza` shows
// warnings and errors at their level. Nothing here is per-frame chatter.
#pragma once

#include <string>
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

// True when `journal_stream` (the JOURNAL_STREAM variable, "DEVICE:INODE" in decimal) names the
// file `fd` is open on: systemd connected it to the journal, which reads priority prefixes.
// A variable inherited by a child whose stderr was redirected elsewhere names another file.
bool is_journal_stream(const char* journal_stream, int fd);

// The bytes written for one message: "plaza LEVEL: message\n", one line per line of the
// message; each line gets the syslog priority prefix when `journal` is set (sd-daemon(3)).
std::string format_log_lines(LogLevel level, std::string_view message, bool journal);

}  // namespace plaza::core
