// SPDX-License-Identifier: GPL-3.0-or-later
// The bundle's search index: diacritic-insensitive, letters without decompositions folded
// (Ł, Đ), prefix matches of any length, over titles, cities, summaries and bodies, in every
// language; and cities as a group of results of their own.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "bundle/bundle_builder.h"
#include "bundle_test_support.h"
#include "content/content_store.h"
#include "content/schema.h"
#include "content/search_text.h"
#include "content/sqlite_db.h"
#include "core/utf8.h"

namespace {

using plaza::content::SearchHit;

// Builds the repository's sample content once for all search tests.
const std::string& sample_path() {
    static plaza::test::TempDir dir;
    static const std::string path = [] {
        std::vector<std::string> problems;
        auto built = plaza::bundle::build_bundle(
            {std::string(PLAZA_SOURCE_DIR) + "/content", dir / "sample.plaza", 1}, problems);
        REQUIRE(built.ok());
        return dir / "sample.plaza";
    }();
    return path;
}

const plaza::content::ContentStore& sample() {
    static auto store = [] {
        auto opened = plaza::content::ContentStore::open(sample_path());
        REQUIRE(opened.ok());
        return std::move(opened.value());
    }();
    return store;
}

using Record = std::pair<std::string, std::int64_t>;  // kind, id

// What FTS5 itself finds for a prefix query on the sample's index, as records.
std::set<Record> fts5_prefix_matches(const std::string& prefix) {
    auto db = plaza::content::Database::open_untrusted_read_only(sample_path());
    REQUIRE(db.ok());
    auto stmt = db->prepare(
        "SELECT d.kind, d.ref_id FROM search JOIN search_doc d ON d.id = search.rowid "
        "WHERE search MATCH ?1");
    REQUIRE(stmt.ok());
    stmt->bind(1, "\"" + prefix + "\"*");
    std::set<Record> found;
    while (stmt->step())
        found.insert({stmt->column_text(0), stmt->column_int(1)});
    return found;
}

// The records (not cities) ContentStore::search finds; the sample is small enough for all.
std::set<Record> searched_records(const std::string& typed) {
    std::set<Record> found;
    for (const SearchHit& hit : sample().search(typed, 1000)) {
        if (hit.kind != "city") found.insert({hit.kind, hit.id});
    }
    return found;
}

// The words of the sample's index, read through fts5vocab.
std::vector<std::string> indexed_words() {
    auto db = plaza::content::Database::open_untrusted_read_only(sample_path());
    REQUIRE(db.ok());
    REQUIRE(db->exec("PRAGMA query_only=0; CREATE VIRTUAL TABLE temp.words USING "
                     "fts5vocab(main, 'search', 'row')")
                .ok());
    auto stmt = db->prepare("SELECT term FROM temp.words");
    REQUIRE(stmt.ok());
    std::vector<std::string> words;
    while (stmt->step())
        words.push_back(stmt->column_text(0));
    return words;
}

const SearchHit* find_kind(const std::vector<SearchHit>& hits, const std::string& kind) {
    const auto it =
        std::find_if(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.kind == kind; });
    return it == hits.end() ? nullptr : &*it;
}

