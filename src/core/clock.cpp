// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock.h"

#include <chrono>

namespace plaza::core {

double SystemClock::monotonic_seconds() const {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t SystemClock::wall_time_ms() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace plaza::core
