// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fonts.h"

#include "content/font_coverage.h"
#include "core/utf8.h"
#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/shaped_text.h"

#include <hb-subset.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace plaza::ui {
namespace {

bool needs_cjk(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0x9FFF) ||
           (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// Characters that are never drawn as glyphs.
bool is_layout_only(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
           cp == 0xFEFF;
}

// The CJK collection is 19.5 MB, and Dear ImGui 1.86 copies the whole font file for every font
// size it is added to (ImFontAtlas::AddFont duplicates data it does not own), which cost most of
// the start-up time. A subset holding only the glyphs the content uses is a few kilobytes;
// HarfBuzz makes it from the collection's face in about 10 ms.
std::vector<char> subset_font(const std::string& path, int face_index,
                              const std::set<char32_t>& code_points) {
    std::vector<char> out;
    std::unique_ptr<hb_blob_t, decltype(&hb_blob_destroy)> blob(
        hb_blob_create_from_file_or_fail(path.c_str()), hb_blob_destroy);
    if (!blob) return out;
    std::unique_ptr<hb_face_t, decltype(&hb_face_destroy)> face(
        hb_face_create(blob.get(), static_cast<unsigned>(face_index)), hb_face_destroy);
    std::unique_ptr<hb_subset_input_t, decltype(&hb_subset_input_destroy)> input(
        hb_subset_input_create_or_fail(), hb_subset_input_destroy);
    if (!input) return out;
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : code_points)
        hb_set_add(unicodes, cp);
    std::unique_ptr<hb_face_t, decltype(&hb_face_destroy)> subset(
        hb_subset_or_fail(face.get(), input.get()), hb_face_destroy);
    if (!subset) return out;
    std::unique_ptr<hb_blob_t, decltype(&hb_blob_destroy)> data(
        hb_face_reference_blob(subset.get()), hb_blob_destroy);
    unsigned length = 0;
    const char* bytes = hb_blob_get_data(data.get(), &length);
    out.assign(bytes, bytes + length);
    return out;
}

// The subsets merged under a font, in order: Noto Sans CJK, then the faces of other scripts.
using Merges = std::vector<const std::vector<char>*>;

ImFont* add_font(ImFontAtlas& atlas, const std::string& path, float size_px, const ImWchar* ranges,
                 const Merges& merges, const std::string& icons = {},
                 const ImWchar* icon_ranges = nullptr) {
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    ImFont* font = atlas.AddFontFromFileTTF(path.c_str(), size_px, &config, ranges);
    for (const std::vector<char>* subset : merges) {
        if (!font || !subset || subset->empty()) continue;
        // Merged fonts only fill glyphs the first font lacks (ImFontAtlas never overwrites a
        // glyph in MergeMode), so Latin text keeps Noto Sans' shapes.
        ImFontConfig merge = config;
        merge.MergeMode = true;
        merge.FontDataOwnedByAtlas = false;  // Dear ImGui keeps its own copy
        atlas.AddFontFromMemoryTTF(const_cast<char*>(subset->data()),
                                   static_cast<int>(subset->size()), size_px, &merge, ranges);
    }
    if (font && icon_ranges && !icons.empty()) {
        // Icons a little larger than the letters and sitting on the text's centre line: Material
        // Icons draws on the whole em, Noto Sans' capitals fill about 0.7 of it.
        ImFontConfig merge = config;
        merge.MergeMode = true;
        merge.GlyphMinAdvanceX = size_px * 1.2f;
        merge.GlyphOffset = ImVec2(0, size_px * 0.22f);
        atlas.AddFontFromFileTTF(icons.c_str(), size_px * 1.2f, &merge, icon_ranges);
    }
    return font;
}

// How the content's characters are spread over the five fonts, from all of them everywhere to
// as many as fit in the regular style only.
enum class Reduction { none, styles_share_regular, headings_at_body_size, body_cut };

// Rough pixels a glyph takes in the atlas at `px`, with Dear ImGui's pixel of padding, a little
// above what FreeType's bitmaps of Noto measured (Han, Kana and Hangul about 0.65 em square,
// other scripts narrower and shorter).
double glyph_area(char32_t cp, float px) {
    const double p = static_cast<double>(px);
    return needs_cjk(cp) ? (0.7 * p + 1.0) * (0.7 * p + 1.0) : (0.4 * p + 1.0) * (0.7 * p + 1.0);
}

double area(const std::vector<char32_t>& code_points, float px) {
    double sum = 0.0;
    for (char32_t cp : code_points)
        sum += glyph_area(cp, px);
    return sum;
}

std::vector<char32_t> code_points_of(const ImWchar* ranges) {
    std::vector<char32_t> out;
    for (const ImWchar* r = ranges; r[0]; r += 2) {
        for (unsigned cp = r[0]; cp <= r[1]; ++cp)
            out.push_back(cp);
    }
    return out;
}

// Glyph ranges for Dear ImGui (pairs, zero-terminated) holding `a` and `b`.
void ranges_of(const std::vector<char32_t>& a, const std::vector<char32_t>& b,
               ImVector<ImWchar>& out) {
    ImFontGlyphRangesBuilder builder;
    for (const auto* list : {&a, &b}) {
        for (char32_t cp : *list)
            builder.AddChar(static_cast<ImWchar>(cp));
    }
    builder.BuildRanges(&out);
}

// Makes `font` draw the code points of `code_points` it lacks with `from`'s glyphs (same atlas),
// their baselines aligned: a regular glyph in bold text, a body-size glyph in a heading.
void borrow_glyphs(ImFont* font, const ImFont* from, const std::vector<char32_t>& code_points) {
    if (font == from) return;
    const float dy = font->Ascent - from->Ascent;
    bool added = false;
    for (char32_t cp : code_points) {
        const auto c = static_cast<ImWchar>(cp);
        const ImFontGlyph* g = from->FindGlyphNoFallback(c);
        if (!g || font->FindGlyphNoFallback(c)) continue;
        font->AddGlyph(nullptr, c, g->X0, g->Y0 + dy, g->X1, g->Y1 + dy, g->U0, g->V0, g->U1, g->V1,
                       g->AdvanceX);
        added = true;
    }
    if (added) font->BuildLookupTable();
}

// The content's characters that Noto Sans and Noto Sans CJK lack, by the faces that draw them:
// subsets merged into the fonts for scripts drawn a glyph per character (Georgian, Armenian,
// Ethiopic...), a Shaper for the scripts that need shaping. Only a bundle with such characters
// asks fontconfig.
struct ScriptFaces {
    std::vector<std::vector<char>> regular, bold;  // subsets to merge
    std::shared_ptr<Shaper> shaper;
    std::set<char32_t> shaped;  // drawn by the shaper, not by code point
    std::vector<std::string> files;
};

ScriptFaces script_faces(const FontFiles& files, const std::vector<char32_t>& code_points,
                         const std::set<char32_t>& content_code_points) {
    ScriptFaces out;
    std::set<char32_t> lacking;
    {
        hb_blob_t* blob = hb_blob_create_from_file_or_fail(files.regular.c_str());
        hb_face_t* face = hb_face_create(blob, 0);
        hb_set_t* primary = hb_set_create();
        hb_face_collect_unicodes(face, primary);
        for (char32_t cp : code_points) {
            if (!needs_cjk(cp) && !hb_set_has(primary, cp)) lacking.insert(cp);
        }
        hb_set_destroy(primary);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    if (lacking.empty()) return out;
    std::vector<ShapingFace> shaping;
    for (const content::CoveringFace& face : content::choose_faces(lacking).faces) {
        out.files.push_back(std::filesystem::path(face.regular).filename().string());
        const bool shapes = std::any_of(face.code_points.begin(), face.code_points.end(),
                                        [](char32_t cp) { return needs_shaping(cp); });
        if (shapes) {
            out.shaped.insert(face.code_points.begin(), face.code_points.end());
            shaping.push_back({face.regular, face.bold, face.code_points});
            continue;
        }
        const std::set<char32_t> used(face.code_points.begin(), face.code_points.end());
        out.regular.push_back(subset_font(face.regular, 0, used));
        out.bold.push_back(subset_font(face.bold, 0, used));
    }
    if (!shaping.empty()) {
        std::set<char32_t> reserved;
        for (char16_t cp : icon::kCodePoints)
            reserved.insert(cp);
        for (char32_t cp : content_code_points) {
            if (cp >= 0xE000 && cp <= 0xF8FF) reserved.insert(cp);
        }
        out.shaper = std::make_shared<Shaper>(std::move(shaping), reserved, files.regular);
    }
    return out;
}

Merges merges_of(const std::vector<char>* cjk, const std::vector<std::vector<char>>& faces) {
    Merges out{cjk};
    for (const auto& f : faces)
        out.push_back(&f);
    return out;
}

// Rasterises the shaped scripts' glyphs for each font that draws content (before Build): at every
// size and style while the atlas holds them, else in the regular style at body size only, and
// when even the body is cut, only as many faces as a quarter of the atlas holds (the rest are
// reported missing).
void reserve_shaped(Shaper& shaper, ImFontAtlas& atlas, const FontSet& set, Reduction reduction,
                    float body_px, float heading_px, float title_px, bool large_shaped,
                    float display_px, float poster_px) {
    shaper.begin_atlas();
    if (reduction == Reduction::body_cut) shaper.keep_faces(body_px, 0.25 * kMaxAtlasPixels);
    shaper.reserve_glyphs(atlas, set.body, body_px, false);
    shaper.share_glyphs(set.body_italic, set.body);
    if (reduction >= Reduction::headings_at_body_size) {
        for (ImFont* font : {set.body_bold, set.heading, set.title})
            shaper.share_glyphs(font, set.body);
        return;
    }
    shaper.reserve_glyphs(atlas, set.body_bold, body_px, true);
    shaper.reserve_glyphs(atlas, set.heading, heading_px, true);
    shaper.reserve_glyphs(atlas, set.title, title_px, true);
    if (large_shaped) {
        shaper.reserve_glyphs(atlas, set.display, display_px, true);
        shaper.reserve_glyphs(atlas, set.poster, poster_px, true);
    }
}

// Moves the texture coordinates Dear ImGui gave the glyphs, the white pixel and the line
// textures kAtlasRowNudge of a row down (ui/shaped_text.h says why).
void nudge_rows(ImFontAtlas& atlas) {
    const float dv = kAtlasRowNudge * atlas.TexUvScale.y;
    for (ImFont* font : atlas.Fonts) {
        for (ImFontGlyph& g : font->Glyphs) {
            g.V0 += dv;
            g.V1 += dv;
        }
    }
    atlas.TexUvWhitePixel.y += dv;
    for (ImVec4& uv : atlas.TexUvLines) {
        uv.y += dv;
        uv.w += dv;
    }
}

}  // namespace

const std::string& shown(const FontSet& fonts, const std::string& text) {
    return fonts.shaper ? fonts.shaper->visual(text) : text;
}

FontSet build_fonts(ImFontAtlas& atlas, const std::set<char32_t>& content_code_points,
                    float px_per_mm, const FontFiles& files, const FontSizesMm& sizes,
                    const std::set<char32_t>& large_code_points) {
    FontSet set;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();

    for (const std::string* path : {&files.regular, &files.bold, &files.italic}) {
        if (!std::filesystem::exists(*path)) {
            set.error = "font file missing: " + *path + " (Debian package fonts-noto-core)";
        }
    }
    const bool have_fonts = std::filesystem::exists(files.regular) &&
                            std::filesystem::exists(files.bold) &&
                            std::filesystem::exists(files.italic);

    // Base ranges, always present: ASCII and Latin-1 (the interface's phrases in every language
    // Plaza ships, the on-screen keyboards' letters), the French keyboard's œ, the punctuation
    // the screens put between their parts (· – —), quotes and ellipsis, the euro and arrows.
    // Everything else comes from the content's own code points, which keeps the atlas small:
    // Latin Extended-A at every size was 10 % of it.
    static const ImWchar kBase[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x2010, 0x2027,
                                    0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};
    const std::vector<char32_t> base = code_points_of(kBase);
    const std::set<char32_t> in_base(base.begin(), base.end());
    std::vector<char32_t> candidates;  // content code points beyond the base ranges
    for (char32_t cp : content_code_points) {
        if (cp > 0xFFFF || is_layout_only(cp) || in_base.count(cp)) continue;
        candidates.push_back(cp);
    }
    ScriptFaces scripts;
    if (have_fonts) scripts = script_faces(files, candidates, content_code_points);
    set.script_faces = scripts.files;
    std::vector<char32_t> extra, extra_other;  // what the atlas draws by code point
    for (char32_t cp : candidates) {
        if (scripts.shaped.count(cp)) continue;
        extra.push_back(cp);
        if (!needs_cjk(cp)) extra_other.push_back(cp);
    }

    // The large sizes (display, poster): the characters of their own texts, and the space, full
    // stop and question mark Dear ImGui draws for wrapping, ellipsis and a missing glyph. At
    // poster size a glyph takes as many pixels as twenty at body size.
    static const ImWchar kLargeBase[] = {0x0020, 0x0020, 0x002E, 0x002E, 0x003F, 0x003F, 0};
    std::vector<char32_t> large = code_points_of(kLargeBase);
    for (char32_t cp : large_code_points) {
        if (cp <= 0xFFFF && !is_layout_only(cp)) large.push_back(cp);
    }
    const auto shapes = [&scripts](const std::vector<char32_t>& code_points) {
        return scripts.shaper && std::any_of(code_points.begin(), code_points.end(),
                                             [](char32_t cp) { return needs_shaping(cp); });
    };
    ImVector<ImWchar> large_ranges;
    ranges_of(large, {}, large_ranges);
    // Only the icons Plaza draws (ui/icons.h), a few kilobytes of the atlas.
    ImFontGlyphRangesBuilder icon_builder;
    for (char16_t cp : icon::kCodePoints)
        icon_builder.AddChar(static_cast<ImWchar>(cp));
    ImVector<ImWchar> icon_ranges;
    icon_builder.BuildRanges(&icon_ranges);
    std::string icons = files.icons;
    if (!std::filesystem::exists(icons)) {
        set.error = "icon font missing: " + icons +
                    " (Debian package fonts-material-design-icons-iconfont)";
        icons.clear();
    }

    const float body_px = sizes.body * px_per_mm, heading_px = sizes.heading * px_per_mm,
                title_px = sizes.title * px_per_mm, display_px = sizes.display * px_per_mm,
                poster_px = sizes.poster * px_per_mm;
    // What the five fonts need at each reduction, against 85 % of the largest atlas (stb_rect_pack
    // leaves gaps). The estimate picks where to start; the build confirms it.
    const double budget = 0.85 * static_cast<double>(kMaxAtlasPixels);
    const double base_area = area(base, body_px) * 3 + area(base, heading_px) +
                             area(base, title_px) + area(large, display_px) +
                             area(large, poster_px);
    const auto needed = [&](Reduction r, size_t body_extra) {
        const std::vector<char32_t> kept(extra.begin(), extra.begin() + body_extra);
        double sum = base_area + area(kept, body_px);
        if (scripts.shaper) {
            sum += scripts.shaper->estimate_area(body_px);
            if (r <= Reduction::styles_share_regular)
                sum += scripts.shaper->estimate_area(body_px) +
                       scripts.shaper->estimate_area(heading_px) +
                       scripts.shaper->estimate_area(title_px);
        }
        if (r == Reduction::none) sum += 2 * area(extra_other, body_px);
        if (r <= Reduction::styles_share_regular)
            sum += area(extra, heading_px) + area(extra, title_px);
        return sum;
    };
    Reduction reduction = Reduction::none;
    while (reduction < Reduction::body_cut && needed(reduction, extra.size()) > budget)
        reduction = static_cast<Reduction>(static_cast<int>(reduction) + 1);
    size_t body_extra = extra.size();
    while (reduction == Reduction::body_cut && body_extra > 0 &&
           needed(reduction, body_extra) > budget)
        body_extra = body_extra * 7 / 8;

    bool built = false;
    bool calibrated = false;
    std::optional<size_t> fitted;  // a body that fitted, while a larger one is tried
    for (;;) {
        atlas.Clear();
        atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        // The texture as tall as the glyphs need, not the next power of two: up to half the
        // pixels, and the renderers take any height (OpenGL ES 2 allows it without mipmaps).
        atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        // Dear ImGui picks a width of 2048 for up to about 8 megapixels of glyphs and grows the
        // height past 4096: a large atlas is made as wide as allowed instead.
        if (needed(reduction, body_extra) > 0.85 * 2048.0 * 2048.0)
            atlas.TexDesiredWidth = kMaxAtlasSide;
        const std::vector<char32_t> body_cps(extra.begin(), extra.begin() + body_extra);
        std::set<char32_t> cjk_code_points;
        for (char32_t cp : body_cps) {
            if (needs_cjk(cp)) cjk_code_points.insert(cp);
        }
        std::vector<char> cjk_subset, cjk_bold_subset;
        if (!cjk_code_points.empty()) {
            cjk_subset = subset_font(files.cjk, files.cjk_face, cjk_code_points);
            cjk_bold_subset = subset_font(files.cjk_bold, files.cjk_face, cjk_code_points);
            if (cjk_subset.empty()) {
                set.error =
                    "cannot read the CJK font " + files.cjk + " (Debian package fonts-noto-cjk)";
            }
        }
        const bool own_headings = reduction <= Reduction::styles_share_regular;
        const std::vector<char32_t> none;
        ImVector<ImWchar> body_ranges, style_ranges, heading_ranges;
        ranges_of(base, body_cps, body_ranges);
        ranges_of(base, reduction == Reduction::none ? extra_other : none, style_ranges);
        ranges_of(base, own_headings ? extra : none, heading_ranges);
        if (have_fonts) {
            const ImWchar* with_icons = icon_ranges.Data;
            const Merges regular = merges_of(&cjk_subset, scripts.regular);
            const Merges bold = merges_of(&cjk_bold_subset, scripts.bold);
            const Merges heading_merges = own_headings ? bold : Merges{};
            set.body = add_font(atlas, files.regular, body_px, body_ranges.Data, regular, icons,
                                with_icons);
            set.body_bold = add_font(atlas, files.bold, body_px, style_ranges.Data,
                                     merges_of(nullptr, scripts.bold), icons, with_icons);
            set.body_italic = add_font(atlas, files.italic, body_px, style_ranges.Data,
                                       merges_of(nullptr, scripts.regular));
            set.heading = add_font(atlas, files.bold, heading_px, heading_ranges.Data,
                                   heading_merges, icons, with_icons);
            set.title = add_font(atlas, files.bold, title_px, heading_ranges.Data, heading_merges,
                                 icons, with_icons);
            // No icons at the large sizes: the attract loop draws its icons in the title font.
            // Display and poster draw the same texts (the attract loop's invitation, titles and,
            // during the event, its Now & Next band) at two sizes.
            set.display = add_font(atlas, files.bold, display_px, large_ranges.Data, bold);
            set.poster = add_font(atlas, files.bold, poster_px, large_ranges.Data, bold);
            if (scripts.shaper && set.body && set.body_bold && set.heading && set.title &&
                set.display && set.poster)
                reserve_shaped(*scripts.shaper, atlas, set, reduction, body_px, heading_px,
                               title_px, shapes(large), display_px, poster_px);
        }
        built = set.body && set.body_bold && set.body_italic && set.heading && set.title &&
                set.display && set.poster && atlas.Build();
        if (built) nudge_rows(atlas);
        if (built && scripts.shaper) scripts.shaper->copy_glyphs(atlas);
        const bool fits = atlas.TexWidth <= kMaxAtlasSide && atlas.TexHeight <= kMaxAtlasSide &&
                          static_cast<long>(atlas.TexWidth) * atlas.TexHeight <= kMaxAtlasPixels;
        if (built && fits && body_extra < extra.size() && !calibrated) {
            // The body was cut on the estimate: Dear ImGui measured what the glyphs really
            // take, so the estimate is scaled to it and the body grown once to what fits.
            calibrated = true;
            double surface = 0.0;
            for (const ImFont* font : atlas.Fonts)
                surface += font->MetricsTotalSurface;
            const double ratio = surface / needed(reduction, body_extra);
            size_t more = body_extra;
            while (more < extra.size() && needed(reduction, more + 64) * ratio <= budget)
                more = std::min(extra.size(), more + 64);
            if (more > body_extra + body_extra / 20) {
                fitted = body_extra;
                body_extra = more;
                continue;
            }
        }
        if (!built || fits) break;
        // Past the atlas: back to the last body that fitted, or one step further, until the
        // base ranges alone are left.
        if (fitted) {
            body_extra = *fitted;
            fitted.reset();
        } else if (reduction < Reduction::body_cut) {
            reduction = static_cast<Reduction>(static_cast<int>(reduction) + 1);
        } else if (body_extra > 0) {
            body_extra /= 2;
        } else {
            built = false;
            if (set.error.empty()) set.error = "the base characters alone exceed the font atlas";
            break;
        }
    }
    if (!built) {
        // Keep the kiosk usable: Dear ImGui's built-in font, and every content glyph counted
        // missing.
        atlas.Clear();
        ImFont* fallback = atlas.AddFontDefault();
        atlas.Build();
        set.body = set.body_bold = set.body_italic = set.heading = set.title = set.display =
            set.poster = fallback;
        if (set.error.empty()) set.error = "the font atlas could not be built";
        reduction = Reduction::none;
    } else {
        borrow_glyphs(set.body_bold, set.body, extra);
        borrow_glyphs(set.body_italic, set.body, extra);
        borrow_glyphs(set.heading, set.body, extra);
        borrow_glyphs(set.title, set.body, extra);
    }
    // The glyphs are in the atlas now; the copies of the font files are no longer needed.
    atlas.ClearInputData();

    if (built) set.shaper = scripts.shaper;
    for (char32_t cp : content_code_points) {
        if (is_layout_only(cp)) continue;
        if (set.shaper && set.shaper->covers(cp)) continue;
        if (cp > 0xFFFF || !set.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)))
            set.missing.push_back(cp);
    }
    if (reduction >= Reduction::styles_share_regular) {
        set.reduced = std::to_string(extra.size()) +
                      " content characters do not all fit the font atlas (at most " +
                      std::to_string(kMaxAtlasPixels / (1024 * 1024)) +
                      " megapixels): bold and italic text draws them in the regular style";
        if (reduction >= Reduction::headings_at_body_size)
            set.reduced += ", headings and titles at body size";
        if (body_extra < extra.size())
            set.reduced += ", and " + std::to_string(extra.size() - body_extra) +
                           " of them not at all (listed as missing)";
    }
    return set;
}

std::string describe_code_points(const std::vector<char32_t>& code_points) {
    std::string out;
    for (char32_t cp : code_points) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%sU+%04X", out.empty() ? "" : " ",
                      static_cast<unsigned>(cp));
        out += buf;
    }
    return out;
}

}  // namespace plaza::ui