bool has(const std::vector<SearchHit>& hits, const std::string& kind, const std::string& title) {
    return std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) {
        return h.kind == kind && h.title.find(title) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("fts: folding spells letters without decompositions in plain Latin") {
    CHECK(plaza::content::fold_for_search("Łódź") == "lódź");
    CHECK(plaza::content::fold_for_search("Đà Nẵng") == "dà Nẵng");
    CHECK(plaza::content::fold_for_search("Straße Øresund") == "Strasse oresund");
    CHECK(plaza::content::fold_for_search("서울") == "서울");
}

TEST_CASE("fts: typed text becomes quoted prefix terms, operators are plain words") {
    CHECK(plaza::content::search_query("sao pa") == "\"sao\"* \"pa\"*");
    CHECK(plaza::content::search_query("  ") == "");
    CHECK(plaza::content::search_query("a\" OR b*") == "\"a\"* \"OR\"* \"b\"*");
    CHECK(plaza::content::search_query("łódź") == "\"lódź\"*");
}

TEST_CASE("fts: a city name without its diacritics finds it") {
    CHECK(has(sample().search("lodz", 20), "partnership", "Łódź"));
    CHECK(has(sample().search("Sao Paulo", 20), "partnership", "São Paulo"));
    CHECK(has(sample().search("da nang", 20), "partnership", "Đà Nẵng"));
    CHECK(has(sample().search("DA NANG", 20), "session", "Đà Nẵng"));
}

TEST_CASE("fts: prefixes match as the visitor types") {
    const auto hits = sample().search("gh", 20);
    CHECK(has(hits, "partnership", "Ghent"));
    CHECK(has(hits, "practice", "Ghent"));
    CHECK(has(hits, "session", "Ghent"));
    CHECK(has(sample().search("sao pa", 20), "partnership", "São Paulo"));
    CHECK(has(sample().search("서", 20), "partnership", "서울"));
    CHECK(has(sample().search("台", 20), "partnership", "台北"));
}

TEST_CASE("fts: romanised city names, summaries and Markdown bodies are searchable") {
    CHECK(has(sample().search("seoul", 20), "partnership", "서울"));
    CHECK(has(sample().search("URBACT", 20), "practice", "local action plan"));
    CHECK(has(sample().search("decentralised", 20), "practice", "57"));
    CHECK(has(sample().search("garment", 20), "partnership", "Fair garment"));
    CHECK(has(sample().search("kim min", 20), "speaker", "Kim Min-jun"));
}

TEST_CASE("fts: translated texts are indexed and shown in the chosen language") {
    auto& store = const_cast<plaza::content::ContentStore&>(sample());
    store.set_language("ca");
    const auto hits = store.search("cadenes textils", 20);
    store.set_language("en");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().title == "Cadenes tèxtils justes: Gant i Đà Nẵng");
}

TEST_CASE("fts: nothing typed, or nothing found, gives no hits") {
    CHECK(sample().search("", 20).empty());
    CHECK(sample().search("zzzzqqq", 20).empty());
}

TEST_CASE("fts: typed text splits into folded words like the index's") {
    using plaza::content::search_words;
    CHECK(search_words("  São-Paulo l'Hospitalet ") ==
          std::vector<std::string>{"São", "Paulo", "l", "Hospitalet"});
    CHECK(search_words("Łódź") == std::vector<std::string>{"lódź"});
    CHECK(search_words(" - ").empty());
}

