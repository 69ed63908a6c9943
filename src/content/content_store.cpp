// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/content_store.h"

#include "content/limits.h"
#include "content/schema.h"
#include "core/utf8.h"

namespace plaza::content {

core::Result<ContentStore> ContentStore::open(const std::string& path) {
    auto db = Database::open_untrusted_read_only(path);
    if (!db) return core::Error{db.error()};
    ContentStore store(std::move(db.value()));
    store.path_ = path;

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
    // Added within v1: a bundle made before it shows such languages as their codes.
    if (store.has_table("language_name")) {
        auto names = store.db_.prepare("SELECT code, lang, name FROM language_name LIMIT " +
                                       std::to_string(limits::kLanguageNameRows));
        if (!names) return core::Error{path + ": " + names.error()};
        while (names->step())
            e.language_names[names->column_text(0)][names->column_text(1)] = names->column_text(2);
    }
    store.load_zone_offsets();
    store.load_brand();
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
    auto stmt = db_.prepare(
        "SELECT (SELECT count(*) FROM partnership), (SELECT count(*) FROM practice), "
        "(SELECT count(*) FROM session), (SELECT count(*) FROM speaker), "
        "(SELECT count(*) FROM room), (SELECT count(*) FROM city), "
        "(SELECT count(*) FROM country), (SELECT count(*) FROM programme), "
        "(SELECT count(*) FROM theme), (SELECT count(*) FROM media), "
        "(SELECT count(*) FROM translation)");
    if (stmt && stmt->step()) {
        std::int64_t* fields[] = {&counts.partnerships, &counts.practices,   &counts.sessions,
                                  &counts.speakers,     &counts.rooms,       &counts.cities,
                                  &counts.countries,    &counts.programmes,  &counts.themes,
                                  &counts.media,        &counts.translations};
        for (int i = 0; i < 11; ++i)
            *fields[i] = stmt->column_int(i);
    }
    return counts;
}

void ContentStore::set_language(const std::string& code) {
    chain_.clear();
    language_.clear();
    auto stmt = db_.prepare("SELECT position, fallback FROM language WHERE code = ?1");
    if (!stmt) return;
    stmt->bind(1, code);
    if (!stmt->step()) return;
    language_ = code;
    if (stmt->column_int(0) == 0) return;  // the default language is the base columns
    chain_.push_back(code);
    const std::string fallback = stmt->column_text(1);
    for (size_t start = 0; start < fallback.size();) {
        size_t end = fallback.find(' ', start);
        if (end == std::string::npos) end = fallback.size();
        if (end > start && chain_.size() < 4) chain_.push_back(fallback.substr(start, end - start));
        start = end + 1;
    }
}

std::string ContentStore::localized(const char* entity, const char* id_column, const char* field,
                                    const char* base_column) const {
    if (chain_.empty()) return base_column;
    // Language codes come from the bundle's own language table and are checked to be plain
    // lower-case letters before they are spliced in, so the SQL stays a fixed shape.
    std::string sql = "COALESCE(";
    for (const auto& lang : chain_) {
        bool plain = !lang.empty();
        for (char c : lang)
            plain = plain && c >= 'a' && c <= 'z';
        if (!plain) continue;
        sql += std::string("(SELECT value FROM translation WHERE entity = '") + entity +
               "' AND entity_id = " + id_column + " AND field = '" + field + "' AND lang = '" +
               lang + "'), ";
    }
    return sql + base_column + ")";
}

std::string ContentStore::city_label() const {
    return localized("city", "c.id", "name", "c.name") + " || ', ' || " +
           localized("country", "co.id", "name", "co.name");
}

std::vector<PartnershipCard> ContentStore::query_cards(const std::string& order_and_limit,
                                                       int limit) const {
    std::vector<PartnershipCard> cards;
    const std::string sql = "SELECT p.id, " + localized("partnership", "p.id", "title", "p.title") +
                            ", p.cities, " +
                            localized("partnership", "p.id", "summary", "p.summary") +
                            " FROM partnership p " + order_and_limit;
    auto stmt = db_.prepare(sql);
    if (!stmt) return cards;
    if (limit >= 0) stmt->bind(1, static_cast<std::int64_t>(limit));
    while (stmt->step()) {
        PartnershipCard card;
        card.id = stmt->column_int(0);
        card.title = stmt->column_text(1);
        card.cities = stmt->column_text(2);
        card.summary = stmt->column_text(3);
        cards.push_back(std::move(card));
    }
    return cards;
}

std::vector<PartnershipCard> ContentStore::featured_partnerships(int limit) const {
    return query_cards("ORDER BY p.featured DESC, p.title LIMIT ?1", limit);
}

std::vector<PartnershipCard> ContentStore::partnerships() const {
    return query_cards("ORDER BY p.title", -1);
}

std::int64_t ContentStore::translated_count(const std::string& entity, const std::string& field,
                                            const std::string& lang) const {
    auto stmt = db_.prepare(
        "SELECT count(*) FROM translation WHERE entity = ?1 AND field = ?2 AND lang = ?3");
    if (!stmt) return 0;
    stmt->bind(1, entity).bind(2, field).bind(3, lang);
    return stmt->step() ? stmt->column_int(0) : 0;
}

std::set<char32_t> ContentStore::code_points() const {
    std::set<char32_t> points;
    core::collect_code_points(meta("code_points"), points);
    return points;
}

}  // namespace plaza::content
