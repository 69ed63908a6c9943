// SPDX-License-Identifier: GPL-3.0-or-later
// One screen of the kiosk: a stable id, what it reads between frames (load) and a draw method.
// Screens read the plain data they took from the feed and keep their own small state (scroll,
// filters, typed text); never SQL handles or textures. Every screen is listed once, in
// screens.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/idle_policy.h"
#include "ui/screen_feed.h"
#include "ui/ui_context.h"

namespace plaza::ui {

// A screen's id: the name scripts, frame reports, stats and usage counts know it by
// ("partnership"). Screens name the screen they open by it.
using ScreenId = std::string_view;

// What a screen asks the navigator to do after drawing.
struct Navigation {
    enum class Action { none, open, back, home };
    Action action = Action::none;
    ScreenId target;
    // Which partnership, practice or session to open; for the partnership grid, a city to
    // filter it to (0: the grid as it was).
    std::int64_t record = 0;
    // Non-empty: the visitor chose this language; it is read between frames.
    std::string language;
    void open(ScreenId id, std::int64_t record_id = 0) {
        action = Action::open, target = id, record = record_id;
    }
};

class Screen {
  public:
    virtual ~Screen() = default;
    virtual const char* id() const = 0;
    // Between frames, before the screen is drawn: takes what it shows from `feed` (lists it
    // reads while drawing, the page of `record`). Called whenever it is about to be drawn; a
    // screen that already holds `record` in the feed's generation keeps what it has.
    virtual void load(ScreenFeed& feed, std::int64_t record) = 0;
    // True after a draw that asked for something the same frame should show (the search for the
    // key just typed): the kiosk loads it before the frame is presented and builds the frame
    // again, so the answer is on screen in the frame after the touch.
    virtual bool answer_pending() const { return false; }
    // A visitor opened the screen (a tap), with the record the tap named.
    virtual void open(std::int64_t record) { (void)record; }
    // Draws the screen's content inside the current window and reports animation needs.
    virtual core::FrameRequest draw(UiContext& ctx, Navigation& nav) = 0;
    // Back to the state a new visitor should find.
    virtual void reset() {}

  protected:
    // For load(): true when the feed was reloaded (another language, other content) since the
    // last time this screen asked.
    bool feed_changed(const ScreenFeed& feed) {
        if (feed.generation() == generation_) return false;
        generation_ = feed.generation();
        return true;
    }

  private:
    std::uint64_t generation_ = ~std::uint64_t{0};  // none yet
};

}  // namespace plaza::ui
