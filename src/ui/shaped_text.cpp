// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shaped_text.h"

#include "core/utf8.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fribidi.h>
#include <hb-ot.h>
#include <hb.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

namespace plaza::ui {

bool needs_shaping(char32_t cp) {
    if (cp < 0x0590) return false;  // Latin, Greek, Cyrillic, Armenian
    if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF)) return false;  // CJK
    switch (hb_unicode_script(hb_unicode_funcs_get_default(), cp)) {
        case HB_SCRIPT_COMMON:
        case HB_SCRIPT_INHERITED:
        case HB_SCRIPT_UNKNOWN:
        case HB_SCRIPT_LATIN:
        case HB_SCRIPT_GREEK:
        case HB_SCRIPT_CYRILLIC:
        case HB_SCRIPT_ARMENIAN:
        case HB_SCRIPT_GEORGIAN:
        case HB_SCRIPT_ETHIOPIC:
        case HB_SCRIPT_CHEROKEE:
        case HB_SCRIPT_CANADIAN_SYLLABICS:
        case HB_SCRIPT_HAN:
        case HB_SCRIPT_HIRAGANA:
        case HB_SCRIPT_KATAKANA:
        case HB_SCRIPT_HANGUL:
        case HB_SCRIPT_BOPOMOFO:
        case HB_SCRIPT_YI:
            return false;
        default:
            return true;
    }
}

bool has_shaped_script(const std::string& text) {
    // Lead bytes below 0xD6 start code points below U+0590: most texts end the look here.
    if (std::none_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0xD6; }))
        return false;
    for (char32_t cp : core::decode_utf8(text)) {
        if (needs_shaping(cp)) return true;
    }
    return false;
}

std::vector<std::string> break_lines(const std::string& text, float width,
                                     const std::function<float(const std::string&)>& measure) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t stop = text.find('\n', start);
        if (stop == std::string::npos) stop = text.size();
        std::string line;
        std::size_t word = start;
        while (word < stop) {
            while (word < stop && text[word] == ' ')
                ++word;
            if (word == stop) break;
            std::size_t after = text.find(' ', word);
            if (after == std::string::npos || after > stop) after = stop;
            const std::string piece = text.substr(word, after - word);
            std::string longer = line.empty() ? piece : line + ' ' + piece;
            if (!line.empty() && measure(longer) > width) {
                lines.push_back(std::move(line));
                line = piece;
            } else {
                line = std::move(longer);
            }
            word = after;
        }
        lines.push_back(std::move(line));
        start = stop + 1;
    }
    return lines;
}

namespace {

// Characters shaped with the letters around them: spaces between words, combining marks, and
// the joiners (ZWJ, ZWNJ) that choose Arabic and Indic forms.
bool joins_run(char32_t cp) {
    if (cp == U' ') return true;
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
        case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
            return true;
        default:
            return false;
    }
}

}  // namespace

struct Shaper::Face {
    std::string regular, bold;
    bool bold_same_glyphs = false;  // the bold file numbers its glyphs as the regular does
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    unsigned upem = 1000;
    std::vector<char32_t> code_points;
    std::vector<hb_codepoint_t> closure;  // every glyph the code points can shape into
    bool dropped = false;                 // left out of an atlas too small for it

    bool has(char32_t cp) const {
        hb_codepoint_t glyph = 0;
        return font && hb_font_get_nominal_glyph(font, cp, &glyph);
    }
    ~Face() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
};

// One atlas font's copies of the faces' glyphs.
struct Shaper::FontGlyphs {
    struct Bitmap {
        int rect = -1;  // ImFontAtlas custom rectangle, -1 for a glyph with no pixels
        int width = 0, height = 0, left = 0, top = 0;
        std::vector<unsigned char> pixels;  // until copied into the atlas
        float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
    };
    ImFont* font = nullptr;
    float em_px = 0.0f;
    const FontGlyphs* like = nullptr;  // draws these glyphs instead of its own
    std::vector<std::map<hb_codepoint_t, Bitmap>> faces;
};

bool Shaper::Key::operator<(const Key& o) const {
    return std::tie(face, glyph, x_offset, y_offset, x_advance) <
           std::tie(o.face, o.glyph, o.x_offset, o.y_offset, o.x_advance);
}

