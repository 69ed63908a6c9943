// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/touch_widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "ui/shaped_text.h"
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

constexpr float kCardPadMm = 4.0f;
constexpr float kCardGapMm = 1.5f;
const char* const kEllipsis = "\xE2\x80\xA6";  // …

// A shaped text's lines (logical order) no wider than `width` in `font`.
std::vector<std::string> logical_lines(const FontSet& fonts, ImFont* font, const std::string& text,
                                       float width) {
    return break_lines(text, width, [&](const std::string& line) {
        const std::string& drawn = shown(fonts, line);
        return font
            ->CalcTextSizeA(font->FontSize, FLT_MAX, 0, drawn.c_str(), drawn.c_str() + drawn.size())
            .x;
    });
}

// Splits `text` into lines no wider than `width` (logical order: draw each through shown());
// with `max_lines` > 0 the last kept line ends in "…" when more would follow.
std::vector<std::string> wrap_lines(const FontSet& fonts, ImFont* font, const std::string& text,
                                    float width, int max_lines) {
    if (fonts.shaper && has_shaped_script(text)) {
        std::vector<std::string> lines = logical_lines(fonts, font, text, width);
        if (max_lines > 0 && static_cast<int>(lines.size()) > max_lines) {
            lines.resize(static_cast<size_t>(max_lines));
            lines.back() += kEllipsis;
        }
        return lines;
    }
    std::vector<std::string> lines;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        while (p < end && *p == ' ')
            ++p;
        if (p == end) break;
        const char* cut = font->CalcWordWrapPositionA(1.0f, p, end, width);
        if (cut == p) ++cut;  // one character wider than the line
        while (cut < end && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80)
            ++cut;
        if (max_lines > 0 && static_cast<int>(lines.size()) == max_lines - 1 && cut < end) {
            // The last line allowed: as much as fits before the ellipsis.
            const float room = width - font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, kEllipsis).x;
            const char* last = font->CalcWordWrapPositionA(1.0f, p, end, room);
            std::string line(p, last);
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            lines.push_back(line + kEllipsis);
            return lines;
        }
        std::string line(p, cut);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        lines.push_back(std::move(line));
        p = cut;
    }
    return lines;
}

}  // namespace

std::string FocusKey(const core::VisibleItem& item) {
    return item.id.empty() ? "text:" + item.label : item.id;
}

bool ActivatedBySpeech(const UiContext& ctx, const std::string& id) {
    return ctx.spoken && !ctx.spoken->activate.empty() && ctx.spoken->activate == id;
}

