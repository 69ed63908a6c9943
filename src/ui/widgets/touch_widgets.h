// SPDX-License-Identifier: GPL-3.0-or-later
// Touch widgets that record themselves in the frame report: buttons that fire on release (and
// never after a drag, see kinetic_scroll.h), and text runs that headless scripts can find. In
// spoken mode they also draw the focus ring and act when the visitor activates them by voice.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ui/theme.h"
#include "ui/ui_context.h"

namespace plaza::ui {

enum class ButtonStyle { primary, secondary, selected };

// A button at least kMinTargetMm tall with a stable id ("home/partnerships") and a visible label.
// `size_mm` is the least size; the button grows to fit its label at any text size, and an axis
// of 0 means "fit the label" (never under the minimum target size). A non-zero `dot` draws a
// coloured dot before the label (theme chips); a non-null `icon` (ui/icons.h) stands before the
// label instead. `toggle`: spoken mode says "on" or "off".
struct ButtonSpeech {
    bool toggle = false;
    std::string role;      // instead of "button" ("filter")
    std::string language;  // the label's language when it is not the visitor's
};
bool TapButton(UiContext& ctx, const std::string& id, const std::string& label,
               ImVec2 size_mm = ImVec2(0, 0), ButtonStyle style = ButtonStyle::primary,
               ImU32 dot = 0, const ButtonSpeech& speech = {}, const char* icon = nullptr);

// How a card looks beyond its texts, and what spoken mode says of it.
struct CardLook {
    ImU32 accent = 0;            // a colour bar on the left (a theme's colour; 0 for none)
    std::int64_t thumbnail = 0;  // a picture on the left (media id; 0 for none)
    // Without a thumbnail: a square of the accent colour with this icon (ui/icons.h) in its
    // place, so that titles line up with those of cards that have one. Null: no square.
    const char* icon = nullptr;
    Elevation elevation = Elevation::raised;
    // Grow to show every line of title and subtitle (else two lines of title and one under
    // it, ending in "…" where they are longer; grids need rows of one height).
    bool whole_title = false;
    // Exactly `height_mm` tall (a session in the room × time grid): as many title lines as fit.
    bool exact_height = false;
    std::string role;             // what the card is ("Partnership"); empty: "button"
    int position = 0, count = 0;  // its place in a list of `count` (1-based)
    std::string list;             // the list's id when the list only builds what is visible
};

// The height of a card with a two-line title (and a line under it) at the current text size, and
// at least `min_mm`: grids of cards use it as their row height.
float CardHeight(const UiContext& ctx, float min_mm, bool subtitle = true);

// A card: a tappable surface with a title and a muted line under it.
bool TapCard(UiContext& ctx, const std::string& id, const std::string& title,
             const std::string& subtitle, float width_px, float height_mm,
             const CardLook& look = {});

// Text runs, each recorded with its rectangle. `heading`: spoken mode says so. A heading with
// `max_lines` > 0 shows at most that many lines, the last ending in "…" when more would follow:
// a title that must leave room for what comes after it.
void Text(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour);
void TextWrapped(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour);
void Heading(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour,
             int max_lines = 0);
// `text` in `font` broken into lines no wider than `width`, each as the fonts draw it (a shaped
// script broken in logical order, then each line ordered and shaped: ui/shaped_text.h), for
// widgets that draw text themselves.
std::vector<std::string> ShownLines(const FontSet& fonts, ImFont* font, const std::string& text,
                                    float width);
// The size of `text` drawn in one line in `font`, as the fonts draw it.
ImVec2 ShownTextSize(const FontSet& fonts, ImFont* font, const std::string& text);

// An icon (ui/icons.h) before a text run or heading: the icon is drawn, only the words are
// recorded (spoken mode reads the words; scripts find them).
void IconText(UiContext& ctx, ImFont* font, const char* icon, const std::string& text, ImU32 colour,
              bool heading = false);

// Records the last submitted item in the frame report, clipped to the visible area, with
// `item`'s spoken details; marks text cut off by the window. In spoken mode it also records
// items scrolled out of view, draws the focus ring and scrolls the focused item into view.
void RecordItem(UiContext& ctx, core::VisibleItem item);
void RecordItem(UiContext& ctx, core::VisibleItem::Kind kind, const std::string& id,
                const std::string& label);

// True when spoken mode asks the control `id` to act this frame.
bool ActivatedBySpeech(const UiContext& ctx, const std::string& id);

// The key spoken mode knows an item by.
std::string FocusKey(const core::VisibleItem& item);

}  // namespace plaza::ui
