// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/programme_parts.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/civil_time.h"
#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/kinetic_scroll.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

std::string day_label(const std::string& language, const std::string& date) {
    int year = 0, month = 0, day = 0;
    if (date.size() != 10 || !core::read_digits(date, 0, 4, year) ||
        !core::read_digits(date, 5, 2, month) || !core::read_digits(date, 8, 2, day) || month < 1 ||
        month > 12 || day < 1 || day > core::days_in_month(year, month)) {
        return date;
    }
    const std::int64_t days = core::days_from_civil(year, month, day);
    const int weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
    const auto weekday_phrase =
        static_cast<Phrase>(static_cast<int>(Phrase::weekday_sunday) + weekday);
    const auto month_phrase =
        static_cast<Phrase>(static_cast<int>(Phrase::month_january) + month - 1);
    std::string out = tr(language, weekday_phrase);
    if (language == "en") out += ",";
    return out + " " + std::to_string(day) + " " + tr(language, month_phrase);
}

namespace {

std::string substitute(std::string pattern, const std::string& key, const std::string& value) {
    const size_t at = pattern.find(key);
    if (at != std::string::npos) pattern.replace(at, key.size(), value);
    return pattern;
}

}  // namespace

std::string time_range(const ProgrammeSession& s) {
    return s.ends.empty() ? s.starts : s.starts + "–" + s.ends;
}

std::string period_label(const std::string& language, const std::string& date) {
    int year = 0, month = 0, day = 0;
    const bool has_month = (date.size() == 7 || date.size() == 10) &&
                           core::read_digits(date, 0, 4, year) && date[4] == '-' &&
                           core::read_digits(date, 5, 2, month) && month >= 1 && month <= 12;
    if (!has_month) return date;
    const std::string year_text = std::to_string(year);
    if (date.size() == 7) {
        const auto alone =
            static_cast<Phrase>(static_cast<int>(Phrase::month_alone_january) + month - 1);
        return substitute(
            substitute(tr(language, Phrase::month_year), "{month}", tr(language, alone)), "{year}",
            year_text);
    }
    if (date[7] != '-' || !core::read_digits(date, 8, 2, day) || day < 1 ||
        day > core::days_in_month(year, month))
        return date;
    const auto after_day = static_cast<Phrase>(static_cast<int>(Phrase::month_january) + month - 1);
    return substitute(substitute(tr(language, Phrase::date_year), "{date}",
                                 std::to_string(day) + " " + tr(language, after_day)),
                      "{year}", year_text);
}

std::string language_name(const std::string& code, const std::string& ui_language,
                          const content::EventInfo& event) {
    for (const content::Language& l : event.languages) {
        if (l.code == code) return l.name;
    }
    // Another language is named in the visitor's (the bundle has it in each event language); a
    // bundle made before those names were stored shows the code.
    const auto names = event.language_names.find(code);
    if (names == event.language_names.end()) return code;
    if (const auto name = names->second.find(ui_language); name != names->second.end())
        return name->second;
    if (event.languages.empty()) return code;
    const auto fallback = names->second.find(event.languages.front().code);
    return fallback == names->second.end() ? code : fallback->second;
}

std::string status_label(const std::string& language, const std::string& status) {
    if (status == "cancelled") return tr(language, Phrase::cancelled);
    if (status == "moved") return tr(language, Phrase::moved);
    return {};
}

BadgeLook session_badge(const UiContext& ctx, const content::SessionItem& s) {
    const Theme& t = theme();
    if (s.status == "cancelled")
        return {tr(ctx.language, Phrase::cancelled), t.cancelled, t.on_cancelled};
    if (s.status == "moved") return {tr(ctx.language, Phrase::moved), t.moved, t.on_moved};
    if (s.starts_at_ms <= ctx.wall_time_ms && ctx.wall_time_ms < s.ends_at_ms)
        return {tr(ctx.language, Phrase::live_now), t.live, t.on_live};
    return {};
}

namespace {

// The body's bold at its own size: a badge must be read at a glance, and the atlas holds it
// sharp only at that size.
float badge_font_size(const UiContext& ctx) {
    return ctx.fonts.body_bold->FontSize;
}

}  // namespace

ImVec2 BadgeSize(const UiContext& ctx, const BadgeLook& badge) {
    if (badge.label.empty()) return ImVec2(0, 0);
    const ImVec2 text =
        ctx.fonts.body_bold->CalcTextSizeA(badge_font_size(ctx), FLT_MAX, 0, badge.label.c_str());
    const float pad = ctx.mm(kSpace.s);
    return ImVec2(std::round(text.x + 2 * pad), std::round(text.y + pad));
}

void DrawBadge(const UiContext& ctx, ImDrawList* draw, ImVec2 at, const BadgeLook& badge) {
    if (badge.label.empty()) return;
    const ImVec2 size = BadgeSize(ctx, badge);
    DrawSurface(draw, at, ImVec2(at.x + size.x, at.y + size.y), badge.fill, ctx.mm(kPillRadiusMm));
    const float pad = ctx.mm(kSpace.s);
    draw->AddText(ctx.fonts.body_bold, badge_font_size(ctx), ImVec2(at.x + pad, at.y + pad / 2),
                  badge.ink, badge.label.c_str());
}

void Badge(UiContext& ctx, const BadgeLook& badge) {
    if (badge.label.empty()) return;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(BadgeSize(ctx, badge));
    DrawBadge(ctx, ImGui::GetWindowDrawList(), at, badge);
    RecordItem(ctx, core::VisibleItem::Kind::text, "", badge.label);
}

