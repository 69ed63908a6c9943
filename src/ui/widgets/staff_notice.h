// A short notice for venue staff near the bottom edge ("Content updated — ...", "USB content
// refused: ..."), shown for a few seconds over whatever a visitor sees, taking no input.
#pragma once

#include <string>

#include "core/idle_policy.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class StaffNotice {
  public:
    // Shows `text` from the next frame on, for a few seconds; below the notice still on screen,
    // if any ("Content updated" stays when "You can remove the stick" follows it).
    void show(const std::string& text);
    // Draws the notice while it lasts; asks for the frame that takes it away.
    void draw(UiContext& ctx, core::FrameRequest& request);

  private:
    std::string text_;
    double until_ = 0.0;
    double last_frame_ = 0.0;  // ctx.now of the last draw
    bool pending_ = false;     // shown from the next frame for kNoticeSeconds
};

}  // namespace plaza::ui
