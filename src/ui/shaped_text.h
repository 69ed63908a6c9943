// SPDX-License-Identifier: GPL-3.0-or-later
// Text in scripts that Dear ImGui 1.86 cannot draw a glyph per code point, left to right (Arabic,
// Hebrew, the Indic scripts, Thai, Lao, Khmer, Myanmar...): put in visual order by the Unicode
// bidirectional algorithm (FriBidi) and shaped by HarfBuzz with the real Noto face. Each shaped,
// positioned glyph gets a private-use code point in every font of the atlas, its bitmap rasterised
// by FreeType into the atlas, so the visual text is an ordinary string that every Dear ImGui call
// measures, wraps at its spaces and draws. Latin, Greek, Cyrillic and CJK never come here.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

struct ImFont;
struct ImFontAtlas;
struct FT_LibraryRec_;

namespace plaza::ui {

// Where the atlas's texture coordinates put a glyph's top row: a sixty-fourth of a row below its
// edge. SDL 2.26's software renderer finds the row by truncation (SW_QueueGeometry in
// src/render/software/SDL_render_sw.c: (int)(v * texture->h)), and for a texture height that
// is not a power of two y / h * h can come out just under y: the glyph would be drawn from the
// row above. A GPU's filtering mixes in a sixty-fourth of the row below, which no eye sees.
inline constexpr float kAtlasRowNudge = 1.0f / 64.0f;

// True for the characters of the scripts that need shaping or are written right to left.
bool needs_shaping(char32_t cp);
// True when `text` holds such a character (a quick look at the bytes first).
bool has_shaped_script(const std::string& text);

// Breaks `text` into lines no wider than `width` as `measure` finds them, at its spaces and
// newlines, in logical order: each line is then ordered and shaped on its own, so that a
// right-to-left paragraph reads from its first line down. A word wider than a line has a line
// of its own.
std::vector<std::string> break_lines(const std::string& text, float width,
                                     const std::function<float(const std::string&)>& measure);

// Puts runs of text (anything with an embedding `level`) in visual order by rule L2 of UAX #9:
// from the highest level down to the lowest odd one, every sequence at that level or above is
// reversed.
template <typename Run>
void reorder_by_level(std::vector<Run>& runs) {
    int highest = 0, lowest_odd = 127;
    for (const Run& r : runs) {
        highest = std::max<int>(highest, r.level);
        if (r.level % 2) lowest_odd = std::min<int>(lowest_odd, r.level);
    }
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (std::size_t i = 0; i < runs.size();) {
            if (runs[i].level < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < runs.size() && runs[j].level >= level)
                ++j;
            std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(i),
                         runs.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
}

struct ShapingFace {
    std::string regular, bold;
    std::vector<char32_t> code_points;  // the content's characters this face draws
};

class Shaper {
  public:
    // `reserved`: code points the atlas uses otherwise (icons, the content's own private-use
    // characters), never given to a shaped glyph. `primary`: the atlas's first font file, whose
    // em the shaped faces match.
    Shaper(std::vector<ShapingFace> faces, const std::set<char32_t>& reserved,
           const std::string& primary);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // True when a face here draws `cp` (shaped).
    bool covers(char32_t cp) const;

    // Atlas building: begin_atlas() after each ImFontAtlas::Clear; before ImFontAtlas::Build,
    // rasterises the glyphs the content's characters can shape into (the faces' closures, at `px`
    // of the font's own line height) and reserves their rectangles; after it, copies the bitmaps
    // in. `bold` takes the bold faces.
    void begin_atlas();
    void reserve_glyphs(ImFontAtlas& atlas, ImFont* font, float px, bool bold);
    // Draws `font` with the glyphs reserved for `like` (italic uses the regular's).
    void share_glyphs(ImFont* font, ImFont* like);
    void copy_glyphs(ImFontAtlas& atlas);
    // The pixels the faces' glyphs would take at `px`, before rasterising them.
    double estimate_area(float px) const;
    // Keeps the faces whose glyphs at `px` fit `area` pixels, in order; the others draw nothing
    // (their characters count as missing).
    void keep_faces(float px, double area);

    // The text as Dear ImGui draws it: `logical` itself unless it holds a shaped script, else in
    // visual order with each shaped glyph as its private-use code point (a space stays a space).
    // The reference stays valid until the next call.
    const std::string& visual(const std::string& logical);

    // What visual() made of a text, for tests and the report: each glyph's face file (empty for
    // a character drawn from the atlas's own fonts) and glyph id (the code point there), and
    // HarfBuzz's offsets and advance in font units.
    struct Glyph {
        std::string face;
        std::uint32_t id = 0;
        int x_offset = 0, y_offset = 0, x_advance = 0;
    };
    std::vector<Glyph> glyphs_of_visual(const std::string& visual) const;
    // Texts that could not be shaped (no face, or the private-use code points ran out).
    std::size_t unshaped() const { return unshaped_; }

  private:
    struct Face;
    struct FontGlyphs;
    struct Key {
        int face;
        std::uint32_t glyph;
        std::int32_t x_offset, y_offset, x_advance;  // font units
        bool operator<(const Key& o) const;
    };
    int face_of(char32_t cp) const;
    // True for a character of the content only a shaping face has (the danda, the Arabic
    // comma): the atlas has no glyph of its own for it.
    bool assigned(char32_t cp) const;
    void append_run(const std::vector<char32_t>& text, std::size_t begin, std::size_t end, bool rtl,
                    std::string& out);
    void append_shaped(const std::vector<char32_t>& text, std::size_t begin, std::size_t end,
                       int face, bool rtl, std::string& out);
    char32_t slot_for(const Key& key);

    FT_LibraryRec_* library_ = nullptr;
    float em_per_line_ = 1.0f;
    bool dirty_ = false;  // glyphs added since the fonts' lookup tables were built
    std::vector<std::unique_ptr<Face>> faces_;
    std::vector<std::unique_ptr<FontGlyphs>> fonts_;
    std::vector<char32_t> free_slots_;  // private-use code points not yet given, last first
    std::map<Key, char32_t> slots_;
    std::unordered_map<char32_t, Key> keys_;
    std::unordered_map<std::string, std::string> cache_;
    std::size_t unshaped_ = 0;
};

}  // namespace plaza::ui
