// SPDX-License-Identifier: GPL-3.0-or-later
// What covers the visitor's screens when nobody uses the kiosk: after a quiet while "Still
// there?" with a countdown a touch extends, then a fresh start for the next visitor and the
// attract loop; outside display hours a black screen that a touch lights for a while. A touch
// on a cover acts when the finger lifts, so nothing under the finger is pressed by it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/idle_policy.h"
#include "core/inactivity.h"
#include "core/opening_hours.h"
#include "ui/screen_feed.h"
#include "ui/screens/attract_screen.h"
#include "ui/spoken_mode.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class IdleCover {
  public:
    enum class Shown { none, dark, asking, attract };

    IdleCover(int idle_timeout_seconds, std::optional<core::OpeningHours> display_hours);

    // The attract loop reads the feed's lists and programme.
    void load(ScreenFeed& feed) { attract_screen_.load(feed, 0); }
    // Once a frame, before anything is drawn: what covers this frame. A room sign (`room_sign`)
    // is only ever darkened. `start_again` resets the kiosk for the next visitor when the
    // countdown runs out; `woken` is called when a touch on the attract loop lifts.
    Shown update(const UiContext& ctx, bool room_sign, const std::function<void()>& start_again,
                 const std::function<void()>& woken);
    // A visitor pressed something: there is someone to ask "Still there?".
    void visitor_acted() { touched_ = true; }
    // The kiosk started again for the next visitor, who has not touched anything yet.
    void forget_visitor() { touched_ = false; }
    bool attract() const { return attract_; }

    // The black screen or the attract loop, as `shown` says.
    core::FrameRequest draw(UiContext& ctx, Shown shown);
    // "Still there?" over the screens, below `band_top`; read aloud once, as it appears, so a
    // visitor who cannot see it can still stay.
    void draw_question(UiContext& ctx, float band_top, SpokenMode& spoken);
    // When the cover's next change is due (the countdown, the question, a touch-lit screen
    // going dark), for the frame's redraw time.
    double redraw_at(double now, bool room_sign) const;

  private:
    AttractScreen attract_screen_;
    core::InactivityTimer inactivity_;
    core::ScreenHours hours_;
    bool attract_ = false;        // the attract loop runs (after an idle reset)
    bool touched_ = false;        // a visitor touched something since the last reset
    bool cover_pressed_ = false;  // a finger went down on a cover; it acts when lifted
    bool first_frame_ = true;     // the idle timer starts at the first frame's time
    Shown shown_ = Shown::none;   // what covered the last frame
    bool asked_ = false;          // "Still there?" was up in the frame before this one
};

}  // namespace plaza::ui
