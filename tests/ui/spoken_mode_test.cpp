// SPDX-License-Identifier: GPL-3.0-or-later
// ui::SpokenMode on hand-made frame reports: where the focus starts on a new screen, how items
// are read (role, position, each part in its language), moving, wrapping, long lists that only
// build what is in view, and selecting.
#include <doctest/doctest.h>

#include <string>

#include "core/frame_report.h"
#include "core/speech.h"
#include "ui/spoken_mode.h"

using plaza::core::FrameReport;
using plaza::core::RecordingSpeech;
using plaza::core::VisibleItem;
using plaza::ui::SpokenMode;

namespace {

VisibleItem control(const std::string& id, const std::string& label) {
    VisibleItem item;
    item.kind = VisibleItem::Kind::control;
    item.id = id;
    item.label = label;
    return item;
}

VisibleItem text(const std::string& label, bool heading = false) {
    VisibleItem item;
    item.label = label;
    item.heading = heading;
    return item;
}

VisibleItem card(int position, int count, const std::string& title) {
    VisibleItem item = control("partnerships/item/" + std::to_string(position), title);
    item.role = "Partnership";
    item.position = position;
    item.count = count;
    item.list = "partnerships";
    return item;
}

std::string last(const RecordingSpeech& speech) {
    REQUIRE_FALSE(speech.said().empty());
    return plaza::core::utterance_text(speech.said().back());
}

FrameReport screen(const std::string& id, std::vector<VisibleItem> items) {
    FrameReport report;
    report.screen_id = id;
    report.items = std::move(items);
    return report;
}

}  // namespace

TEST_CASE("spoken mode starts with how it works and the screen's first item after Back") {
    RecordingSpeech speech;
    SpokenMode mode(&speech);
    CHECK(mode.focus() == nullptr);
    mode.start();
    REQUIRE(mode.focus() != nullptr);
    const FrameReport home =
        screen("home", {control("nav/back", "Back"), text("Plaza", true),
                        control("home/search", "Search"), control("spoken/next", "Next")});
    CHECK(mode.after_frame(home, "en"));
    CHECK(last(speech).rfind("Spoken mode.", 0) == 0);
    CHECK(last(speech).find("Plaza heading") != std::string::npos);
    CHECK(mode.focus()->focus == "text:Plaza");

    mode.request(SpokenMode::Move::next);
    CHECK(mode.after_frame(home, "en"));
    CHECK(last(speech) == "Search button");
    // The bottom controls are not in the focus order: next wraps to the top and says so.
    mode.request(SpokenMode::Move::next);
    mode.after_frame(home, "en");
    CHECK(last(speech) == "Back at the top Back button");
    mode.request(SpokenMode::Move::previous);
    mode.after_frame(home, "en");
    CHECK(last(speech) == "Search button");
    CHECK_FALSE(mode.after_frame(home, "en"));  // nothing asked, nothing said
    CHECK(speech.said().size() == 4);
}

TEST_CASE("an item is read with its role and position, each part in its own language") {
    VisibleItem c = card(3, 12, "Ghent and Đà Nẵng");
    c.detail = "garment value chains";
    c.language = "es";
    const auto parts = SpokenMode::reading(c, "ca");
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].text == "Partnership 3 de 12:");
    CHECK(parts[0].language == "ca");
    CHECK(parts[1].text == "Ghent and Đà Nẵng,");
    CHECK(parts[1].language == "es");
    CHECK(parts[2].language == "es");
    CHECK(plaza::core::utterance_text(SpokenMode::reading(
              card(3, 12, "Ghent and Đà Nẵng"), "en")) == "Partnership 3 of 12: Ghent and Đà Nẵng");

    VisibleItem chip = control("f", "Fair trade");
    chip.toggle = true;
    chip.role = "filter";
    CHECK(plaza::core::utterance_text(SpokenMode::reading(chip, "en")) == "Fair trade filter, off");
    chip.selected = true;
    CHECK(plaza::core::utterance_text(SpokenMode::reading(chip, "fr")) ==
          "Fair trade filter, activé");
    CHECK(plaza::core::utterance_text(SpokenMode::reading(text("Summary", true), "es")) ==
          "Summary encabezado");
}

TEST_CASE("next in a long list scrolls to a card that is not built yet, then says it") {
    RecordingSpeech speech;
    SpokenMode mode(&speech);
    mode.start();
    const FrameReport top = screen("partnerships", {card(1, 500, "Ghent"), card(2, 500, "Lyon")});
    mode.after_frame(top, "en");
    CHECK(last(speech).find("Partnership 1 of 500: Ghent") != std::string::npos);
    mode.request(SpokenMode::Move::next);
    mode.after_frame(top, "en");
    CHECK(last(speech) == "Partnership 2 of 500: Lyon");
    mode.request(SpokenMode::Move::next);
    CHECK(mode.after_frame(top, "en"));
    // Card 3 is not built: the list is asked to bring index 2 into view, nothing said yet.
    CHECK(mode.focus()->list == "partnerships");
    CHECK(mode.focus()->list_index == 2);
    CHECK(last(speech) == "Partnership 2 of 500: Lyon");
    const FrameReport scrolled =
        screen("partnerships", {card(2, 500, "Lyon"), card(3, 500, "Malmö")});
    CHECK(mode.after_frame(scrolled, "en"));
    CHECK(last(speech) == "Partnership 3 of 500: Malmö");
    CHECK(mode.focus()->list.empty());
    CHECK(mode.focus()->focus == "partnerships/item/3");
}

TEST_CASE("select presses the focused control in the next frame, or reads a text again") {
    RecordingSpeech speech;
    SpokenMode mode(&speech);
    mode.start();
    const FrameReport home = screen("home", {text("Plaza"), control("home/search", "Search")});
    mode.after_frame(home, "en");
    mode.request(SpokenMode::Move::select);
    CHECK_FALSE(mode.after_frame(home, "en"));
    CHECK(last(speech).find("Plaza") != std::string::npos);
    CHECK(mode.focus()->activate.empty());
    mode.request(SpokenMode::Move::next);
    mode.after_frame(home, "en");
    mode.request(SpokenMode::Move::select);
    CHECK(mode.after_frame(home, "en"));
    CHECK(mode.focus()->activate == "home/search");
    // The control acted in the frame drawn since; the request does not linger.
    mode.after_frame(home, "en");
    CHECK(mode.focus()->activate.empty());
}

TEST_CASE("stopping silences the voice and hands the widgets no focus") {
    RecordingSpeech speech;
    SpokenMode mode(&speech);
    mode.start();
    mode.after_frame(screen("home", {text("Plaza")}), "en");
    mode.stop();
    CHECK(speech.stops() == 1);
    CHECK(mode.focus() == nullptr);
    CHECK_FALSE(mode.after_frame(screen("search", {text("Search")}), "en"));
    CHECK(speech.said().size() == 1);
}
