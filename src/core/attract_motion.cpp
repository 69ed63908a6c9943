// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/attract_motion.h"

#include <algorithm>
#include <cmath>

namespace plaza::core {

Drift drift_at(double seconds, double period_seconds) {
    constexpr double kTwoPi = 6.283185307179586;
    const double p = period_seconds > 0 ? period_seconds : 1.0;
    // 1.37: an irrational-looking ratio so that the figure does not close on itself quickly.
    return {static_cast<float>(std::sin(kTwoPi * seconds / p)),
            static_cast<float>(std::sin(kTwoPi * seconds / (p * 1.37) + 1.0))};
}

SlideFrame slide_at(double seconds, int count, double slide_seconds, double fade_seconds) {
    if (count <= 0 || slide_seconds <= 0) return {};
    const double t = std::max(0.0, seconds);
    const long long n = static_cast<long long>(std::floor(t / slide_seconds));
    const double in_slide = t - static_cast<double>(n) * slide_seconds;
    double opacity = 1.0;
    if (fade_seconds > 0) {
        opacity =
            std::min({1.0, in_slide / fade_seconds, (slide_seconds - in_slide) / fade_seconds});
    }
    return {static_cast<int>(n % count), static_cast<float>(std::clamp(opacity, 0.0, 1.0))};
}

}  // namespace plaza::core
