// SPDX-License-Identifier: GPL-3.0-or-later
// When the kiosk draws and when it sleeps. It draws at display rate while a finger is down, while
// input waits, while something on screen animates, and for a few frames after the last input (Dear
// ImGui settles hover, popups and scrolling over one or two more frames); otherwise it sleeps until
// an event arrives, a timer the app asked for falls due, or a slow heartbeat. The same pattern as
// hello_imgui's FpsIdling and Tracy's "activeFrames = 3" in its main loop.
#pragma once

#include <limits>

namespace plaza::core {

// What the app asks of the runner after drawing a frame.
struct FrameRequest {
    bool animating = false;  // something moves: draw the next frame too
    // Monotonic time (seconds) at which the screen must be drawn again even without input,
    // e.g. the next minute for a clock on screen.
    double redraw_at = std::numeric_limits<double>::infinity();
    // The screen shows nothing (outside display hours): the panel may be switched off until a
    // frame asks for it again.
    bool display_off = false;
};

struct IdleSettings {
    int frames_after_input = 4;
    int frames_at_start = 4;
    double heartbeat_seconds = 1.0;  // longest sleep without waking up
};

class IdlePolicy {
  public:
    explicit IdlePolicy(IdleSettings settings = {});

    void note_input();
    void note_pointer_busy(bool busy) { pointer_busy_ = busy; }
    void note_frame_drawn(const FrameRequest& request);

    bool should_draw(double now) const;
    // How long the runner may sleep waiting for events (0 when it should draw now).
    double sleep_seconds(double now) const;

  private:
    IdleSettings settings_;
    int settle_frames_left_;
    bool pointer_busy_ = false;
    FrameRequest last_request_;
};

}  // namespace plaza::core
