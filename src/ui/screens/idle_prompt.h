// SPDX-License-Identifier: GPL-3.0-or-later
// "Still there? Touch to continue" over whatever the visitor left on screen, with the seconds
// left before the kiosk starts again for the next visitor. Large, so that a person a few steps
// away notices it; KioskUi decides when it shows and what a touch does (it extends the time).
#pragma once

#include "ui/ui_context.h"

namespace plaza::ui {

// Draws the prompt as a window over the whole screen; call inside a frame, after the screen.
// `band_top`: with low reach on, the prompt sits below this height (pixels from the top).
void IdlePrompt(UiContext& ctx, int seconds_left, float band_top = 0.0f);

}  // namespace plaza::ui
