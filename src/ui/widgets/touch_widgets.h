// Touch widgets that record themselves in the frame report: buttons that fire on release (and
// never after a drag, see kinetic_scroll.h), and text runs that headless scripts can find.
#pragma once

#include <imgui.h>

#include <string>

#include "ui/ui_context.h"

namespace plaza::ui {

enum class ButtonStyle { primary, secondary, selected };

// A button at least kMinTargetMm tall with a stable id ("home/partnerships") and a visible label.
// `size_mm` of 0 on an axis means "fit the label" (but never under the minimum target size).
bool TapButton(UiContext& ctx, const std::string& id, const std::string& label,
               ImVec2 size_mm = ImVec2(0, 0), ButtonStyle style = ButtonStyle::primary);

// A card: a tappable surface with a title line and a muted second line, fixed height.
bool TapCard(UiContext& ctx, const std::string& id, const std::string& title,
             const std::string& subtitle, float width_px, float height_mm);

// Text runs, each recorded with its rectangle.
void Text(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour);
void TextWrapped(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour);

// Records the last submitted item in the frame report, clipped to the visible area.
void RecordItem(UiContext& ctx, core::VisibleItem::Kind kind, const std::string& id,
                const std::string& label);

}  // namespace plaza::ui
