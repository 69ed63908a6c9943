#include "ui/fonts.h"

#include "ui/icons.h"

#include <hb-subset.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <cstdio>
#include <filesystem>
#include <memory>

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

ImFont* add_font(ImFontAtlas& atlas, const std::string& path, float size_px, const ImWchar* ranges,
                 std::vector<char>* cjk_subset, const std::string& icons = {},
                 const ImWchar* icon_ranges = nullptr) {
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    ImFont* font = atlas.AddFontFromFileTTF(path.c_str(), size_px, &config, ranges);
    if (font && cjk_subset && !cjk_subset->empty()) {
        // Merged fonts only fill glyphs the first font lacks (ImFontAtlas never overwrites a
        // glyph in MergeMode), so Latin text keeps Noto Sans' shapes.
        ImFontConfig merge = config;
        merge.MergeMode = true;
        merge.FontDataOwnedByAtlas = false;  // Dear ImGui keeps its own copy
        atlas.AddFontFromMemoryTTF(cjk_subset->data(), static_cast<int>(cjk_subset->size()),
                                   size_px, &merge, ranges);
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

}  // namespace

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
    std::set<char32_t> cjk_code_points;
    for (char32_t cp : content_code_points) {
        if (needs_cjk(cp)) cjk_code_points.insert(cp);
    }
    std::vector<char> cjk_subset;
    if (!cjk_code_points.empty()) {
        cjk_subset = subset_font(files.cjk, files.cjk_face, cjk_code_points);
        if (cjk_subset.empty()) {
            set.error =
                "cannot read the CJK font " + files.cjk + " (Debian package fonts-noto-cjk)";
        }
    }

    // Base ranges: what the on-screen keyboards can type and common punctuation, always present;
    // everything else comes from the content's own code points, which keeps the atlas small.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    static const ImWchar extra[] = {0x0100, 0x017F, 0x2000, 0x206F, 0x20AC,
                                    0x20AC, 0x2190, 0x2193, 0};
    builder.AddRanges(extra);
    for (char32_t cp : content_code_points) {
        if (cp <= 0xFFFF && !is_layout_only(cp)) builder.AddChar(static_cast<ImWchar>(cp));
    }
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    // The large sizes: ASCII and the characters of their own texts.
    ImFontGlyphRangesBuilder large_builder;
    static const ImWchar ascii[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x2013, 0x2014, 0};
    large_builder.AddRanges(ascii);
    for (char32_t cp : large_code_points) {
        if (cp <= 0xFFFF && !is_layout_only(cp)) large_builder.AddChar(static_cast<ImWchar>(cp));
    }
    ImVector<ImWchar> large_ranges;
    large_builder.BuildRanges(&large_ranges);
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

    if (std::filesystem::exists(files.regular) && std::filesystem::exists(files.bold) &&
        std::filesystem::exists(files.italic)) {
        const ImWchar* with_icons = icon_ranges.Data;
        set.body = add_font(atlas, files.regular, sizes.body * px_per_mm, ranges.Data, &cjk_subset,
                            icons, with_icons);
        set.body_bold = add_font(atlas, files.bold, sizes.body * px_per_mm, ranges.Data,
                                 &cjk_subset, icons, with_icons);
        set.body_italic =
            add_font(atlas, files.italic, sizes.body * px_per_mm, ranges.Data, &cjk_subset);
        set.heading = add_font(atlas, files.bold, sizes.heading * px_per_mm, ranges.Data,
                               &cjk_subset, icons, with_icons);
        set.title = add_font(atlas, files.bold, sizes.title * px_per_mm, ranges.Data, &cjk_subset,
                             icons, with_icons);
        set.display = add_font(atlas, files.bold, sizes.display * px_per_mm, large_ranges.Data,
                               &cjk_subset, icons, with_icons);
        set.poster = add_font(atlas, files.bold, sizes.poster * px_per_mm, large_ranges.Data,
                              &cjk_subset, icons, with_icons);
    }
    if (!set.body || !set.body_bold || !set.body_italic || !set.heading || !set.title ||
        !set.display || !set.poster || !atlas.Build()) {
        // Keep the kiosk usable: Dear ImGui's built-in font, and every content glyph counted
        // missing.
        atlas.Clear();
        ImFont* fallback = atlas.AddFontDefault();
        atlas.Build();
        set.body = set.body_bold = set.body_italic = set.heading = set.title = set.display =
            set.poster = fallback;
        if (set.error.empty()) set.error = "the font atlas could not be built";
    }
    // The glyphs are in the atlas now; the copies of the font files are no longer needed.
    atlas.ClearInputData();

    for (char32_t cp : content_code_points) {
        if (is_layout_only(cp)) continue;
        if (cp > 0xFFFF || !set.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)))
            set.missing.push_back(cp);
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
