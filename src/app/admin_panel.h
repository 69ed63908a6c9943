// SPDX-License-Identifier: GPL-3.0-or-later
// The hidden admin panel as the app runs it: the corner gesture watched after every visitor
// frame, the health figures gathered for it (uptime, frame times, memory, disk, glyphs, clock),
// and the panel drawn (ui/screens/admin_screen.h) with what USB content knows of bundles. What
// staff choose there is carried out by UsbContent.
#pragma once

#include <string>
#include <vector>

#include "core/idle_policy.h"
#include "ui/screens/admin_screen.h"
#include "ui/ui_context.h"

namespace plaza::app {

// The figures only the app knows, for the panel's health section.
struct Health {
    long rss_kib = 0;
    std::vector<char32_t> missing_glyphs;
    bool clock_plausible = true;
    std::string data_folder;  // free space is measured there
};

class AdminPanel {
  public:
    bool active() const { return screen_.active(); }
    // After a visitor frame: records its build time and opens the keypad when the corner hold
    // completes (frames keep coming while the hold lasts).
    void after_frame(ui::UiContext& ctx, core::FrameRequest& request, double frame_ms);
    // Draws the keypad or the panel over everything; `status` holds the bundle part.
    ui::AdminAction draw(ui::UiContext& ctx, ui::AdminStatus status, const Health& health,
                         const std::string& pin, core::FrameRequest& request);

  private:
    double started_ = -1.0;
    std::vector<double> frame_ms_;  // a ring of recent UI build times
    size_t frame_next_ = 0;
    ui::AdminGesture gesture_;
    ui::AdminScreen screen_;
};

}  // namespace plaza::app
