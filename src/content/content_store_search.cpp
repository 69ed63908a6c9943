// SPDX-License-Identifier: GPL-3.0-or-later
// ContentStore's search as the visitor types: records through the bundle's FTS5 index, kind by
// kind, and cities through a small FTS5 index of their spellings, made on the first search.
#include <algorithm>

#include "content/content_store.h"
#include "content/schema.h"
#include "content/search_text.h"

namespace plaza::content {

// What the first search reads or makes, once per bundle.
struct ContentStore::SearchIndex {
    struct Range {
        std::string kind;
        std::int64_t first, last;  // the kind's search document ids
    };
    std::vector<Range> ranges;
    // The first indexed word in a range, from an fts5vocab table over `search`; none when the
    // connection could not make that table (long prefixes are then queried as they are).
    std::optional<Statement> next_term;
    // The long words of the last search and what they expanded to: the next keystroke mostly
    // repeats them.
    std::vector<std::pair<std::string, std::string>> expanded;
    // Every spelling of every city that has partnerships (its name, romanised name and
    // translated names), folded like the bundle's index, in an in-memory FTS5 table whose row
    // i + 1 is spellings[i].
    struct Spelling {
        std::int64_t city;
        std::size_t length;
    };
    std::vector<Spelling> spellings;
    std::optional<Database> cities;
    std::optional<Statement> match_city;  // after `cities`, so it is finalized first
};

struct ContentStore::SearchCandidate {
    int tier;  // 0: the title starts with the first word, 1: the title has the words, 2: else
    std::size_t length;  // of the title or spelling that matched: shorter is closer to the words
    SearchHit hit;
};

// Here, where SearchIndex is complete.
ContentStore::ContentStore(Database db) : db_(std::move(db)) {}
ContentStore::~ContentStore() = default;
ContentStore::ContentStore(ContentStore&&) noexcept = default;
ContentStore& ContentStore::operator=(ContentStore&&) noexcept = default;

namespace {

// Candidates each kind takes from one query, to be ranked here.
constexpr std::int64_t kCandidates = 40;
// A long prefix that starts more indexed words than this is queried as it is after all.
constexpr int kMostExpandedWords = 32;
// Cities matching one query that are ranked (the first ones in the index's order beyond it).
constexpr std::int64_t kCityCandidates = 400;
// A bound on the cities' index against a crafted bundle; real ones have a few thousand cities.
constexpr std::size_t kMostCitySpellings = 100000;

// Lower-case ASCII after folding, for ranking a few candidates (not for matching).
std::string rank_key(const std::string& text) {
    std::string key = fold_for_search(text);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

// Best first (by tier, then the shorter match), at most `per_kind` of them.
template <typename Candidate>
void keep_best(std::vector<Candidate>& found, int per_kind) {
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        return a.tier != b.tier ? a.tier < b.tier : a.length < b.length;
    });
    if (static_cast<int>(found.size()) > per_kind) found.resize(static_cast<size_t>(per_kind));
}

}  // namespace

