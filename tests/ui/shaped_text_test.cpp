// SPDX-License-Identifier: GPL-3.0-or-later
// City names in their own scripts, drawn with Debian's real Noto faces: the glyphs Plaza puts on
// screen, in their order and at their offsets, are those HarfBuzz's own hb-shape (Debian's
// libharfbuzz-bin) gives for the same text and face, and drawing a glyph per character left to
// right, as Dear ImGui does unaided, does not match it.
#include <doctest/doctest.h>

#include <hb.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "core/markdown.h"
#include "core/utf8.h"
#include "ui/fonts.h"
#include "ui/shaped_text.h"
#include "ui/widgets/content_widgets.h"

namespace {

const std::string kNoto = "/usr/share/fonts/truetype/noto/";

struct City {
    const char* name;
    const char* face;  // the Noto face that draws its script
    // False where HarfBuzz gives this very word a glyph per character at the face's advances
    // (no shaping needed): Dhaka's vowel sign follows its consonant, Bangkok's marks sit where
    // the font draws them unpositioned. Chattogram and Chiang Mai show those two scripts' need.
    bool shaped;
};

const City kCities[] = {
    {"القاهرة", "NotoSansArabic-Regular.ttf", true},
    {"عمّان", "NotoSansArabic-Regular.ttf", true},
    {"תל אביב", "NotoSansHebrew-Regular.ttf", true},
    {"नई दिल्ली", "NotoSansDevanagari-Regular.ttf", true},
    {"ঢাকা", "NotoSansBengali-Regular.ttf", false},
    {"চট্টগ্রাম", "NotoSansBengali-Regular.ttf", true},
    {"சென்னை", "NotoSansTamil-Regular.ttf", true},
    {"กรุงเทพมหานคร", "NotoSansThai-Regular.ttf", false},
    {"เชียงใหม่", "NotoSansThai-Regular.ttf", true},
    {"ວຽງຈັນ", "NotoSansLao-Regular.ttf", true},
    {"ភ្នំពេញ", "NotoSansKhmer-Regular.ttf", true},
    {"ရန်ကုန်", "NotoSansMyanmar-Regular.ttf", true},
    {"አዲስ አበባ", "NotoSansEthiopic-Regular.ttf", false},
    {"თბილისი", "NotoSansGeorgian-Regular.ttf", false},
    {"Երևան", "NotoSansArmenian-Regular.ttf", false},
};

// One glyph as drawn: its id, or "space" for the space Dear ImGui wraps at, and its place in
// font units.
struct Placed {
    std::string glyph;
    int x_offset = 0, y_offset = 0, x_advance = 0;
    bool operator==(const Placed& o) const {
        return glyph == o.glyph && x_offset == o.x_offset && y_offset == o.y_offset &&
               x_advance == o.x_advance;
    }
};

std::string describe(const std::vector<Placed>& glyphs) {
    std::string out;
    for (const Placed& p : glyphs)
        out += p.glyph + "@" + std::to_string(p.x_offset) + "," + std::to_string(p.y_offset) + "+" +
               std::to_string(p.x_advance) + " ";
    return out;
}

// The reference: HarfBuzz's command-line shaper on the face file, nothing of Plaza's code.
std::vector<Placed> hb_shape(const std::string& face, const std::string& text) {
    const std::string command = "hb-shape --no-glyph-names '" + face + "' '" + text + "'";
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe.get()))
        output += buffer;
    const std::u32string chars = plaza::core::decode_utf8(text);
    std::vector<Placed> out;
    static const std::regex glyph(R"((\d+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+))");
    for (auto it = std::sregex_iterator(output.begin(), output.end(), glyph);
         it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        const auto cluster = std::stoul(m[2]);
        Placed p;
        p.glyph = cluster < chars.size() && chars[cluster] == U' ' ? "space" : m[1].str();
        if (m[3].matched) p.x_offset = std::stoi(m[3]), p.y_offset = std::stoi(m[4]);
        p.x_advance = std::stoi(m[5]);
        out.push_back(p);
    }
    return out;
}

