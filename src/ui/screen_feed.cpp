// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screen_feed.h"

#include "core/civil_time.h"
#include "core/ical_event.h"

namespace plaza::ui {

ScreenFeed::~ScreenFeed() {
    // The worker reads through its own connection and into its own list: it only has to end.
    if (reading_.valid()) reading_.wait();
}

void ScreenFeed::reload() {
    // A read in the previous language is of no use any more.
    if (reading_.valid()) reading_.wait();
    reading_ = {};
    browse_.event = store_.localized_event();
    browse_.counts = store_.counts();
    browse_.featured_partnerships = store_.featured_partnership_cards();
    browse_.partnerships.clear();
    partnerships_read_ = false;
    // Without featured ones the attract loop shows every partnership: they are needed at once.
    if (browse_.featured_partnerships.empty()) {
        browse_.partnerships = store_.partnership_cards();
        partnerships_read_ = true;
    }
    browse_.practices = store_.practice_cards();
    browse_.facets = store_.partnership_facets();
    programme_.invalidate();
    ++generation_;
}

void ScreenFeed::prepare_partnerships() {
    if (partnerships_read_ || reading_.valid()) return;
    // The same bundle, not a newer one put in its place since it was opened.
    const auto identity = [](const content::ContentStore& store) {
        return store.meta("bundle_id") + " " + store.meta("content_version");
    };
    const std::string bundle = identity(store_);
    reading_ = std::async(
        std::launch::async,
        [path = store_.path(), bundle, identity,
         language = store_.language()] -> std::optional<std::vector<content::PartnershipCard>> {
            auto store = content::ContentStore::open(path);
            if (!store || identity(store.value()) != bundle) return std::nullopt;
            store->set_language(language);
            return store->partnership_cards();
        });
}

const BrowseData& ScreenFeed::browse() {
    if (partnerships_read_) return browse_;
    std::optional<std::vector<content::PartnershipCard>> cards;
    if (reading_.valid()) cards = reading_.get();
    // Not started, or the worker could not open the bundle: read here, as the screen needs them.
    browse_.partnerships = cards ? std::move(*cards) : store_.partnership_cards();
    partnerships_read_ = true;
    return browse_;
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
