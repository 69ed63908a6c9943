// SPDX-License-Identifier: GPL-3.0-or-later
// What a kiosk with nothing to show says instead of exiting (issue 14): no bundle installed and
// no sample, or a bundle that cannot be opened. "No content yet — insert a USB stick with a
// signed bundle" in every language of the kiosk's own words (nobody has chosen one), and, for a
// bundle that is there but broken, why. The kiosk keeps watching for sticks meanwhile.
#pragma once

#include <string>

#include "core/idle_policy.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class NoContentScreen {
  public:
    static constexpr const char* kId = "no_content";
    // `reason`: empty when there simply is no bundle yet; else what is wrong with the one there.
    explicit NoContentScreen(std::string reason) : reason_(std::move(reason)) {}
    // The text the screen shows, for the font atlas (there is no bundle to take it from).
    std::string all_text() const;
    core::FrameRequest draw(UiContext& ctx);

  private:
    std::string reason_;
};

}  // namespace plaza::ui