ContentStore::SearchIndex& ContentStore::search_index() const {
    if (search_) return *search_;
    search_ = std::make_unique<SearchIndex>();
    SearchIndex& index = *search_;
    auto ranges =
        db_.prepare("SELECT kind, min(id), max(id) FROM search_doc GROUP BY kind ORDER BY min(id)");
    while (ranges && ranges->step()) {
        index.ranges.push_back(
            {ranges->column_text(0), ranges->column_int(1), ranges->column_int(2)});
    }

    // fts5vocab reads the index that FTS5 reads anyway. The table lives in the connection's
    // temp schema, so nothing is written to the bundle (opened read-only in any case);
    // query_only is lifted only to make it.
    const bool vocabulary = db_.exec(
                                   "PRAGMA query_only=0; CREATE VIRTUAL TABLE IF NOT EXISTS "
                                   "temp.search_terms USING fts5vocab(main, 'search', 'instance')")
                                .ok();
    db_.exec("PRAGMA query_only=1");
    if (vocabulary) {
        // 'instance' rows: the first one of a word is found without reading its doclist.
        auto next = db_.prepare(
            "SELECT term FROM temp.search_terms WHERE term >= ?1 AND term < ?2 LIMIT 1");
        if (next) index.next_term.emplace(std::move(next.value()));
    }

    auto memory = Database::create_for_writing(":memory:");
    if (!memory) return index;
    Database& cities = index.cities.emplace(std::move(memory.value()));
    auto made = cities.exec(std::string("CREATE VIRTUAL TABLE city USING fts5(name, tokenize = '") +
                            kSearchTokenizer + "', prefix = '1 2 3'); BEGIN");
    auto insert = cities.prepare("INSERT INTO city (rowid, name) VALUES (?1, ?2)");
    auto spellings = db_.prepare(
        "SELECT c.id, c.name, c.name_latin FROM city c "
        "WHERE c.id IN (SELECT city_id FROM partnership_city) "
        "UNION ALL SELECT t.entity_id, t.value, '' FROM translation t "
        "WHERE t.entity = 'city' AND t.field = 'name' "
        "AND t.entity_id IN (SELECT city_id FROM partnership_city)");
    if (!made || !insert || !spellings) return index;
    while (spellings->step() && index.spellings.size() < kMostCitySpellings) {
        for (int column : {1, 2}) {
            const std::string folded = fold_for_search(spellings->column_text(column));
            if (folded.empty()) continue;
            index.spellings.push_back({spellings->column_int(0), folded.size()});
            insert->bind(1, static_cast<std::int64_t>(index.spellings.size())).bind(2, folded);
            if (!insert->run()) return index;
        }
    }
    auto match = cities.prepare("SELECT rowid FROM city WHERE city MATCH ?1 LIMIT ?2");
    if (cities.exec("COMMIT") && match) index.match_city.emplace(std::move(match.value()));
    return index;
}

std::string ContentStore::fts_query(const std::vector<std::string>& words) const {
    SearchIndex& index = *search_;
    std::vector<std::pair<std::string, std::string>> expanded;
    std::string query;
    for (const std::string& word : words) {
        std::string part = double_quoted(word) + "*";
        const std::optional<std::string> term = index_term(word);
        if (index.next_term && term && term->size() > static_cast<size_t>(kLongestIndexedPrefix)) {
            const auto known = std::find_if(index.expanded.begin(), index.expanded.end(),
                                            [&](const auto& e) { return e.first == *term; });
            part = known != index.expanded.end() ? known->second : index_words_starting(*term);
            if (part.empty()) return {};
            expanded.emplace_back(*term, part);
        }
        query += (query.empty() ? "" : " AND ") + part;
    }
    index.expanded = std::move(expanded);
    return query;
}

// The indexed words that start with `term`, as an FTS5 OR of whole words: read lazily, like a
// short prefix, where the prefix query itself would make FTS5 merge all their doclists up front
// in every query (milliseconds at 50,000 records). "" when no indexed word starts so.
std::string ContentStore::index_words_starting(const std::string& term) const {
    Statement& next = *search_->next_term;
    std::string after = term;
    ++after.back();  // `term` is ASCII letters and digits: the first string past its words
    std::string from = term, words;
    for (int count = 0;; ++count) {
        next.bind(1, from).bind(2, after);
        const bool found = next.step();
        const std::string word = found ? next.column_text(0) : std::string();
        next.reset();  // not left running (and reading the bundle) between keystrokes
        if (!found) return count > 1 ? "(" + words + ")" : words;
        if (count == kMostExpandedWords) return double_quoted(term) + "*";
        words += (words.empty() ? "" : " OR ") + double_quoted(word);
        from = word + '\x01';  // the next word, without stepping through this one's instances
    }
}

void ContentStore::record_candidates(const std::string& query, const std::string& first_word,
                                     int per_kind, CandidatesByKind& out) const {
    // Ranking every match with bm25 is what costs: a one-letter prefix matches nearly every
    // record, and ranking 50,000 of them takes ~100 ms (each needs its document sizes read).
    // Instead each kind of record is searched within its own rowid range (plaza-bundle numbers
    // search documents kind by kind): first matches in titles, then anywhere, a few candidates
    // each without ranking in SQL, and those few are ranked here. A keystroke then costs well
    // under a millisecond at any bundle size, and every kind gets its place in the results.
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
    if (!stmt) return;
    const std::string in_titles = "{title} : (" + query + ")";
    for (const SearchIndex::Range& range : search_->ranges) {
        std::vector<SearchCandidate> found;
        for (int pass = 0; pass < 2; ++pass) {
            // Enough title matches make the search through whole texts unnecessary.
            if (pass == 1 && static_cast<int>(found.size()) >= per_kind) break;
            stmt->reset();
            stmt->bind(1, pass == 0 ? in_titles : query).bind(2, range.first).bind(3, range.last);
            stmt->bind(4, kCandidates).bind(5, range.kind);
            while (stmt->step()) {
                // A document whose record is gone opens nothing: no result, not a blank one.
                if (stmt->column_is_null(1)) continue;
                const std::int64_t id = stmt->column_int(0);
                if (std::any_of(found.begin(), found.end(),
                                [&](const SearchCandidate& c) { return c.hit.id == id; })) {
                    continue;
                }
                SearchHit hit{range.kind, id, stmt->column_text(1), {}};
                const int tier = pass == 1                                       ? 2
                                 : rank_key(hit.title).rfind(first_word, 0) == 0 ? 0
                                                                                 : 1;
                found.push_back({tier, hit.title.size(), std::move(hit)});
            }
        }
        keep_best(found, per_kind);
        if (!found.empty()) out.push_back(std::move(found));
    }
}

