// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inactivity.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace plaza::core {

InactivityTimer::InactivityTimer(InactivitySettings settings, double now)
    : settings_(settings), last_touch_(now) {}

InactivityPhase InactivityTimer::phase(double now) const {
    const double quiet = now - last_touch_;
    if (quiet < settings_.timeout_seconds) return InactivityPhase::active;
    if (quiet < settings_.timeout_seconds + settings_.countdown_seconds)
        return InactivityPhase::asking;
    return InactivityPhase::expired;
}

int InactivityTimer::countdown(double now) const {
    const double ends = last_touch_ + settings_.timeout_seconds + settings_.countdown_seconds;
    if (now >= ends) return 0;
    const double left = ends - now;
    const double shown = std::ceil(std::min(left, settings_.countdown_seconds));
    return static_cast<int>(shown);
}

double InactivityTimer::next_change_at(double now) const {
    const double asks = last_touch_ + settings_.timeout_seconds;
    const double ends = asks + settings_.countdown_seconds;
    if (now < asks) return asks;
    if (now >= ends) return std::numeric_limits<double>::infinity();
    // The countdown's next whole second, counted back from the end.
    const double next = ends - std::floor(ends - now);
    return next > now ? next : next + 1.0;
}

}  // namespace plaza::core
