// SPDX-License-Identifier: GPL-3.0-or-later
// One frame of the kiosk, shared by the live loop and the headless script player: pointer state
// into Dear ImGui's io, NewFrame, the app's drawing (guarded), Render, present, idle bookkeeping
// and timing figures.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/frame_guard.h"
#include "core/idle_policy.h"
#include "core/pinch.h"
#include "core/pointer_input.h"
#include "core/sample_stats.h"
#include "platform/display.h"
#include "platform/display_power.h"
#include "platform/kiosk_app.h"
#include "platform/texture_cache.h"

namespace plaza::platform {

struct FrameFigures {
    core::SampleStats ui_build_ms;  // NewFrame -> Render, CPU time of the main thread
    core::SampleStats frame_ms;     // whole frame including raster and present
    // The whole frame's CPU time on the main thread: on a shared machine frame_ms also counts
    // the time other programs held the core; this does not.
    core::SampleStats frame_cpu_ms;
    // The same figures for each screen id, so a bar that names one screen ("the grid with
    // thumbnails") can be read apart from the others a benchmark walk passes through.
    std::map<std::string, core::SampleStats> ui_build_ms_by_screen;
    std::map<std::string, core::SampleStats> frame_ms_by_screen;
    std::map<std::string, core::SampleStats> frame_cpu_ms_by_screen;
    double first_frame_at = -1.0;  // steady-clock seconds when the first frame was presented
    // CPU time (all threads, user and system) the process had used by then: on a shared machine
    // the wall-clock start-up also counts the time other programs held the cores; this does not.
    double first_frame_cpu_ms = -1.0;
    long frames = 0;
};

// Fits Dear ImGui's windows' draw buffers to what the last frame used when they are much larger;
// between frames (their contents were drawn).
void compact_draw_lists();

class FrameLoop {
  public:
    // `power`, when given, switches the panel off while the app shows a dark screen (and nothing
    // is drawn then) and on again before the next frame that shows something.
    FrameLoop(KioskApp& app, Display& display, const core::Clock& clock, core::Speech& speech,
              DisplayPower* power = nullptr);
    ~FrameLoop();

    // Handles one SDL event; returns false when it asks the program to quit.
    bool handle_event(const SDL_Event& event);
    bool should_draw() const { return policy_.should_draw(clock_.monotonic_seconds()); }
    double sleep_seconds() const { return policy_.sleep_seconds(clock_.monotonic_seconds()); }
    // Forces the next frame to be drawn (e.g. the wall clock was set).
    void request_redraw() { policy_.note_input(); }

    // Draws one frame. With `capture`, the screen's RGBA pixels are returned before presenting.
    // Returns false when too many frames in a row failed.
    bool draw_frame(std::vector<std::uint8_t>* capture = nullptr);

    // Waits (in real time, at most `seconds`) until no image is loading, so a headless
    // screenshot does not depend on how fast the worker thread was. Returns false on timeout.
    bool finish_loading(double seconds);
    // Waits (in real time, at most `seconds`) until the drawing worker (PlatformServices::drawing)
    // is done, so that what a frame started building shows in the next frame whatever the
    // machine's speed. Returns false on timeout.
    bool finish_drawing(double seconds);

    const FrameFigures& figures() const { return figures_; }
    const Display& display() const { return display_; }

  private:
    // NewFrame, the app's drawing (guarded), Render; the main thread's CPU time in `build_ms`.
    core::FrameRequest build_frame(double now, const core::PinchFrame& pinch, double& build_ms,
                                   bool& give_up);
    // Logs a frame whose drawing threw, closes what it left open; true when it is time to give up.
    bool frame_failed(const std::string& what, core::FrameRequest& request);

    KioskApp& app_;
    Display& display_;
    const core::Clock& clock_;
    // Declared before the texture cache: tasks still queued when the cache is gone are dropped
    // with the queue, never run.
    core::MainThreadQueue main_thread_;
    std::unique_ptr<TextureCache> textures_;
    // After the queue its jobs post to: destroyed (joined) before it.
    core::BackgroundWorker drawing_;
    Uint32 wake_event_;
    core::PointerTracker pointer_;
    core::PinchTracker pinch_;
    core::IdlePolicy policy_;
    core::FrameGuard guard_;
    FrameFigures figures_;
    double last_frame_time_ = -1.0;
    DisplayPower* power_;
    std::optional<bool> panel_on_;  // unknown until the first frame says
    bool trimmed_ = false;          // the heap was trimmed since the loop last went idle
    std::string last_screen_;       // the screen id of the last frame drawn
    bool screen_changed_ = false;   // another screen was drawn since the loop last went idle
};

}  // namespace plaza::platform
