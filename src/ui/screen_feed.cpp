// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screen_feed.h"

#include "core/civil_time.h"
#include "core/ical_event.h"

namespace plaza::ui {

void ScreenFeed::reload() {
    browse_.event = store_.localized_event();
    browse_.counts = store_.counts();
    browse_.partnerships = store_.partnership_cards();
    browse_.practices = store_.practice_cards();
    browse_.facets = store_.partnership_facets();
    programme_.invalidate();
    ++generation_;
}

PartnershipPage ScreenFeed::partnership(std::int64_t id) {
    PartnershipPage page;
    page.profile = store_.partnership_profile(id);
    for (content::SessionItem& s : page.profile.sessions)
        page.sessions.push_back(programme_session(store_, std::move(s)));
    page.profile.sessions.clear();
    return page;
}

content::PracticeDetail ScreenFeed::practice(std::int64_t id) {
    return store_.practice_detail(id);
}

bool ScreenFeed::session(std::int64_t id, SessionPage& page) {
    content::SessionDetail detail;
    if (!store_.session_detail(id, detail)) return false;
    const content::SessionItem& s = detail.session;
    // Each end at its own instant's offset: a session across a daylight-saving change is right.
    page.starts = clock_time(s.starts_at_ms, store_.local_offset_minutes(s.starts_at_ms));
    page.ends = s.ends_at_ms > s.starts_at_ms
                    ? clock_time(s.ends_at_ms, store_.local_offset_minutes(s.ends_at_ms))
                    : std::string();
    core::CalendarEntry entry;
    entry.uid = "session-" + std::to_string(s.id) + "@" + store_.meta("bundle_id");
    entry.stamp_ms = core::parse_iso8601_instant(store_.meta("build_time")).value_or(0);
    entry.starts_at_ms = s.starts_at_ms;
    entry.ends_at_ms = s.ends_at_ms;
    entry.summary = s.title;
    entry.location = s.room;
    if (!detail.room_location.empty()) entry.location += ", " + detail.room_location;
    if (!browse_.event.venue.empty()) entry.location += ", " + browse_.event.venue;
    page.calendar = core::make_vevent(entry);
    page.detail = std::move(detail);
    return true;
}

const std::vector<content::MapCity>& ScreenFeed::map_cities() {
    if (map_cities_generation_ != generation_) {
        map_cities_ = store_.map_cities();
        map_cities_generation_ = generation_;
    }
    return map_cities_;
}

std::vector<content::SearchHit> ScreenFeed::search(const std::string& text, int limit) {
    return store_.search(text, limit);
}

}  // namespace plaza::ui
