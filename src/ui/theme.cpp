#include "ui/theme.h"

namespace plaza::ui {

const Theme& theme() {
    static const Theme t;
    return t;
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
