// SPDX-License-Identifier: GPL-3.0-or-later
// core::FrameReport: finding controls by label, visible text, and describing the controls.
#include <doctest/doctest.h>

#include "core/frame_report.h"

using plaza::core::FrameReport;
using plaza::core::VisibleItem;

namespace {

FrameReport sample() {
    FrameReport r;
    r.screen_id = "home";
    r.items.push_back({VisibleItem::Kind::text, "", "Spring Fair 2024", {0, 0, 100, 20}});
    r.items.push_back({VisibleItem::Kind::control, "home/language/en", "English", {0, 30, 50, 20}});
    r.items.push_back({VisibleItem::Kind::control,
                       "home/language/fr",
                       "Fran\xC3\xA7"
                       "ais",
                       {60, 30, 50, 20}});
    r.items.push_back({VisibleItem::Kind::control, "home/featured/1", "Ghent", {0, 60, 100, 40}});
    r.items.push_back({VisibleItem::Kind::control, "home/featured/2", "Ghent", {0, 110, 100, 40}});
    return r;
}

}  // namespace

TEST_CASE("frame report: controls_labelled finds controls by exact label only") {
    const FrameReport r = sample();
    const auto english = r.controls_labelled("English");
    REQUIRE(english.size() == 1);
    CHECK(english[0]->id == "home/language/en");
    CHECK(english[0]->rect.center().x == 25.0f);
    CHECK(english[0]->rect.center().y == 40.0f);
    CHECK(r.controls_labelled("Ghent").size() == 2);         // ambiguous: the caller reports it
    CHECK(r.controls_labelled("Engl").empty());              // no partial matches
    CHECK(r.controls_labelled("english").empty());           // case matters
    CHECK(r.controls_labelled("Spring Fair 2024").empty());  // a text run is not a control
}

TEST_CASE("frame report: shows_text finds substrings of texts and control labels") {
    const FrameReport r = sample();
    CHECK(r.shows_text("Spring Fair"));
    CHECK(r.shows_text("2024"));
    CHECK(r.shows_text("Fran\xC3\xA7"));
    CHECK(r.shows_text("Ghent"));
    CHECK_FALSE(r.shows_text("Lyon"));
    CHECK_FALSE(r.shows_text("home"));  // ids are not visible text
}

TEST_CASE("frame report: describe_controls lists the control labels in drawing order") {
    const FrameReport r = sample();
    CHECK(r.describe_controls() ==
          "\"English\", \"Fran\xC3\xA7"
          "ais\", \"Ghent\", \"Ghent\"");
}

TEST_CASE("frame report: an empty report has no controls and clear() empties it") {
    FrameReport r = sample();
    r.clear();
    CHECK(r.screen_id.empty());
    CHECK(r.items.empty());
    CHECK(r.describe_controls() == "no controls");
    CHECK_FALSE(r.shows_text("Ghent"));
    CHECK(r.controls_labelled("English").empty());

    FrameReport texts_only;
    texts_only.items.push_back({VisibleItem::Kind::text, "", "Welcome", {0, 0, 10, 10}});
    CHECK(texts_only.describe_controls() == "no controls");
}

TEST_CASE("frame report: rectangles contain their top-left edge but not the bottom-right") {
    const plaza::core::Rect r{10, 20, 30, 40};
    CHECK(r.contains({10, 20}));
    CHECK(r.contains(r.center()));
    CHECK(r.contains({39.9f, 59.9f}));
    CHECK_FALSE(r.contains({40, 30}));
    CHECK_FALSE(r.contains({20, 60}));
    CHECK_FALSE(r.contains({9.9f, 30}));
}