void ContentStore::city_candidates(const std::string& typed, int per_kind,
                                   CandidatesByKind& out) const {
    SearchIndex& index = *search_;
    const std::string query = search_query(typed);
    if (!index.match_city || query.empty()) return;
    std::vector<SearchCandidate> found;
    // Tier 0: a spelling starts with the first word ("gh": Ghent); tier 1: it has the words.
    for (int tier = 0; tier < 2; ++tier) {
        if (tier == 1 && static_cast<int>(found.size()) >= per_kind) break;
        Statement& match = *index.match_city;
        match.reset();
        match.bind(1, tier == 0 ? "^" + query : query).bind(2, kCityCandidates);
        while (match.step()) {
            const std::int64_t row = match.column_int(0);
            if (row < 1 || row > static_cast<std::int64_t>(index.spellings.size())) continue;
            const SearchIndex::Spelling& spelling = index.spellings[static_cast<size_t>(row - 1)];
            found.push_back({tier, spelling.length, {"city", spelling.city, {}, {}}});
        }
    }
    // One place per city, at its best spelling.
    keep_best(found, static_cast<int>(found.size()));
    std::vector<SearchCandidate> best;
    for (SearchCandidate& c : found) {
        if (std::none_of(best.begin(), best.end(),
                         [&](const SearchCandidate& b) { return b.hit.id == c.hit.id; })) {
            best.push_back(std::move(c));
        }
        if (static_cast<int>(best.size()) == per_kind) break;
    }
    if (best.empty()) return;
    auto label = db_.prepare("SELECT " + city_label() +
                             ", c.name, c.name_latin FROM city c "
                             "JOIN country co ON co.code = c.country_code WHERE c.id = ?1");
    if (!label) return;
    std::vector<SearchCandidate> shown;
    for (SearchCandidate& c : best) {
        label->reset();
        label->bind(1, c.hit.id);
        if (!label->step()) continue;  // no country to name (a broken bundle): left out
        c.hit.title = label->column_text(0);
        const std::string latin = label->column_text(2);
        if (latin != label->column_text(1)) c.hit.detail = latin;
        shown.push_back(std::move(c));
    }
    if (!shown.empty()) out.push_back(std::move(shown));
}

std::vector<SearchHit> ContentStore::search(const std::string& typed, int limit) const {
    std::vector<SearchHit> hits;
    const std::vector<std::string> words = search_words(typed);
    if (words.empty() || limit <= 0) return hits;
    const SearchIndex& index = search_index();
    // Every kind of record gets its place in the results, and cities theirs.
    const int per_kind = std::max(limit / static_cast<int>(index.ranges.size() + 1), 8);
    std::string first_word = rank_key(typed);
    first_word = first_word.substr(0, first_word.find(' '));

    CandidatesByKind by_kind;
    const std::string query = fts_query(words);
    if (!query.empty()) record_candidates(query, first_word, per_kind, by_kind);
    city_candidates(typed, per_kind, by_kind);
    // Kinds whose best hit is best come first; the screen groups results by kind in this order.
    std::stable_sort(by_kind.begin(), by_kind.end(),
                     [](const auto& a, const auto& b) { return a.front().tier < b.front().tier; });
    for (auto& kind : by_kind) {
        for (SearchCandidate& c : kind) {
            if (static_cast<int>(hits.size()) == limit) return hits;
            hits.push_back(std::move(c.hit));
        }
    }
    return hits;
}

}  // namespace plaza::content
