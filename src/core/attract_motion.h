// SPDX-License-Identifier: GPL-3.0-or-later
// Motion for screens nobody touches for hours (the attract loop, room signs): slides that take
// turns with a fade, and a slow drift so that no element stays on the same pixels long enough to
// burn into a panel. Pure functions of time, so headless screenshots are reproducible.
#pragma once

namespace plaza::core {

// An offset in [-1, 1] on each axis tracing a Lissajous figure: one loop across in
// `period_seconds`, a slightly different period down, so the path covers an area, not a line.
struct Drift {
    float x = 0.0f, y = 0.0f;
};
Drift drift_at(double seconds, double period_seconds);

// Which of `count` slides shows at `seconds`, each for `slide_seconds`, and how opaque it is: it
// fades in over the first `fade_seconds` and out over the last.
struct SlideFrame {
    int index = 0;
    float opacity = 1.0f;
};
SlideFrame slide_at(double seconds, int count, double slide_seconds, double fade_seconds);

}  // namespace plaza::core
