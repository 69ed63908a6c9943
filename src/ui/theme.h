// Plaza's look for touch: colours, rounding and spacing in millimetres, no hover colours (hover has
// no meaning on a touch screen; see ocornut/imgui#1470), a strong pressed colour as feedback. Two
// palettes: the standard one and a high-contrast one a visitor can switch to.
#pragma once

#include <imgui.h>

#include <vector>

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
    ImU32 placeholder = IM_COL32(226, 224, 218, 255);  // an image still loading or broken
    ImU32 scrim = IM_COL32(20, 24, 30, 200);           // dims the screen under "Still there?"
    ImU32 focus = IM_COL32(204, 51, 0, 255);           // spoken mode's focus ring
};

// Black and white with yellow controls: every pair well above WCAG's 7:1 (AAA).
Theme high_contrast_theme();

// The palette in use; switching takes effect from the next widget drawn.
const Theme& theme();
void use_high_contrast(bool on);
bool high_contrast_in_use();

// A foreground/background pair the UI draws, with the contrast WCAG 2.1 asks of it: 4.5:1 for
// text (1.4.3), 3:1 for large text and for the boundaries of controls (1.4.11).
struct ColourPair {
    const char* what;
    ImU32 foreground;
    ImU32 background;
    float minimum;
};
std::vector<ColourPair> colour_pairs(const Theme& t);

// WCAG 2.1's contrast ratio of two opaque colours, from 1 to 21.
float contrast_ratio(ImU32 a, ImU32 b);

// Minimum size of anything a visitor taps (PRODUCT.md: at least 12 mm).
inline constexpr float kMinTargetMm = 12.0f;

// Sets Dear ImGui's style for a touch kiosk at the given pixel density and the palette in use.
void apply_touch_style(ImGuiStyle& style, float px_per_mm);

}  // namespace plaza::ui
