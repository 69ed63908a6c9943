// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pinch.h"

#include <algorithm>
#include <cmath>

namespace plaza::core {

void PinchTracker::push(const PointerEvent& event) {
    const auto finger = std::find_if(fingers_.begin(), fingers_.end(),
                                     [&](const Finger& f) { return f.id == event.pointer_id; });
    switch (event.kind) {
        case PointerEvent::Kind::down:
            if (finger == fingers_.end() && fingers_.size() < 2)
                fingers_.push_back({event.pointer_id, event.position});
            break;
        case PointerEvent::Kind::move:
            if (finger != fingers_.end()) finger->at = event.position;
            break;
        case PointerEvent::Kind::up:
            if (finger != fingers_.end()) fingers_.erase(finger);
            break;
    }
}

PinchFrame PinchTracker::next_frame() {
    PinchFrame frame;
    if (fingers_.size() < 2) {
        paired_ = false;
        return frame;
    }
    const Point a = fingers_[0].at, b = fingers_[1].at;
    const float distance = std::hypot(b.x - a.x, b.y - a.y);
    const Point centre{(a.x + b.x) / 2, (a.y + b.y) / 2};
    frame.active = true;
    frame.centre = centre;
    // The first frame of a pair only sets where the pinch starts from; two fingers on one spot
    // give no ratio.
    if (paired_ && distance_ > 0 && distance > 0) {
        frame.scale = distance / distance_;
        frame.shift = {centre.x - centre_.x, centre.y - centre_.y};
    }
    paired_ = true;
    distance_ = distance;
    centre_ = centre;
    return frame;
}

void PinchTracker::reset() {
    fingers_.clear();
    paired_ = false;
}

}  // namespace plaza::core
