// SPDX-License-Identifier: GPL-3.0-or-later
// Along the bottom edge of every screen: Listen, text size, high contrast and low reach, or in
// spoken mode the previous / next / select / back / stop controls instead. Keeps the visitor's
// accessibility choices until the kiosk starts again for the next visitor.
#pragma once

#include <string>

#include "ui/screens/screen.h"
#include "ui/spoken_mode.h"
#include "ui/ui_context.h"

namespace plaza::ui {

// The three text sizes a visitor can choose: the fonts are built at these scales.
inline constexpr float kTextScales[] = {1.0f, 1.3f, 1.6f};

class AccessBar {
  public:
    // The choices a new visitor finds; `low_reach`: every control in the lower band.
    void reset(bool low_reach, bool high_contrast);
    float text_scale() const { return kTextScales[text_size_]; }
    bool low_reach() const { return low_reach_; }
    // Dear ImGui's style must follow the palette at the next frame (contrast switched, reset).
    bool style_stale() const { return style_stale_; }
    void apply_style(float px_per_mm);

    // Its height at the screen's width: its controls wrap onto more rows when labels are long.
    float height(const UiContext& ctx, bool spoken) const;
    // Draws it from `top`; returns true when one of its controls was pressed. Spoken mode's back
    // control asks `nav` to go back when `can_go_back`.
    bool draw(UiContext& ctx, float top, float height, SpokenMode& spoken, bool can_go_back,
              Navigation& nav);

  private:
    int text_size_ = 0;  // index into kTextScales
    bool high_contrast_ = false;
    bool low_reach_ = false;
    bool style_stale_ = true;
};

// Low reach: the part of the screen above the band shows the event and the time only.
void DrawAboveBand(UiContext& ctx, float height, const std::string& event_name);

}  // namespace plaza::ui
