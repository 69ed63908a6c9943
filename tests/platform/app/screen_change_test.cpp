// SPDX-License-Identifier: GPL-3.0-or-later
// Screen changes slide in on the frame clock and land within the theme's motion duration; with
// reduced motion, and in spoken mode, the first frame of the new screen is already the one that
// stays.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "kiosk_fixture.h"
#include "ui/theme.h"

namespace {

using plaza::test::Kiosk;
using Rects = std::map<std::string, float>;  // each visible control's left edge, by id

Rects lefts(const plaza::core::FrameReport& report) {
    Rects out;
    for (const auto& item : report.items) {
        if (item.visible && !item.id.empty()) out[item.id] = item.rect.x;
    }
    return out;
}

// A tap on home's Programme entry; the frame loop then draws the new screen.
void open_programme(Kiosk& kiosk) {
    REQUIRE(kiosk.report().screen_id == "home");
    kiosk.tap("home/programme");
    kiosk.frame();  // the frame that sees the finger lift asks for the screen
}

}  // namespace

TEST_CASE("screen change: the new screen slides in from the right and lands within 200 ms") {
    Kiosk kiosk;
    kiosk.finish_loading();
    open_programme(kiosk);
    const auto first = kiosk.frame_pixels();
    REQUIRE(kiosk.report().screen_id == "now_next");
    const Rects first_lefts = lefts(kiosk.report());
    int frames = 1;
    std::vector<std::uint8_t> middle;
    Rects middle_lefts;
    while (kiosk.wants_frame() && frames < 60) {
        auto pixels = kiosk.frame_pixels();
        ++frames;
        if (frames == 5) middle = std::move(pixels), middle_lefts = lefts(kiosk.report());
    }
    // 60 frames a second: the change is over within the motion duration (and 200 ms).
    CHECK(frames <= static_cast<int>(plaza::ui::kMotionSeconds * 60) + 2);
    CHECK(frames * 1000 / 60 <= 200);
    kiosk.finish_loading();
    const auto end = kiosk.frame_pixels();
    const Rects end_lefts = lefts(kiosk.report());
    REQUIRE(end_lefts.count("nav/back"));
    REQUIRE(middle_lefts.count("nav/back"));
    CHECK(first_lefts.at("nav/back") > middle_lefts.at("nav/back"));
    CHECK(middle_lefts.at("nav/back") > end_lefts.at("nav/back"));
    CHECK(middle != end);
    CHECK(first != end);

    // Back home, the screen comes from the left.
    kiosk.tap("nav/back");
    kiosk.frame();
    kiosk.frame();
    REQUIRE(kiosk.report().screen_id == "home");
    const float coming = lefts(kiosk.report()).at("home/programme");
    kiosk.settle();
    CHECK(coming < lefts(kiosk.report()).at("home/programme"));
}

TEST_CASE("screen change: with reduced motion the first frame is the one that stays") {
    plaza::ui::KioskSettings settings;
    settings.reduced_motion = true;
    Kiosk kiosk(settings);
    kiosk.finish_loading();
    open_programme(kiosk);
    const auto first = kiosk.frame_pixels();
    REQUIRE(kiosk.report().screen_id == "now_next");
    const Rects first_lefts = lefts(kiosk.report());
    kiosk.finish_loading();
    const auto end = kiosk.frame_pixels();
    CHECK(first_lefts == lefts(kiosk.report()));
    CHECK(first == end);
}

TEST_CASE("screen change: in spoken mode the first frame is the one that stays") {
    Kiosk kiosk;
    kiosk.tap("access/listen");
    kiosk.settle();
    kiosk.finish_loading();
    open_programme(kiosk);
    kiosk.frame();
    REQUIRE(kiosk.report().screen_id == "now_next");
    const Rects first_lefts = lefts(kiosk.report());
    REQUIRE(first_lefts.count("nav/back"));
    kiosk.settle();
    CHECK(first_lefts.at("nav/back") == lefts(kiosk.report()).at("nav/back"));
    CHECK(first_lefts == lefts(kiosk.report()));
}