void RecordItem(UiContext& ctx, core::VisibleItem item) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImRect whole(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImRect rect = whole;
    rect.ClipWithFull(window->ClipRect);
    const bool shown = rect.GetWidth() > 0 && rect.GetHeight() > 0;
    // Nothing scrolls sideways, and only scroll areas (child windows) scroll at all: text that
    // reaches past the window's side, or past the bottom of the screen's own window, is lost.
    const float slack = 0.5f;
    const bool cut_sideways = whole.Min.x < window->ClipRect.Min.x - slack ||
                              whole.Max.x > window->ClipRect.Max.x + slack;
    const bool cut_below = !(window->Flags & ImGuiWindowFlags_ChildWindow) &&
                           (whole.Min.y < window->ClipRect.Min.y - slack ||
                            whole.Max.y > window->ClipRect.Max.y + slack);
    item.clipped = item.clipped || cut_sideways || cut_below;
    if (!shown && !item.clipped && !ctx.spoken) return;
    item.visible = shown;
    if (item.language.empty()) item.language = ctx.content_language;
    const ImRect& r = shown ? rect : whole;
    item.rect = {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
    if (ctx.spoken && ctx.spoken->focus == FocusKey(item)) {
        // A ring a blind visitor's companion, or a visitor with some sight, can follow.
        const float width = ctx.mm(1.0f);
        window->DrawList->AddRect(ImVec2(whole.Min.x - width, whole.Min.y - width),
                                  ImVec2(whole.Max.x + width, whole.Max.y + width), theme().focus,
                                  0, 0, width);
        if (ctx.spoken->bring_into_view && !shown) ImGui::ScrollToRect(window, whole);
    }
    ctx.report.items.push_back(std::move(item));
}

void RecordItem(UiContext& ctx, core::VisibleItem::Kind kind, const std::string& id,
                const std::string& label) {
    core::VisibleItem item;
    item.kind = kind;
    item.id = id;
    item.label = label;
    RecordItem(ctx, std::move(item));
}

bool TapButton(UiContext& ctx, const std::string& id, const std::string& label, ImVec2 size_mm,
               ButtonStyle style, ImU32 dot, const ButtonSpeech& speech, const char* icon) {
    const Theme& t = theme();
    ImFont* font = ctx.fonts.body;
    const std::string& drawn = shown(ctx.fonts, label);
    const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, drawn.c_str());
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float min_px = ctx.mm(kMinTargetMm);
    const float icon_width =
        icon ? font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, icon).x + ctx.mm(kSpace.s) : 0.0f;
    const float dot_space = dot ? ctx.mm(5) : icon_width;
    const ImVec2 fit(text_size.x + 2 * pad.x + dot_space, text_size.y + 2 * pad.y);
    const ImVec2 size(std::max({size_mm.x > 0 ? ctx.mm(size_mm.x) : 0.0f, fit.x, min_px}),
                      std::max({size_mm.y > 0 ? ctx.mm(size_mm.y) : 0.0f, fit.y, min_px}));

    ImGui::PushID(id.c_str());
    bool pressed = ImGui::InvisibleButton("##tap", size);
    bool held = ImGui::IsItemActive() &&
                ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    ImGui::PopID();
    cancel_if_dragged(ctx, pressed, held);
    pressed = pressed || ActivatedBySpeech(ctx, id);

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 fill = t.accent, text = t.accent_text;
    if (style == ButtonStyle::secondary) fill = t.surface, text = t.accent;
    if (style == ButtonStyle::selected) fill = t.selected, text = t.text;
    if (held) fill = t.accent_pressed, text = t.accent_text;
    const float rounding = ctx.mm(kRadiusMm);
    DrawSurface(draw, min, max, fill, rounding);
    if (style != ButtonStyle::primary && !held)
        DrawOutline(draw, min, max, t.outline, rounding, ctx.mm(0.4f));
    const ImVec2 text_pos(std::round(min.x + dot_space + (size.x - dot_space - text_size.x) / 2),
                          std::round(min.y + (size.y - text_size.y) / 2));
    if (dot) {
        draw->AddCircleFilled(ImVec2(min.x + pad.x + ctx.mm(1.5f), min.y + size.y / 2),
                              ctx.mm(1.8f), dot);
    } else if (icon) {
        draw->AddText(font, font->FontSize, ImVec2(text_pos.x - icon_width, text_pos.y), text,
                      icon);
    }
    draw->AddText(font, font->FontSize, text_pos, text, shown(ctx.fonts, label).c_str());
    core::VisibleItem item;
    item.kind = core::VisibleItem::Kind::control;
    item.id = id;
    item.label = label;
    item.role = speech.role;
    item.language = speech.language;
    item.toggle = speech.toggle;
    item.selected = style == ButtonStyle::selected;
    RecordItem(ctx, std::move(item));
    return pressed;
}

float CardHeight(const UiContext& ctx, float min_mm, bool subtitle) {
    const float text = 2 * ctx.mm(kCardPadMm) + 2 * ctx.fonts.heading->FontSize +
                       (subtitle ? ctx.mm(kCardGapMm) + ctx.fonts.body->FontSize : 0.0f);
    return std::max({ctx.mm(min_mm), ctx.mm(kMinTargetMm), text});
}

