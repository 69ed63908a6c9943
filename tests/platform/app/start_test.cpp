// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's start: the font atlas is built before the Dear ImGui context exists (on a worker,
// while the display opens) and the context draws with it; the first frame is the whole home
// screen although every partnership's card is read only after it; the grid opened at once
// shows every partnership.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

#include "content/content_store.h"
#include "kiosk_fixture.h"

namespace {

using plaza::test::Kiosk;

plaza::content::ContentStore sample_store() {
    const char* bundle = std::getenv("PLAZA_TEST_BUNDLE");
    REQUIRE_MESSAGE(bundle, "PLAZA_TEST_BUNDLE is not set");
    auto store = plaza::content::ContentStore::open(bundle);
    REQUIRE(store.ok());
    return std::move(store.value());
}

bool has_step(const plaza::core::StartSpans& spans, const std::string& step) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const plaza::core::StartSpan& s) { return s.step == step; });
}

}  // namespace

TEST_CASE("start: the font atlas is whole before any ImGui context exists, which is made with it") {
    const char* bundle = std::getenv("PLAZA_TEST_BUNDLE");
    REQUIRE(bundle);
    REQUIRE(ImGui::GetCurrentContext() == nullptr);
    auto app = plaza::app::PlazaApp::load(bundle, 4.0f);
    ImFontAtlas* atlas = app->font_atlas();
    REQUIRE(atlas);
    // Built, and converted to the renderer's RGBA, with no context anywhere.
    CHECK(ImGui::GetCurrentContext() == nullptr);
    CHECK(atlas->IsBuilt());
    CHECK(atlas->TexPixelsRGBA32 != nullptr);
    CHECK(atlas->TexWidth > 0);
    const plaza::core::StartSpans spans = app->start_spans();
    CHECK(has_step(spans, "font_atlas_built"));
    CHECK(has_step(spans, "font_atlas_wait"));
    // Asked again (the context is made once), the same atlas and no second wait.
    CHECK(app->font_atlas() == atlas);
    const plaza::core::StartSpans again = app->start_spans();
    CHECK(std::count_if(again.begin(), again.end(),
                        [](const auto& s) { return s.step == "font_atlas_wait"; }) == 1);
}

TEST_CASE("start: the first frame is home with every featured partnership") {
    plaza::content::ContentStore store = sample_store();
    const auto cards = store.partnership_cards();
    std::set<std::string> featured;
    for (const auto& card : cards) {
        if (card.featured) featured.insert("home/featured/partnership/" + std::to_string(card.id));
    }
    // The sample has featured partnerships and others: home's featured ones are read before
    // the rest.
    REQUIRE(!featured.empty());
    REQUIRE(featured.size() < cards.size());
    auto app = plaza::app::PlazaApp::load(std::getenv("PLAZA_TEST_BUNDLE"), 4.0f);
    plaza::platform::DisplayOptions options;
    options.mode = plaza::platform::WindowMode::headless;
    options.size = {1920, 1080};
    auto display = plaza::platform::Display::open(options);
    REQUIRE(display.ok());
    plaza::core::ManualClock clock;
    plaza::core::RecordingSpeech speech;
    {
        plaza::platform::FrameLoop loop(*app, *display.value(), clock, speech);
        CHECK(ImGui::GetIO().Fonts == app->font_atlas());
        REQUIRE(loop.draw_frame());  // the first frame, and nothing before it
        REQUIRE(app->frame_report().screen_id == "home");
        std::set<std::string> shown;
        for (const auto& item : app->frame_report().items) {
            if (item.id.rfind("home/featured/partnership/", 0) == 0) shown.insert(item.id);
        }
        CHECK(shown == featured);
    }
}

TEST_CASE("start: the grid opened right after the first frame shows every partnership") {
    const std::size_t all = sample_store().partnership_cards().size();
    Kiosk kiosk;
    kiosk.tap("home/partnerships");
    kiosk.frame();  // sees the finger lift and asks for the grid
    kiosk.frame();
    REQUIRE(kiosk.report().screen_id == "partnerships");
    const std::string count = std::to_string(all) + " of " + std::to_string(all);
    const auto& items = kiosk.report().items;
    CHECK(std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.label == count; }));
    int cards = 0;
    for (const auto& item : items) {
        if (item.id.rfind("partnerships/item/", 0) == 0) ++cards;
    }
    CHECK(cards == static_cast<int>(all));
}