namespace {

// Dear ImGui's FreeType builder sizes a font by its line (ascender to descender: FreeType's
// FT_SIZE_REQUEST_TYPE_REAL_DIM), so a face's em in pixels is the line's size times this.
float em_per_line(FT_Library library, const std::string& primary) {
    FT_Face face = nullptr;
    float ratio = 1.0f / 1.362f;  // Noto Sans' own
    if (FT_New_Face(library, primary.c_str(), 0, &face) == 0) {
        if (face->ascender - face->descender > 0)
            ratio = static_cast<float>(face->units_per_EM) /
                    static_cast<float>(face->ascender - face->descender);
        FT_Done_Face(face);
    }
    return ratio;
}

constexpr int kPad = 1;  // blank pixels around a glyph: linear filtering reads its neighbours

}  // namespace

Shaper::Shaper(std::vector<ShapingFace> faces, const std::set<char32_t>& reserved,
               const std::string& primary) {
    if (FT_Init_FreeType(&library_) != 0) library_ = nullptr;
    em_per_line_ = library_ ? em_per_line(library_, primary) : 1.0f / 1.362f;
    for (ShapingFace& f : faces) {
        auto face = std::make_unique<Face>();
        face->regular = f.regular;
        face->bold = f.bold;
        face->code_points = std::move(f.code_points);
        face->blob = hb_blob_create_from_file_or_fail(face->regular.c_str());
        if (!face->blob) continue;
        face->face = hb_face_create(face->blob, 0);
        face->font = hb_font_create(face->face);
        face->upem = hb_face_get_upem(face->face);
        hb_font_set_scale(face->font, static_cast<int>(face->upem), static_cast<int>(face->upem));
        // The glyphs shaping can reach from these characters (ligatures, positional forms,
        // marks), rasterised ahead because the atlas is uploaded once.
        hb_set_t* glyphs = hb_set_create();
        hb_buffer_t* buffer = hb_buffer_create();
        std::vector<std::uint32_t> text(face->code_points.begin(), face->code_points.end());
        hb_buffer_add_utf32(buffer, text.data(), static_cast<int>(text.size()), 0, -1);
        hb_buffer_guess_segment_properties(buffer);
        hb_ot_shape_glyphs_closure(face->font, buffer, nullptr, 0, glyphs);
        for (char32_t cp : face->code_points) {
            hb_codepoint_t g = 0;
            if (hb_font_get_nominal_glyph(face->font, cp, &g)) hb_set_add(glyphs, g);
        }
        hb_codepoint_t g = HB_SET_VALUE_INVALID;
        while (hb_set_next(glyphs, &g))
            face->closure.push_back(g);
        hb_buffer_destroy(buffer);
        hb_set_destroy(glyphs);
        // Noto's regular and bold files are built from one source: same glyph order. Checked
        // on the characters used, else bold text draws the regular glyphs.
        if (face->bold != face->regular) {
            hb_blob_t* blob = hb_blob_create_from_file_or_fail(face->bold.c_str());
            hb_face_t* bold_face = hb_face_create(blob, 0);
            hb_font_t* bold_font = hb_font_create(bold_face);
            face->bold_same_glyphs =
                blob && hb_face_get_glyph_count(bold_face) == hb_face_get_glyph_count(face->face);
            for (char32_t cp : face->code_points) {
                hb_codepoint_t a = 0, b = 0;
                hb_font_get_nominal_glyph(face->font, cp, &a);
                hb_font_get_nominal_glyph(bold_font, cp, &b);
                face->bold_same_glyphs = face->bold_same_glyphs && a == b;
            }
            hb_font_destroy(bold_font);
            hb_face_destroy(bold_face);
            hb_blob_destroy(blob);
        }
        faces_.push_back(std::move(face));
    }
    // Private-use code points, past those the atlas uses otherwise.
    for (char32_t cp = 0xF8FF; cp >= 0xE000; --cp) {
        if (!reserved.count(cp)) free_slots_.push_back(cp);
    }
}

Shaper::~Shaper() {
    if (library_) FT_Done_FreeType(library_);
}

bool Shaper::covers(char32_t cp) const {
    return face_of(cp) >= 0;
}