bool TapCard(UiContext& ctx, const std::string& id, const std::string& title,
             const std::string& subtitle, float width_px, float height_mm, const CardLook& look) {
    const Theme& t = theme();
    ImFont* heading = ctx.fonts.heading;
    ImFont* body = ctx.fonts.body;
    const float pad = ctx.mm(kCardPadMm);
    float height = look.whole_title    ? std::max(ctx.mm(height_mm), ctx.mm(kMinTargetMm))
                   : look.exact_height ? ctx.mm(height_mm)
                                       : CardHeight(ctx, height_mm, !subtitle.empty());
    // Where the texts start: after the colour bar and the thumbnail (a square as tall as the
    // card's least height allows, so it does not grow with a long title).
    float indent = pad;
    if (look.accent) indent += ctx.mm(1.5f);
    const float side = height - 2 * pad;
    if (look.thumbnail || look.icon) indent += side + pad;
    const float text_width = std::max(width_px - indent - pad, ctx.mm(10));
    const float line = heading->FontSize, sub_line = body->FontSize;
    int max_lines = look.whole_title ? 0 : 2;
    int max_sub_lines = look.whole_title ? 0 : 1;
    bool cut = false;
    if (look.exact_height) {
        // As many title lines as the height holds, then the line under it if there is room.
        const int fit = static_cast<int>((height - 2 * pad) / line);
        max_lines = std::max(1, fit);
        cut = fit < 1;
        const float rest = height - 2 * pad - line * static_cast<float>(max_lines);
        max_sub_lines = rest >= ctx.mm(kCardGapMm) + sub_line ? 1 : -1;
    }
    const std::vector<std::string> title_lines =
        wrap_lines(ctx.fonts, heading, title, text_width, max_lines);
    const std::vector<std::string> subtitle_lines =
        max_sub_lines < 0 ? std::vector<std::string>{}
                          : wrap_lines(ctx.fonts, body, subtitle, text_width, max_sub_lines);
    if (look.whole_title) {  // as tall as its lines need
        const float needed = 2 * pad + line * static_cast<float>(title_lines.size()) +
                             (subtitle_lines.empty() ? 0.0f : ctx.mm(kCardGapMm)) +
                             sub_line * static_cast<float>(subtitle_lines.size());
        height = std::max(height, needed);
    }
    const ImVec2 size(width_px, height);
    ImGui::PushID(id.c_str());
    bool pressed = ImGui::InvisibleButton("##card", size);
    bool held = ImGui::IsItemActive() &&
                ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    ImGui::PopID();
    cancel_if_dragged(ctx, pressed, held);
    pressed = pressed || ActivatedBySpeech(ctx, id);

    core::VisibleItem item;
    item.kind = core::VisibleItem::Kind::control;
    item.id = id;
    item.label = title;
    item.detail = subtitle;
    item.role = look.role;
    item.position = look.position;
    item.count = look.count;
    item.list = look.list;
    item.clipped = cut;
    if (!ImGui::IsItemVisible()) {
        RecordItem(ctx, std::move(item));
        return pressed;
    }
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ctx.mm(kRadiusMm);
    DrawSurface(draw, min, max, held ? t.selected : t.surface, rounding,
                held ? Elevation::flat : look.elevation, ctx.px_per_mm);
    if (look.accent) {
        // The colour bar: the card's left edge in the theme's colour.
        DrawSurface(draw, min, ImVec2(min.x + ctx.mm(2.5f), max.y), look.accent, rounding);
        draw->AddRectFilled(ImVec2(min.x + rounding, min.y), ImVec2(min.x + ctx.mm(2.5f), max.y),
                            look.accent);
    }
    if (look.thumbnail || look.icon) {
        const float left = min.x + indent - side - pad;
        const ImVec2 a(left, min.y + pad), b(left + side, min.y + pad + side);
        if (look.thumbnail) {
            DrawImageCover(ctx, draw, {look.thumbnail, core::ImageVariant::thumbnail}, a, b);
        } else {
            DrawIconTile(ctx, draw, look.icon, look.accent ? look.accent : t.accent, a, b);
        }
    }
    DrawOutline(draw, min, max, t.outline, rounding, ctx.mm(0.3f));
    draw->PushClipRect(min, max, true);
    float y = min.y + pad;
    for (const std::string& text : title_lines) {
        draw->AddText(heading, line, ImVec2(min.x + indent, y), t.text,
                      shown(ctx.fonts, text).c_str());
        y += line;
    }
    // Under a two-line title in a grid, so that the second lines of a row line up.
    const float title_height = look.whole_title || look.exact_height
                                   ? line * static_cast<float>(title_lines.size())
                                   : 2 * line;
    y = min.y + pad + title_height + ctx.mm(kCardGapMm);
    for (const std::string& text : subtitle_lines) {
        draw->AddText(body, sub_line, ImVec2(min.x + indent, y), t.text_muted,
                      shown(ctx.fonts, text).c_str());
        y += sub_line;
    }
    draw->PopClipRect();
    RecordItem(ctx, std::move(item));
    return pressed;
}

