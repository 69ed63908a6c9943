// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace plaza::core {
namespace {
std::atomic<LogLevel> g_min_level{LogLevel::info};
std::mutex g_mutex;

// Each level's word and its syslog(3) priority, which the journal stores per line: LOG_DEBUG,
// LOG_INFO, LOG_WARNING, LOG_ERR.
struct LevelInfo {
    const char* name;
    char priority;
};

LevelInfo level_info(LogLevel level) {
    switch (level) {
        case LogLevel::debug:
            return {"debug", '7'};
        case LogLevel::info:
            return {"info", '6'};
        case LogLevel::warning:
            return {"warning", '4'};
        case LogLevel::error:
            return {"error", '3'};
    }
    return {"info", '6'};
}

bool parse_decimal(const char*& p, unsigned long long& out) {
    if (*p < '0' || *p > '9') return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtoull(p, &end, 10);
    if (errno != 0) return false;
    p = end;
    return true;
}

void write_all(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // nowhere left to report a logging failure
        done += static_cast<size_t>(n);
    }
}
}  // namespace

void set_log_level(LogLevel level) {
    g_min_level = level;
}

bool is_journal_stream(const char* journal_stream, int fd) {
    if (!journal_stream) return false;
    const char* p = journal_stream;
    unsigned long long device = 0, inode = 0;
    if (!parse_decimal(p, device) || *p++ != ':' || !parse_decimal(p, inode) || *p != '\0')
        return false;
    struct stat st {};
    if (::fstat(fd, &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == device &&
           static_cast<unsigned long long>(st.st_ino) == inode;
}

std::string format_log_lines(LogLevel level, std::string_view message, bool journal) {
    const LevelInfo info = level_info(level);
    std::string out;
    out.reserve(message.size() + 32);
    // The journal splits its stream at newlines, so every line of a multi-line message carries
    // the prefix; otherwise its second line would be stored at the default level (info).
    while (true) {
        const size_t newline = message.find('\n');
        if (journal) {
            out += '<';
            out += info.priority;
            out += '>';
        }
        out += "plaza ";
        out += info.name;
        out += ": ";
        out += message.substr(0, newline);
        out += '\n';
        if (newline == std::string_view::npos || newline + 1 == message.size()) break;
        message.remove_prefix(newline + 1);
    }
    return out;
}

void log(LogLevel level, std::string_view message) {
    if (level < g_min_level.load()) return;
    std::lock_guard<std::mutex> lock(g_mutex);
    // Checked per message (messages are rare): stderr may be redirected at any time.
    const bool journal = is_journal_stream(std::getenv("JOURNAL_STREAM"), STDERR_FILENO);
    std::fflush(stderr);
    write_all(STDERR_FILENO, format_log_lines(level, message, journal));
}

}  // namespace plaza::core