bool Shaper::assigned(char32_t cp) const {
    return std::any_of(faces_.begin(), faces_.end(), [cp](const auto& face) {
        return std::binary_search(face->code_points.begin(), face->code_points.end(), cp);
    });
}

int Shaper::face_of(char32_t cp) const {
    for (size_t i = 0; i < faces_.size(); ++i) {
        if (!faces_[i]->dropped && faces_[i]->has(cp)) return static_cast<int>(i);
    }
    return -1;
}

void Shaper::begin_atlas() {
    fonts_.clear();
}

namespace {

// Pixels a shaped glyph takes at `px` of line height, with its padding: about what FreeType's
// bitmaps of Noto's Arabic, Indic and Southeast Asian faces measure.
double shaped_glyph_area(float px) {
    const double side = 0.5 * static_cast<double>(px) + 2.0 * kPad;
    return side * side;
}

}  // namespace

double Shaper::estimate_area(float px) const {
    double sum = 0.0;
    for (const auto& face : faces_) {
        if (!face->dropped)
            sum += static_cast<double>(face->closure.size()) * shaped_glyph_area(px);
    }
    return sum;
}

void Shaper::keep_faces(float px, double area) {
    double sum = 0.0;
    for (const auto& face : faces_) {
        sum += static_cast<double>(face->closure.size()) * shaped_glyph_area(px);
        if (sum > area) face->dropped = true;
    }
}

void Shaper::reserve_glyphs(ImFontAtlas& atlas, ImFont* font, float px, bool bold) {
    auto glyphs = std::make_unique<FontGlyphs>();
    glyphs->font = font;
    glyphs->em_px = px * em_per_line_;
    glyphs->faces.resize(faces_.size());
    for (size_t f = 0; f < faces_.size() && library_; ++f) {
        const Face& face = *faces_[f];
        if (face.dropped) continue;
        const std::string& file = bold && face.bold_same_glyphs ? face.bold : face.regular;
        FT_Face ft = nullptr;
        if (FT_New_Face(library_, file.c_str(), 0, &ft) != 0) continue;
        FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(std::lround(glyphs->em_px * 64.0f)), 72,
                         72);
        for (hb_codepoint_t g : face.closure) {
            if (FT_Load_Glyph(ft, g, FT_LOAD_TARGET_LIGHT) != 0 ||
                FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0)
                continue;
            const FT_Bitmap& bm = ft->glyph->bitmap;
            FontGlyphs::Bitmap& out = glyphs->faces[f][g];
            out.left = ft->glyph->bitmap_left;
            out.top = ft->glyph->bitmap_top;
            out.width = static_cast<int>(bm.width);
            out.height = static_cast<int>(bm.rows);
            if (out.width == 0 || out.height == 0) continue;
            out.pixels.resize(static_cast<size_t>(out.width) * out.height);
            for (int y = 0; y < out.height; ++y)
                std::memcpy(&out.pixels[static_cast<size_t>(y) * out.width],
                            bm.buffer + static_cast<std::ptrdiff_t>(y) * bm.pitch,
                            static_cast<size_t>(out.width));
            out.rect = atlas.AddCustomRectRegular(out.width + 2 * kPad, out.height + 2 * kPad);
        }
        FT_Done_Face(ft);
    }
    fonts_.push_back(std::move(glyphs));
}

void Shaper::share_glyphs(ImFont* font, ImFont* like) {
    for (const auto& f : fonts_) {
        if (f->font != like) continue;
        auto glyphs = std::make_unique<FontGlyphs>();
        glyphs->font = font;
        glyphs->em_px = f->em_px;
        glyphs->like = f.get();
        fonts_.push_back(std::move(glyphs));
        return;
    }
}

