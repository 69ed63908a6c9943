// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/programme_screen.h"

#include <imgui.h>

#include <algorithm>
#include <climits>

#include "ui/i18n/phrases.h"
#include "ui/screens/programme_parts.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr float kGridMmPerMinute = 0.8f;
constexpr float kGridTimeColumnMm = 22;
constexpr float kGridMinColumnMm = 55;

template <typename T>
void toggle(std::set<T>& set, const T& value) {
    if (!set.erase(value)) set.insert(value);
}

}  // namespace

void ProgrammeScreen::load(ScreenFeed& feed, std::int64_t) {
    feed_ = &feed.programme();
    event_ = &feed.browse().event;
}

void ProgrammeScreen::reset() {
    day_ = -1;
    grid_ = false;
    tracks_.clear();
    languages_shown_.clear();
    scroll_ = {};
    filter_scroll_ = {};
}

bool ProgrammeScreen::shown(const ProgrammeSession& s) const {
    return (tracks_.empty() || tracks_.count(ProgrammeData::track_of(s.item)) > 0) &&
           (languages_shown_.empty() || languages_shown_.count(s.item.language) > 0);
}

void ProgrammeScreen::draw_filters(UiContext& ctx, const ProgrammeData& p) {
    const Theme& t = theme();
    auto group = [&](Phrase heading, const std::vector<std::string>& values,
                     std::set<std::string>& chosen, const char* kind, bool names) {
        if (values.size() < 2) return;  // one choice filters nothing
        Text(ctx, ctx.fonts.body_bold, tr(ctx.language, heading), t.text);
        ImGui::SameLine(0, ctx.mm(4));
        float line_left = ImGui::GetContentRegionAvail().x;
        for (size_t i = 0; i < values.size(); ++i) {
            const std::string label =
                names ? language_name(values[i], ctx.language, *event_) : values[i];
            const float width = ShownTextSize(ctx.fonts, ctx.fonts.body, label).x + ctx.mm(14);
            if (i > 0 && width < line_left) {
                ImGui::SameLine();
            } else if (i > 0) {
                line_left = ImGui::GetContentRegionAvail().x;
            }
            line_left -= width + ImGui::GetStyle().ItemSpacing.x;
            if (FilterChip(ctx, std::string("programme/filter/") + kind + "/" + values[i], label,
                           chosen.count(values[i]) > 0)) {
                toggle(chosen, values[i]);
                scroll_ = {};
            }
        }
    };
    group(Phrase::tracks, p.tracks, tracks_, "track", false);
    group(Phrase::languages, p.languages, languages_shown_, "language", true);
}

void ProgrammeScreen::draw_list(UiContext& ctx, Navigation& nav, const ProgrammeData& p,
                                const ProgrammeDay& day) {
    const Theme& t = theme();
    const float width = std::min(ImGui::GetContentRegionAvail().x, ctx.mm(330));
    const std::string* group = nullptr;
    for (const ProgrammeSession& s : day.sessions) {
        if (!shown(s)) continue;
        if (!group || *group != s.starts) {
            group = &s.starts;
            ImGui::Dummy(ImVec2(0, ctx.mm(1)));
            const bool now = p.clock_plausible && s.item.starts_at_ms <= p.now_ms &&
                             p.now_ms < s.item.ends_at_ms;
            Text(ctx, ctx.fonts.heading,
                 now ? s.starts + " · " + tr(ctx.language, Phrase::now_on) : s.starts,
                 now ? t.accent : t.text);
        }
        if (SessionRow(ctx, "programme/session/" + std::to_string(s.item.id), s, width, *event_)) {
            nav.open("session", s.item.id);
        }
    }
}

