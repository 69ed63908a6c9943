// SPDX-License-Identifier: GPL-3.0-or-later
// ui::OnScreenKeyboard: typing by tapping keys, whole-character delete, clear, space rules,
// per-language layouts and touch-sized keys.
#include <doctest/doctest.h>

#include "imgui_harness.h"
#include "ui/theme.h"
#include "ui/widgets/onscreen_keyboard.h"

using plaza::test::ImGuiHarness;

namespace {

struct KeyboardScreen {
    std::string text;
    int changes = 0;
    void operator()(plaza::ui::UiContext& ctx) {
        if (plaza::ui::OnScreenKeyboard(ctx, text, 12)) ++changes;
    }
};

}  // namespace

TEST_CASE("tapping keys types their characters, delete removes one character, clear all") {
    ImGuiHarness h;
    h.language = "ca";
    KeyboardScreen screen;
    auto draw = [&](plaza::ui::UiContext& ctx) { screen(ctx); };
    h.frame(draw);
    for (const char* key : {"g", "h", " ", "ç", "à"})
        h.tap(std::string("keyboard/key/") + key, draw);
    CHECK(screen.text == "gh çà");
    CHECK(screen.changes == 5);
    h.tap("keyboard/delete", draw);
    CHECK(screen.text == "gh ç");  // "à" is two bytes; both went
    h.tap("keyboard/delete", draw);
    CHECK(screen.text == "gh ");
    h.tap("keyboard/clear", draw);
    CHECK(screen.text.empty());
}

TEST_CASE("space is not typed first or twice in a row, and the text has a length limit") {
    ImGuiHarness h;
    KeyboardScreen screen;
    auto draw = [&](plaza::ui::UiContext& ctx) { screen(ctx); };
    h.frame(draw);
    h.tap("keyboard/key/ ", draw);
    CHECK(screen.text.empty());
    h.tap("keyboard/key/a", draw);
    h.tap("keyboard/key/ ", draw);
    h.tap("keyboard/key/ ", draw);
    CHECK(screen.text == "a ");
    for (int i = 0; i < 20; ++i)
        h.tap("keyboard/key/b", draw);
    CHECK(screen.text.size() == 12);
}

TEST_CASE("each language's keyboard offers its own letters") {
    CHECK(plaza::ui::keyboard_layout("es").rows[2].back() == "ñ");
    CHECK(plaza::ui::keyboard_layout("ca").rows[2].back() == "ç");
    CHECK(plaza::ui::keyboard_layout("fr").rows[1].front() == "a");  // AZERTY
    CHECK(plaza::ui::keyboard_layout("vi").language == "en");        // fallback
    ImGuiHarness h;
    h.language = "fr";
    KeyboardScreen screen;
    h.frame([&](plaza::ui::UiContext& ctx) { screen(ctx); });
    CHECK(h.find("keyboard/key/œ") != nullptr);
    CHECK(h.find("keyboard/key/ñ") == nullptr);
}

TEST_CASE("every key is at least 12 mm tall and wide enough to hit") {
    ImGuiHarness h(ImVec2(1080, 1920));  // a portrait panel, the narrowest layout
    h.language = "fr";
    KeyboardScreen screen;
    h.frame([&](plaza::ui::UiContext& ctx) { screen(ctx); });
    int keys = 0;
    for (const auto& item : h.report().items) {
        if (item.kind != plaza::core::VisibleItem::Kind::control) continue;
        ++keys;
        CAPTURE(item.id);
        CHECK(item.rect.height >= plaza::ui::kMinTargetMm * h.px_per_mm());
        CHECK(item.rect.width >= plaza::ui::kMinTargetMm * h.px_per_mm());
    }
    CHECK(keys > 40);
}

TEST_CASE("delete_last_character removes whole UTF-8 characters") {
    std::string s = "Łódź서";
    plaza::ui::delete_last_character(s);
    CHECK(s == "Łódź");
    plaza::ui::delete_last_character(s);
    CHECK(s == "Łód");
    std::string empty;
    plaza::ui::delete_last_character(empty);
    CHECK(empty.empty());
}