bool SessionRow(UiContext& ctx, const std::string& id, const ProgrammeSession& s, float width_px,
                const content::EventInfo& event, bool show_room) {
    const Theme& t = theme();
    ImFont* heading = ctx.fonts.heading;
    ImFont* body = ctx.fonts.body;
    const float pad = ctx.mm(3);
    std::string time = s.starts;
    if (!s.ends.empty()) time += "–" + s.ends;
    // The status and "Live" are badges, drawn under the time; spoken mode reads them first.
    const BadgeLook badge = session_badge(ctx, s.item);
    const ImVec2 badge_box = BadgeSize(ctx, badge);
    std::string line;
    auto add = [&line](const std::string& part) {
        if (part.empty()) return;
        if (!line.empty()) line += " · ";
        line += part;
    };
    if (show_room) add(s.item.room);
    if (!s.item.language.empty()) add(language_name(s.item.language, ctx.language, event));
    std::string speakers;
    for (const content::SessionSpeaker& p : s.item.speakers) {
        if (!speakers.empty()) speakers += ", ";
        speakers += p.name;
    }
    add(speakers);

    // The time column is as wide as the widest time at this text size, so rows line up and a
    // larger text size widens it instead of running the time into the title. When that would
    // leave the title too little room (large text on a narrow screen), the time goes on its own
    // line above the title.
    const float widest_time =
        heading->CalcTextSizeA(heading->FontSize, FLT_MAX, 0, "00:00–00:00").x + pad;
    const bool stacked = widest_time > width_px * 0.35f;
    const float time_width = stacked ? 0.0f : std::max(ctx.mm(42), widest_time);
    const float text_width = std::max(ctx.mm(20), width_px - time_width - 2 * pad);
    // As the fonts draw them: shaped, in visual order, broken in reading order
    // (ui/shaped_text.h).
    const std::vector<std::string> title = ShownLines(ctx.fonts, heading, s.item.title, text_width);
    const std::vector<std::string> details =
        line.empty() ? std::vector<std::string>{} : ShownLines(ctx.fonts, body, line, text_width);
    const ImVec2 title_size(
        title.empty() ? 0.0f
                      : heading->CalcTextSizeA(heading->FontSize, FLT_MAX, 0, title[0].c_str()).x,
        heading->FontSize * static_cast<float>(title.size()));
    const ImVec2 line_size(0.0f, body->FontSize * static_cast<float>(details.size()));
    // Stacked: the badge beside the time on its own line; else under the time in its column.
    const float badge_gap = badge.label.empty() ? 0.0f : ctx.mm(kSpace.xs);
    const float time_height = stacked ? std::max(heading->FontSize, badge_box.y) : 0.0f;
    const float time_column = stacked ? 0.0f : heading->FontSize + badge_gap + badge_box.y;
    const float height = std::max({ctx.mm(kMinTargetMm),
                                   pad * 2 + time_height + title_size.y + ctx.mm(1) + line_size.y,
                                   pad * 2 + time_column});

    ImGui::PushID(id.c_str());
    bool pressed = ImGui::InvisibleButton("##session", ImVec2(width_px, height));
    const bool held = ImGui::IsItemActive() &&
                      ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    ImGui::PopID();
    // As every Plaza button: a press that travelled past the tap slop was a drag, not a tap.
    const float slop = ctx.mm(kTapSlopMm);
    if (ImGui::GetIO().MouseDragMaxDistanceSqr[0] > slop * slop) pressed = false;
    if (!ImGui::IsItemVisible()) return pressed;

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(min, max, held ? t.selected : t.surface, rounding);
    draw->AddRect(min, max, t.outline, rounding, 0, ctx.mm(0.3f));
    const ImU32 ink = s.cancelled ? t.text_muted : t.text;
    draw->AddText(heading, heading->FontSize, ImVec2(min.x + pad, min.y + pad), ink, time.c_str());
    if (!badge.label.empty()) {
        const float time_x = heading->CalcTextSizeA(heading->FontSize, FLT_MAX, 0, time.c_str()).x;
        DrawBadge(ctx, draw,
                  stacked ? ImVec2(min.x + pad + time_x + ctx.mm(kSpace.m), min.y + pad)
                          : ImVec2(min.x + pad, min.y + pad + heading->FontSize + badge_gap),
                  badge);
    }

    const float left = min.x + pad + time_width;
    const float title_top = min.y + pad + time_height;
    for (size_t i = 0; i < title.size(); ++i)
        draw->AddText(heading, heading->FontSize,
                      ImVec2(left, title_top + heading->FontSize * static_cast<float>(i)), ink,
                      title[i].c_str());
    if (s.cancelled) {
        // Struck through, not hidden: a visitor who planned to go learns that it is off.
        const float first_line = std::min(title_size.x, text_width);
        const float y = title_top + heading->FontSize * 0.55f;
        draw->AddLine(ImVec2(left, y), ImVec2(left + first_line, y), ink, ctx.mm(0.5f));
    }
    for (size_t i = 0; i < details.size(); ++i)
        draw->AddText(body, body->FontSize,
                      ImVec2(left, title_top + title_size.y + ctx.mm(1) +
                                       body->FontSize * static_cast<float>(i)),
                      t.text_muted, details[i].c_str());
    RecordItem(ctx, core::VisibleItem::Kind::control, id, s.item.title);
    // The time and the details as one text run, so scripts can check what a row says.
    if (!ctx.report.items.empty() && ctx.report.items.back().id == id) {
        core::VisibleItem text = ctx.report.items.back();
        text.kind = core::VisibleItem::Kind::text;
        text.id.clear();
        std::string details = badge.label;
        if (!line.empty()) details += (details.empty() ? "" : " · ") + line;
        text.label = details.empty() ? time : time + " · " + details;
        ctx.report.items.push_back(std::move(text));
    }
    return pressed;
}

}  // namespace plaza::ui