TEST_CASE("fts: index_term folds a typed word as FTS5's tokenizer does, or says it cannot") {
    using plaza::content::index_term;
    CHECK(index_term("Partnérships") == "partnerships");
    CHECK(index_term("cooperació") == "cooperacio");
    CHECK(index_term("Ñandú2030") == "nandu2030");
    CHECK_FALSE(index_term("서울").has_value());
    CHECK_FALSE(index_term("Αθήνα").has_value());

    // Every letter of Latin-1 and Latin Extended-A it folds, against FTS5 itself: each in a word
    // of its own document, read back through fts5vocab.
    auto db = plaza::content::Database::create_for_writing(":memory:");
    REQUIRE(db.ok());
    REQUIRE(db->exec(std::string("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '") +
                     plaza::content::kSearchTokenizer +
                     "'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
                .ok());
    auto insert = db->prepare("INSERT INTO t (rowid, x) VALUES (?1, ?2)");
    REQUIRE(insert.ok());
    std::map<std::int64_t, std::string> expected;
    for (char32_t cp = 0xC0; cp < 0x180; ++cp) {
        std::string word = "x";
        plaza::core::append_utf8(word, cp);
        word += "y";
        const auto term = index_term(word);
        if (!term) continue;
        expected[cp] = *term;
        insert->bind(1, static_cast<std::int64_t>(cp)).bind(2, word);
        REQUIRE(insert->run().ok());
    }
    CHECK(expected.size() > 150);
    auto terms = db->prepare("SELECT doc, term FROM v");
    REQUIRE(terms.ok());
    std::map<std::int64_t, std::string> tokenized;
    while (terms->step())
        tokenized[terms->column_int(0)] = terms->column_text(1);
    CHECK(tokenized == expected);
}

TEST_CASE("fts: a word longer than the prefix indexes finds what FTS5's prefix query finds") {
    // Long words are expanded into the index's own words (ContentStore::search): the records
    // must be exactly those whose words start with what was typed, no more, no fewer.
    int checked = 0;
    const std::vector<std::string> words = indexed_words();
    for (size_t i = 0; i < words.size(); i += 3) {
        const std::string& word = words[i];
        if (plaza::core::utf8_length(word) <= 6) continue;
        for (const std::string& typed : {word.substr(0, 7), word}) {
            CAPTURE(typed);
            CHECK(searched_records(typed) == fts5_prefix_matches(typed));
            ++checked;
        }
    }
    CHECK(checked > 100);
    CHECK_FALSE(searched_records("partnerships").empty());
    CHECK(searched_records("partnerships") == fts5_prefix_matches("partnerships"));
    CHECK(searched_records("PARTNÉRSHIPS") == fts5_prefix_matches("partnerships"));
    CHECK(searched_records("garment partnersh") == [] {
        std::set<Record> both;
        const auto a = fts5_prefix_matches("garment"), b = fts5_prefix_matches("partnersh");
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                              std::inserter(both, both.end()));
        return both;
    }());
    CHECK(sample().search("partnershipsx", 20).empty());
}

TEST_CASE("fts: cities are a group of their own, with their country, by any spelling") {
    const auto gh = sample().search("gh", 20);
    const SearchHit* ghent = find_kind(gh, "city");
    REQUIRE(ghent != nullptr);
    CHECK(ghent->title == "Gent, Belgium");
    CHECK(ghent->detail == "Ghent");
    CHECK(has(sample().search("lodz", 20), "city", "Łódź, Poland"));
    CHECK(has(sample().search("da nang", 20), "city", "Đà Nẵng, Viet Nam"));
    CHECK(has(sample().search("DA NA", 20), "city", "Đà Nẵng"));
    CHECK(has(sample().search("seoul", 20), "city", "서울, Republic of Korea"));
    CHECK(has(sample().search("서", 20), "city", "서울"));
    CHECK(has(sample().search("sao paulo", 20), "city", "São Paulo, Brazil"));
    // No romanised spelling to show when the name is already in it.
    const auto sao_paulo = sample().search("sao paulo", 20);
    REQUIRE(find_kind(sao_paulo, "city") != nullptr);
    CHECK(find_kind(sao_paulo, "city")->detail.empty());
    // Every word must start a word of the name; a city without partnerships is not offered
    // (tapping a city shows its partnerships).
    CHECK(find_kind(sample().search("gent x", 20), "city") == nullptr);
    CHECK(find_kind(sample().search("brussels", 20), "city") == nullptr);
}

TEST_CASE("fts: results come grouped, each kind in one run, cities in the visitor's language") {
    for (const char* typed : {"gh", "da nang", "s", "partnership", "lodz"}) {
        CAPTURE(typed);
        std::vector<std::string> runs;
        for (const SearchHit& hit : sample().search(typed, 60)) {
            if (runs.empty() || runs.back() != hit.kind) runs.push_back(hit.kind);
        }
        CHECK(std::set<std::string>(runs.begin(), runs.end()).size() == runs.size());
    }
    auto& store = const_cast<plaza::content::ContentStore&>(sample());
    store.set_language("es");
    const auto hits = store.search("gh", 20);
    store.set_language("en");
    REQUIRE(find_kind(hits, "city") != nullptr);
    CHECK(find_kind(hits, "city")->title == "Gent, Bélgica");
}

