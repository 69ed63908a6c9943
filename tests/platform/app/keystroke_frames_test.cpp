// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's own app (PlazaApp on the sample bundle) in the frame loop, headless: a key of the
// on-screen keyboard puts its search results on screen in the frame that sees the finger lift,
// not one frame later. PLAZA_TEST_BUNDLE names the bundle (CTest's sample_bundle fixture).
#include <doctest/doctest.h>

#include "kiosk_fixture.h"

namespace {

using plaza::core::FrameReport;
using plaza::test::Kiosk;

bool shows_results(const FrameReport& report) {
    for (const auto& item : report.items) {
        if (item.visible && item.id.rfind("search/result/", 0) == 0) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a key's search results are on screen in the frame that sees the finger lift") {
    Kiosk kiosk;
    kiosk.tap("home/search");
    kiosk.settle();
    REQUIRE(kiosk.report().screen_id == "search");
    CHECK_FALSE(shows_results(kiosk.report()));

    kiosk.finger(SDL_FINGERDOWN, "keyboard/key/g");
    for (int i = 0; i < 3; ++i)
        kiosk.frame();
    CHECK_FALSE(shows_results(kiosk.report()));
    const long frames = kiosk.loop().figures().frames;
    kiosk.finger(SDL_FINGERUP, "keyboard/key/g");
    kiosk.frame();
    // One frame presented since the finger lifted, and it shows what "g" finds.
    CHECK(kiosk.loop().figures().frames == frames + 1);
    CHECK(kiosk.report().shows_text("g"));
    CHECK(shows_results(kiosk.report()));
}