void ProgrammeScreen::draw_grid(UiContext& ctx, Navigation& nav, const ProgrammeData& p,
                                const ProgrammeDay& day) {
    const Theme& t = theme();
    // Columns: the rooms used this day, in the organisers' order.
    std::vector<const content::RoomInfo*> rooms;
    int first = INT_MAX, last = INT_MIN;
    for (const content::RoomInfo& room : p.rooms) {
        const bool used = std::any_of(
            day.sessions.begin(), day.sessions.end(),
            [&](const ProgrammeSession& s) { return s.item.room_id == room.id && shown(s); });
        if (used) rooms.push_back(&room);
    }
    for (const ProgrammeSession& s : day.sessions) {
        if (!shown(s)) continue;
        first = std::min(first, s.start_minute);
        last = std::max(last, s.end_minute);
    }
    if (rooms.empty() || first > last) return;
    first = first / 60 * 60;
    const float per_minute = ctx.mm(kGridMmPerMinute);
    const ImVec2 origin = ImGui::GetCursorPos();
    const float time_column = ctx.mm(kGridTimeColumnMm);
    const float gap = ctx.mm(1.5f);
    const float column =
        std::max(ctx.mm(kGridMinColumnMm), (ImGui::GetContentRegionAvail().x - time_column) /
                                               static_cast<float>(rooms.size()));
    // Room names wrap inside their column with a clear gap to the next, and the grid starts
    // below the tallest of them, whatever the text size.
    ImFont* room_font = ctx.fonts.body_bold;
    const float name_width = column - 3 * gap;
    float header = 0;
    for (size_t c = 0; c < rooms.size(); ++c) {
        header = std::max(
            header, room_font->FontSize *
                        static_cast<float>(
                            ShownLines(ctx.fonts, room_font, rooms[c]->name, name_width).size()));
        ImGui::SetCursorPos(ImVec2(origin.x + time_column + column * c, origin.y));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + name_width);
        TextWrapped(ctx, room_font, rooms[c]->name, t.text);
        ImGui::PopTextWrapPos();
    }
    header += ctx.mm(4);
    const float top = origin.y + header;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 screen_origin(ImGui::GetWindowPos().x - ImGui::GetScrollX(),
                               ImGui::GetWindowPos().y - ImGui::GetScrollY());
    for (int minute = first; minute <= last; minute += 60) {
        const float y = top + (minute - first) * per_minute;
        ImGui::SetCursorPos(ImVec2(origin.x, y));
        Text(ctx, ctx.fonts.body, clock_time(std::int64_t{minute} * 60000, 0), t.text_muted);
        draw->AddLine(ImVec2(screen_origin.x + origin.x + time_column, screen_origin.y + y),
                      ImVec2(screen_origin.x + origin.x + time_column + column * rooms.size(),
                             screen_origin.y + y),
                      t.outline, ctx.mm(0.2f));
    }
    for (const ProgrammeSession& s : day.sessions) {
        if (!shown(s)) continue;
        const auto it = std::find_if(rooms.begin(), rooms.end(), [&](const content::RoomInfo* r) {
            return r->id == s.item.room_id;
        });
        if (it == rooms.end()) continue;
        const float x = origin.x + time_column + column * static_cast<float>(it - rooms.begin());
        const float y = top + (s.start_minute - first) * per_minute;
        const float height_px = (s.end_minute - s.start_minute) * per_minute - gap;
        ImGui::SetCursorPos(ImVec2(x, y));
        std::string time = s.starts;
        if (!s.ends.empty()) time += "–" + s.ends;
        const std::string status = status_label(ctx.language, s.item.status);
        if (!status.empty()) time += " · " + status;
        CardLook look;
        look.exact_height = true;
        if (TapCard(ctx, "programme/grid/" + std::to_string(s.item.id), s.item.title, time,
                    column - gap, height_px / ctx.px_per_mm, look)) {
            nav.open("session", s.item.id);
        }
        if (s.cancelled && ImGui::IsItemVisible()) {
            // Across the first title line, where TapCard draws it (its padding is 4 mm).
            const ImVec2 min = ImGui::GetItemRectMin();
            ImFont* f = ctx.fonts.heading;
            const float title_width =
                std::min(ShownTextSize(ctx.fonts, f, s.item.title).x, column - gap - ctx.mm(8));
            const float line_y = min.y + ctx.mm(4) + f->FontSize * 0.55f;
            draw->AddLine(ImVec2(min.x + ctx.mm(4), line_y),
                          ImVec2(min.x + ctx.mm(4) + title_width, line_y), t.text_muted,
                          ctx.mm(0.5f));
        }
    }
    // The "now" marker, only when the clock can be trusted and the day is today.
    if (p.clock_plausible && p.today == day.info.date && !day.sessions.empty()) {
        const ProgrammeSession& anchor = day.sessions.front();
        const int now_minute =
            anchor.start_minute + static_cast<int>((p.now_ms - anchor.item.starts_at_ms) / 60000);
        if (now_minute >= first && now_minute <= last) {
            const float y = screen_origin.y + top + (now_minute - first) * per_minute;
            draw->AddLine(
                ImVec2(screen_origin.x + origin.x + time_column, y),
                ImVec2(screen_origin.x + origin.x + time_column + column * rooms.size(), y),
                t.accent, ctx.mm(0.8f));
        }
    }
    ImGui::SetCursorPos(ImVec2(origin.x, top + (last - first) * per_minute + ctx.mm(4)));
    ImGui::Dummy(ImVec2(1, 1));
}

