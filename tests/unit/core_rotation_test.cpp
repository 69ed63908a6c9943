// SPDX-License-Identifier: GPL-3.0-or-later
// core rotation: UI size, screen<->UI point mapping for 0/90/180/270, rectangles, parsing.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/rotation.h"

using namespace plaza::core;

namespace {

const Size kScreen{1920, 1080};
const Rotation kAll[] = {Rotation::none, Rotation::cw90, Rotation::cw180, Rotation::cw270};

void check_point(Point actual, Point expected) {
    CHECK(actual.x == doctest::Approx(expected.x));
    CHECK(actual.y == doctest::Approx(expected.y));
}

}  // namespace

TEST_CASE("rotation: the UI size swaps width and height at 90 and 270 degrees only") {
    CHECK(ui_size_for_screen(kScreen, Rotation::none).width == 1920);
    CHECK(ui_size_for_screen(kScreen, Rotation::none).height == 1080);
    CHECK(ui_size_for_screen(kScreen, Rotation::cw90).width == 1080);
    CHECK(ui_size_for_screen(kScreen, Rotation::cw90).height == 1920);
    CHECK(ui_size_for_screen(kScreen, Rotation::cw180).width == 1920);
    CHECK(ui_size_for_screen(kScreen, Rotation::cw180).height == 1080);
    CHECK(ui_size_for_screen(kScreen, Rotation::cw270).width == 1080);
    CHECK(ui_size_for_screen(kScreen, Rotation::cw270).height == 1920);
}

TEST_CASE("rotation: screen_to_ui and ui_to_screen are inverses at every rotation") {
    const Point points[] = {{0, 0}, {1, 2}, {100.5f, 700.25f}, {1079, 1079}, {540, 960}, {3, 1000}};
    for (Rotation r : kAll) {
        CAPTURE(rotation_degrees(r));
        for (Point p : points) {
            CAPTURE(p.x);
            CAPTURE(p.y);
            check_point(screen_to_ui(ui_to_screen(p, kScreen, r), kScreen, r), p);
            check_point(ui_to_screen(screen_to_ui(p, kScreen, r), kScreen, r), p);
        }
    }
}

TEST_CASE("rotation: at 0 degrees points map to themselves") {
    check_point(ui_to_screen({12, 34}, kScreen, Rotation::none), {12, 34});
    check_point(screen_to_ui({12, 34}, kScreen, Rotation::none), {12, 34});
}

TEST_CASE("rotation: at 90 degrees clockwise the UI's top-left is the screen's top-right") {
    const Size ui = ui_size_for_screen(kScreen, Rotation::cw90);  // 1080 x 1920, portrait
    const float uw = static_cast<float>(ui.width), uh = static_cast<float>(ui.height);
    const Rotation r = Rotation::cw90;
    check_point(ui_to_screen({0, 0}, kScreen, r), {1920, 0});      // top-left -> top-right
    check_point(ui_to_screen({uw, 0}, kScreen, r), {1920, 1080});  // top-right -> bottom-right
    check_point(ui_to_screen({uw, uh}, kScreen, r), {0, 1080});    // bottom-right -> bottom-left
    check_point(ui_to_screen({0, uh}, kScreen, r), {0, 0});        // bottom-left -> top-left
    // A finger near the screen's top-right corner is near the UI's top-left.
    check_point(screen_to_ui({1910, 10}, kScreen, r), {10, 10});
}

TEST_CASE("rotation: at 180 degrees the UI's top-left is the screen's bottom-right") {
    const Rotation r = Rotation::cw180;
    check_point(ui_to_screen({0, 0}, kScreen, r), {1920, 1080});
    check_point(ui_to_screen({1920, 0}, kScreen, r), {0, 1080});
    check_point(ui_to_screen({1920, 1080}, kScreen, r), {0, 0});
    check_point(ui_to_screen({0, 1080}, kScreen, r), {1920, 0});
    check_point(screen_to_ui({1900, 1070}, kScreen, r), {20, 10});
}

