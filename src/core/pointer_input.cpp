#include "core/pointer_input.h"

namespace plaza::core {

void PointerTracker::push(const PointerEvent& event) {
    switch (event.kind) {
        case PointerEvent::Kind::down:
            if (tracking_) return;  // a second finger: ignored while the first is down
            tracking_ = true;
            tracked_id_ = event.pointer_id;
            break;
        case PointerEvent::Kind::move:
            // Moves of a pointer that is not down are hover, which has no meaning on a touch
            // screen.
            if (!tracking_ || event.pointer_id != tracked_id_) return;
            break;
        case PointerEvent::Kind::up:
            if (!tracking_ || event.pointer_id != tracked_id_) return;
            tracking_ = false;
            break;
    }
    queue_.push_back(event);
}

PointerFrame PointerTracker::next_frame() {
    PointerFrame frame;
    if (release_pending_clear_) {
        release_pending_clear_ = false;  // the frame after a release: the position goes away
    } else if (held_) {
        frame.has_position = true;
    }
    bool moved = false;
    while (!queue_.empty()) {
        const PointerEvent event = queue_.front();
        if (event.kind == PointerEvent::Kind::move) {
            queue_.pop_front();
            position_ = event.position;
            frame.has_position = true;
            moved = true;
            continue;
        }
        // A press or release: apply it only if this frame has seen no other transition, and stop
        // there so later moves are seen after the UI has registered the transition.
        // Moves queued before it get a frame of their own first: a release in the same frame as
        // the moves before it would let the UI see the finger lift before it saw it travel, so a
        // quick swipe ending between two frames pressed the button it started on (the scroll area
        // never saw the drag while the pointer was down).
        if (moved) break;
        queue_.pop_front();
        position_ = event.position;
        frame.has_position = true;
        if (event.kind == PointerEvent::Kind::down) {
            held_ = true;
        } else {
            held_ = false;
            release_pending_clear_ = true;
        }
        break;
    }
    frame.down = held_;
    frame.position = position_;
    return frame;
}

void PointerTracker::reset() {
    queue_.clear();
    tracking_ = false;
    if (held_) release_pending_clear_ = true;
    held_ = false;
}

}  // namespace plaza::core
