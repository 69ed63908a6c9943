// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/room_sign_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/attract_motion.h"
#include "ui/i18n/phrases.h"
#include "ui/screens/programme_parts.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr float kDriftMm = 4.0f;
constexpr double kDriftPeriodSeconds = 600.0;
constexpr double kFrameSeconds = 1.0;  // the drift moves well under a pixel a second
constexpr int kLaterShown = 6;

}  // namespace

void RoomSignScreen::load(ScreenFeed& feed, std::int64_t) {
    feed_ = &feed.programme();
    event_ = &feed.browse().event;
}

core::FrameRequest RoomSignScreen::draw(UiContext& ctx, Navigation&) {
    const Theme& t = theme();
    const ProgrammeData& p = feed_->at(ctx.wall_time_ms);
    core::FrameRequest request;
    request.redraw_at = (std::floor(ctx.now / kFrameSeconds) + 1.0) * kFrameSeconds;

    const ImVec2 size = ImGui::GetContentRegionAvail();
    const bool portrait = size.y > size.x;
    const core::Drift drift = core::drift_at(ctx.now, kDriftPeriodSeconds);
    const float margin = ctx.mm(kDriftMm + 4);
    const ImVec2 origin = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(origin.x + margin + std::round(drift.x * ctx.mm(kDriftMm)),
                               origin.y + margin + std::round(drift.y * ctx.mm(kDriftMm))));
    const float width = size.x - 2 * margin;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);

    const content::RoomInfo* room = nullptr;
    for (const content::RoomInfo& r : p.rooms) {
        if (r.slug == room_slug_) room = &r;
    }
    if (!room) {
        TextWrapped(ctx, ctx.fonts.heading,
                    std::string(tr(ctx.language, Phrase::room_unknown)) + " " + room_slug_, t.text);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return request;
    }
    TextWrapped(ctx, ctx.fonts.title, room->name, t.text);
    std::string where = room->floor;
    if (!room->location.empty()) where += (where.empty() ? "" : " · ") + room->location;
    if (!where.empty()) TextWrapped(ctx, ctx.fonts.body, where, t.text_muted);
    if (p.clock_plausible) {
        Text(ctx, ctx.fonts.heading,
             day_label(ctx.language, p.today) + " · " +
                 clock_time(ctx.wall_time_ms, ctx.local_offset_minutes),
             t.text_muted);
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto rule = [&] {
        ImGui::Dummy(ImVec2(0, ctx.mm(3)));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw->AddLine(at, ImVec2(at.x + width, at.y), t.outline, ctx.mm(0.6f));
        ImGui::Dummy(ImVec2(0, ctx.mm(3)));
    };
    auto session_block = [&](Phrase label, const ProgrammeSession& s, ImFont* title_font) {
        Text(ctx, ctx.fonts.heading, tr(ctx.language, label), t.accent);
        Text(ctx, ctx.fonts.heading, time_range(s), t.text);
        if (!s.item.status.empty() && s.item.status != "confirmed") {
            ImGui::SameLine(0, ctx.mm(kSpace.m));
            Badge(ctx, session_badge(ctx, s.item));
        }
        TextWrapped(ctx, title_font, s.item.title, s.cancelled ? t.text_muted : t.text);
        std::string speakers;
        for (const content::SessionSpeaker& sp : s.item.speakers) {
            if (!speakers.empty()) speakers += ", ";
            speakers += sp.name;
        }
        if (!s.item.language.empty()) {
            const std::string lang = language_name(s.item.language, ctx.language, *event_);
            speakers = speakers.empty() ? lang : speakers + " · " + lang;
        }
        if (!speakers.empty()) TextWrapped(ctx, ctx.fonts.body, speakers, t.text_muted);
    };

    std::vector<const ProgrammeSession*> sessions;
    for (const ProgrammeDay& day : p.days) {
        if (p.clock_plausible && day.info.date != p.today) continue;
        for (const ProgrammeSession& s : day.sessions) {
            if (s.item.room_id == room->id) sessions.push_back(&s);
        }
    }
    if (!p.clock_plausible) {
        // No "now" without a trustworthy clock: the room's whole programme, day by day.
        rule();
        std::string shown_day;
        for (const ProgrammeSession* s : sessions) {
            if (s->item.day != shown_day) {
                shown_day = s->item.day;
                Text(ctx, ctx.fonts.heading, day_label(ctx.language, shown_day), t.accent);
            }
            TextWrapped(ctx, ctx.fonts.body, time_range(*s) + "  " + s->item.title, t.text);
        }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return request;
    }

    const ProgrammeSession* now = nullptr;
    const ProgrammeSession* next = nullptr;
    std::vector<const ProgrammeSession*> later;
    for (const ProgrammeSession* s : sessions) {
        if (s->item.starts_at_ms <= p.now_ms && p.now_ms < s->item.ends_at_ms) {
            now = s;
        } else if (s->item.starts_at_ms > p.now_ms) {
            if (!next) {
                next = s;
            } else if (static_cast<int>(later.size()) < kLaterShown) {
                later.push_back(s);
            }
        }
    }
    rule();
    if (now) {
        session_block(Phrase::now_on, *now, ctx.fonts.title);
    } else {
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::nothing_now), t.text);
    }
    if (next) {
        rule();
        session_block(Phrase::up_next, *next, ctx.fonts.heading);
    }
    if (!later.empty()) {
        rule();
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::later_today), t.accent);
        for (const ProgrammeSession* s : later) {
            TextWrapped(ctx, portrait ? ctx.fonts.heading : ctx.fonts.body,
                        time_range(*s) + "  " + s->item.title, t.text);
        }
    }
    if (!now && !next) {
        rule();
        TextWrapped(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::nothing_more_today),
                    t.text_muted);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    return request;
}

}  // namespace plaza::ui
