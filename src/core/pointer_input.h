// The touch state machine between raw pointer events and what the UI sees each frame.
// One pointer at a time (a second finger is ignored while the first is down), at most one
// press or release per frame (moves queued before it are shown in a frame of their own first, so
// a drag is always seen while the pointer is still down), and the position is kept for the frame
// of the release and cleared on the next one, so a button fires on release and nothing stays
// highlighted afterwards
// (the choreography described in ocornut/imgui#1470 and #2074 for Dear ImGui 1.86, which has
// no input queue of its own).
#pragma once

#include <deque>

#include "core/geometry.h"

namespace plaza::core {

struct PointerEvent {
    enum class Kind { down, move, up };
    Kind kind = Kind::move;
    Point position;       // in UI coordinates (rotation already applied)
    long pointer_id = 0;  // finger id; the mouse uses its own id
};

struct PointerFrame {
    bool has_position = false;  // false: no finger on the glass and none just lifted
    Point position;
    bool down = false;
};

class PointerTracker {
  public:
    void push(const PointerEvent& event);
    // Consumes queued events for one frame and returns the state the UI sees in it.
    PointerFrame next_frame();
    // True while a pointer is down or events wait to be applied (the runner keeps drawing then).
    bool busy() const { return held_ || !queue_.empty() || release_pending_clear_; }
    // Drops every queued event and lifts the pointer (used when content is swapped under a finger).
    void reset();

  private:
    std::deque<PointerEvent> queue_;
    bool tracking_ = false;  // a pointer is down as far as queued events go
    long tracked_id_ = 0;
    bool held_ = false;  // the pointer is down as far as the UI has been told
    bool release_pending_clear_ = false;
    Point position_;
};

}  // namespace plaza::core
