// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/now_next_screen.h"

#include <imgui.h>

#include <algorithm>
#include <limits>

#include "ui/i18n/phrases.h"
#include "ui/screens/programme_parts.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {
constexpr float kLabelColumnMm = 38;
}

void NowNextScreen::upcoming(UiContext& ctx, Navigation& nav, const ProgrammeData& p,
                             std::int64_t after_ms, float width) {
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    for (const ProgrammeDay& day : p.days) {
        for (const ProgrammeSession& s : day.sessions) {
            if (s.item.starts_at_ms > after_ms && !s.cancelled)
                first = std::min(first, s.item.starts_at_ms);
        }
    }
    for (const ProgrammeDay& day : p.days) {
        for (const ProgrammeSession& s : day.sessions) {
            if (s.item.starts_at_ms != first) continue;
            if (SessionRow(ctx, "now_next/session/" + std::to_string(s.item.id), s, width,
                           *event_)) {
                nav.open("session", s.item.id);
            }
        }
    }
}

void NowNextScreen::load(ScreenFeed& feed, std::int64_t) {
    feed_ = &feed.programme();
    event_ = &feed.browse().event;
}

core::FrameRequest NowNextScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    const ProgrammeData& p = feed_->at(ctx.wall_time_ms);
    core::FrameRequest request;

    Text(ctx, ctx.fonts.title, tr(ctx.language, Phrase::now_and_next), t.text);
    ImGui::SameLine(0, ctx.mm(8));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ctx.mm(3));
    if (p.clock_plausible) {
        Text(ctx, ctx.fonts.heading,
             std::string(tr(ctx.language, Phrase::local_time)) + " " +
                 clock_time(ctx.wall_time_ms, ctx.local_offset_minutes),
             t.text_muted);
        ImGui::SameLine(0, ctx.mm(8));
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ctx.mm(3));
    if (TapButton(ctx, "now_next/day_view", tr(ctx.language, Phrase::day_view), ImVec2(0, 0),
                  ButtonStyle::secondary)) {
        nav.open("programme");
    }

    BeginScrollArea("now_next", scroll_);
    const float width = std::min(ImGui::GetContentRegionAvail().x, ctx.mm(330));
    if (!p.clock_plausible) {
        TextWrapped(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::clock_unsure), t.text);
    } else if (p.phase == core::EventPhase::before) {
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::not_started), t.text);
        const ProgrammeDay* first_day = nullptr;
        for (const ProgrammeDay& day : p.days) {
            if (!day.sessions.empty()) {
                first_day = &day;
                break;
            }
        }
        if (first_day) {
            Text(ctx, ctx.fonts.body,
                 std::string(tr(ctx.language, Phrase::opens_on)) + " " +
                     day_label(ctx.language, first_day->info.date) + ", " +
                     first_day->sessions.front().starts,
                 t.text_muted);
        }
        ImGui::Dummy(ImVec2(0, ctx.mm(2)));
        upcoming(ctx, nav, p, p.now_ms, width);
    } else if (p.phase == core::EventPhase::after) {
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::event_over), t.text);
    } else if (p.now_next.empty()) {
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::nothing_now), t.text);
        std::int64_t next = std::numeric_limits<std::int64_t>::max();
        for (const ProgrammeDay& day : p.days) {
            for (const ProgrammeSession& s : day.sessions) {
                if (s.item.starts_at_ms > p.now_ms && !s.cancelled)
                    next = std::min(next, s.item.starts_at_ms);
            }
        }
        if (next != std::numeric_limits<std::int64_t>::max()) {
            for (const ProgrammeDay& day : p.days) {
                for (const ProgrammeSession& s : day.sessions) {
                    if (s.item.starts_at_ms != next) continue;
                    Text(ctx, ctx.fonts.body,
                         std::string(tr(ctx.language, Phrase::next_starts_at)) + " " + s.starts +
                             (s.item.day != p.today
                                  ? " (" + day_label(ctx.language, s.item.day) + ")"
                                  : std::string()),
                         t.text_muted);
                    break;
                }
            }
            ImGui::Dummy(ImVec2(0, ctx.mm(2)));
            upcoming(ctx, nav, p, p.now_ms, width);
        }
    } else {
        for (const content::RoomNowNext& r : p.now_next) {
            ImGui::Dummy(ImVec2(0, ctx.mm(2)));
            Text(ctx, ctx.fonts.heading, r.room.name, t.text);
            std::string where = r.room.floor;
            if (!r.room.location.empty()) where += (where.empty() ? "" : " · ") + r.room.location;
            if (!where.empty()) Text(ctx, ctx.fonts.body, where, t.text_muted);
            auto row = [&](bool has, const content::SessionItem& item, Phrase label) {
                const ProgrammeSession* s = has ? p.find(item.id) : nullptr;
                if (!s) return;
                const ImVec2 at = ImGui::GetCursorPos();
                Text(ctx, ctx.fonts.body_bold, tr(ctx.language, label), t.accent);
                ImGui::SetCursorPos(ImVec2(at.x + ctx.mm(kLabelColumnMm), at.y));
                if (SessionRow(ctx, "now_next/session/" + std::to_string(s->item.id), *s,
                               width - ctx.mm(kLabelColumnMm), *event_, false)) {
                    nav.open("session", s->item.id);
                }
            };
            row(r.has_now, r.now, Phrase::now_on);
            row(r.has_next, r.next, Phrase::up_next);
        }
    }
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