core::FrameRequest ProgrammeScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    const ProgrammeData& p = feed_->at(ctx.wall_time_ms);
    core::FrameRequest request;
    if (p.days.empty()) return request;
    if (day_ < 0 || day_ >= static_cast<int>(p.days.size())) {
        day_ = 0;
        for (size_t i = 0; i < p.days.size(); ++i) {
            if (p.clock_plausible && p.days[i].info.date == p.today) day_ = static_cast<int>(i);
        }
    }

    Text(ctx, ctx.fonts.title, tr(ctx.language, Phrase::programme), t.text);
    ImGui::SameLine(0, ctx.mm(8));
    // Spoken mode: the day's sessions one step from the title, past views, days and filters.
    if (SkipToResults(ctx, "programme/skip", grid_ ? "programme/grid/" : "programme/session/"))
        scroll_ = {};
    if (ctx.spoken) ImGui::SameLine(0, ctx.mm(8));
    if (TapButton(ctx, "programme/view/list", tr(ctx.language, Phrase::view_list), ImVec2(0, 0),
                  grid_ ? ButtonStyle::secondary : ButtonStyle::selected)) {
        grid_ = false;
    }
    ImGui::SameLine();
    if (TapButton(ctx, "programme/view/grid", tr(ctx.language, Phrase::view_grid), ImVec2(0, 0),
                  grid_ ? ButtonStyle::selected : ButtonStyle::secondary)) {
        grid_ = true;
    }
    ImGui::SameLine(0, ctx.mm(8));
    if (TapButton(ctx, "programme/now_next", tr(ctx.language, Phrase::now_and_next), ImVec2(0, 0),
                  ButtonStyle::secondary)) {
        nav.open("now_next");
    }
    for (size_t i = 0; i < p.days.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        if (TapButton(
                ctx, "programme/day/" + p.days[i].info.date,
                day_label(ctx.language, p.days[i].info.date), ImVec2(0, 0),
                static_cast<int>(i) == day_ ? ButtonStyle::selected : ButtonStyle::secondary)) {
            day_ = static_cast<int>(i);
            scroll_ = {};
        }
    }
    if (p.tracks.size() > 1 || p.languages.size() > 1) {
        ImGui::BeginChild("programme_filters", ImVec2(0, ctx.mm(34)), false,
                          ImGuiWindowFlags_NoScrollbar);
        draw_filters(ctx, p);
        request.animating |= EndScrollArea(ctx, filter_scroll_);
    }
    Text(ctx, ctx.fonts.body, std::string(tr(ctx.language, Phrase::local_time)), t.text_muted);

    BeginScrollArea("programme_sessions", scroll_);
    const ProgrammeDay& day = p.days[static_cast<size_t>(day_)];
    if (grid_) {
        draw_grid(ctx, nav, p, day);
    } else {
        draw_list(ctx, nav, p, day);
    }
    request.animating |= EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
