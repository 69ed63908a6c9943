// SPDX-License-Identifier: GPL-3.0-or-later
// Touch calibration in the input layer: the configuration's words and matrices, and an SDL finger
// event from a panel with swapped or mirrored axes landing where the finger is, rotation included.
#include <doctest/doctest.h>

#include <string>

#include "core/pointer_input.h"
#include "platform/sdl_input.h"

using plaza::core::parse_touch_calibration;
using plaza::core::Point;
using plaza::core::Rotation;
using plaza::core::Size;
using plaza::core::TouchCalibration;

namespace {

SDL_Event finger_down(float x, float y) {
    SDL_Event e{};
    e.type = SDL_FINGERDOWN;
    e.tfinger.fingerId = 3;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

Point ui_point(const SDL_Event& e, Size screen, Rotation r, const TouchCalibration& c) {
    const auto event = plaza::platform::pointer_event_from_sdl(e, screen, r, c);
    REQUIRE(event.has_value());
    return event->position;
}

TouchCalibration parsed(const char* text) {
    const auto c = parse_touch_calibration(text);
    REQUIRE(c.has_value());
    return *c;
}

}  // namespace

TEST_CASE("the configuration's words become the matrix that undoes the panel's fault") {
    const Point p{0.25f, 0.75f};
    auto at = [&](const char* text) { return parsed(text).to_screen(p); };
    CHECK(at("none").x == doctest::Approx(0.25f));
    CHECK(at("invert_x").x == doctest::Approx(0.75f));
    CHECK(at("invert_x").y == doctest::Approx(0.75f));
    CHECK(at("invert_y").y == doctest::Approx(0.25f));
    CHECK(at("swap_xy").x == doctest::Approx(0.75f));
    CHECK(at("swap_xy").y == doctest::Approx(0.25f));
    // The swap first, then the inversion of the screen's x: the panel's y, mirrored.
    CHECK(at("swap_xy, invert_x").x == doctest::Approx(0.25f));
    CHECK(at("swap_xy, invert_x").y == doctest::Approx(0.25f));
    // The order written does not matter: the swap always comes first.
    CHECK(at(" invert_y ,swap_xy ").x == doctest::Approx(0.75f));
    CHECK(at(" invert_y ,swap_xy ").y == doctest::Approx(0.75f));
    // libinput's matrix for a panel turned by 90 degrees: x' = y, y' = 1 - x.
    CHECK(at("0 1 0 -1 0 1").x == doctest::Approx(0.75f));
    CHECK(at("0 1 0 -1 0 1").y == doctest::Approx(0.75f));
}

TEST_CASE("what is not a calibration is refused") {
    for (const char* text :
         {"", "swap", "invert_x,", "invert_x, invert_x", "swap_xy invert_x", "1 0 0 0 1",
          "1 0 0 0 1 0 0", "1 0 0 0 1 x", "1 1 0 1 1 0", "0 0 0 0 0 0", "nan 0 0 0 1 0"}) {
        const std::string shown = text;
        CAPTURE(shown);
        CHECK_FALSE(parse_touch_calibration(text).has_value());
    }
}

TEST_CASE("to_raw undoes to_screen, so scripts can tap a control through any calibration") {
    for (const char* text : {"swap_xy", "swap_xy,invert_x,invert_y", "0.9 0.1 0.02 -0.05 1.1 0"}) {
        CAPTURE(text);
        const TouchCalibration c = parsed(text);
        const Point back = c.to_screen(c.to_raw({0.3f, 0.6f}));
        CHECK(back.x == doctest::Approx(0.3f));
        CHECK(back.y == doctest::Approx(0.6f));
    }
}

TEST_CASE(
    "a finger from a mirrored, swapped panel lands under the finger, then turns with rotation") {
    const Size screen{1920, 1080};
    // The finger is at screen pixel (480, 270): a quarter across, a quarter down. A panel with
    // swapped axes reports (0.25, 0.25) mirrored in its own x as (0.75, 0.25)...
    const TouchCalibration c = parsed("swap_xy,invert_x");
    const Point raw = c.to_raw({0.25f, 0.25f});
    CHECK(raw.x == doctest::Approx(0.25f));
    CHECK(raw.y == doctest::Approx(0.75f));
    Point p = ui_point(finger_down(raw.x, raw.y), screen, Rotation::none, c);
    CHECK(p.x == doctest::Approx(480.0f));
    CHECK(p.y == doctest::Approx(270.0f));
    // ...and without the calibration the same report would land elsewhere.
    p = ui_point(finger_down(raw.x, raw.y), screen, Rotation::none, {});
    CHECK(p.x == doctest::Approx(480.0f));
    CHECK(p.y == doctest::Approx(810.0f));
    // Turned by 90 degrees the UI is 1080 wide: screen (480, 270) is UI (270, 1920 - 480).
    p = ui_point(finger_down(raw.x, raw.y), screen, Rotation::cw90, c);
    CHECK(p.x == doctest::Approx(270.0f));
    CHECK(p.y == doctest::Approx(1440.0f));
}

TEST_CASE("the mouse is its own device: no touch calibration") {
    SDL_Event e{};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = 100;
    e.button.y = 200;
    const Point p = ui_point(e, {1920, 1080}, Rotation::none, parsed("invert_x"));
    CHECK(p.x == doctest::Approx(100.0f));
    CHECK(p.y == doctest::Approx(200.0f));
}
