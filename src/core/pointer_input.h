// SPDX-License-Identifier: GPL-3.0-or-later
// The touch state machine between raw pointer events and what the UI sees each frame.
// One pointer at a time (a second finger is ignored while the first is down), at most one
// press or release per frame (moves queued before it are shown in a frame of their own first, so
// a drag is always seen while the pointer is still down), and the position is kept for the frame
// of the release and cleared on the next one, so a button fires on release and nothing stays
// highlighted afterwards
// (the choreography described in ocornut/imgui#1470 and #2074 for Dear ImGui 1.86, which has
// no input queue of its own).
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <string_view>

#include "core/geometry.h"

namespace plaza::core {

// How a touch panel's own axes sit on the screen, for a controller that reports them swapped or
// mirrored. An affine map on coordinates normalised to 0..1 over the screen, in libinput's
// LIBINPUT_CALIBRATION_MATRIX convention: x' = a x + b y + c, y' = d x + e y + f. SDL's KMSDRM
// driver reads touch from evdev itself and never applies libinput's matrix, so Plaza does.
struct TouchCalibration {
    std::array<float, 6> m{1, 0, 0, 0, 1, 0};  // a b c d e f

    // Where on the screen (normalised) a point the panel reports (normalised) is.
    Point to_screen(Point raw) const;
    // The inverse: what the panel reports for a finger on a screen point (headless scripts tap
    // controls by label through it).
    Point to_raw(Point on_screen) const;
};

// `touch_calibration` as the configuration writes it: "none"; any of "swap_xy", "invert_x",
// "invert_y", comma separated (the swap first, then the inversions, as X's evdev driver applied
// "Swap Axes" and "Axis Inversion"); or six numbers "a b c d e f". Nullopt when it is none of
// those or the matrix cannot be inverted (it would fold the screen onto a line).
std::optional<TouchCalibration> parse_touch_calibration(std::string_view text);

struct PointerEvent {
    enum class Kind { down, move, up };
    Kind kind = Kind::move;
    Point position;       // in UI coordinates (calibration and rotation already applied)
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
