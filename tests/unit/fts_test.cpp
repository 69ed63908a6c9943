// The bundle's search index: diacritic-insensitive, letters without decompositions folded
// (Ł, Đ), prefix matches, over titles, cities, summaries and bodies, in every language.
#include <doctest/doctest.h>

#include <algorithm>

#include "bundle/bundle_builder.h"
#include "bundle_test_support.h"
#include "content/content_store.h"
#include "content/search_text.h"

namespace {

using plaza::content::SearchHit;

// Builds the repository's sample content once for all search tests.
const plaza::content::ContentStore& sample() {
    static plaza::test::TempDir dir;
    static auto store = [] {
        std::vector<std::string> problems;
        auto built = plaza::bundle::build_bundle(
            {std::string(PLAZA_SOURCE_DIR) + "/content", dir / "sample.plaza", 1}, problems);
        REQUIRE(built.ok());
        auto opened = plaza::content::ContentStore::open(dir / "sample.plaza");
        REQUIRE(opened.ok());
        return std::move(opened.value());
    }();
    return store;
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
