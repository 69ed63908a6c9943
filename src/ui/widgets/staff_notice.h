// SPDX-License-Identifier: GPL-3.0-or-later
// A short notice for venue staff near the bottom edge ("Content updated — ...", "USB content
// refused: ..."), shown for a few seconds over whatever a visitor sees, taking no input. Notices
// that come while one is shown are added below it (two bundles from one stick, two lines), the
// last few kept.
#pragma once

#include <string>
#include <vector>

#include "core/idle_policy.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class StaffNotice {
  public:
    // Shows `text` from the next frame on, for a few seconds, below what is still shown.
    void show(const std::string& text);
    // Draws the notice while it lasts; asks for the frame that takes it away.
    void draw(UiContext& ctx, core::FrameRequest& request);

  private:
    std::vector<std::string> lines_;
    double until_ = 0.0;
    double now_ = 0.0;      // the clock at the last frame drawn
    bool pending_ = false;  // shown from the next frame for kNoticeSeconds
};

}  // namespace plaza::ui
