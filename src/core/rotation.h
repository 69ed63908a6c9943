// SPDX-License-Identifier: GPL-3.0-or-later
// Screen rotation: the UI is laid out at its own (possibly portrait) size and turned clockwise by
// 0/90/180/270 degrees onto the physical screen. These functions map points both ways so that a
// finger on the glass lands on the control drawn under it.
#pragma once

#include <optional>
#include <string_view>

#include "core/geometry.h"

namespace plaza::core {

enum class Rotation { none = 0, cw90 = 90, cw180 = 180, cw270 = 270 };

// "0", "90", "180" or "270"; anything else is nullopt.
std::optional<Rotation> parse_rotation(std::string_view text);
int rotation_degrees(Rotation r);

// The UI's size for a screen of `screen` pixels: width and height swap at 90 and 270.
Size ui_size_for_screen(Size screen, Rotation r);

// A point on the physical screen (pixels) to the UI's coordinates, and back.
Point screen_to_ui(Point screen_point, Size screen, Rotation r);
Point ui_to_screen(Point ui_point, Size screen, Rotation r);

// The bounding box on screen of a rectangle in UI coordinates.
Rect ui_rect_to_screen(const Rect& ui_rect, Size screen, Rotation r);

}  // namespace plaza::core
