// SPDX-License-Identifier: GPL-3.0-or-later
// Plaza's own SDL -> pointer layer, in place of Dear ImGui 1.86's SDL backend, which polls the
// mouse and ignores input when no window has focus (always the case headless; tech research §A1,
// §A6). Finger and mouse events become core::PointerEvents in UI coordinates.
#pragma once

#include <SDL.h>

#include <optional>

#include "core/geometry.h"
#include "core/pointer_input.h"
#include "core/rotation.h"

namespace plaza::platform {

// Translates one SDL event; nullopt for events that are not pointer input. A finger's position is
// calibrated (the touch panel's axes onto the screen's), then turned into the UI's coordinates;
// the mouse is its own device and is only turned.
std::optional<core::PointerEvent> pointer_event_from_sdl(
    const SDL_Event& event, core::Size screen, core::Rotation rotation,
    const core::TouchCalibration& calibration = {});

}  // namespace plaza::platform
