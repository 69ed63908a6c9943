// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/partnership_screen.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/screens/programme_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

const char* status_text(const std::string& language, const std::string& status) {
    if (status == "planned") return tr(language, Phrase::status_planned);
    if (status == "active") return tr(language, Phrase::status_active);
    return tr(language, Phrase::status_completed);
}

}  // namespace

void PartnershipScreen::load(ScreenFeed& feed, std::int64_t record) {
    event_ = &feed.browse().event;
    world_ = feed.world();
    if (!feed_changed(feed) && record == profile_.id) return;
    show(feed.partnership(record));
    const std::vector<content::PartnershipCard>& cards = feed.browse().partnerships;
    const auto card =
        std::find_if(cards.begin(), cards.end(),
                     [&](const content::PartnershipCard& c) { return c.id == record; });
    if (card != cards.end()) {
        scene_of_partnership(mini_scene_, feed.map_cities(), *card);
    } else {
        mini_scene_.set_cities({});
    }
}

void PartnershipScreen::show(PartnershipPage page) {
    profile_ = std::move(page.profile);
    sessions_ = std::move(page.sessions);
    contacts_ = contact_qr_codes(profile_.contacts);
    scroll_ = {};
}

core::FrameRequest PartnershipScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    const content::PartnershipProfile& p = profile_;
    core::FrameRequest request;
    BeginScrollArea("profile", scroll_);
    const DetailColumns columns = detail_columns(ctx, ImGui::GetContentRegionAvail().x);
    ctx.content_language = p.fallback_language;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + columns.main_width);
    Heading(ctx, ctx.fonts.title, p.title, t.text);
    ImGui::PopTextWrapPos();
    std::string cities;
    for (const content::CityRole& c : p.cities) {
        if (!cities.empty()) cities += " · ";
        cities += c.city + ", " + c.country + " (" +
                  tr(ctx.language, c.role == "lead" ? Phrase::lead_city : Phrase::partner_city) +
                  ")";
    }
    std::string facts = p.programme;
    const std::string period = period_label(ctx.language, p.starts_on) +
                               (p.ends_on.empty() || p.ends_on == p.starts_on
                                    ? ""
                                    : " – " + period_label(ctx.language, p.ends_on));
    for (const std::string& part : {period, std::string(status_text(ctx.language, p.status))}) {
        if (part.empty()) continue;
        if (!facts.empty()) facts += " · ";
        facts += part;
    }

    auto main = [&] {
        IconText(ctx, ctx.fonts.heading, icon::place, cities, t.text);
        FallbackNote(ctx, p.fallback_language, event_->languages);
        Section(ctx, tr(ctx.language, Phrase::summary), p.summary);
        Section(ctx, tr(ctx.language, Phrase::objectives), p.objectives);
        Section(ctx, tr(ctx.language, Phrase::activities), p.activities);
        Section(ctx, tr(ctx.language, Phrase::results), p.results);
        Section(ctx, tr(ctx.language, Phrase::lessons), p.lessons);
        ctx.content_language.clear();
        if (!p.practices.empty()) {
            ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.s)));
            Heading(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::related_practices), t.text);
            const float width = ImGui::GetContentRegionAvail().x;
            for (size_t i = 0; i < p.practices.size(); ++i) {
                const content::PracticeCard& card = p.practices[i];
                CardLook look;
                look.accent = colour_of(card.colour);
                look.thumbnail = card.thumbnail;
                look.icon = icon::practice;
                look.whole_title = true;
                look.role = tr(ctx.language, Phrase::good_practice);
                look.position = static_cast<int>(i) + 1;
                look.count = static_cast<int>(p.practices.size());
                if (TapCard(ctx, "partnership/practice/" + std::to_string(card.id), card.title,
                            card.city, std::min(width, columns.main_width), 30, look)) {
                    nav.open("practice", card.id);
                }
            }
        }
        if (!sessions_.empty()) {
            ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.s)));
            Heading(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::related_sessions), t.text);
            // By day, as in the programme: a row says the time, its day heading the date.
            for (size_t i = 0; i < sessions_.size(); ++i) {
                const ProgrammeSession& s = sessions_[i];
                if (i == 0 || s.item.day != sessions_[i - 1].item.day)
                    Text(ctx, ctx.fonts.body_bold, day_label(ctx.language, s.item.day),
                         t.text_muted);
                if (SessionRow(ctx, "partnership/session/" + std::to_string(s.item.id), s,
                               columns.main_width, *event_)) {
                    nav.open("session", s.item.id);
                }
            }
        }
    };
    // The partnership's cities on a small map, its facts, photos with their credits and the
    // contacts' QR codes beside the text.
    auto side = [&] {
        if (world_ && !mini_scene_.cities().empty()) {
            draw_mini_map(ctx, "partnership/map", mini_map_, *world_, mini_scene_,
                          ImVec2(columns.side_width, columns.side_width * 0.45f),
                          tr(ctx.language, Phrase::map));
        }
        ctx.content_language = p.fallback_language;
        TextWrapped(ctx, ctx.fonts.body, facts, t.text_muted);
        FacetLabels(ctx, p.themes);
        FacetLabels(ctx, p.sdgs);
        for (size_t i = 0; i < p.media.size(); ++i) {
            ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.xs)));
            Photo(ctx, "partnership/photo/" + std::to_string(i), p.media[i].media_id,
                  p.media[i].caption, columns.side_width);
        }
        ctx.content_language.clear();
    };
    DetailLayout(ctx, columns, main, side, [&] { Contacts(ctx, "partnership", contacts_); });
    ctx.content_language.clear();
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