// A glyph per character from the face's character map, in the order typed, at the face's own
// advances: what Dear ImGui draws without shaping.
std::vector<Placed> unshaped(const std::string& face, const std::string& text) {
    hb_blob_t* blob = hb_blob_create_from_file(face.c_str());
    hb_face_t* hb_face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(hb_face);
    std::vector<Placed> out;
    for (char32_t cp : plaza::core::decode_utf8(text)) {
        hb_codepoint_t g = 0;
        hb_font_get_nominal_glyph(font, cp, &g);
        Placed p;
        p.glyph = cp == U' ' ? "space" : std::to_string(g);
        p.x_advance = hb_font_get_glyph_h_advance(font, g);
        out.push_back(p);
    }
    hb_font_destroy(font);
    hb_face_destroy(hb_face);
    hb_blob_destroy(blob);
    return out;
}

// What Plaza draws: the text as shown() gives it to Dear ImGui, each shaped glyph read back
// from its private-use code point; a character drawn from the atlas by code point is taken
// from `face`'s character map at its advance.
std::vector<Placed> plaza_glyphs(const plaza::ui::FontSet& fonts, const std::string& face,
                                 const std::string& text) {
    const std::string& drawn = plaza::ui::shown(fonts, text);
    std::vector<Placed> out;
    const std::vector<plaza::ui::Shaper::Glyph> glyphs =
        fonts.shaper ? fonts.shaper->glyphs_of_visual(drawn)
                     : std::vector<plaza::ui::Shaper::Glyph>{};
    size_t i = 0;
    for (char32_t cp : plaza::core::decode_utf8(drawn)) {
        if (!glyphs.empty() && !glyphs[i].face.empty()) {
            CHECK(glyphs[i].face == face);
            out.push_back({std::to_string(glyphs[i].id), glyphs[i].x_offset, glyphs[i].y_offset,
                           glyphs[i].x_advance});
        } else {
            std::string one;
            plaza::core::append_utf8(one, cp);
            out.push_back(unshaped(face, one).front());
        }
        ++i;
    }
    return out;
}

std::set<char32_t> code_points_of(const std::string& text) {
    std::set<char32_t> points;
    plaza::core::collect_code_points(text, points);
    return points;
}

}  // namespace

TEST_CASE("fifteen city names in twelve scripts draw hb-shape's glyphs in its order and places") {
    std::string all = "Partnership of Barcelona and الرباط";
    for (const City& c : kCities)
        all += std::string(" ") + c.name;
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, code_points_of(all), 4.0f);
    CHECK(fonts.error.empty());
    CHECK(plaza::ui::describe_code_points(fonts.missing).empty());
    REQUIRE(fonts.shaper != nullptr);
    for (const City& c : kCities) {
        const std::string name = c.name;
        CAPTURE(name);
        const std::string face = kNoto + c.face;
        const std::vector<Placed> reference = hb_shape(face, c.name);
        REQUIRE(!reference.empty());
        const std::vector<Placed> drawn = plaza_glyphs(fonts, face, c.name);
        CHECK(describe(drawn) == describe(reference));
        // Without shaping the words that need it come out wrong: other glyphs (conjuncts,
        // joined forms), another order (right to left), or marks left where the letter before
        // them ends.
        const std::vector<Placed> plain = unshaped(face, c.name);
        if (c.shaped)
            CHECK(describe(plain) != describe(reference));
        else
            CHECK(describe(plain) == describe(reference));
    }
}

TEST_CASE("every shaped glyph of a city name has its pixels in the atlas at body size") {
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts =
        plaza::ui::build_fonts(atlas, code_points_of("ວຽງຈັນ القاهرة"), 4.0f);
    REQUIRE(fonts.shaper != nullptr);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const std::string name : {"ວຽງຈັນ", "القاهرة"}) {
        CAPTURE(name);
        const std::string& drawn = plaza::ui::shown(fonts, name);
        for (char32_t cp : plaza::core::decode_utf8(drawn)) {
            const ImFontGlyph* glyph = fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(cp));
            REQUIRE(glyph != nullptr);
            REQUIRE(glyph->Visible);
            long ink = 0;
            for (int y = static_cast<int>(glyph->V0 * height); y < glyph->V1 * height; ++y) {
                for (int x = static_cast<int>(glyph->U0 * width); x < glyph->U1 * width; ++x)
                    ink += pixels[y * width + x];
            }
            CHECK(ink > 0);
        }
        // Bold headings draw them too.
        for (char32_t cp : plaza::core::decode_utf8(plaza::ui::shown(fonts, name)))
            CHECK(fonts.heading->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
}

