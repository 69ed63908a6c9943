// SPDX-License-Identifier: GPL-3.0-or-later
// Plaza's design system in one place: the colour palettes (standard and high contrast, both
// checked against WCAG 2.1), and the tokens every screen and widget sizes itself with: a type
// scale and spacing scale in millimetres, corner radius, elevation (soft shadows), press and focus
// states, and the motion duration. No hover colours: hover has no meaning on a touch screen (see
// ocornut/imgui#1470); a strong pressed colour is the feedback instead.
#pragma once

#include <imgui.h>

#include <vector>

namespace plaza::ui {

struct Theme {
    ImU32 background = IM_COL32(241, 243, 246, 255);
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 text = IM_COL32(26, 30, 36, 255);
    ImU32 text_muted = IM_COL32(74, 80, 90, 255);
    ImU32 accent = IM_COL32(0, 84, 147, 255);  // buttons; white text on it is 7.4:1
    ImU32 accent_pressed = IM_COL32(0, 52, 94, 255);
    ImU32 accent_text = IM_COL32(255, 255, 255, 255);
    ImU32 selected = IM_COL32(214, 232, 245, 255);
    ImU32 outline = IM_COL32(120, 128, 138, 255);
    ImU32 divider = IM_COL32(214, 218, 224, 255);      // decoration only: never a boundary
    ImU32 placeholder = IM_COL32(226, 229, 234, 255);  // an image still loading or broken
    ImU32 scrim = IM_COL32(20, 24, 30, 200);           // dims the screen under "Still there?"
    ImU32 focus = IM_COL32(204, 51, 0, 255);           // spoken mode's focus ring
    ImU32 shadow = IM_COL32(16, 24, 40, 255);          // elevation; drawn with low alpha
    // The event's own colour (event.txt's accent_colour, made dark enough for white text on
    // it): the hero band and the attract loop's strip. Plaza's blue without one.
    ImU32 brand = IM_COL32(0, 84, 147, 255);
    ImU32 on_brand = IM_COL32(255, 255, 255, 255);
    // Session badges: "Live" for what is on now, "Moved", "Cancelled".
    ImU32 live = IM_COL32(196, 30, 58, 255);
    ImU32 on_live = IM_COL32(255, 255, 255, 255);
    ImU32 moved = IM_COL32(255, 214, 102, 255);
    ImU32 on_moved = IM_COL32(26, 30, 36, 255);
    ImU32 cancelled = IM_COL32(74, 80, 90, 255);
    ImU32 on_cancelled = IM_COL32(255, 255, 255, 255);
};

// Black and white with yellow controls: every pair well above WCAG's 7:1 (AAA).
Theme high_contrast_theme();

// The palette in use; switching takes effect from the next widget drawn.
const Theme& theme();
void use_high_contrast(bool on);
bool high_contrast_in_use();
// The event's colour for both palettes' brand band (0: Plaza's own). The standard palette takes
// it made as dark as white text on it needs (4.5:1); high contrast keeps its own colours.
void use_brand_colour(ImU32 colour);
// `colour`, darkened step by step until white text on it reaches 4.5:1.
ImU32 readable_under_white(ImU32 colour);

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

// The type scale: the size of the em in millimetres at the smallest text size (the visitor's
// text size multiplies the first four). A booth is read from arm's length to a few steps back;
// ISO 9241-303 puts legible character height near 1/200 of the viewing distance, with margin
// for eyesight. Noto Sans' capitals are 0.714 em tall.
struct TypeScale {
    float caption = 4.5f;   // credits, captions, badges (drawn with the body font)
    float body = 5.5f;      // running text, arm's length
    float heading = 8.0f;   // section headings, card titles
    float title = 12.0f;    // a page's title
    float display = 18.0f;  // the attract loop's invitation and Now & Next band, read from 4 m
    float poster = 30.0f;   // the attract loop, read from 4 m: capitals over 20 mm
};
inline constexpr TypeScale kType{};

// The spacing scale in millimetres: gaps inside a control, between items, between sections, and
// the margins of a page.
struct SpacingScale {
    float xs = 1.0f;
    float s = 2.0f;
    float m = 4.0f;
    float l = 6.0f;
    float xl = 10.0f;
    float xxl = 16.0f;
};
inline constexpr SpacingScale kSpace{};

// Corner radius of cards, buttons and images, and of pills (chips, badges).
inline constexpr float kRadiusMm = 2.0f;
inline constexpr float kPillRadiusMm = 6.0f;

// Elevation: how far a surface stands out, as a soft shadow below it (0: flat).
enum class Elevation { flat, raised, floating };

// Motion: screen changes and fades last this long; nothing moves with reduced motion (spoken
// mode), WCAG 2.3.3.
inline constexpr float kMotionSeconds = 0.18f;

// Press and focus states: the pressed fill is the palette's accent_pressed / selected; the focus
// ring is this wide and this far outside the control.
inline constexpr float kFocusRingMm = 1.0f;

// A readable text column: at most this many average characters a line (WCAG 1.4.8 asks for 80;
// typographers for 45 to 75).
inline constexpr float kReadableChars = 75.0f;

// Sets Dear ImGui's style for a touch kiosk at the given pixel density and the palette in use.
void apply_touch_style(ImGuiStyle& style, float px_per_mm);

// Draws a surface (card, button, image frame) with rounded corners and its elevation's shadow.
// The corners are a cross of rectangles and four quarter discs: a software renderer fills the
// rectangles as opaque blocks (platform/draw_data_renderer.cpp), where Dear ImGui's rounded
// rectangle is one polygon blended pixel by pixel.
void DrawSurface(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 fill, float radius_px,
                 Elevation elevation = Elevation::flat, float px_per_mm = 4.0f);
// An outline around a rounded surface.
void DrawOutline(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 colour, float radius_px,
                 float thickness_px);

}  // namespace plaza::ui