TEST_CASE("rotation: at 270 degrees clockwise the UI's top-left is the screen's bottom-left") {
    const Size ui = ui_size_for_screen(kScreen, Rotation::cw270);
    const float uw = static_cast<float>(ui.width), uh = static_cast<float>(ui.height);
    const Rotation r = Rotation::cw270;
    check_point(ui_to_screen({0, 0}, kScreen, r), {0, 1080});      // top-left -> bottom-left
    check_point(ui_to_screen({uw, 0}, kScreen, r), {0, 0});        // top-right -> top-left
    check_point(ui_to_screen({uw, uh}, kScreen, r), {1920, 0});    // bottom-right -> top-right
    check_point(ui_to_screen({0, uh}, kScreen, r), {1920, 1080});  // bottom-left -> bottom-right
    check_point(screen_to_ui({10, 1070}, kScreen, r), {10, 10});
}

TEST_CASE("rotation: the UI's centre stays at the screen's centre at every rotation") {
    for (Rotation r : kAll) {
        CAPTURE(rotation_degrees(r));
        const Size ui = ui_size_for_screen(kScreen, r);
        check_point(ui_to_screen({ui.width / 2.0f, ui.height / 2.0f}, kScreen, r), {960, 540});
    }
}

TEST_CASE("rotation: ui_rect_to_screen gives the turned rectangle's bounding box") {
    const Rect rect{10, 20, 100, 50};  // UI x 10..110, y 20..70
    SUBCASE("0 degrees") {
        const Rect s = ui_rect_to_screen(rect, kScreen, Rotation::none);
        CHECK(s.x == 10);
        CHECK(s.y == 20);
        CHECK(s.width == 100);
        CHECK(s.height == 50);
    }
    SUBCASE("90 degrees: width and height swap, hugging the right edge") {
        const Rect s = ui_rect_to_screen(rect, kScreen, Rotation::cw90);
        CHECK(s.x == 1920 - 70);
        CHECK(s.y == 10);
        CHECK(s.width == 50);
        CHECK(s.height == 100);
    }
    SUBCASE("180 degrees") {
        const Rect s = ui_rect_to_screen(rect, kScreen, Rotation::cw180);
        CHECK(s.x == 1920 - 110);
        CHECK(s.y == 1080 - 70);
        CHECK(s.width == 100);
        CHECK(s.height == 50);
    }
    SUBCASE("270 degrees: hugging the bottom edge") {
        const Rect s = ui_rect_to_screen(rect, kScreen, Rotation::cw270);
        CHECK(s.x == 20);
        CHECK(s.y == 1080 - 110);
        CHECK(s.width == 50);
        CHECK(s.height == 100);
    }
}

TEST_CASE("rotation: a UI rectangle's centre on screen maps back to the UI rectangle's centre") {
    const Rect rect{200, 300, 120, 80};
    for (Rotation r : kAll) {
        CAPTURE(rotation_degrees(r));
        const Rect s = ui_rect_to_screen(rect, kScreen, r);
        check_point(screen_to_ui(s.center(), kScreen, r), rect.center());
    }
}

TEST_CASE("rotation: parse_rotation accepts 0, 90, 180 and 270 only") {
    CHECK(parse_rotation("0") == Rotation::none);
    CHECK(parse_rotation("90") == Rotation::cw90);
    CHECK(parse_rotation("180") == Rotation::cw180);
    CHECK(parse_rotation("270") == Rotation::cw270);
    for (const char* bad : {"", "45", "360", "-90", "+90", " 90", "90 ", "090", "90.0", "ninety"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_rotation(bad).has_value());
    }
}

TEST_CASE("rotation: rotation_degrees gives the angle") {
    CHECK(rotation_degrees(Rotation::none) == 0);
    CHECK(rotation_degrees(Rotation::cw90) == 90);
    CHECK(rotation_degrees(Rotation::cw180) == 180);
    CHECK(rotation_degrees(Rotation::cw270) == 270);
}
