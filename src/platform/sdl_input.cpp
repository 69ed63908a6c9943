// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/sdl_input.h"

namespace plaza::platform {
namespace {
constexpr long kMousePointerId = -1;
}

std::optional<core::PointerEvent> pointer_event_from_sdl(
    const SDL_Event& e, core::Size screen, core::Rotation rotation,
    const core::TouchCalibration& calibration) {
    core::PointerEvent out;
    core::Point on_screen;
    switch (e.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            // Finger coordinates are normalised 0..1 over the window.
            const core::Point p = calibration.to_screen({e.tfinger.x, e.tfinger.y});
            on_screen = {p.x * static_cast<float>(screen.width),
                         p.y * static_cast<float>(screen.height)};
            out.pointer_id = static_cast<long>(e.tfinger.fingerId);
            out.kind = e.type == SDL_FINGERDOWN ? core::PointerEvent::Kind::down
                       : e.type == SDL_FINGERUP ? core::PointerEvent::Kind::up
                                                : core::PointerEvent::Kind::move;
            break;
        }
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                return std::nullopt;
            on_screen = {static_cast<float>(e.button.x), static_cast<float>(e.button.y)};
            out.pointer_id = kMousePointerId;
            out.kind = e.type == SDL_MOUSEBUTTONDOWN ? core::PointerEvent::Kind::down
                                                     : core::PointerEvent::Kind::up;
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return std::nullopt;
            on_screen = {static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)};
            out.pointer_id = kMousePointerId;
            out.kind = core::PointerEvent::Kind::move;
            break;
        default:
            return std::nullopt;
    }
    out.position = core::screen_to_ui(on_screen, screen, rotation);
    return out;
}

}  // namespace plaza::platform
