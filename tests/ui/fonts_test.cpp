// ui::build_fonts with Debian's Noto fonts: every script the sample content uses gets a glyph,
// and characters no font has are reported instead of silently drawn as '?'.
#include <doctest/doctest.h>

#include <imgui.h>

#include "core/utf8.h"
#include "ui/fonts.h"

namespace {

std::set<char32_t> code_points_of(const std::string& text) {
    std::set<char32_t> points;
    plaza::core::collect_code_points(text, points);
    return points;
}

}  // namespace

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
    // Thai (not in Noto Sans or Noto Sans CJK) and an emoji outside the 16-bit range Dear ImGui
    // 1.86 is built for.
    const auto points = code_points_of("Ghent กรุงเทพ 😀");
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, points, 4.0f);
    CHECK(fonts.error.empty());
    REQUIRE(fonts.missing.size() == 8);
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
