#include "content/content_store.h"

#include <algorithm>

#include "content/schema.h"
#include "content/search_text.h"
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

namespace {

// Lower-case ASCII after folding, for ranking a few candidates (not for matching).
std::string rank_key(const std::string& text) {
    std::string key = fold_for_search(text);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

}  // namespace

std::vector<SearchHit> ContentStore::search(const std::string& typed, int limit) const {
    std::vector<SearchHit> hits;
    const std::string query = search_query(typed);
    if (query.empty() || limit <= 0) return hits;
    // Ranking every match with bm25 is what costs: a one-letter prefix matches nearly every
    // record, and ranking 50,000 of them takes ~100 ms (each needs its document sizes read).
    // Instead each kind of record is searched within its own rowid range (plaza-bundle numbers
    // search documents kind by kind): first matches in titles, then anywhere, a few candidates
    // each without ranking in SQL, and those few are ranked here. A keystroke then costs well
    // under a millisecond at any bundle size, and every kind gets its place in the results.
    constexpr std::int64_t kCandidates = 40;
    if (!search_ranges_) {
        search_ranges_.emplace();
        auto ranges = db_.prepare(
            "SELECT kind, min(id), max(id) FROM search_doc GROUP BY kind ORDER BY min(id)");
        while (ranges && ranges->step()) {
            search_ranges_->push_back(
                {ranges->column_text(0), ranges->column_int(1), ranges->column_int(2)});
        }
    }
    const std::string sql =
        "SELECT d.ref_id, CASE d.kind "
        "WHEN 'partnership' THEN (SELECT " +
        localized("partnership", "p.id", "title", "p.title") +
        " FROM partnership p WHERE p.id = d.ref_id) "
        "WHEN 'practice' THEN (SELECT " +
        localized("practice", "p.id", "title", "p.title") +
        " FROM practice p WHERE p.id = d.ref_id) "
        "WHEN 'session' THEN (SELECT " +
        localized("session", "s.id", "title", "s.title") +
        " FROM session s WHERE s.id = d.ref_id) "
        "ELSE (SELECT name FROM speaker WHERE id = d.ref_id) END "
        "FROM (SELECT rowid AS doc FROM search WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
        "LIMIT ?4) AS m JOIN search_doc d ON d.id = m.doc WHERE d.kind = ?5";
    auto stmt = db_.prepare(sql);
    if (!stmt) return hits;
    const std::string in_titles = "{title} : (" + query + ")";
    std::string first_word = rank_key(typed);
    first_word = first_word.substr(0, first_word.find(' '));
    const int per_kind =
        std::max(limit / static_cast<int>(std::max<size_t>(search_ranges_->size(), 1)), 8);

    struct Candidate {
        int tier;  // 0: the title starts with the first word, 1: the title has the words, 2: else
        SearchHit hit;
    };
    std::vector<std::vector<Candidate>> by_kind;
    for (const SearchRange& range : *search_ranges_) {
        std::vector<Candidate> found;
        for (int pass = 0; pass < 2; ++pass) {
            // Enough title matches make the search through whole texts unnecessary.
            if (pass == 1 && static_cast<int>(found.size()) >= per_kind) break;
            stmt->reset();
            stmt->bind(1, pass == 0 ? in_titles : query).bind(2, range.first).bind(3, range.last);
            stmt->bind(4, kCandidates).bind(5, range.kind);
            while (stmt->step()) {
                const std::int64_t id = stmt->column_int(0);
                if (std::any_of(found.begin(), found.end(),
                                [&](const Candidate& c) { return c.hit.id == id; })) {
                    continue;
                }
                SearchHit hit{range.kind, id, stmt->column_text(1)};
                const int tier = pass == 1                                       ? 2
                                 : rank_key(hit.title).rfind(first_word, 0) == 0 ? 0
                                                                                 : 1;
                found.push_back({tier, std::move(hit)});
            }
        }
        // Best first: by tier, then shorter titles (a closer match to what was typed).
        std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
            return a.tier != b.tier ? a.tier < b.tier : a.hit.title.size() < b.hit.title.size();
        });
        if (static_cast<int>(found.size()) > per_kind) found.resize(static_cast<size_t>(per_kind));
        if (!found.empty()) by_kind.push_back(std::move(found));
    }
    // Kinds whose best hit is best come first; the screen groups results by kind in this order.
    std::stable_sort(by_kind.begin(), by_kind.end(),
                     [](const auto& a, const auto& b) { return a.front().tier < b.front().tier; });
    for (auto& kind : by_kind) {
        for (Candidate& c : kind) {
            if (static_cast<int>(hits.size()) == limit) return hits;
            hits.push_back(std::move(c.hit));
        }
    }
    return hits;
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
