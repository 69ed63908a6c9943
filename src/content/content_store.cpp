#include "content/content_store.h"

#include "content/schema.h"
#include "core/utf8.h"

namespace plaza::content {

core::Result<ContentStore> ContentStore::open(const std::string& path) {
    auto db = Database::open_untrusted_read_only(path);
    if (!db) return core::Error{db.error()};
    ContentStore store(std::move(db.value()));

    const std::string version = store.meta("schema_version");
    if (version.empty()) {
        return core::Error{path + ": not a Plaza bundle (no schema_version in bundle_meta)"};
    }
    if (version != std::to_string(kSchemaVersion)) {
        return core::Error{path + ": bundle schema version " + version + ", this Plaza reads " +
                           std::to_string(kSchemaVersion)};
    }

    auto event = store.db_.prepare(
        "SELECT name, venue, city, starts_on, ends_on, time_zone, utc_offset_minutes FROM event");
    if (!event) return core::Error{path + ": " + event.error()};
    if (!event->step()) return core::Error{path + ": the bundle has no event row"};
    EventInfo& e = store.event_;
    e.name = event->column_text(0);
    e.venue = event->column_text(1);
    e.city = event->column_text(2);
    e.starts_on = event->column_text(3);
    e.ends_on = event->column_text(4);
    e.time_zone = event->column_text(5);
    e.utc_offset_minutes = static_cast<int>(event->column_int(6));

    auto languages = store.db_.prepare("SELECT code, name FROM language ORDER BY position");
    if (!languages) return core::Error{path + ": " + languages.error()};
    while (languages->step()) {
        e.languages.push_back({languages->column_text(0), languages->column_text(1)});
    }
    return store;
}

std::string ContentStore::meta(const std::string& key) const {
    auto stmt = db_.prepare("SELECT value FROM bundle_meta WHERE key = ?1");
    if (!stmt) return {};
    stmt->bind(1, key);
    return stmt->step() ? stmt->column_text(0) : std::string();
}

ContentCounts ContentStore::counts() const {
    ContentCounts counts;
    auto stmt = db_.prepare("SELECT count(*) FROM partnership");
    if (stmt && stmt->step()) counts.partnerships = stmt->column_int(0);
    return counts;
}

std::vector<PartnershipCard> ContentStore::featured_partnerships(int limit) const {
    std::vector<PartnershipCard> cards;
    auto stmt = db_.prepare(
        "SELECT id, title, cities, summary FROM partnership "
        "ORDER BY featured DESC, title LIMIT ?1");
    if (!stmt) return cards;
    stmt->bind(1, static_cast<std::int64_t>(limit));
    while (stmt->step()) {
        cards.push_back({stmt->column_int(0), stmt->column_text(1), stmt->column_text(2),
                         stmt->column_text(3)});
    }
    return cards;
}

std::vector<PartnershipCard> ContentStore::partnerships() const {
    std::vector<PartnershipCard> cards;
    auto stmt = db_.prepare("SELECT id, title, cities, summary FROM partnership ORDER BY title");
    if (!stmt) return cards;
    while (stmt->step()) {
        cards.push_back({stmt->column_int(0), stmt->column_text(1), stmt->column_text(2),
                         stmt->column_text(3)});
    }
    return cards;
}

std::set<char32_t> ContentStore::code_points() const {
    std::set<char32_t> points;
    core::collect_code_points(meta("code_points"), points);
    return points;
}

}  // namespace plaza::content