void Shaper::copy_glyphs(ImFontAtlas& atlas) {
    for (auto& f : fonts_) {
        for (auto& face : f->faces) {
            for (auto& [glyph, bm] : face) {
                if (bm.rect < 0) continue;
                const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(bm.rect);
                if (!r->IsPacked()) {
                    bm.rect = -1;
                    continue;
                }
                const int x0 = r->X + kPad, y0 = r->Y + kPad;
                for (int y = 0; y < bm.height; ++y) {
                    const unsigned char* src = &bm.pixels[static_cast<size_t>(y) * bm.width];
                    const size_t row = static_cast<size_t>(y0 + y) * atlas.TexWidth + x0;
                    if (atlas.TexPixelsAlpha8) {
                        std::memcpy(atlas.TexPixelsAlpha8 + row, src,
                                    static_cast<size_t>(bm.width));
                    } else if (atlas.TexPixelsRGBA32) {
                        for (int x = 0; x < bm.width; ++x)
                            atlas.TexPixelsRGBA32[row + x] = IM_COL32(255, 255, 255, src[x]);
                    }
                }
                bm.pixels.clear();
                bm.pixels.shrink_to_fit();
                bm.u0 = static_cast<float>(x0) * atlas.TexUvScale.x;
                bm.v0 = (static_cast<float>(y0) + kAtlasRowNudge) * atlas.TexUvScale.y;
                bm.u1 = static_cast<float>(x0 + bm.width) * atlas.TexUvScale.x;
                bm.v1 = (static_cast<float>(y0 + bm.height) + kAtlasRowNudge) * atlas.TexUvScale.y;
            }
        }
    }
}

char32_t Shaper::slot_for(const Key& key) {
    if (auto it = slots_.find(key); it != slots_.end()) return it->second;
    if (free_slots_.empty()) return 0;
    const char32_t cp = free_slots_.back();
    free_slots_.pop_back();
    slots_.emplace(key, cp);
    keys_.emplace(cp, key);
    const Face& face = *faces_[static_cast<size_t>(key.face)];
    for (const auto& f : fonts_) {
        const FontGlyphs& source = f->like ? *f->like : *f;
        const float scale = f->em_px / static_cast<float>(face.upem);
        const float x = static_cast<float>(key.x_offset) * scale;
        const float y =
            std::floor(f->font->Ascent + 0.5f) - static_cast<float>(key.y_offset) * scale;
        const auto& bitmaps = source.faces[static_cast<size_t>(key.face)];
        const auto bm = bitmaps.find(key.glyph);
        if (bm != bitmaps.end() && bm->second.rect >= 0) {
            const auto& b = bm->second;
            const float x0 = std::round(x + static_cast<float>(b.left));
            const float y0 = std::round(y - static_cast<float>(b.top));
            f->font->AddGlyph(nullptr, static_cast<ImWchar>(cp), x0, y0,
                              x0 + static_cast<float>(b.width), y0 + static_cast<float>(b.height),
                              b.u0, b.v0, b.u1, b.v1, static_cast<float>(key.x_advance) * scale);
        } else {
            f->font->AddGlyph(nullptr, static_cast<ImWchar>(cp), 0, 0, 0, 0, 0, 0, 0, 0,
                              static_cast<float>(key.x_advance) * scale);
        }
        dirty_ = true;
    }
    return cp;
}