namespace {

// Above this many bytes a wrapped text is laid out here rather than by Dear ImGui, the threshold
// Dear ImGui uses for the same reason in TextEx for unwrapped text.
constexpr size_t kLongTextBytes = 2000;

// Dear ImGui 1.86 draws a wrapped text in one call that reserves four vertices per byte and clips
// lines only sideways (ImFont::RenderText), so a text of ~16,000 characters overflows one draw
// call's 16-bit indices and asserts "Too many vertices in ImDrawList using 16-bit indices",
// whatever the renderer supports (issue 20). A long text is laid out here the way RenderText
// wraps it, and drawn a line per call, only the lines in view.
using Lines = std::vector<std::pair<const char*, const char*>>;

// Lays `lines` out as one item at the cursor and draws those in view, a line per call.
void lines_item(const Lines& lines) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImVec2 pos = window->DC.CursorPos;
    float width = 0.0f;
    for (const auto& [begin, end] : lines)
        width = std::max(width, font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x);
    const ImVec2 whole(width, size * static_cast<float>(lines.size()));
    const ImRect bb(pos, ImVec2(pos.x + whole.x, pos.y + whole.y));
    ImGui::ItemSize(whole, 0.0f);
    if (!ImGui::ItemAdd(bb, 0)) return;
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImRect clip = window->ClipRect;
    const size_t first = clip.Min.y > pos.y ? static_cast<size_t>((clip.Min.y - pos.y) / size) : 0;
    for (size_t i = first; i < lines.size(); ++i) {
        const float y = pos.y + size * static_cast<float>(i);
        if (y > clip.Max.y) break;
        window->DrawList->AddText(font, size, ImVec2(pos.x, y), colour, lines[i].first,
                                  lines[i].second);
    }
}

void long_wrapped_text(const std::string& text, float wrap_pos) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float scale = size / font->FontSize;
    const float wrap_width =
        ImGui::CalcWrapWidthForPos(ImGui::GetCurrentWindow()->DC.CursorPos, wrap_pos);
    Lines lines;
    const char* s = text.c_str();
    const char* const end = s + text.size();
    while (s < end) {
        const char* eol = font->CalcWordWrapPositionA(scale, s, end, wrap_width);
        if (eol == s) ++eol;  // one character wider than the line
        const char* newline = static_cast<const char*>(std::memchr(s, '\n', eol - s));
        const char* line_end = newline ? newline : eol;
        lines.emplace_back(s, line_end);
        s = newline ? newline + 1 : eol;
        // As RenderText does after a wrap: the blanks that follow are skipped, and one newline.
        if (!newline) {
            while (s < end && (*s == ' ' || *s == '\t'))
                ++s;
            if (s < end && *s == '\n') ++s;
        }
    }
    lines_item(lines);
}

