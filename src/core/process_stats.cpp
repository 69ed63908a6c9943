// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process_stats.h"

#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace plaza::core {
namespace {
long read_kib(const char* file, const char* field) {
    std::FILE* f = std::fopen(file, "r");
    if (!f) return 0;
    char line[256];
    long value = 0;
    const size_t len = std::strlen(field);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, field, len) == 0 && line[len] == ':') {
            value = std::strtol(line + len + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(f);
    return value;
}
}  // namespace

long peak_rss_kib() {
    return read_kib("/proc/self/status", "VmHWM");
}
long current_rss_kib() {
    return read_kib("/proc/self/status", "VmRSS");
}
long current_pss_kib() {
    return read_kib("/proc/self/smaps_rollup", "Pss");
}

double process_cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

double steady_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace plaza::core
