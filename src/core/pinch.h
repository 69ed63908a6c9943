// SPDX-License-Identifier: GPL-3.0-or-later
// Two fingers pinching: how far they spread or closed and where they moved, frame by frame, so
// that the map zooms about the point between them. PointerTracker follows one finger for Dear
// ImGui; this follows the first two on the glass.
#pragma once

#include <vector>

#include "core/geometry.h"
#include "core/pointer_input.h"

namespace plaza::core {

struct PinchFrame {
    bool active = false;  // two fingers are down
    float scale = 1.0f;   // their distance now over their distance in the previous frame
    Point centre;         // the point between them now
    Point shift;          // how far that point moved since the previous frame
};

class PinchTracker {
  public:
    void push(const PointerEvent& event);
    PinchFrame next_frame();
    void reset();

  private:
    struct Finger {
        long id = 0;
        Point at;
    };
    std::vector<Finger> fingers_;  // at most two, in the order they came down
    bool paired_ = false;          // two fingers were down in the previous frame
    float distance_ = 0;
    Point centre_;
};

}  // namespace plaza::core
