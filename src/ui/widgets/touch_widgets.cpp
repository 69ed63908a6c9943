#include "ui/widgets/touch_widgets.h"

#include <imgui_internal.h>

#include <algorithm>

#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {
namespace {

// Dear ImGui presses a button on release over it, however far the finger travelled meanwhile.
// On a touch screen that travel was a drag (a scroll, or a change of mind), so a press that moved
// beyond the tap slop neither shows as pressed nor fires. This covers buttons outside scrolling
// areas too, where KineticScroll is not there to take the press away.
void cancel_if_dragged(const UiContext& ctx, bool& pressed, bool& held) {
    const float slop = ctx.mm(kTapSlopMm);
    if (ImGui::GetIO().MouseDragMaxDistanceSqr[0] > slop * slop) pressed = held = false;
}

}  // namespace

void RecordItem(UiContext& ctx, core::VisibleItem::Kind kind, const std::string& id,
                const std::string& label) {
    ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    rect.ClipWithFull(ImGui::GetCurrentWindow()->ClipRect);
    if (rect.GetWidth() <= 0 || rect.GetHeight() <= 0) return;
    ctx.report.items.push_back(
        {kind, id, label, {rect.Min.x, rect.Min.y, rect.GetWidth(), rect.GetHeight()}});
}

bool TapButton(UiContext& ctx, const std::string& id, const std::string& label, ImVec2 size_mm,
               ButtonStyle style, ImU32 dot) {
    const Theme& t = theme();
    ImFont* font = ctx.fonts.body;
    const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float min_px = ctx.mm(kMinTargetMm);
    const float dot_space = dot ? ctx.mm(5) : 0.0f;
    ImVec2 size(size_mm.x > 0 ? ctx.mm(size_mm.x) : text_size.x + 2 * pad.x + dot_space,
                size_mm.y > 0 ? ctx.mm(size_mm.y) : text_size.y + 2 * pad.y);
    size.x = std::max(size.x, min_px);
    size.y = std::max(size.y, min_px);

    ImGui::PushID(id.c_str());
    bool pressed = ImGui::InvisibleButton("##tap", size);
    bool held = ImGui::IsItemActive() &&
                ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    ImGui::PopID();
    cancel_if_dragged(ctx, pressed, held);

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 fill = t.accent, text = t.accent_text;
    if (style == ButtonStyle::secondary) fill = t.surface, text = t.accent;
    if (style == ButtonStyle::selected) fill = t.selected, text = t.text;
    if (held) fill = t.accent_pressed, text = t.accent_text;
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(min, max, fill, rounding);
    if (style != ButtonStyle::primary)
        draw->AddRect(min, max, t.outline, rounding, 0, ctx.mm(0.4f));
    const ImVec2 text_pos(min.x + dot_space + (size.x - dot_space - text_size.x) / 2,
                          min.y + (size.y - text_size.y) / 2);
    draw->PushClipRect(min, max, true);
    if (dot) {
        draw->AddCircleFilled(ImVec2(min.x + pad.x + ctx.mm(1.5f), min.y + size.y / 2),
                              ctx.mm(1.8f), dot);
    }
    draw->AddText(font, font->FontSize, text_pos, text, label.c_str());
    draw->PopClipRect();
    RecordItem(ctx, core::VisibleItem::Kind::control, id, label);
    return pressed;
}

bool TapCard(UiContext& ctx, const std::string& id, const std::string& title,
             const std::string& subtitle, float width_px, float height_mm, const CardLook& look) {
    const Theme& t = theme();
    const ImVec2 size(width_px, std::max(ctx.mm(height_mm), ctx.mm(kMinTargetMm)));
    ImGui::PushID(id.c_str());
    bool pressed = ImGui::InvisibleButton("##card", size);
    bool held = ImGui::IsItemActive() &&
                ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    ImGui::PopID();
    cancel_if_dragged(ctx, pressed, held);
    if (!ImGui::IsItemVisible()) return pressed;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const float pad = ctx.mm(4);
    draw->AddRectFilled(min, max, held ? t.selected : t.surface, rounding);
    float left = min.x + pad;
    if (look.accent) {
        draw->AddRectFilled(min, ImVec2(min.x + ctx.mm(2.5f), max.y), look.accent, rounding,
                            ImDrawFlags_RoundCornersLeft);
        left += ctx.mm(1.5f);
    }
    if (look.thumbnail) {
        const float side = size.y - 2 * pad;
        DrawImageCover(ctx, draw, {look.thumbnail, ImageVariant::thumbnail},
                       ImVec2(left, min.y + pad), ImVec2(left + side, min.y + pad + side));
        left += side + pad;
    }
    draw->AddRect(min, max, t.outline, rounding, 0, ctx.mm(0.3f));
    draw->PushClipRect(min, max, true);
    ImFont* heading = ctx.fonts.heading;
    const float text_width = max.x - pad - left;
    // Up to two lines of title; the clip rectangle cuts a third.
    const ImVec2 title_size =
        heading->CalcTextSizeA(heading->FontSize, FLT_MAX, text_width, title.c_str());
    const float title_height = std::min(title_size.y, heading->FontSize * 2);
    draw->PushClipRect(ImVec2(left, min.y), ImVec2(max.x - pad, min.y + pad + title_height), true);
    draw->AddText(heading, heading->FontSize, ImVec2(left, min.y + pad), t.text, title.c_str(),
                  nullptr, text_width);
    draw->PopClipRect();
    ImFont* body = ctx.fonts.body;
    draw->AddText(body, body->FontSize, ImVec2(left, min.y + pad + title_height + ctx.mm(1.5f)),
                  t.text_muted, subtitle.c_str(), nullptr, text_width);
    draw->PopClipRect();
    RecordItem(ctx, core::VisibleItem::Kind::control, id, title);
    return pressed;
}

void Text(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    RecordItem(ctx, core::VisibleItem::Kind::text, "", text);
}

void TextWrapped(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    RecordItem(ctx, core::VisibleItem::Kind::text, "", text);
}

}  // namespace plaza::ui