TEST_CASE("a title mixing Latin and Arabic keeps its Latin words first and the Arabic shaped") {
    ImFontAtlas atlas;
    const std::string title = "Partnership of Barcelona and الرباط";
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, code_points_of(title), 4.0f);
    REQUIRE(fonts.shaper != nullptr);
    const std::string& drawn = plaza::ui::shown(fonts, title);
    REQUIRE(drawn.rfind("Partnership of Barcelona and ", 0) == 0);
    const std::vector<plaza::ui::Shaper::Glyph> glyphs = fonts.shaper->glyphs_of_visual(drawn);
    std::vector<Placed> arabic;
    for (size_t i = std::string("Partnership of Barcelona and ").size(); i < glyphs.size(); ++i)
        arabic.push_back({std::to_string(glyphs[i].id), glyphs[i].x_offset, glyphs[i].y_offset,
                          glyphs[i].x_advance});
    CHECK(describe(arabic) == describe(hb_shape(kNoto + "NotoSansArabic-Regular.ttf", "الرباط")));
    // The interface reads left to right: a text that starts with the Arabic name keeps it on
    // the left, and the Latin name after it.
    const std::string& arabic_first = plaza::ui::shown(fonts, "الرباط, Barcelona");
    CHECK(arabic_first.size() > std::string(", Barcelona").size());
    CHECK(arabic_first.compare(arabic_first.size() - 11, 11, ", Barcelona") == 0);
}

TEST_CASE("punctuation after a shaped name is drawn, by the atlas or by the script's face") {
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts =
        plaza::ui::build_fonts(atlas, code_points_of("नई दिल्ली, India । القاهرة، الجيزة"), 4.0f);
    REQUIRE(fonts.shaper != nullptr);
    CHECK(fonts.missing.empty());
    CHECK(plaza::ui::shown(fonts, "नई दिल्ली, India").find(", India") != std::string::npos);
    // The danda and the Arabic comma only the scripts' faces have: shaped glyphs, not '?'.
    for (const std::string text : {"नई दिल्ली ।", "القاهرة، الجيزة"}) {
        CAPTURE(text);
        for (const auto& glyph : fonts.shaper->glyphs_of_visual(plaza::ui::shown(fonts, text)))
            CHECK((!glyph.face.empty() || glyph.id == U' '));
    }
}

TEST_CASE("a right-to-left text wraps in reading order: its first words on the first line") {
    std::vector<std::string> lines =
        plaza::ui::break_lines("one two three four", 9.0f,
                               [](const std::string& s) { return static_cast<float>(s.size()); });
    CHECK(lines == std::vector<std::string>{"one two", "three", "four"});
    lines = plaza::ui::break_lines(
        "a\nb c", 100.0f, [](const std::string& s) { return static_cast<float>(s.size()); });
    CHECK(lines == std::vector<std::string>{"a", "b c"});
}

TEST_CASE("Latin, Greek, Cyrillic and CJK text stays on the fast path, untouched") {
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts =
        plaza::ui::build_fonts(atlas, code_points_of("ວຽງຈັນ Αθήνα Київ 서울 台北 Đà Nẵng"), 4.0f);
    REQUIRE(fonts.shaper != nullptr);
    for (const std::string text : {"Αθήνα", "Київ", "서울 台北", "Đà Nẵng"}) {
        CHECK(!plaza::ui::has_shaped_script(text));
        CHECK(&plaza::ui::shown(fonts, text) == &text);
    }
}

