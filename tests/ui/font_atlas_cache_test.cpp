// SPDX-License-Identifier: GPL-3.0-or-later
// ui/font_atlas_cache with Debian's real fonts: an atlas read back from its cache file is the one
// build_fonts made (pixels, glyphs, metrics); another glyph set, size or a damaged file is a miss
// that leaves the atlas empty for build_fonts, never a crash or a wrong atlas.
#include <doctest/doctest.h>

#include <imgui.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "core/utf8.h"
#include "ui/font_atlas_cache.h"
#include "ui/fonts.h"

namespace {

namespace fs = std::filesystem;
using plaza::ui::FontSet;

std::set<char32_t> code_points_of(const std::string& text) {
    std::set<char32_t> points;
    plaza::core::collect_code_points(text, points);
    return points;
}

struct CacheFolder {
    CacheFolder() {
        path = fs::temp_directory_path() / ("plaza-atlas-cache-" + std::to_string(::getpid()));
        fs::create_directories(path);
    }
    ~CacheFolder() { fs::remove_all(path); }
    std::string file() const { return (path / "font-atlas.cache").string(); }
    fs::path path;
};

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// U+0870 (Arabic Extended-B) is in no font Debian installs for Plaza: a missing character.
const std::set<char32_t> kContent = code_points_of("Đà Nẵng 서울 台北 Αθήνα Київ Łódź \u0870");
const std::set<char32_t> kLarge = code_points_of("Cities Forum 2026");

// Builds the atlas for kContent, writes its cache file to `path`; returns the key.
std::uint64_t build_and_keep(ImFontAtlas& atlas, FontSet& set, const std::string& path) {
    set = plaza::ui::build_fonts(atlas, kContent, 4.0f, {}, {}, kLarge);
    REQUIRE(set.error.empty());
    const std::uint64_t key = plaza::ui::font_atlas_key(kContent, 4.0f, {}, {}, kLarge);
    const std::string bytes = plaza::ui::font_atlas_file(key, atlas, set);
    REQUIRE(!bytes.empty());
    std::string why;
    REQUIRE_MESSAGE(plaza::ui::write_font_atlas_file(path, bytes, why), why);
    return key;
}

void check_same_font(const ImFont* built, const ImFont* read) {
    REQUIRE(built != nullptr);
    REQUIRE(read != nullptr);
    CHECK(read->FontSize == built->FontSize);
    CHECK(read->Ascent == built->Ascent);
    CHECK(read->Descent == built->Descent);
    CHECK(read->FallbackChar == built->FallbackChar);
    for (char32_t cp : {U'A', U'서', U'ẵ', U'ї', U' '}) {
        const ImFontGlyph* a = built->FindGlyphNoFallback(static_cast<ImWchar>(cp));
        const ImFontGlyph* b = read->FindGlyphNoFallback(static_cast<ImWchar>(cp));
        REQUIRE((a == nullptr) == (b == nullptr));
        if (!a) continue;
        CHECK(b->U0 == a->U0);
        CHECK(b->V1 == a->V1);
        CHECK(b->X1 == a->X1);
        CHECK(b->AdvanceX == a->AdvanceX);
        CHECK(b->Visible == a->Visible);
    }
}

}  // namespace

TEST_CASE("a font atlas read from its cache file is the atlas build_fonts made") {
    CacheFolder folder;
    ImFontAtlas built;
    FontSet built_set;
    const std::uint64_t key = build_and_keep(built, built_set, folder.file());

    ImFontAtlas read;
    FontSet read_set;
    std::string why;
    REQUIRE_MESSAGE(plaza::ui::load_font_atlas(folder.file(), key, read, read_set, why), why);
    CHECK(read.TexWidth == built.TexWidth);
    CHECK(read.TexHeight == built.TexHeight);
    CHECK(read.TexUvWhitePixel.x == built.TexUvWhitePixel.x);
    CHECK(read.TexUvLines[3].z == built.TexUvLines[3].z);
    REQUIRE(read.TexPixelsAlpha8 != nullptr);
    CHECK(std::memcmp(read.TexPixelsAlpha8, built.TexPixelsAlpha8,
                      static_cast<std::size_t>(built.TexWidth) * built.TexHeight) == 0);
    check_same_font(built_set.body, read_set.body);
    check_same_font(built_set.body_bold, read_set.body_bold);
    check_same_font(built_set.body_italic, read_set.body_italic);
    check_same_font(built_set.heading, read_set.heading);
    check_same_font(built_set.title, read_set.title);
    check_same_font(built_set.display, read_set.display);
    check_same_font(built_set.poster, read_set.poster);
    // A character no font has is still reported missing after a start from the cache.
    CHECK(read_set.missing == built_set.missing);
    CHECK(!read_set.missing.empty());
    // Dear ImGui takes it as built: the renderer's upload path converts it.
    unsigned char* rgba = nullptr;
    int w = 0, h = 0;
    read.GetTexDataAsRGBA32(&rgba, &w, &h);
    CHECK(rgba != nullptr);
    CHECK(w == built.TexWidth);
}

