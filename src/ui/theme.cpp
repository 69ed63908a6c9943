#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace plaza::ui {
namespace {

const Theme kStandard{};
const Theme kHighContrast = high_contrast_theme();
const Theme* active = &kStandard;

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
    return t;
}

const Theme& theme() {
    return *active;
}

void use_high_contrast(bool on) {
    active = on ? &kHighContrast : &kStandard;
}

bool high_contrast_in_use() {
    return active == &kHighContrast;
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
    style.WindowPadding = ImVec2(6 * px_per_mm, 6 * px_per_mm);
    style.ItemSpacing = ImVec2(4 * px_per_mm, 4 * px_per_mm);
    style.FramePadding = ImVec2(3 * px_per_mm, 2 * px_per_mm);
    // Square corners and no anti-aliased outlines: rounded corners and feathered lines become many
    // thin triangles, which a software rasterizer (the CI benchmark, a Pi without GPU driver)
    // fills several times slower than rectangles (ocornut/imgui PR #8477 gives the same advice
    // for slow render paths). Outlines are axis-aligned, so nothing looks jagged.
    style.FrameRounding = 0;
    style.AntiAliasedLines = false;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ScrollbarSize = 0;  // scrolling is by dragging; a slim indicator is drawn instead
    style.TouchExtraPadding = ImVec2(0, 0);
}

}  // namespace plaza::ui
