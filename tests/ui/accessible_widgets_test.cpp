// SPDX-License-Identifier: GPL-3.0-or-later
// What the widgets tell spoken mode and the headless checks: text cut off by its container or
// squeezed into a sliver, buttons and cards that grow with their text, the focus that presses.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "imgui_harness.h"
#include "ui/widgets/touch_widgets.h"

using plaza::core::VisibleItem;
using plaza::test::ImGuiHarness;
using plaza::ui::CardLook;
using plaza::ui::TapButton;
using plaza::ui::TapCard;
using plaza::ui::UiContext;

namespace {

const VisibleItem* text_item(const ImGuiHarness& h, const std::string& label) {
    for (const VisibleItem& item : h.report().items) {
        if (item.label == label) return &item;
    }
    return nullptr;
}

std::string long_text() {
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "partnership ";
    return text;
}

}  // namespace

TEST_CASE("text wider than its window is reported as cut off, text that fits is not") {
    ImGuiHarness h;
    const std::string wide = long_text();
    h.frame([&](UiContext& ctx) {
        plaza::ui::Text(ctx, ctx.fonts.body, "Ghent", IM_COL32_WHITE);
        plaza::ui::Text(ctx, ctx.fonts.body, wide, IM_COL32_WHITE);
        plaza::ui::TextWrapped(ctx, ctx.fonts.body, wide + "wrapped", IM_COL32_WHITE);
    });
    REQUIRE(text_item(h, "Ghent"));
    CHECK_FALSE(text_item(h, "Ghent")->clipped);
    REQUIRE(text_item(h, wide));
    CHECK(text_item(h, wide)->clipped);
    REQUIRE(text_item(h, wide + "wrapped"));
    CHECK_FALSE(text_item(h, wide + "wrapped")->clipped);
    CHECK(h.report().describe_clipped().find("\"partnership partnership") == 0);
}

TEST_CASE(
    "text below the bottom of the screen is cut off; in a scroll area it is only out of view") {
    ImGuiHarness h(ImVec2(1280, 800));
    h.frame([&](UiContext& ctx) {
        ImGui::BeginChild("area", ImVec2(0, 200));
        ImGui::Dummy(ImVec2(10, 400));
        plaza::ui::Text(ctx, ctx.fonts.body, "scrolled away", IM_COL32_WHITE);
        ImGui::EndChild();
        ImGui::Dummy(ImVec2(10, 700));
        plaza::ui::Text(ctx, ctx.fonts.body, "below the screen", IM_COL32_WHITE);
    });
    CHECK(text_item(h, "scrolled away") == nullptr);  // not recorded outside spoken mode
    REQUIRE(text_item(h, "below the screen"));
    CHECK(text_item(h, "below the screen")->clipped);
    CHECK_FALSE(text_item(h, "below the screen")->visible);

    plaza::ui::SpokenFocus focus;
    h.spoken = &focus;
    h.frame([&](UiContext& ctx) {
        ImGui::BeginChild("area", ImVec2(0, 200));
        ImGui::Dummy(ImVec2(10, 400));
        plaza::ui::Text(ctx, ctx.fonts.body, "scrolled away", IM_COL32_WHITE);
        ImGui::EndChild();
    });
    REQUIRE(text_item(h, "scrolled away"));  // spoken mode walks through all of it
    CHECK_FALSE(text_item(h, "scrolled away")->visible);
    CHECK_FALSE(text_item(h, "scrolled away")->clipped);
    CHECK_FALSE(h.report().shows_text("scrolled away"));
}

TEST_CASE("text squeezed into a sliver beside other items counts as cut off") {
    ImGuiHarness h(ImVec2(1280, 800));
    h.frame([&](UiContext& ctx) {
        ImGui::Dummy(ImVec2(1245, 10));
        ImGui::SameLine();
        plaza::ui::TextWrapped(ctx, ctx.fonts.body, "Partnerships for the goals", IM_COL32_WHITE);
        plaza::ui::TextWrapped(ctx, ctx.fonts.body, "Room to breathe", IM_COL32_WHITE);
    });
    REQUIRE(text_item(h, "Partnerships for the goals"));
    CHECK(text_item(h, "Partnerships for the goals")->clipped);
    CHECK_FALSE(text_item(h, "Room to breathe")->clipped);
}

TEST_CASE("a button grows to fit its label whatever size it was given") {
    ImGuiHarness h;
    const std::string label = "Sustainable Development Goals and more";
    h.frame([&](UiContext& ctx) {
        TapButton(ctx, "b", label, ImVec2(10, 14));
        const float text =
            ctx.fonts.body->CalcTextSizeA(ctx.fonts.body->FontSize, FLT_MAX, 0, label.c_str()).x;
        CHECK(ImGui::GetItemRectSize().x >= text);
        CHECK(ImGui::GetItemRectSize().y >= ctx.mm(14) - 0.5f);
    });
    REQUIRE(h.find("b"));
    CHECK_FALSE(h.find("b")->clipped);
}

TEST_CASE("a grid card keeps its height and ends a long title in an ellipsis, a whole card grows") {
    ImGuiHarness h;
    const std::string title = long_text();
    float grid_height = 0, whole_height = 0, expected = 0;
    h.frame([&](UiContext& ctx) {
        expected = plaza::ui::CardHeight(ctx, 20);
        TapCard(ctx, "grid", title, "Gent", 300, 20);
        grid_height = ImGui::GetItemRectSize().y;
        CardLook whole;
        whole.whole_title = true;
        TapCard(ctx, "whole", title, "Gent", 300, 20, whole);
        whole_height = ImGui::GetItemRectSize().y;
    });
    CHECK(grid_height == doctest::Approx(expected));
    CHECK(whole_height > grid_height * 2);
    CHECK(h.find("grid")->label == title);  // the whole title is read aloud
    CHECK_FALSE(h.find("grid")->clipped);
    CHECK_FALSE(h.find("whole")->clipped);
}

TEST_CASE("a card in the room grid too short for one line of its title is reported") {
    ImGuiHarness h;
    h.frame([&](UiContext& ctx) {
        CardLook exact;
        exact.exact_height = true;
        TapCard(ctx, "tall", "Opening", "09:30", 300, 40, exact);
        TapCard(ctx, "short", "Opening", "09:30", 300, 5, exact);
    });
    CHECK_FALSE(h.find("tall")->clipped);
    CHECK(h.find("short")->clipped);
}

TEST_CASE("in spoken mode the focused control acts when activated, and only that one") {
    ImGuiHarness h;
    plaza::ui::SpokenFocus focus;
    h.spoken = &focus;
    focus.focus = focus.activate = "second";
    bool first = false, second = false;
    h.frame([&](UiContext& ctx) {
        first = TapButton(ctx, "first", "First");
        CardLook look;
        look.role = "Partnership";
        look.position = 2;
        look.count = 7;
        second = TapCard(ctx, "second", "Ghent and Đà Nẵng", "garment value chains", 300, 20, look);
    });
    CHECK_FALSE(first);
    CHECK(second);
    const VisibleItem* card = h.find("second");
    REQUIRE(card);
    CHECK(card->role == "Partnership");
    CHECK(card->position == 2);
    CHECK(card->count == 7);
    CHECK(card->detail == "garment value chains");
}
