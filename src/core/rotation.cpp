// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rotation.h"

#include <algorithm>

namespace plaza::core {

std::optional<Rotation> parse_rotation(std::string_view text) {
    if (text == "0") return Rotation::none;
    if (text == "90") return Rotation::cw90;
    if (text == "180") return Rotation::cw180;
    if (text == "270") return Rotation::cw270;
    return std::nullopt;
}

int rotation_degrees(Rotation r) {
    return static_cast<int>(r);
}

Size ui_size_for_screen(Size screen, Rotation r) {
    if (r == Rotation::cw90 || r == Rotation::cw270) return {screen.height, screen.width};
    return screen;
}

// Turning the UI image clockwise by 90 degrees sends its top-left corner to the screen's top-right:
// screen = (W - v, u) for a UI point (u, v) on a screen W pixels wide.
Point ui_to_screen(Point p, Size screen, Rotation r) {
    const float w = static_cast<float>(screen.width);
    const float h = static_cast<float>(screen.height);
    switch (r) {
        case Rotation::none:
            return p;
        case Rotation::cw90:
            return {w - p.y, p.x};
        case Rotation::cw180:
            return {w - p.x, h - p.y};
        case Rotation::cw270:
            return {p.y, h - p.x};
    }
    return p;
}

Point screen_to_ui(Point p, Size screen, Rotation r) {
    const float w = static_cast<float>(screen.width);
    const float h = static_cast<float>(screen.height);
    switch (r) {
        case Rotation::none:
            return p;
        case Rotation::cw90:
            return {p.y, w - p.x};
        case Rotation::cw180:
            return {w - p.x, h - p.y};
        case Rotation::cw270:
            return {h - p.y, p.x};
    }
    return p;
}

Rect ui_rect_to_screen(const Rect& rect, Size screen, Rotation r) {
    const Point a = ui_to_screen({rect.x, rect.y}, screen, r);
    const Point b = ui_to_screen({rect.x + rect.width, rect.y + rect.height}, screen, r);
    const float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    return {x0, y0, std::max(a.x, b.x) - x0, std::max(a.y, b.y) - y0};
}

}  // namespace plaza::core
