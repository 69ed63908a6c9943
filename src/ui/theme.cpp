// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace plaza::ui {
namespace {

Theme standard_palette = Theme{};
const Theme kHighContrast = high_contrast_theme();
const Theme* active = &standard_palette;

// WCAG 2.1 relative luminance of one sRGB channel.
float linear(unsigned channel) {
    const float c = static_cast<float>(channel) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

float luminance(ImU32 colour) {
    return 0.2126f * linear((colour >> IM_COL32_R_SHIFT) & 0xFF) +
           0.7152f * linear((colour >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722f * linear((colour >> IM_COL32_B_SHIFT) & 0xFF);
}

}  // namespace

Theme high_contrast_theme() {
    Theme t;
    t.background = IM_COL32(0, 0, 0, 255);
    t.surface = IM_COL32(0, 0, 0, 255);
    t.text = IM_COL32(255, 255, 255, 255);
    t.text_muted = IM_COL32(235, 235, 235, 255);
    t.accent = IM_COL32(255, 230, 0, 255);
    t.accent_pressed = IM_COL32(255, 255, 255, 255);
    t.accent_text = IM_COL32(0, 0, 0, 255);
    t.selected = IM_COL32(0, 51, 128, 255);
    t.outline = IM_COL32(255, 255, 255, 255);
    t.placeholder = IM_COL32(64, 64, 64, 255);
    t.scrim = IM_COL32(0, 0, 0, 220);
    t.focus = IM_COL32(0, 255, 255, 255);
    t.divider = IM_COL32(140, 140, 140, 255);
    t.shadow = IM_COL32(0, 0, 0, 255);
    t.brand = IM_COL32(255, 230, 0, 255);
    t.on_brand = IM_COL32(0, 0, 0, 255);
    t.live = IM_COL32(255, 150, 150, 255);
    t.on_live = IM_COL32(0, 0, 0, 255);
    t.moved = IM_COL32(255, 230, 0, 255);
    t.on_moved = IM_COL32(0, 0, 0, 255);
    t.cancelled = IM_COL32(255, 255, 255, 255);
    t.on_cancelled = IM_COL32(0, 0, 0, 255);
    return t;
}

const Theme& theme() {
    return *active;
}

void use_high_contrast(bool on) {
    active = on ? &kHighContrast : &standard_palette;
}

bool high_contrast_in_use() {
    return active == &kHighContrast;
}

ImU32 readable_under_white(ImU32 colour) {
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    unsigned r = (colour >> IM_COL32_R_SHIFT) & 0xFF, g = (colour >> IM_COL32_G_SHIFT) & 0xFF,
             b = (colour >> IM_COL32_B_SHIFT) & 0xFF;
    ImU32 c = IM_COL32(r, g, b, 255);
    while (contrast_ratio(white, c) < 4.5f) {
        r = r * 9 / 10, g = g * 9 / 10, b = b * 9 / 10;
        c = IM_COL32(r, g, b, 255);
    }
    return c;
}

void use_brand_colour(ImU32 colour) {
    standard_palette.brand = colour ? readable_under_white(colour) : Theme{}.brand;
}

std::vector<ColourPair> colour_pairs(const Theme& t) {
    // Every text colour on every surface it is drawn on (touch_widgets, screens), then the
    // boundaries of controls and the focus ring against what surrounds them.
    return {
        {"text on background", t.text, t.background, 4.5f},
        {"text on surface (cards)", t.text, t.surface, 4.5f},
        {"muted text on background", t.text_muted, t.background, 4.5f},
        {"muted text on surface (card second lines)", t.text_muted, t.surface, 4.5f},
        {"button text on accent", t.accent_text, t.accent, 4.5f},
        {"button text while pressed", t.accent_text, t.accent_pressed, 4.5f},
        {"secondary button text (accent on surface)", t.accent, t.surface, 4.5f},
        {"accent text on background (links, prompts)", t.accent, t.background, 4.5f},
        {"selected chip text", t.text, t.selected, 4.5f},
        {"pressed card text", t.text, t.selected, 4.5f},
        {"control outline on background", t.outline, t.background, 3.0f},
        {"control outline on surface", t.outline, t.surface, 3.0f},
        {"primary button on background", t.accent, t.background, 3.0f},
        {"focus ring on background", t.focus, t.background, 3.0f},
        {"focus ring on surface", t.focus, t.surface, 3.0f},
        {"text on the brand band", t.on_brand, t.brand, 4.5f},
        {"live badge", t.on_live, t.live, 4.5f},
        {"moved badge", t.on_moved, t.moved, 4.5f},
        {"cancelled badge", t.on_cancelled, t.cancelled, 4.5f},
        {"live marker on surface", t.live, t.surface, 3.0f},
    };
}

float contrast_ratio(ImU32 a, ImU32 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

void apply_touch_style(ImGuiStyle& style, float px_per_mm) {
    style = ImGuiStyle();
    const Theme& t = theme();
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(t.background);
    const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(t.accent);
    const ImVec4 pressed = ImGui::ColorConvertU32ToFloat4(t.accent_pressed);
    style.Colors[ImGuiCol_WindowBg] = bg;
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    style.Colors[ImGuiCol_Button] = accent;
    style.Colors[ImGuiCol_ButtonHovered] = accent;  // no hover on touch
    style.Colors[ImGuiCol_ButtonActive] = pressed;
    style.WindowPadding = ImVec2(kSpace.l * px_per_mm, kSpace.l * px_per_mm);
    style.ItemSpacing = ImVec2(kSpace.m * px_per_mm, kSpace.m * px_per_mm);
    style.FramePadding = ImVec2(kSpace.m * px_per_mm, kSpace.s * px_per_mm);
    // Dear ImGui's own frames stay square and outlines are not anti-aliased: its rounded
    // rectangles and feathered lines become many thin triangles, which a software rasterizer
    // (the CI benchmark, a Pi without GPU driver) fills several times slower than rectangles
    // (ocornut/imgui PR #8477 gives the same advice for slow render paths). Plaza's widgets round
    // their corners with DrawSurface(), which keeps the large areas rectangles.
    style.FrameRounding = 0;
    style.AntiAliasedLines = false;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ScrollbarSize = 0;  // scrolling is by dragging; a slim indicator is drawn instead
    style.TouchExtraPadding = ImVec2(0, 0);
}

void DrawSurface(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 fill, float radius_px,
                 Elevation elevation, float px_per_mm) {
    const float r = std::floor(std::min({radius_px, (max.x - min.x) / 2, (max.y - min.y) / 2}));
    if (elevation != Elevation::flat && !high_contrast_in_use()) {
        // Rings around the surface, fainter outwards and shifted down, as light from above
        // casts them. Only the rings are drawn (blended), never the area under the surface.
        const bool floating = elevation == Elevation::floating;
        const int rings = floating ? 4 : 3;
        const float step = std::max(1.0f, std::round(px_per_mm * (floating ? 0.5f : 0.3f)));
        const float dy = step * (floating ? 2.0f : 1.0f);
        const ImU32 shade = theme().shadow & ~IM_COL32_A_MASK;
        for (int i = 1; i <= rings; ++i) {
            const unsigned alpha =
                static_cast<unsigned>((floating ? 34 : 28) * (rings + 1 - i) / rings);
            const ImU32 c = shade | (alpha << IM_COL32_A_SHIFT);
            const float in = step * static_cast<float>(i - 1), out = step * static_cast<float>(i);
            // Straight sides only: past a rounded corner a square ring would show as a grey
            // notch, so the rings stop where the corner's curve begins.
            const float y0 = min.y - out + dy, y1 = max.y + out + dy;
            draw->AddRectFilled(ImVec2(min.x + r, y1 - step), ImVec2(max.x - r, y1), c);  // below
            draw->AddRectFilled(ImVec2(min.x + r, y0), ImVec2(max.x - r, y0 + step), c);  // above
            draw->AddRectFilled(ImVec2(min.x - out, min.y + r + dy),
                                ImVec2(min.x - in, max.y - r + dy), c);
            draw->AddRectFilled(ImVec2(max.x + in, min.y + r + dy),
                                ImVec2(max.x + out, max.y - r + dy), c);
        }
    }
    if (r < 1.0f) {
        draw->AddRectFilled(min, max, fill);
        return;
    }
    draw->AddRectFilled(ImVec2(min.x + r, min.y), ImVec2(max.x - r, max.y), fill);
    draw->AddRectFilled(ImVec2(min.x, min.y + r), ImVec2(min.x + r, max.y - r), fill);
    draw->AddRectFilled(ImVec2(max.x - r, min.y + r), ImVec2(max.x, max.y - r), fill);
    const float pi = 3.14159265f;
    const ImVec2 centres[] = {{min.x + r, min.y + r},
                              {max.x - r, min.y + r},
                              {max.x - r, max.y - r},
                              {min.x + r, max.y - r}};
    for (int i = 0; i < 4; ++i) {
        const float from = pi + static_cast<float>(i) * pi / 2;
        draw->PathLineTo(centres[i]);
        draw->PathArcTo(centres[i], r, from, from + pi / 2, 6);
        draw->PathFillConvex(fill);
    }
}

void DrawOutline(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 colour, float radius_px,
                 float thickness_px) {
    const float half = thickness_px / 2;
    draw->AddRect(ImVec2(min.x + half, min.y + half), ImVec2(max.x - half, max.y - half), colour,
                  std::max(0.0f, radius_px - half), 0, thickness_px);
}

}  // namespace plaza::ui
