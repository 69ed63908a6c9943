// SPDX-License-Identifier: GPL-3.0-or-later
// ui::build_fonts with Debian's Noto fonts: every script the sample content uses gets a glyph,
// and characters no font has are reported instead of silently drawn as '?'.
#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "content/limits.h"
#include "core/utf8.h"
#include "ui/fonts.h"
#include "ui/i18n/phrases.h"
#include "ui/widgets/onscreen_keyboard.h"

namespace {

std::set<char32_t> code_points_of(const std::string& text) {
    std::set<char32_t> points;
    plaza::core::collect_code_points(text, points);
    return points;
}

// Every character of the interface's own text: each phrase in each language Plaza ships, each key
// of its keyboards, and the separators the screens put between the parts of a line.
std::set<char32_t> interface_code_points() {
    std::set<char32_t> points = code_points_of("\u00B7\u2013\u2014");
    for (const plaza::ui::Translation* translation : plaza::ui::translations()) {
        for (int p = 0; p < static_cast<int>(plaza::ui::Phrase::count); ++p)
            plaza::core::collect_code_points(
                plaza::ui::tr(translation->language, static_cast<plaza::ui::Phrase>(p)), points);
        for (const auto& row : plaza::ui::keyboard_layout(translation->language).rows) {
            for (const std::string& key : row)
                plaza::core::collect_code_points(key, points);
        }
    }
    points.erase(U' ');
    points.erase(U'\n');
    return points;
}

}  // namespace

TEST_CASE("every phrase and keyboard key of every language has a glyph whatever the content") {
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, code_points_of("Ghent"), 4.0f);
    REQUIRE(fonts.error.empty());
    const std::set<char32_t> points = interface_code_points();
    CHECK(points.count(U'\u0153'));  // the French keyboard's œ
    CHECK(points.count(U'\u00E7'));  // ç of the Catalan and French ones
    for (char32_t cp : points) {
        CAPTURE(static_cast<unsigned>(cp));
        for (const ImFont* font : {fonts.body, fonts.body_bold, fonts.heading, fonts.title})
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
    // Letters beyond Latin-1 the interface never writes come from the content alone.
    CHECK(fonts.title->FindGlyphNoFallback(static_cast<ImWchar>(U'\u0141')) == nullptr);
    ImFontAtlas with_lodz;
    const plaza::ui::FontSet lodz = plaza::ui::build_fonts(with_lodz, code_points_of("Łódź"), 4.0f);
    for (const ImFont* font :
         {lodz.body, lodz.body_bold, lodz.body_italic, lodz.heading, lodz.title})
        CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(U'\u0141')) != nullptr);
}