TEST_CASE("another glyph set, text size or panel is a miss, never a wrong atlas") {
    CacheFolder folder;
    ImFontAtlas built;
    FontSet built_set;
    const std::uint64_t key = build_and_keep(built, built_set, folder.file());

    std::set<char32_t> more = kContent;
    more.insert(U'Ø');
    plaza::ui::FontSizesMm larger;
    larger.body *= 1.25f;
    const std::uint64_t other_keys[] = {
        plaza::ui::font_atlas_key(more, 4.0f, {}, {}, kLarge),
        plaza::ui::font_atlas_key(kContent, 4.0f, {}, {}, code_points_of("Ø")),
        plaza::ui::font_atlas_key(kContent, 4.0f, {}, larger, kLarge),
        plaza::ui::font_atlas_key(kContent, 5.0f, {}, {}, kLarge),
    };
    plaza::ui::FontFiles other_fonts;
    other_fonts.cjk_face = 0;
    for (std::uint64_t other :
         {other_keys[0], other_keys[1], other_keys[2], other_keys[3],
          plaza::ui::font_atlas_key(kContent, 4.0f, other_fonts, {}, kLarge)}) {
        CHECK(other != key);
        ImFontAtlas read;
        FontSet read_set;
        std::string why;
        CHECK_FALSE(plaza::ui::load_font_atlas(folder.file(), other, read, read_set, why));
        CHECK(why.find("was made for other fonts") != std::string::npos);
        CHECK(read.Fonts.Size == 0);
        CHECK(read_set.body == nullptr);
    }
    // The same arguments give the same key: a restart on the same content hits.
    CHECK(plaza::ui::font_atlas_key(kContent, 4.0f, {}, {}, kLarge) == key);
}

TEST_CASE("a damaged, cut, foreign or missing cache file is a miss with a reason") {
    CacheFolder folder;
    ImFontAtlas built;
    FontSet built_set;
    const std::uint64_t key = build_and_keep(built, built_set, folder.file());
    const std::string good = read_all(folder.file());
    REQUIRE(good.size() > 1000);

    const auto expect_miss = [&](const std::string& bytes, const char* reason) {
        CAPTURE(reason);
        write_all(folder.file(), bytes);
        ImFontAtlas read;
        FontSet read_set;
        std::string why;
        CHECK_FALSE(plaza::ui::load_font_atlas(folder.file(), key, read, read_set, why));
        CHECK(why.find(reason) != std::string::npos);
        CHECK(read.Fonts.Size == 0);
        CHECK(read.TexPixelsAlpha8 == nullptr);
        CHECK(read_set.body == nullptr);
        // What the kiosk does next: build_fonts on the same atlas still works.
        const FontSet rebuilt = plaza::ui::build_fonts(read, kContent, 4.0f, {}, {}, kLarge);
        CHECK(rebuilt.error.empty());
        CHECK(rebuilt.body != nullptr);
    };
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x40);
    expect_miss(flipped, "damaged");
    std::string glyph_damage = good;
    glyph_damage[100] = static_cast<char>(glyph_damage[100] ^ 0x01);
    expect_miss(glyph_damage, "damaged");
    expect_miss(good.substr(0, good.size() - 1), "damaged");
    expect_miss(good + "x", "damaged");
    expect_miss(good.substr(0, 20), "not a font atlas cache file");
    expect_miss("", "not a font atlas cache file");
    expect_miss(std::string(4096, '\xff'), "not a font atlas cache file");

    fs::remove(folder.file());
    ImFontAtlas read;
    FontSet read_set;
    std::string why;
    CHECK_FALSE(plaza::ui::load_font_atlas(folder.file(), key, read, read_set, why));
    CHECK(why.find("no cache file") != std::string::npos);
}

TEST_CASE("an atlas on the built-in fallback font is not kept") {
    ImFontAtlas atlas;
    plaza::ui::FontFiles files;
    files.regular = "/nonexistent/NotoSans-Regular.ttf";
    const FontSet set = plaza::ui::build_fonts(atlas, kContent, 4.0f, files);
    REQUIRE(!set.error.empty());
    CHECK(plaza::ui::font_atlas_file(1, atlas, set).empty());
}

TEST_CASE("an atlas with faces for other scripts or shaped glyphs is not kept") {
    // Georgian takes a face of its own; Lao also needs shaping. Neither the faces fontconfig
    // chose nor the shaper's glyph table are in the file, so reading one back would draw "?".
    for (const char* text :
         {"\xE1\x83\x97\xE1\x83\x91\xE1\x83\x98\xE1\x83\x9A\xE1\x83\x98\xE1\x83\xA1\xE1\x83\x98",
          "\xE0\xBA\xA7\xE0\xBA\xBD\xE0\xBA\x87\xE0\xBA\x88\xE0\xBA\xB1\xE0\xBA\x99"}) {
        CAPTURE(text);
        std::set<char32_t> content = kContent;
        plaza::core::collect_code_points(text, content);
        ImFontAtlas atlas;
        const FontSet set = plaza::ui::build_fonts(atlas, content, 4.0f, {}, {}, kLarge);
        REQUIRE(set.error.empty());
        REQUIRE((!set.script_faces.empty() || set.shaper));
        CHECK(plaza::ui::font_atlas_file(3, atlas, set).empty());
    }
}

TEST_CASE("a cache file that cannot be written says where") {
    ImFontAtlas atlas;
    const FontSet set = plaza::ui::build_fonts(atlas, kContent, 4.0f, {}, {}, kLarge);
    const std::string bytes = plaza::ui::font_atlas_file(7, atlas, set);
    REQUIRE(!bytes.empty());
    std::string why;
    CHECK_FALSE(
        plaza::ui::write_font_atlas_file("/nonexistent/folder/font-atlas.cache", bytes, why));
    CHECK(why.find("/nonexistent/folder/font-atlas.cache") != std::string::npos);
}
