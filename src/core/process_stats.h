// SPDX-License-Identifier: GPL-3.0-or-later
// Figures about this process that --stats reports, read from Linux's /proc.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plaza::core {

// Peak resident set size in KiB (VmHWM), or 0 when unknown.
long peak_rss_kib();
// Current resident set size in KiB (VmRSS), or 0 when unknown.
long current_rss_kib();
// Current proportional set size in KiB (shared pages divided among their users), the memory
// figure PRODUCT.md's quality bar uses; 0 when unknown.
long current_pss_kib();
// CPU time of the whole process (all threads, user and system) in milliseconds.
double process_cpu_ms();
// CPU time of the calling thread in milliseconds: what one thread's work cost, whatever else the
// process's other threads or the machine's other processes did meanwhile.
double thread_cpu_ms();
// Wall-clock milliseconds on the steady clock.
double steady_ms();

// A step of the start (opening content, building fonts, opening the display) as --stats lists
// it: wall time, and the CPU time the process spent meanwhile (the benchmark machines are
// shared, so wall time alone says little).
struct StartSpan {
    std::string step;
    double ms = 0.0;
    double cpu_ms = 0.0;
};
using StartSpans = std::vector<StartSpan>;

// Measures one step from its construction to `end`.
class StartTimer {
  public:
    StartTimer() : ms_(steady_ms()), cpu_ms_(process_cpu_ms()) {}
    StartSpan end(std::string step) const {
        return until(std::move(step), steady_ms(), process_cpu_ms());
    }
    // The step ended at `ms` (steady clock) with `cpu_ms` of process CPU time.
    StartSpan until(std::string step, double ms, double cpu_ms) const {
        return {std::move(step), ms - ms_, cpu_ms - cpu_ms_};
    }

  private:
    double ms_;
    double cpu_ms_;
};

}  // namespace plaza::core
