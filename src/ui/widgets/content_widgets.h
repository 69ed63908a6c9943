// SPDX-License-Identifier: GPL-3.0-or-later
// Widgets for showing content: filter chips, images from the bundle with placeholders, QR codes,
// styled running text and Markdown bodies. Each records what it shows in the frame report.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/image_provider.h"
#include "core/markdown.h"
#include "core/qr_code.h"
#include "ui/ui_context.h"

namespace plaza::ui {

// A toggle for a filter; a coloured dot when `dot` is not 0. Returns true when tapped.
bool FilterChip(UiContext& ctx, const std::string& id, const std::string& label, bool selected,
                ImU32 dot = 0);

// An image from the bundle scaled to cover `size` (cropped, never stretched); a neutral
// placeholder while it loads, when it is broken, or when media_id is 0.
void Thumbnail(UiContext& ctx, const core::ImageKey& key, ImVec2 size);

// Draws an image into [min, max] cropped to cover it, or a neutral placeholder.
void DrawImageCover(UiContext& ctx, ImDrawList* draw, const core::ImageKey& key, ImVec2 min,
                    ImVec2 max);

// A square of `colour` with `icon` (ui/icons.h) in its middle, where a picture would be: cards
// without a thumbnail, a page without photos.
void DrawIconTile(UiContext& ctx, ImDrawList* draw, const char* icon, ImU32 colour, ImVec2 min,
                  ImVec2 max);

// A QR code `size_mm` wide on a white square with the quiet zone scanners need.
void QrCode(UiContext& ctx, const std::string& id, const core::QrMatrix& qr, float size_mm);

// The width left for text on this line: up to the wrap position a page set (a readable column),
// else to the window's edge.
float TextWidthLeft();

// One piece of a line of styled runs as drawn: a run's part, in the fonts' visual order.
struct ShapedPiece {
    std::string text;     // as the fonts draw it (ui/fonts.h shown())
    std::size_t run = 0;  // index into the runs
    float x = 0, width = 0;
};

// A paragraph of styled runs in a script that is shaped (ui/shaped_text.h) laid out `width`
// wide: broken at its spaces in logical order, as titles are, so that a right-to-left paragraph
// reads from its first line down; each line's pieces then ordered (the right-to-left ones
// reversed, spaces kept on their side) and shaped on their own. A word wider than a line has a
// line of its own.
std::vector<std::vector<ShapedPiece>> LayoutShapedRuns(const FontSet& fonts,
                                                       const std::vector<core::TextRun>& runs,
                                                       float width);

// Wrapped text made of styled runs (regular, bold, italic), recorded as one text item.
void RichText(UiContext& ctx, const std::vector<core::TextRun>& runs, ImU32 colour);

// A Markdown document; `image_for` maps an image path in the Markdown to a bundle media id
// (0 when the bundle has no such image).
void MarkdownView(UiContext& ctx, const core::MarkdownDocument& doc,
                  const std::function<std::int64_t(const std::string&)>& image_for);

ImU32 to_imgui_colour(std::uint8_t r, std::uint8_t g, std::uint8_t b);

}  // namespace plaza::ui
