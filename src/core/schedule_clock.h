// SPDX-License-Identifier: GPL-3.0-or-later
// Whether the device clock can be trusted for "now" in the programme, and where it stands
// relative to the event. A Pi without a battery-backed clock may start in 1970 or at the last
// saved time after a power cut; the programme then shows no "now" marker rather than a wrong one.
#pragma once

#include <cstdint>

namespace plaza::core {

// How far outside the event's sessions a clock can be and still be believed: a kiosk is set up
// days before an event and may stay a while after; months away is a clock that is wrong.
inline constexpr std::int64_t kPlausibleMarginMs = 60LL * 24 * 3600 * 1000;

// False when `now_ms` is before the bundle was built (0: unknown, not checked) or more than
// kPlausibleMarginMs before the first session starts or after the last one ends.
bool clock_plausible(std::int64_t now_ms, std::int64_t built_at_ms, std::int64_t first_start_ms,
                     std::int64_t last_end_ms);

enum class EventPhase { before, during, after };

// Before the first session starts, after the last one ends, or in between.
EventPhase event_phase(std::int64_t now_ms, std::int64_t first_start_ms, std::int64_t last_end_ms);

}  // namespace plaza::core
