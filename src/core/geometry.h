// SPDX-License-Identifier: GPL-3.0-or-later
// Plain 2-D points, sizes and rectangles in pixels, shared by input, layout reports and scripts.
#pragma once

namespace plaza::core {

struct Point {
    float x = 0, y = 0;
};

struct Size {
    int width = 0, height = 0;
};

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
    Point center() const { return {x + width / 2, y + height / 2}; }
    bool contains(Point p) const {
        return p.x >= x && p.y >= y && p.x < x + width && p.y < y + height;
    }
};

}  // namespace plaza::core
