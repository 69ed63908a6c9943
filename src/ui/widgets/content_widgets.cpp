// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/content_widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

ImU32 to_imgui_colour(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    return IM_COL32(r, g, b, 255);
}

bool FilterChip(UiContext& ctx, const std::string& id, const std::string& label, bool selected,
                ImU32 dot) {
    ButtonSpeech speech;
    speech.toggle = true;
    speech.role = tr(ctx.language, Phrase::role_filter);
    return TapButton(ctx, id, label, ImVec2(0, kMinTargetMm),
                     selected ? ButtonStyle::selected : ButtonStyle::secondary, dot, speech);
}

void DrawImageCover(UiContext& ctx, ImDrawList* draw, const core::ImageKey& key, ImVec2 min,
                    ImVec2 max) {
    const float rounding = ImGui::GetStyle().FrameRounding;
    core::ImageView view;
    if (key.media_id != 0 && ctx.images) view = ctx.images->image(key);
    if (view.state != core::ImageState::ready || view.width <= 0 || view.height <= 0) {
        draw->AddRectFilled(min, max, theme().placeholder, rounding);
        return;
    }
    // Cover: crop the longer side of the picture so it fills the box without distortion.
    const float box_aspect = (max.x - min.x) / (max.y - min.y);
    const float image_aspect = view.width / view.height;
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (image_aspect > box_aspect) {
        const float keep = box_aspect / image_aspect;
        uv0.x = (1 - keep) / 2, uv1.x = 1 - uv0.x;
    } else {
        const float keep = image_aspect / box_aspect;
        uv0.y = (1 - keep) / 2, uv1.y = 1 - uv0.y;
    }
    draw->AddImageRounded(view.texture, min, max, uv0, uv1, IM_COL32_WHITE, rounding);
}

void DrawIconTile(UiContext& ctx, ImDrawList* draw, const char* icon, ImU32 colour, ImVec2 min,
                  ImVec2 max) {
    // A white icon on the theme's colour, darkened as far as white needs: light theme colours
    // (yellow) and dark ones alike. High contrast: the palette's brand pair.
    const bool high = high_contrast_in_use();
    DrawSurface(draw, min, max, high ? theme().brand : readable_under_white(colour),
                ctx.mm(kRadiusMm));
    ImFont* font = ctx.fonts.title;
    const float size = std::min(font->FontSize, (max.y - min.y) * 0.6f);
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, icon);
    const ImU32 ink = high ? theme().on_brand : IM_COL32_WHITE;
    draw->AddText(font, size,
                  ImVec2(std::round((min.x + max.x - extent.x) / 2),
                         std::round((min.y + max.y - extent.y) / 2)),
                  ink, icon);
}

void Thumbnail(UiContext& ctx, const core::ImageKey& key, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (!ImGui::IsItemVisible()) return;
    DrawImageCover(ctx, ImGui::GetWindowDrawList(), key, min,
                   ImVec2(min.x + size.x, min.y + size.y));
}

void QrCode(UiContext& ctx, const std::string& id, const core::QrMatrix& qr, float size_mm) {
    const float size = ctx.mm(size_mm);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    if (!ImGui::IsItemVisible() || qr.size == 0) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, ImVec2(min.x + size, min.y + size), IM_COL32_WHITE);
    // Four modules of quiet zone on each side (ISO/IEC 18004 §6.3.8).
    const int total = qr.size + 8;
    const float module = std::floor(size / static_cast<float>(total));
    const float offset = std::floor((size - module * static_cast<float>(qr.size)) / 2);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.at(x, y)) continue;
            const ImVec2 a(min.x + offset + module * static_cast<float>(x),
                           min.y + offset + module * static_cast<float>(y));
            draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
        }
    }
    RecordItem(ctx, core::VisibleItem::Kind::text, id, "QR code");
}

namespace {

ImFont* font_for(const UiContext& ctx, const core::TextRun& run) {
    if (run.strong) return ctx.fonts.body_bold;
    if (run.emphasis) return ctx.fonts.body_italic;
    return ctx.fonts.body;
}

// Advances past one UTF-8 character.
const char* next_char(const char* p, const char* end) {
    ++p;
    while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
        ++p;
    return p;
}

}  // namespace

float TextWidthLeft() {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    return wrap > 0 ? std::min(avail, wrap - ImGui::GetCursorPosX()) : avail;
}

void RichText(UiContext& ctx, const std::vector<core::TextRun>& runs, ImU32 colour) {
    const float width = std::max(TextWidthLeft(), ctx.mm(20));
    const float line_height = ctx.fonts.body->FontSize * 1.35f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Theme& t = theme();
    float x = 0, y = 0;
    std::string all;
    for (const core::TextRun& run : runs) {
        all += run.text;
        ImFont* font = font_for(ctx, run);
        const ImU32 run_colour = run.link >= 0 ? t.accent : colour;
        const char* text = run.text.c_str();
        const char* end = text + run.text.size();
        while (text < end) {
            if (x == 0) {
                while (text < end && *text == ' ')
                    ++text;  // no space at the start of a line
                if (text == end) break;
            }
            const char* cut = font->CalcWordWrapPositionA(1.0f, text, end, width - x);
            if (cut == text) {
                if (x > 0) {  // nothing fits in what is left of this line
                    x = 0, y += line_height;
                    continue;
                }
                cut = next_char(text, end);  // a single character wider than the line
            }
            const ImVec2 pos(origin.x + x, origin.y + y);
            draw->AddText(font, font->FontSize, pos, run_colour, text, cut);
            const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text, cut).x;
            if (run.link >= 0) {
                draw->AddLine(ImVec2(pos.x, pos.y + font->FontSize),
                              ImVec2(pos.x + w, pos.y + font->FontSize), run_colour, ctx.mm(0.3f));
            }
            x += w;
            text = cut;
            if (text < end) x = 0, y += line_height;
        }
    }
    ImGui::Dummy(ImVec2(width, y + line_height));
    RecordItem(ctx, core::VisibleItem::Kind::text, "", all);
}

void MarkdownView(UiContext& ctx, const core::MarkdownDocument& doc,
                  const std::function<std::int64_t(const std::string&)>& image_for) {
    const Theme& t = theme();
    for (const core::MarkdownBlock& block : doc.blocks) {
        switch (block.kind) {
            case core::MarkdownBlock::Kind::heading: {
                std::string text;
                for (const auto& run : block.runs)
                    text += run.text;
                ImGui::Dummy(ImVec2(0, ctx.mm(2)));
                TextWrapped(ctx, block.level <= 1 ? ctx.fonts.title : ctx.fonts.heading, text,
                            t.text);
                break;
            }
            case core::MarkdownBlock::Kind::paragraph:
                RichText(ctx, block.runs, t.text);
                break;
            case core::MarkdownBlock::Kind::list_item: {
                const float indent = ctx.mm(6) * static_cast<float>(block.level);
                ImGui::Indent(indent);
                const ImVec2 pos = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddText(ctx.fonts.body, ctx.fonts.body->FontSize,
                                                    ImVec2(pos.x - ctx.mm(5), pos.y), t.text,
                                                    block.bullet.c_str());
                RichText(ctx, block.runs, t.text);
                ImGui::Unindent(indent);
                break;
            }
            case core::MarkdownBlock::Kind::image: {
                const std::int64_t media = image_for(block.image_source);
                const float w = std::min(TextWidthLeft(), ctx.mm(160));
                Thumbnail(ctx, {media, core::ImageVariant::display}, ImVec2(w, w * 9 / 16));
                break;
            }
        }
    }
}

}  // namespace plaza::ui