// A text in a script that is shaped (ui/shaped_text.h): broken into lines in logical order, each
// line then ordered and shaped on its own.
void shaped_wrapped_text(const FontSet& fonts, const std::string& text, float wrap_pos) {
    const std::vector<std::string> visual =
        ShownLines(fonts, ImGui::GetFont(), text,
                   ImGui::CalcWrapWidthForPos(ImGui::GetCurrentWindow()->DC.CursorPos, wrap_pos));
    Lines lines;
    for (const std::string& line : visual)
        lines.emplace_back(line.c_str(), line.c_str() + line.size());
    lines_item(lines);
}

void text_item(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour, bool wrapped,
               bool heading) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    // Wrapped text wraps where the caller asked (a column, a readable line length), else at the
    // window's edge.
    const bool wrap_at_edge = wrapped && ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
    if (wrap_at_edge) ImGui::PushTextWrapPos(0.0f);
    // Text squeezed into a sliver beside other items wraps a letter or two per line: as lost
    // to a reader as text cut off, so it counts as cut off.
    const float wrap_pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    const bool squeezed =
        wrap_pos >= 0 &&
        ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_pos) < 3 * font->FontSize &&
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x > 3 * font->FontSize;
    const bool shaped = ctx.fonts.shaper && has_shaped_script(text);
    if (wrapped && shaped) {
        shaped_wrapped_text(ctx.fonts, text, wrap_pos);
    } else if (wrapped && text.size() > kLongTextBytes) {
        long_wrapped_text(text, wrap_pos);
    } else {
        const std::string& drawn = shown(ctx.fonts, text);
        ImGui::TextUnformatted(drawn.c_str(), drawn.c_str() + drawn.size());
    }
    if (wrap_at_edge) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    core::VisibleItem item;
    item.label = text;
    item.heading = heading;
    item.clipped = squeezed;
    item.em_px = font->FontSize;
    RecordItem(ctx, std::move(item));
}

}  // namespace

std::vector<std::string> ShownLines(const FontSet& fonts, ImFont* font, const std::string& text,
                                    float width) {
    std::vector<std::string> lines = wrap_lines(fonts, font, text, width, 0);
    for (std::string& line : lines)
        line = shown(fonts, line);
    return lines;
}

ImVec2 ShownTextSize(const FontSet& fonts, ImFont* font, const std::string& text) {
    const std::string& drawn = shown(fonts, text);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, drawn.c_str(),
                               drawn.c_str() + drawn.size());
}

void Text(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour) {
    text_item(ctx, font, text, colour, false, false);
}

void TextWrapped(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour) {
    text_item(ctx, font, text, colour, true, false);
}

void Heading(UiContext& ctx, ImFont* font, const std::string& text, ImU32 colour, int max_lines) {
    if (max_lines > 0) {
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        const float wrap_pos = window->DC.TextWrapPos < 0.0f ? 0.0f : window->DC.TextWrapPos;
        const float width = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos);
        const std::vector<std::string> lines = wrap_lines(ctx.fonts, font, text, width, max_lines);
        if (!lines.empty() && lines.back().size() >= 3 &&
            lines.back().compare(lines.back().size() - 3, 3, kEllipsis) == 0) {
            std::string shown;
            for (const std::string& line : lines)
                shown += (shown.empty() ? "" : " ") + line;
            text_item(ctx, font, shown, colour, true, true);
            return;
        }
    }
    text_item(ctx, font, text, colour, true, true);
}

void IconText(UiContext& ctx, ImFont* font, const char* icon, const std::string& text, ImU32 colour,
              bool heading) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(0, ctx.mm(kSpace.s));
    text_item(ctx, font, text, colour, heading, heading);
}

}  // namespace plaza::ui
