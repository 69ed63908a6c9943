#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace plaza::core {
namespace {
std::atomic<LogLevel> g_min_level{LogLevel::info};
std::mutex g_mutex;

const char* level_name(LogLevel level) {
    switch (level) {
        case LogLevel::debug:
            return "debug";
        case LogLevel::info:
            return "info";
        case LogLevel::warning:
            return "warning";
        case LogLevel::error:
            return "error";
    }
    return "?";
}
}  // namespace

void set_log_level(LogLevel level) {
    g_min_level = level;
}

void log(LogLevel level, std::string_view message) {
    if (level < g_min_level.load()) return;
    std::lock_guard<std::mutex> lock(g_mutex);
    std::fprintf(stderr, "plaza %s: %.*s\n", level_name(level), static_cast<int>(message.size()),
                 message.data());
}

}  // namespace plaza::core
