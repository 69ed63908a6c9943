// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/session_screen.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/screens/programme_parts.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {
// A speaker's photo: large enough to recognise a face at arm's length, small beside the text.
constexpr float kPhotoMm = 18.0f;
}  // namespace

void SessionScreen::load(ScreenFeed& feed, std::int64_t record) {
    event_ = &feed.browse().event;
    if (!feed_changed(feed) && record == detail_.session.id) return;
    SessionPage page;
    if (feed.session(record, page)) show(std::move(page));
}

void SessionScreen::show(SessionPage page) {
    detail_ = std::move(page.detail);
    starts_ = std::move(page.starts);
    ends_ = std::move(page.ends);
    abstract_ = core::parse_markdown(detail_.abstract_md);
    bios_.clear();
    for (const content::SpeakerDetail& p : detail_.speakers)
        bios_.push_back(core::parse_markdown(p.bio_md));
    calendar_qr_ = core::encode_qr(page.calendar);
    scroll_ = {};
}

core::FrameRequest SessionScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    const content::SessionItem& s = detail_.session;
    core::FrameRequest request;
    BeginScrollArea("session", scroll_);
    const DetailColumns columns = detail_columns(ctx, ImGui::GetContentRegionAvail().x);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + columns.main_width);
    Badge(ctx, session_badge(ctx, s));
    TextWrapped(ctx, ctx.fonts.title, s.title, s.status == "cancelled" ? t.text_muted : t.text);
    ImGui::PopTextWrapPos();

    // When and where, its language and theme, and the calendar's QR code beside the text (above
    // it in portrait).
    auto side = [&] {
        std::string when = day_label(ctx.language, s.day) + " · " + starts_;
        if (!ends_.empty()) when += "–" + ends_;
        TextWrapped(ctx, ctx.fonts.heading, when, t.text);
        Text(ctx, ctx.fonts.body, tr(ctx.language, Phrase::local_time), t.text_muted);

        ImGui::Dummy(ImVec2(0, ctx.mm(2)));
        std::string where = s.room;
        for (const std::string* part : {&detail_.room_floor, &detail_.room_location}) {
            if (!part->empty()) where += " · " + *part;
        }
        Text(ctx, ctx.fonts.body_bold, std::string(tr(ctx.language, Phrase::room)), t.text_muted);
        TextWrapped(ctx, ctx.fonts.heading, where, t.text);
        if (!s.language.empty()) {
            Text(ctx, ctx.fonts.body_bold, tr(ctx.language, Phrase::language), t.text_muted);
            Text(ctx, ctx.fonts.heading, language_name(s.language, ctx.language, *event_), t.text);
        }
        const std::string& track = s.track.empty() ? s.theme : s.track;
        if (!track.empty()) {
            Text(ctx, ctx.fonts.body_bold,
                 tr(ctx.language, s.track.empty() ? Phrase::themes : Phrase::tracks), t.text_muted);
            TextWrapped(ctx, ctx.fonts.heading, track, t.text);
        }
        if (calendar_qr_.size > 0 && s.status != "cancelled") {
            ImGui::Dummy(ImVec2(0, ctx.mm(3)));
            QrCode(ctx, "session/calendar/qr", calendar_qr_, 40);
            ImGui::SameLine(0, ctx.mm(5));
            TextWrapped(ctx, ctx.fonts.body, tr(ctx.language, Phrase::add_to_calendar), t.text);
        }
    };
    // Who speaks, what it is about and the partnerships it is about, in the readable column.
    auto main = [&] {
        if (!detail_.speakers.empty()) {
            ImGui::Dummy(ImVec2(0, ctx.mm(2)));
            Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::speakers), t.text);
            // When any speaker has a photo, each gets the column (the neutral placeholder for
            // one without), so that names line up; without photos, no empty frames at all.
            const bool photos =
                std::any_of(detail_.speakers.begin(), detail_.speakers.end(),
                            [](const content::SpeakerDetail& p) { return p.photo != 0; });
            for (size_t i = 0; i < detail_.speakers.size(); ++i) {
                const content::SpeakerDetail& p = detail_.speakers[i];
                if (photos) {
                    Thumbnail(ctx, {p.photo, core::ImageVariant::thumbnail},
                              ImVec2(ctx.mm(kPhotoMm), ctx.mm(kPhotoMm)));
                    if (p.photo != 0)
                        RecordItem(ctx, core::VisibleItem::Kind::text,
                                   "session/speaker/" + std::to_string(p.id) + "/photo", p.name);
                    ImGui::SameLine(0, ctx.mm(4));
                }
                ImGui::BeginGroup();
                Text(ctx, ctx.fonts.body_bold, p.name, t.text);
                std::string org = p.organisation;
                if (!p.city.empty()) org += (org.empty() ? "" : ", ") + p.city;
                if (!org.empty()) TextWrapped(ctx, ctx.fonts.body, org, t.text_muted);
                ImGui::EndGroup();
                if (!bios_[i].blocks.empty())
                    MarkdownView(ctx, bios_[i], [](const std::string&) { return std::int64_t{0}; });
            }
        }
        if (!abstract_.blocks.empty()) {
            ImGui::Dummy(ImVec2(0, ctx.mm(2)));
            Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::about_session), t.text);
            MarkdownView(ctx, abstract_, [](const std::string&) { return std::int64_t{0}; });
        }
        RelatedPartnerships(ctx, "session", detail_.partnerships, nav);
    };
    DetailLayout(ctx, columns, main, side);
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