TEST_CASE("cities: partnership cards know their cities, the facets name them") {
    const auto cards = sample().partnership_cards();
    const auto ghent_card =
        std::find_if(cards.begin(), cards.end(), [](const plaza::content::PartnershipCard& c) {
            return c.title.find("Fair garment") != std::string::npos;
        });
    REQUIRE(ghent_card != cards.end());
    const auto ghent_hits = sample().search("ghent", 20);
    const auto da_nang_hits = sample().search("da nang", 20);
    const SearchHit* ghent = find_kind(ghent_hits, "city");
    const SearchHit* da_nang = find_kind(da_nang_hits, "city");
    REQUIRE(ghent != nullptr);
    REQUIRE(da_nang != nullptr);
    CHECK(ghent_card->city_ids == std::vector<std::int64_t>{ghent->id, da_nang->id});
    // Leads first, then partners in the organisers' order, whatever the cities' ids: Lisboa
    // (lead) comes after 台北 in cities.csv, Yokohama before eThekwini in the partners column.
    auto city_id = [](const char* typed) {
        const auto hits = sample().search(typed, 20);
        const SearchHit* city = find_kind(hits, "city");
        REQUIRE(city != nullptr);
        return city->id;
    };
    auto card_titled = [&](const char* start) {
        const auto it = std::find_if(cards.begin(), cards.end(),
                                     [&](const auto& c) { return c.title.rfind(start, 0) == 0; });
        REQUIRE(it != cards.end());
        return *it;
    };
    CHECK(city_id("taipei") < city_id("lisboa"));
    CHECK(card_titled("Clean air street").city_ids ==
          std::vector<std::int64_t>{city_id("lisboa"), city_id("taipei")});
    CHECK(
        card_titled("Welcoming newcomers").city_ids ==
        std::vector<std::int64_t>{city_id("barcelona"), city_id("ethekwini"), city_id("yokohama")});

    const auto facets = sample().partnership_facets();
    CHECK(std::is_sorted(facets.cities.begin(), facets.cities.end(),
                         [](const plaza::content::Facet& a, const plaza::content::Facet& b) {
                             return a.id < b.id;
                         }));
    const auto facet =
        std::find_if(facets.cities.begin(), facets.cities.end(),
                     [&](const plaza::content::Facet& f) { return f.id == ghent->id; });
    REQUIRE(facet != facets.cities.end());
    CHECK(facet->key == "ghent");
    CHECK(facet->label == "Gent, Belgium");
    CHECK(std::none_of(facets.cities.begin(), facets.cities.end(),
                       [](const plaza::content::Facet& f) { return f.key == "brussels"; }));
}

TEST_CASE("fts: a city named in its own script is found by that script and by its Latin name") {
    plaza::test::TempDir dir;
    auto files = plaza::test::valid_source();
    files["cities.csv"] =
        "id,name,latin,country,latitude,longitude\n"
        "ghent,عمّان,Amman,BE,31.95,35.93\n"
        "lodz,ວຽງຈັນ,Vientiane,PL,17.97,102.63\n";
    plaza::test::write_source(dir.path() / "src", files);
    std::vector<std::string> problems;
    REQUIRE(plaza::bundle::build_bundle({dir / "src", dir / "out.plaza", 1}, problems).ok());
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    CHECK(has(store->search("vientiane", 20), "city", "ວຽງຈັນ, Poland"));
    CHECK(has(store->search("vien", 20), "city", "ວຽງຈັນ"));
    CHECK(has(store->search("ວຽງຈັນ", 20), "city", "ວຽງຈັນ"));
    CHECK(has(store->search("ວຽງ", 20), "city", "ວຽງຈັນ"));
    CHECK(has(store->search("amman", 20), "city", "عمّان"));
    CHECK(has(store->search("عمّان", 20), "city", "عمّان"));
    // Typed without the shadda, as most keyboards and visitors write it.
    CHECK(has(store->search("عمان", 20), "city", "عمّان"));
}
