// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule_clock.h"

namespace plaza::core {

bool clock_plausible(std::int64_t now_ms, std::int64_t built_at_ms, std::int64_t first_start_ms,
                     std::int64_t last_end_ms) {
    if (built_at_ms > 0 && now_ms < built_at_ms) return false;
    return now_ms >= first_start_ms - kPlausibleMarginMs &&
           now_ms <= last_end_ms + kPlausibleMarginMs;
}

EventPhase event_phase(std::int64_t now_ms, std::int64_t first_start_ms, std::int64_t last_end_ms) {
    if (now_ms < first_start_ms) return EventPhase::before;
    if (now_ms >= last_end_ms) return EventPhase::after;
    return EventPhase::during;
}

}  // namespace plaza::core
