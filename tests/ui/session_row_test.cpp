// SPDX-License-Identifier: GPL-3.0-or-later
// ui::SessionRow at any text size: the time column widens with the text instead of running
// into the title, and a long line of room, language and speakers wraps inside the row instead
// of being cut off at its edge.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imgui_harness.h"
#include "ui/screens/programme_parts.h"

namespace {

plaza::ui::ProgrammeSession session(std::vector<std::string> speakers) {
    plaza::ui::ProgrammeSession s;
    s.starts = "11:00";
    s.ends = "12:00";
    s.item.id = 7;
    s.item.title = "Buying and making garments fairly";
    s.item.room = "Room 1";
    s.item.language = "en";
    for (auto& name : speakers)
        s.item.speakers.push_back({0, std::move(name), ""});
    return s;
}

// The height of the row `s` drawn `width` pixels wide.
float row_height(plaza::test::ImGuiHarness& ui, const plaza::ui::ProgrammeSession& s, float width) {
    plaza::content::EventInfo event;
    event.languages = {{"en", "English"}};
    ui.frame(
        [&](plaza::ui::UiContext& ctx) { plaza::ui::SessionRow(ctx, "row", s, width, event); });
    const plaza::core::VisibleItem* row = ui.find("row");
    REQUIRE(row != nullptr);
    return row->rect.height;
}

}  // namespace

TEST_CASE("a session row grows for details that need a second line instead of cutting them") {
    plaza::test::ImGuiHarness ui(ImVec2(1280, 800));
    const float short_row = row_height(ui, session({"Marta Puig"}), 600);
    const float long_row = row_height(
        ui,
        session({"Pieter De Smet (illustrative)", "Nguyễn Thị Lan (illustrative)",
                 "Kim Min-jun (illustrative)", "Marta Puig (illustrative)", "Ana Lopes"}),
        600);
    CHECK(long_row >= short_row + ImGui::GetFont()->FontSize);
}

TEST_CASE("a narrow session row is taller and still names time and details") {
    plaza::test::ImGuiHarness ui(ImVec2(1280, 800));
    const plaza::ui::ProgrammeSession s = session({"Marta Puig"});
    // The default font's widest time is about 80 px: a time column at 400 px; at 150 px the
    // time goes on its own line above the title.
    const float wide = row_height(ui, s, 400);
    const float narrow = row_height(ui, s, 150);
    CHECK(narrow > wide);
    // The recorded text says the time and the details either way.
    bool told = false;
    for (const auto& item : ui.report().items)
        told = told || item.label == "11:00–12:00 · Room 1 · English · Marta Puig";
    CHECK(told);
}

TEST_CASE("a session in a language the event does not offer names it in the visitor's language") {
    plaza::test::ImGuiHarness ui(ImVec2(1280, 800));
    plaza::content::EventInfo event;
    event.languages = {{"en", "English"}, {"fr", "Fran\u00e7ais"}};
    event.language_names["pt"] = {{"en", "Portuguese"}, {"fr", "portugais"}};
    plaza::ui::ProgrammeSession s = session({"Ana Lopes"});
    // True when the row, drawn for a visitor in `language`, says `expected` as its details.
    auto says = [&](const std::string& language, const std::string& session_language,
                    const std::string& expected) {
        s.item.language = session_language;
        ui.frame([&](plaza::ui::UiContext& ctx) {
            ctx.language = language;
            plaza::ui::SessionRow(ctx, "row", s, 600, event);
        });
        for (const auto& item : ui.report().items)
            if (item.label ==
                "11:00\u201312:00 \u00b7 Room 1 \u00b7 " + expected + " \u00b7 Ana Lopes")
                return true;
        return false;
    };
    CHECK(says("fr", "pt", "portugais"));
    CHECK(says("en", "pt", "Portuguese"));
    // An event language keeps its own name; a language with no stored name shows its code.
    CHECK(says("fr", "en", "English"));
    CHECK(says("fr", "de", "de"));
}
