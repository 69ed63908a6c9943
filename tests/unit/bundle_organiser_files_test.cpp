// Content folders as organisers' tools write them (issue 19): CSV saved by Excel in a European
// locale (';'), as "Unicode text" (UTF-16 with a byte-order mark, tab-separated), in a legacy
// encoding, with characters Excel could not encode; front matter written the YAML way; an
// output folder that does not exist.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "bundle/bundle_builder.h"
#include "bundle_test_support.h"
#include "content/content_store.h"

namespace {

using plaza::test::TempDir;
using Files = std::map<std::string, std::string>;
using Lines = std::vector<std::string>;

struct Built {
    Lines problems, warnings;
    bool ok = false;
    std::string error;
};

Built build_in(const TempDir& dir, const Files& changes, const std::string& output) {
    Files files = plaza::test::valid_source();
    for (const auto& [name, text] : changes)
        files[name] = text;
    plaza::test::write_source(dir.path() / "src", files);
    Built b;
    auto result = plaza::bundle::build_bundle({dir / "src", output, 1}, b.problems, &b.warnings);
    b.ok = result.ok();
    if (!result) b.error = result.error();
    return b;
}

// UTF-16 little-endian with its byte-order mark, as Excel's "Unicode text" writes it.
std::string utf16le(const std::u16string& text) {
    std::string out = "\xFF\xFE";
    for (char16_t c : text) {
        out += static_cast<char>(c & 0xFF);
        out += static_cast<char>(c >> 8);
    }
    return out;
}

}  // namespace

TEST_CASE("organiser files: a CSV saved with semicolons by Excel in a European locale builds") {
    TempDir dir;
    const Built b = build_in(
        dir,
        {{"cities.csv",
          "id;name;latin;country;latitude;longitude\r\n"
          "ghent;Gent;Ghent;BE;51.05;3.72\r\n"
          "lodz;Łódź;Lodz;PL;51.76;19.46\r\n"},
         {"partnerships.csv",
          "id;title;title.es;lead;partners;programme;themes;sdgs;starts_on;ends_on;status;summary\n"
          "ghent-lodz;Clean air in Łódź;Aire limpio en Łódź;ghent;lodz;psc;air;\"11;3\";2022;"
          "2024-06;active;\"Sensors, on every street.\"\n"}},
        dir / "out.plaza");
    CHECK(b.problems == Lines{});
    REQUIRE(b.ok);
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    CHECK(store->partnerships().at(0).cities == "Gent · Łódź");
    CHECK(store->partnerships().at(0).summary == "Sensors, on every street.");
}

TEST_CASE("organiser files: a UTF-16 file with a byte-order mark is decoded, tabs or commas") {
    TempDir dir;
    const Built b = build_in(
        dir,
        {{"cities.csv", utf16le(u"id\tname\tlatin\tcountry\tlatitude\tlongitude\r\n"
                                u"ghent\tGent\tGhent\tBE\t51.05\t3.72\r\n"
                                u"lodz\t\u0141\u00f3d\u017a\tLodz\tPL\t51.76\t19.46\r\n")},
         {"countries.csv",
          utf16le(
              u"code,name,name.es,region\nBE,Belgium,B\u00e9lgica,Europe\nPL,Poland,,Europe\n")}},
        dir / "out.plaza");
    CHECK(b.problems == Lines{});
    REQUIRE(b.ok);
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    CHECK(store->partnerships().at(0).cities == "Gent · Łódź");
}

TEST_CASE("organiser files: a file that is not UTF-8 gets one message, not one per cell") {
    TempDir dir;
    // Windows-1252, as "CSV (Comma delimited)" writes it on a French or Spanish Windows.
    const Built b = build_in(dir,
                             {{"countries.csv",
                               "code,name,name.es,region\n"
                               "BE,Belgium,B\xE9lgica,Europe\n"
                               "PL,Poland,Polonia,Europe\n"
                               "FR,France,Francia,\xC9urope\n"}},
                             dir / "out.plaza");
    CHECK(b.problems ==
          Lines{"countries.csv:2: the file is not UTF-8 (its first such character is on this "
                "line); save it as \"CSV UTF-8\" or \"Unicode text\""});
}

TEST_CASE(
    "organiser files: names Excel could not encode, saved as question marks, are warned about") {
    TempDir dir;
    const Built b = build_in(dir,
                             {{"cities.csv",
                               "id,name,latin,country,latitude,longitude\n"
                               "ghent,Gent,Ghent,BE,51.05,3.72\n"
                               "lodz,?\?\?\?,Lodz,PL,51.76,19.46\n"
                               "sp,S?o Paulo,Sao Paulo,PL,-23.55,-46.63\n"}},
                             dir / "out.plaza");
    CHECK(b.problems == Lines{});
    CHECK(b.warnings ==
          Lines{"cities.csv:3: name: '?\?\?\?' has question marks where letters should be (and 1 "
                "more cell): the spreadsheet could not encode them \xE2\x80\x94 kept as written; "
                "save the file as \"CSV UTF-8\" and type the names again"});
}

TEST_CASE("organiser files: front matter in quotes and [a, b] lists, as YAML writes them") {
    TempDir dir;
    const Built b = build_in(dir,
                             {{"practices/street-sensors.md",
                               "---\n"
                               "title: \"Metrocable: cable cars for \\\"everyone\\\"\"\n"
                               "summary: 'Cheap sensors, it''s open data.'\n"
                               "city: lodz\n"
                               "themes: [air]\n"
                               "partnerships: [\"ghent-lodz\"]\n"
                               "figure: 120 | sensors installed\n"
                               "---\n"
                               "Residents hosted sensors.\n"}},
                             dir / "out.plaza");
    CHECK(b.problems == Lines{});
    REQUIRE(b.ok);
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    const auto practices = store->practice_cards();
    REQUIRE(practices.size() == 1);
    CHECK(practices[0].title == "Metrocable: cable cars for \"everyone\"");
    CHECK(practices[0].summary == "Cheap sensors, it's open data.");
    const auto page = store->practice_detail(practices[0].id);
    CHECK(page.themes.size() == 1);
    CHECK(page.partnerships.size() == 1);
}

TEST_CASE("organiser files: an output folder that does not exist is named, not SQLite's words") {
    TempDir dir;
    const Built b = build_in(dir, {}, dir / "missing/out.plaza");
    CHECK(b.problems == Lines{});
    CHECK_FALSE(b.ok);
    CHECK(b.error == (dir / "missing") + ": the folder does not exist; create it first");
}
