// SPDX-License-Identifier: GPL-3.0-or-later
// Screen changes move: the new screen slides in from the side it lies on (further in: from the
// right; back or home: from the left) and settles within the theme's motion duration, eased out,
// driven by the frame clock. With reduced motion (the venue's setting, or spoken mode) the first
// frame already shows the screen where it stays (WCAG 2.3.3).
#pragma once

#include <cstddef>
#include <cstdint>

namespace plaza::ui {

class ScreenChange {
  public:
    // What the screen layer shows this frame: `screen` and `record` tell pages apart, `depth` is
    // the navigation stack's depth. Returns how far (px, signed) the screen is drawn from its
    // place at monotonic time `now`; `slide_px` is the distance a change starts from.
    float offset(double now, const void* screen, std::int64_t record, std::size_t depth,
                 bool reduced_motion, float slide_px);
    // True while a change is still moving: the kiosk draws the next frame at once.
    bool moving() const { return started_at_ >= 0.0; }
    // Nothing is shown under the covers (attract loop, dark screen): the screen a visitor
    // wakes to appears where it stays.
    void forget() { known_ = false; }

  private:
    bool known_ = false;
    const void* screen_ = nullptr;
    std::int64_t record_ = 0;
    std::size_t depth_ = 0;
    double started_at_ = -1.0;
    float direction_ = 1.0f;
};

}  // namespace plaza::ui
