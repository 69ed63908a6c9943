// SPDX-License-Identifier: GPL-3.0-or-later
// Replays a headless script through the real frame loop: taps and drags become SDL finger events
// pushed onto SDL's queue and read back exactly as a touch screen's would be; time is a virtual
// clock moving 1/60 s per frame; `shot` writes the screen as PNG and what is on it as JSON.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/script.h"
#include "core/speech.h"
#include "platform/display_power.h"
#include "platform/frame_loop.h"

namespace plaza::platform {

class ScriptPlayer {
  public:
    // `speech` is the recording voice the app was given: `expect-said` checks what it said.
    // `power_log`, when given, is what the panel was switched to; `shot` lists it.
    ScriptPlayer(FrameLoop& loop, core::ManualClock& clock, KioskApp& app,
                 const core::RecordingSpeech& speech, std::string out_dir,
                 const DisplayPowerLog* power_log = nullptr);

    // Draws the first frames, then runs every step; returns false at the first step that fails,
    // with `failure` saying which line and why.
    bool run(const core::ParsedScript& script, const std::string& origin);
    const std::string& failure() const { return failure_; }

  private:
    bool step(const core::ScriptStep& step);
    bool tick();  // advance 1/60 s, handle queued events, draw if the policy says so
    bool ticks(int count);
    bool settle();  // run until the kiosk would sleep (at most two seconds)
    // Waits for the app's worker (an install, a preview rebuild), then settles.
    bool wait_for_app(const std::string& still);
    static constexpr SDL_FingerID kFirstFinger = 1, kSecondFinger = 2;
    bool push_finger(Uint32 type, float screen_x, float screen_y,
                     SDL_FingerID finger = kFirstFinger);
    bool drag(float x0, float y0, float x1, float y1, int frames);
    bool pinch(float x, float y, float d0, float d1, int frames);
    bool tap_at(float screen_x, float screen_y);  // where the panel reports the finger
    bool tap_on(core::Point ui_point);            // a finger on that point of the UI
    bool shot(const std::string& name);
    bool fail(const std::string& message);

    FrameLoop& loop_;
    core::ManualClock& clock_;
    KioskApp& app_;
    const core::RecordingSpeech& speech_;
    std::string out_dir_;
    const DisplayPowerLog* power_log_;
    std::string failure_;
    std::string where_;  // "script.plz:12: " while a step runs
};

}  // namespace plaza::platform
