// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screen_change.h"

#include <cmath>

#include "ui/theme.h"

namespace plaza::ui {

float ScreenChange::offset(double now, const void* screen, std::int64_t record, std::size_t depth,
                           bool reduced_motion, float slide_px) {
    const bool changed = known_ && (screen != screen_ || record != record_);
    if (changed) {
        started_at_ = now;
        direction_ = depth > depth_ ? 1.0f : -1.0f;
    }
    known_ = true;
    screen_ = screen;
    record_ = record;
    depth_ = depth;
    if (started_at_ < 0.0) return 0.0f;
    const double t = (now - started_at_) / kMotionSeconds;
    if (reduced_motion || t >= 1.0) {
        started_at_ = -1.0;
        return 0.0f;
    }
    // Ease out (cubic): quick at first, gentle as it lands. Whole pixels: text drawn at
    // fractional positions shimmers.
    const double rest = 1.0 - t;
    return std::round(direction_ * slide_px * static_cast<float>(rest * rest * rest));
}

}  // namespace plaza::ui