namespace {

// The glyphs of a drawn piece, its spaces left out.
std::vector<Placed> piece_glyphs(const plaza::ui::FontSet& fonts, const std::string& face,
                                 const std::string& drawn) {
    std::vector<Placed> out;
    for (const Placed& p : plaza_glyphs(fonts, face, drawn)) {
        if (p.glyph != "space") out.push_back(p);
    }
    return out;
}

std::vector<Placed> without_spaces(std::vector<Placed> glyphs) {
    glyphs.erase(std::remove_if(glyphs.begin(), glyphs.end(),
                                [](const Placed& p) { return p.glyph == "space"; }),
                 glyphs.end());
    return glyphs;
}

std::string joined(const std::vector<plaza::ui::ShapedPiece>& line) {
    std::string out;
    for (const plaza::ui::ShapedPiece& piece : line)
        out += piece.text;
    return out;
}

}  // namespace

TEST_CASE(
    "an Arabic Markdown paragraph with bold and a link draws each run as hb-shape does, "
    "the runs right to left") {
    const std::string markdown = "تتعلم مرافق **المياه** في [عمّان](https://example.org) معًا";
    const plaza::core::MarkdownDocument doc = plaza::core::parse_markdown(markdown);
    REQUIRE(doc.blocks.size() == 1);
    const std::vector<plaza::core::TextRun>& runs = doc.blocks[0].runs;
    REQUIRE(runs.size() == 5);
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts = plaza::ui::build_fonts(atlas, code_points_of(markdown), 4.0f);
    REQUIRE(fonts.shaper != nullptr);
    CHECK(fonts.missing.empty());
    const auto lines = plaza::ui::LayoutShapedRuns(fonts, runs, 10000.0f);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].size() == runs.size());
    const std::string face = kNoto + "NotoSansArabic-Regular.ttf";
    float x = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
        const plaza::ui::ShapedPiece& piece = lines[0][i];
        // The last run leftmost, the first rightmost; each run's words shaped as one text.
        CHECK(piece.run == runs.size() - 1 - i);
        CHECK(piece.x == doctest::Approx(x));
        x += piece.width;
        const std::string& text = runs[piece.run].text;
        CAPTURE(text);
        CHECK(describe(piece_glyphs(fonts, face, piece.text)) ==
              describe(without_spaces(hb_shape(face, text))));
    }
    // The spaces between the words stay between them: a space on the right of the leftmost
    // run and on the left of the rightmost, none at the line's ends.
    CHECK(lines[0].front().text.front() != ' ');
    CHECK(lines[0].front().text.back() == ' ');
    CHECK(lines[0].back().text.front() == ' ');
    CHECK(lines[0].back().text.back() != ' ');
    // Without this layout the runs would be drawn left to right in the order typed, unshaped.
    CHECK(describe(without_spaces(unshaped(face, runs[0].text))) !=
          describe(without_spaces(hb_shape(face, runs[0].text))));
}

TEST_CASE("a shaped Markdown paragraph wraps in reading order, each line within its width") {
    const std::string arabic = "تتعلم مرافق **المياه** في عمّان وفي ວຽງຈັນ معًا كيف تقلل الفاقد";
    const std::string lao = "ນ້ຳປະປາ **ວຽງຈັນ** ແລະ ອຳມານ ຮຽນຮູ້ ນຳກັນ";
    ImFontAtlas atlas;
    const plaza::ui::FontSet fonts =
        plaza::ui::build_fonts(atlas, code_points_of(arabic + lao), 4.0f);
    REQUIRE(fonts.shaper != nullptr);
    CHECK(fonts.missing.empty());
    for (const std::string& markdown : {arabic, lao}) {
        CAPTURE(markdown);
        const std::vector<plaza::core::TextRun> runs =
            plaza::core::parse_markdown(markdown).blocks.at(0).runs;
        std::string all;
        for (const auto& run : runs)
            all += run.text;
        const float width = fonts.body->FontSize * 6;
        const auto lines = plaza::ui::LayoutShapedRuns(fonts, runs, width);
        REQUIRE(lines.size() >= 2);
        // The first word on the first line, the last word on the last.
        const std::string first = all.substr(0, all.find(' '));
        const std::string last = all.substr(all.rfind(' ') + 1);
        CHECK(joined(lines.front()).find(plaza::ui::shown(fonts, first)) != std::string::npos);
        CHECK(joined(lines.back()).find(plaza::ui::shown(fonts, last)) != std::string::npos);
        for (const auto& line : lines) {
            REQUIRE(!line.empty());
            CHECK(line.back().x + line.back().width <= width + 0.5f);
        }
    }
}