TEST_CASE("the display and poster sizes hold their own texts and nothing else") {
    const std::string title = "Łódź and Seoul: 서울";
    std::set<char32_t> large = code_points_of(title);
    std::set<char32_t> invitation;
    for (const plaza::ui::Translation* translation : plaza::ui::translations())
        plaza::core::collect_code_points(
            plaza::ui::tr(translation->language, plaza::ui::Phrase::touch_to_start), invitation);
    large.insert(invitation.begin(), invitation.end());
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts =
        plaza::ui::build_fonts(atlas, code_points_of(title), 4.0f, {}, {}, large);
    REQUIRE(fonts.error.empty());
    CHECK(fonts.missing.empty());
    for (char32_t cp : large) {
        CAPTURE(static_cast<unsigned>(cp));
        if (cp != U' ')
            CHECK(fonts.poster->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
    for (char32_t cp : large) {
        CAPTURE(static_cast<unsigned>(cp));
        if (cp != U' ')
            CHECK(fonts.display->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
    // Dear ImGui's wrapping, ellipsis and missing glyph.
    for (char32_t cp : {U' ', U'.', U'?'}) {
        CHECK(fonts.poster->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        CHECK(fonts.display->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
    // Nothing else: a glyph at poster size takes the pixels of twenty at body size.
    for (char32_t cp : {U'Q', U'7', U'\u00E9'}) {
        CHECK(fonts.poster->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr);
        CHECK(fonts.display->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr);
    }
    // No icons at the large sizes either: the attract loop draws them in the title font.
    const auto home = static_cast<ImWchar>(0xE88A);
    CHECK(fonts.title->FindGlyphNoFallback(home) != nullptr);
    CHECK(fonts.poster->FindGlyphNoFallback(home) == nullptr);
    CHECK(fonts.display->FindGlyphNoFallback(home) == nullptr);
}

TEST_CASE("the atlas is as tall as its glyphs need, its rows a little inside each glyph's") {
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, code_points_of("Ghent"), 4.0f);
    REQUIRE(fonts.error.empty());
    CHECK((atlas.TexHeight & (atlas.TexHeight - 1)) != 0);  // not a power of two
    // The lowest glyph or rectangle ends within a few rows of the bottom.
    float lowest = 0.0f;
    for (const ImFont* font : atlas.Fonts) {
        for (const ImFontGlyph& g : font->Glyphs)
            lowest = std::max(lowest, g.V1 * static_cast<float>(atlas.TexHeight));
    }
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects)
        lowest = std::max(lowest, static_cast<float>(r.Y + r.Height));
    CHECK(lowest >= static_cast<float>(atlas.TexHeight) - 4.0f);
    // SDL's software renderer truncates v * height to a row: every glyph's first row is its own.
    for (const ImFont* font : atlas.Fonts) {
        for (const ImFontGlyph& g : font->Glyphs) {
            CAPTURE(g.Codepoint);
            const float row = g.V0 * static_cast<float>(atlas.TexHeight);
            CHECK(row - std::floor(row) > 0.0f);
            CHECK(row - std::floor(row) < 0.1f);
        }
    }
}

TEST_CASE("city names in Vietnamese, Korean, Chinese, Greek, Cyrillic and Polish all get glyphs") {
    ImFontAtlas atlas;
    const auto points = code_points_of("Đà Nẵng 서울 台北 北京 Αθήνα Київ Łódź São Paulo l·l œ €");
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, points, 4.0f);
    CHECK(fonts.error.empty());
    CHECK(fonts.missing.empty());
    REQUIRE(fonts.body != nullptr);
    for (char32_t cp : {U'서', U'台', U'ẵ', U'Ł', U'ї'}) {
        CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        CHECK(fonts.title->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
    CHECK(fonts.title->FontSize == doctest::Approx(12.0f * 4.0f));
}

TEST_CASE("characters no font provides are listed as missing") {
    ImFontAtlas atlas;
    // U+0870 (Arabic Extended-B, Unicode 14) is in no font Debian 12 installs, and an emoji is
    // outside the 16-bit range Dear ImGui 1.86 is built for.
    const auto points = code_points_of("Ghent \u0870 😀");
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, points, 4.0f);
    CHECK(fonts.error.empty());
    REQUIRE(fonts.missing.size() == 2);
    CHECK(fonts.missing.front() == U'\u0870');
    CHECK(fonts.missing.back() == U'😀');
    CHECK(plaza::ui::describe_code_points({U'ก', U'😀'}) == "U+0E01 U+1F600");
}

TEST_CASE("line breaks, soft hyphens and zero-width spaces are not counted as missing") {
    ImFontAtlas atlas;
    const auto points = code_points_of("Barce\u00ADlona\nGent\u200B");
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, points, 4.0f);
    CHECK(fonts.missing.empty());
}

TEST_CASE("a missing font file falls back to the built-in font and says which file") {
    ImFontAtlas atlas;
    plaza::ui::FontFiles files;
    files.regular = "/nonexistent/NotoSans-Regular.ttf";
    const plaza::ui::FontSet fonts =
        plaza::ui::build_fonts(atlas, code_points_of("Łódź"), 4.0f, files);
    CHECK(fonts.error ==
          "font file missing: /nonexistent/NotoSans-Regular.ttf (Debian package fonts-noto-core)");
    REQUIRE(fonts.body != nullptr);
    CHECK(fonts.missing.size() == 2);  // Ł and ź are not in Dear ImGui's built-in font
}

TEST_CASE("bold and italic draw Han and Hangul with the regular font's own glyphs") {
    // Noto Sans CJK has no bold or italic: the styles share the regular's glyphs instead of
    // holding three copies of each in the atlas.
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts =
        plaza::ui::build_fonts(atlas, code_points_of("台北 서울 Αθήνα"), 4.0f);
    CHECK(fonts.reduced.empty());
    for (const ImFont* style : {fonts.body_bold, fonts.body_italic}) {
        const ImFontGlyph* own = fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(U'台'));
        const ImFontGlyph* shared = style->FindGlyphNoFallback(static_cast<ImWchar>(U'台'));
        REQUIRE(own != nullptr);
        REQUIRE(shared != nullptr);
        CHECK(shared->U0 == own->U0);
        CHECK(shared->V0 == own->V0);
        // Greek has a bold and an italic of its own.
        CHECK(style->FindGlyphNoFallback(static_cast<ImWchar>(U'θ'))->U0 !=
              fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(U'θ'))->U0);
    }
}

TEST_CASE("a census at its limit of Han characters fits the atlas whole at every text size") {
    std::set<char32_t> points;
    for (char32_t cp = 0x4E00; cp < 0x4E00 + plaza::content::limits::kCensusCodePoints; ++cp)
        points.insert(cp);
    for (float scale : {1.0f, 1.3f, 1.6f}) {
        CAPTURE(scale);
        ImFontAtlas atlas;
        plaza::ui::FontSizesMm sizes;
        sizes.body *= scale;
        sizes.heading *= scale;
        sizes.title *= scale;
        const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, points, 4.0f, {}, sizes);
        CHECK(atlas.TexWidth <= plaza::ui::kMaxAtlasSide);
        CHECK(atlas.TexHeight <= plaza::ui::kMaxAtlasSide);
        CHECK(static_cast<long>(atlas.TexWidth) * atlas.TexHeight <= plaza::ui::kMaxAtlasPixels);
        CHECK(fonts.reduced.find("headings and titles at body size") != std::string::npos);
        CHECK(fonts.missing.empty());
        // What is drawn at all is drawn in every font: bold, italic and headings share it.
        for (const ImFont* font :
             {fonts.body, fonts.body_bold, fonts.body_italic, fonts.heading, fonts.title}) {
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(U'\u4E00')) != nullptr);
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(U'\u5000')) != nullptr);
        }
    }
}

TEST_CASE("a census of every character of the BMP builds a bounded atlas and reports the rest") {
    // Without a bound: a 4096 x 32768 atlas, 1.6 GB while building, on every start.
    ImFontAtlas atlas;
    std::set<char32_t> points;
    for (char32_t cp = 0x20; cp < 0xFFFE; ++cp) {
        if (cp < 0xD800 || cp > 0xDFFF) points.insert(cp);
    }
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, points, 4.0f);
    CHECK(atlas.TexWidth <= plaza::ui::kMaxAtlasSide);
    CHECK(atlas.TexHeight <= plaza::ui::kMaxAtlasSide);
    CHECK(static_cast<long>(atlas.TexWidth) * atlas.TexHeight <= plaza::ui::kMaxAtlasPixels);
    CHECK(fonts.reduced.find("not at all (listed as missing)") != std::string::npos);
    CHECK(fonts.missing.size() > 1000);
    // What the keyboards type is always there, in every font.
    for (const ImFont* font : {fonts.body, fonts.heading, fonts.title}) {
        CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(U'œ')) != nullptr);
        CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(U'ñ')) != nullptr);
    }
}
