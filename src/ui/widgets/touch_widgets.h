// Touch widgets that record themselves in the frame report: buttons that fire on release (and
// never after a drag, see kinetic_scroll.h), and text runs that headless scripts can find.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

#include "ui/ui_context.h"

namespace plaza::ui {

enum class ButtonStyle { primary, secondary, selected };

// A button at least kMinTargetMm tall with a stable id ("home/partnerships") and a visible label.
// `size_mm` of 0 on an axis means "fit the label" (but never under the minimum target size).
// A non-zero `dot` draws a coloured dot before the label (theme chips).
bool TapButton(UiContext& ctx, const std::string& id, const std::string& label,
               ImVec2 size_mm = ImVec2(0, 0), ButtonStyle style = ButtonStyle::primary,
               ImU32 dot = 0);

// How a card looks beyond its texts: a colour bar (a theme's colour; 0 for none) and a
// thumbnail on the left (media id 0 for none).
struct CardLook {
    ImU32 accent = 0;
    std::int64_t thumbnail = 0;
};

// A card: a tappable surface with a title (up to two lines) and a muted line under it.
bool TapCard(UiContext& ctx, const std::string& id, const std::string& title,
             const std::string& subtitle, float width_px, float height_mm,
             const CardLook& look = {});

// Text runs, each recorded with its rectangle.
void Text(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour);
void TextWrapped(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour);

// Records the last submitted item in the frame report, clipped to the visible area.
void RecordItem(UiContext& ctx, core::VisibleItem::Kind kind, const std::string& id,
                const std::string& label);

}  // namespace plaza::ui