void Shaper::append_shaped(const std::vector<char32_t>& text, std::size_t begin, std::size_t end,
                           int face, bool rtl, std::string& out) {
    const Face& f = *faces_[static_cast<size_t>(face)];
    hb_buffer_t* buffer = hb_buffer_create();
    static_assert(sizeof(char32_t) == sizeof(std::uint32_t));
    hb_buffer_add_utf32(buffer, reinterpret_cast<const std::uint32_t*>(text.data()),
                        static_cast<int>(text.size()), static_cast<unsigned>(begin),
                        static_cast<int>(end - begin));
    hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(f.font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    for (unsigned i = 0; i < count; ++i) {
        const char32_t source = text[info[i].cluster];
        // A space stays the atlas's space, where Dear ImGui wraps a line.
        if (source == U' ') {
            out += ' ';
            continue;
        }
        const char32_t cp =
            slot_for({face, info[i].codepoint, pos[i].x_offset, pos[i].y_offset, pos[i].x_advance});
        if (!cp) ++unshaped_;
        core::append_utf8(out, cp ? cp : source);
    }
    hb_buffer_destroy(buffer);
}

void Shaper::append_run(const std::vector<char32_t>& text, std::size_t begin, std::size_t end,
                        bool rtl, std::string& out) {
    // Pieces of one face each: a shaped script's letters, with the spaces, marks and joiners
    // among them; anything else (punctuation, digits, Latin) drawn by code point from the
    // atlas's fonts, which have their glyphs.
    struct Piece {
        std::size_t begin, end;
        int face;
    };
    std::vector<Piece> pieces;
    int current = -1;
    for (std::size_t i = begin; i < end; ++i) {
        const char32_t cp = text[i];
        int face = -1;
        if (needs_shaping(cp) || assigned(cp)) {
            face = face_of(cp);
        } else if (current >= 0 && joins_run(cp) && faces_[static_cast<size_t>(current)]->has(cp)) {
            face = current;
        }
        current = face;
        if (!pieces.empty() && pieces.back().face == face)
            pieces.back().end = i + 1;
        else
            pieces.push_back({i, i + 1, face});
    }
    if (rtl) std::reverse(pieces.begin(), pieces.end());
    for (const Piece& p : pieces) {
        if (p.face >= 0) {
            append_shaped(text, p.begin, p.end, p.face, rtl, out);
        } else if (rtl) {
            for (std::size_t i = p.end; i-- > p.begin;) {
                FriBidiChar mirrored = text[i];
                fribidi_get_mirror_char(text[i], &mirrored);
                core::append_utf8(out, mirrored);
            }
        } else {
            for (std::size_t i = p.begin; i < p.end; ++i)
                core::append_utf8(out, text[i]);
        }
    }
}

const std::string& Shaper::visual(const std::string& logical) {
    if (faces_.empty() || !has_shaped_script(logical)) return logical;
    if (auto it = cache_.find(logical); it != cache_.end()) return it->second;
    // Bounded: a kiosk browsing for days meets every text of the bundle.
    if (cache_.size() >= 4096) cache_.clear();
    std::string out;
    const std::u32string decoded = core::decode_utf8(logical);
    // One paragraph per line of the text, each ordered on its own.
    std::size_t start = 0;
    while (start <= decoded.size()) {
        std::size_t stop = decoded.find(U'\n', start);
        if (stop == std::u32string::npos) stop = decoded.size();
        const std::vector<char32_t> line(decoded.begin() + static_cast<std::ptrdiff_t>(start),
                                         decoded.begin() + static_cast<std::ptrdiff_t>(stop));
        const auto n = static_cast<FriBidiStrIndex>(line.size());
        std::vector<FriBidiCharType> types(line.size());
        std::vector<FriBidiBracketType> brackets(line.size());
        std::vector<FriBidiLevel> levels(line.size());
        const auto* chars = reinterpret_cast<const FriBidiChar*>(line.data());
        fribidi_get_bidi_types(chars, n, types.data());
        fribidi_get_bracket_types(chars, n, types.data(), brackets.data());
        // The interface's own direction, left to right, is every paragraph's: a list of cities
        // that starts with an Arabic name still reads from the left. A right-to-left interface
        // would pass FRIBIDI_PAR_RTL here.
        FriBidiParType direction = FRIBIDI_PAR_LTR;
        if (!line.empty() && fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n,
                                                                 &direction, levels.data()) == 0)
            std::fill(levels.begin(), levels.end(), FriBidiLevel{0});
        // Runs of one level, put in visual order.
        struct Run {
            std::size_t begin, end;
            FriBidiLevel level;
        };
        std::vector<Run> runs;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (!runs.empty() && runs.back().level == levels[i])
                runs.back().end = i + 1;
            else
                runs.push_back({i, i + 1, levels[i]});
        }
        reorder_by_level(runs);
        for (const Run& r : runs)
            append_run(line, r.begin, r.end, r.level % 2 != 0, out);
        if (stop < decoded.size()) out += '\n';
        start = stop + 1;
    }
    if (dirty_) {
        for (const auto& f : fonts_)
            f->font->BuildLookupTable();
        dirty_ = false;
    }
    return cache_.emplace(logical, std::move(out)).first->second;
}

std::vector<Shaper::Glyph> Shaper::glyphs_of_visual(const std::string& visual) const {
    std::vector<Glyph> out;
    for (char32_t cp : core::decode_utf8(visual)) {
        const auto key = keys_.find(cp);
        if (key == keys_.end())
            out.push_back({std::string(), cp});
        else
            out.push_back({faces_[static_cast<size_t>(key->second.face)]->regular,
                           key->second.glyph, key->second.x_offset, key->second.y_offset,
                           key->second.x_advance});
    }
    return out;
}

}  // namespace plaza::ui
