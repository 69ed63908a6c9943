// One screen of the kiosk: a stable id for scripts and a draw method. Screens read the content
// data handed to them and keep their own small state (scroll, filters, typed text); never SQL
// handles or textures.
#pragma once

#include <cstdint>
#include <string>

#include "core/idle_policy.h"
#include "ui/ui_context.h"

namespace plaza::ui {

enum class ScreenId {
    home,
    partnerships,
    partnership,
    practices,
    practice,
    search,
    now_next,
    programme,
    session,
};

// What a screen asks the navigator to do after drawing.
struct Navigation {
    enum class Action { none, open, back, home };
    Action action = Action::none;
    ScreenId target = ScreenId::home;
    // Which partnership, practice or session to open; for the partnership grid, a city to
    // filter it to (0: the grid as it was).
    std::int64_t record = 0;
    void open(ScreenId id, std::int64_t record_id = 0) {
        action = Action::open, target = id, record = record_id;
    }
};

class Screen {
  public:
    virtual ~Screen() = default;
    virtual const char* id() const = 0;
    // Draws the screen's content inside the current window and reports animation needs.
    virtual core::FrameRequest draw(UiContext& ctx, Navigation& nav) = 0;
    // Back to the state a new visitor should find.
    virtual void reset() {}
};

}  // namespace plaza::ui
