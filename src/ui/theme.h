// Plaza's look for touch: colours, rounding and spacing in millimetres, no hover colours (hover has
// no meaning on a touch screen; see ocornut/imgui#1470), a strong pressed colour as feedback.
#pragma once

#include <imgui.h>

namespace plaza::ui {

struct Theme {
    ImU32 background = IM_COL32(246, 244, 239, 255);
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 text = IM_COL32(28, 32, 38, 255);
    ImU32 text_muted = IM_COL32(78, 84, 94, 255);
    ImU32 accent = IM_COL32(0, 84, 147, 255);  // buttons; white text on it is 7.4:1
    ImU32 accent_pressed = IM_COL32(0, 52, 94, 255);
    ImU32 accent_text = IM_COL32(255, 255, 255, 255);
    ImU32 selected = IM_COL32(214, 232, 245, 255);
    ImU32 outline = IM_COL32(120, 128, 138, 255);
};

const Theme& theme();

// Minimum size of anything a visitor taps (PRODUCT.md: at least 12 mm).
inline constexpr float kMinTargetMm = 12.0f;

// Sets Dear ImGui's style for a touch kiosk at the given pixel density.
void apply_touch_style(ImGuiStyle& style, float px_per_mm);

}  // namespace plaza::ui
