// SPDX-License-Identifier: GPL-3.0-or-later
// Both palettes against WCAG 2.1: every text/background pair the widgets draw at least 4.5:1,
// large text and the boundaries of controls at least 3:1.
#include <doctest/doctest.h>

#include <string>

#include "ui/theme.h"

using plaza::ui::ColourPair;
using plaza::ui::contrast_ratio;

namespace {

void check_palette(const plaza::ui::Theme& theme, const std::string& name) {
    const auto pairs = plaza::ui::colour_pairs(theme);
    REQUIRE(pairs.size() >= 10);
    for (const ColourPair& pair : pairs) {
        const float ratio = contrast_ratio(pair.foreground, pair.background);
        INFO(name << ": " << pair.what << " is " << ratio << ":1, needs " << pair.minimum << ":1");
        CHECK(ratio >= pair.minimum);
    }
}

}  // namespace

TEST_CASE("contrast ratio follows WCAG 2.1's formula") {
    CHECK(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) ==
          doctest::Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)) ==
          doctest::Approx(1.0));
    // #767676 on white is the classic just-passing grey: 4.54:1.
    CHECK(contrast_ratio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)) ==
          doctest::Approx(4.54).epsilon(0.01));
    // The order of the colours does not matter.
    CHECK(contrast_ratio(IM_COL32(0, 84, 147, 255), IM_COL32(246, 244, 239, 255)) ==
          doctest::Approx(contrast_ratio(IM_COL32(246, 244, 239, 255), IM_COL32(0, 84, 147, 255))));
}

TEST_CASE("a pair below the minimum is caught") {
    plaza::ui::Theme washed_out;
    washed_out.text_muted = IM_COL32(170, 170, 170, 255);
    bool caught = false;
    for (const ColourPair& pair : plaza::ui::colour_pairs(washed_out)) {
        if (contrast_ratio(pair.foreground, pair.background) < pair.minimum) caught = true;
    }
    CHECK(caught);
}

TEST_CASE("the standard palette meets WCAG 2.1 AA contrast") {
    check_palette(plaza::ui::Theme{}, "standard");
}

TEST_CASE("the high-contrast palette meets WCAG 2.1 AA contrast, and AAA for text") {
    const plaza::ui::Theme high = plaza::ui::high_contrast_theme();
    check_palette(high, "high contrast");
    for (const ColourPair& pair : plaza::ui::colour_pairs(high)) {
        INFO(pair.what);
        if (pair.minimum >= 4.5f) CHECK(contrast_ratio(pair.foreground, pair.background) >= 7.0f);
    }
}

TEST_CASE("switching palettes changes what the widgets draw with") {
    plaza::ui::use_high_contrast(true);
    CHECK(plaza::ui::high_contrast_in_use());
    CHECK(plaza::ui::theme().background == IM_COL32(0, 0, 0, 255));
    plaza::ui::use_high_contrast(false);
    CHECK_FALSE(plaza::ui::high_contrast_in_use());
    CHECK(plaza::ui::theme().background == plaza::ui::Theme{}.background);
}

TEST_CASE("an event's colour is darkened until white text on it is readable") {
    // A light yellow and a mid grey an organiser might choose: both too light for white text.
    for (ImU32 chosen : {IM_COL32(252, 195, 11, 255), IM_COL32(150, 150, 150, 255)}) {
        REQUIRE(contrast_ratio(IM_COL32_WHITE, chosen) < 4.5f);
        const ImU32 band = plaza::ui::readable_under_white(chosen);
        CHECK(contrast_ratio(IM_COL32_WHITE, band) >= 4.5f);
    }
    // A colour that is already dark enough stays as it is.
    CHECK(plaza::ui::readable_under_white(IM_COL32(0, 84, 147, 255)) == IM_COL32(0, 84, 147, 255));
    // In use, the standard palette's brand band passes with it; high contrast keeps its own.
    plaza::ui::use_brand_colour(IM_COL32(252, 195, 11, 255));
    check_palette(plaza::ui::theme(), "standard with a yellow brand colour");
    CHECK(plaza::ui::theme().brand != IM_COL32(252, 195, 11, 255));
    plaza::ui::use_high_contrast(true);
    CHECK(plaza::ui::theme().brand == plaza::ui::high_contrast_theme().brand);
    plaza::ui::use_high_contrast(false);
    plaza::ui::use_brand_colour(0);
    CHECK(plaza::ui::theme().brand == plaza::ui::Theme{}.brand);
}
