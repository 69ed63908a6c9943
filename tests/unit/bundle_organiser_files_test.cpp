// SPDX-License-Identifier: GPL-3.0-or-later
// Content folders as organisers' tools write them (issue 19): CSV saved by Excel and LibreOffice
// in European locales (';', decimal commas), as UTF-16 text, in a legacy encoding, with letters
// the encoding could not hold; front matter written the YAML way; an output folder that does not
// exist; the version of a build that names none.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "bundle/bundle_builder.h"
#include "bundle/starter_folder.h"
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

// A file of tests/data/spreadsheets (SOURCES.md there says which tool wrote it, and how).
std::string spreadsheet(const std::string& name) {
    return plaza::test::read_file(std::filesystem::path(PLAZA_SOURCE_DIR) /
                                  "tests/data/spreadsheets" / name);
}

// The built bundle's first partnership's cities, or what went wrong.
std::string built_cities(const TempDir& dir, const Built& b) {
    if (!b.ok) return "not built: " + b.error;
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    if (!store) return store.error();
    return store->partnerships().at(0).cities;
}

}  // namespace

TEST_CASE("organiser files: semicolon-separated CSV, as Excel and LibreOffice save it in Europe") {
    for (const char* file : {"cities.libreoffice-semicolon.csv", "cities.excel-fr-csv-utf8.csv"}) {
        INFO(file);
        TempDir dir;
        const Built b = build_in(
            dir,
            {{"cities.csv", spreadsheet(file)},
             {"partnerships.csv",
              "id;title;title.es;lead;partners;programme;themes;sdgs;starts_on;ends_on;status;"
              "summary\r\n"
              "ghent-lodz;Clean air in Łódź;Aire limpio en Łódź;ghent;lodz;psc;air;\"11;3\";2022;"
              "2024-06;active;Sensors, on every street.\r\n"}},
            dir / "out.plaza");
        CHECK(b.problems == Lines{});
        CHECK(built_cities(dir, b) == "Gent · Łódź");
        auto store = plaza::content::ContentStore::open(dir / "out.plaza");
        REQUIRE(store.ok());
        CHECK(store->partnerships().at(0).summary == "Sensors, on every street.");
    }
}

TEST_CASE("organiser files: UTF-16 text with a byte-order mark is decoded") {
    for (const char* file : {"cities.libreoffice-utf16.csv", "cities.excel-fr-unicode-text.txt"}) {
        INFO(file);
        TempDir dir;
        const Built b = build_in(dir, {{"cities.csv", spreadsheet(file)}}, dir / "out.plaza");
        CHECK(b.problems == Lines{});
        CHECK(built_cities(dir, b) == "Gent · Łódź");
    }
}

TEST_CASE("organiser files: a file that is not UTF-8 gets one message naming its first such line") {
    for (const char* file :
         {"countries.libreoffice-windows-1252.csv", "countries.excel-es-csv.csv"}) {
        INFO(file);
        TempDir dir;
        const Built b = build_in(dir, {{"countries.csv", spreadsheet(file)}}, dir / "out.plaza");
        CHECK(b.problems ==
              Lines{"countries.csv:2: the file is not UTF-8 (its first such character is on this "
                    "line); save it as \"CSV UTF-8\" or \"Unicode text\""});
    }
}

TEST_CASE("organiser files: names the spreadsheet could not encode, saved as ????, are warned") {
    TempDir dir;
    const Built b = build_in(dir,
                             {{"cities.csv", spreadsheet("cities.libreoffice-lost-letters.csv")},
                              {"countries.csv",
                               "code,name,name.es,region\nBE,Belgium,,Europe\nPL,Poland,,Europe\n"
                               "UA,Ukraine,,Europe\nKR,South Korea,,Asia\n"}},
                             dir / "out.plaza");
    CHECK(b.problems == Lines{});
    CHECK(b.warnings ==
          Lines{"cities.csv:4: name: '?\?\?\?' has question marks where letters should be (and 1 "
                "more cell): the spreadsheet could not encode them \xE2\x80\x94 kept as written; "
                "save the file as \"CSV UTF-8\" and type the names again"});
}

TEST_CASE("organiser files: a build without a version is numbered by its build time") {
    CHECK(plaza::bundle::content_version_at(1796511852000) == 20261205230412);
    TempDir dir;
    plaza::test::write_source(dir.path() / "src", plaza::test::valid_source());
    std::vector<std::string> problems;
    const auto before =
        plaza::bundle::content_version_at(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count() /
                                          1000 * 1000);
    REQUIRE(plaza::bundle::build_bundle({dir / "src", dir / "out.plaza"}, problems).ok());
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    // Newer than the packaged sample's version 1 and than any build before this one.
    CHECK(std::stoll(store->meta("content_version")) >= before);
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

TEST_CASE("organiser files: the event's city and a figure's value are translated too") {
    TempDir dir;
    Files files = plaza::test::valid_source();
    std::string event = files["event.txt"];
    event += "city.es: Barcelona (España)\nlanguage_name.pt: Português\n";
    const Built b = build_in(dir,
                             {{"event.txt", event},
                              {"practices/street-sensors.es.md",
                               "---\ntitle: Sensores en la calle\nfigure: 120 unidades | sensores "
                               "instalados\n---\nLos vecinos instalaron sensores.\n"}},
                             dir / "out.plaza");
    CHECK(b.problems == Lines{});
    CHECK(b.warnings == Lines{});
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    CHECK(store->localized_event().city == "Barcelona");
    store->set_language("es");
    CHECK(store->localized_event().city == "Barcelona (España)");
    const auto page = store->practice_detail(store->practice_cards().at(0).id);
    REQUIRE(page.key_figures.size() == 1);
    CHECK(page.key_figures[0].value == "120 unidades");
    CHECK(page.key_figures[0].label == "sensores instalados");
}

// A session language outside the event's is named from iso-codes in each event language, unless
// event.txt names it; the kiosk's store hands the names to the screens.
TEST_CASE("organiser files: session languages the event does not offer get names, not codes") {
    TempDir dir;
    Files files = plaza::test::valid_source();
    std::string sessions = files["sessions.csv"];
    sessions +=
        "taller,Taller de sensores,2024-03-19 11:00,2024-03-19 12:00,hall-a,air,workshop,pt,ann,"
        "Em portugu\xC3\xAAs.,confirmed\n"
        "ateliers,Ateliers urbains,2024-03-19 12:00,2024-03-19 13:00,hall-a,air,workshop,fra,ann,"
        "En fran\xC3\xA7"
        "ais.,confirmed\n"
        "xx,Unknown,2024-03-19 13:00,2024-03-19 14:00,hall-a,air,workshop,qqq,ann,?,confirmed\n";
    const Built b = build_in(dir, {{"sessions.csv", sessions}}, dir / "out.plaza");
    CHECK(b.problems == Lines{});
    CHECK(b.warnings == Lines{"event.txt: sessions in 'qqq': no name is known for it \xE2\x80\x94 "
                              "shown as its code; add 'language_name.qqq: <its name>'"});
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    using Names = std::map<std::string, std::map<std::string, std::string>>;
    CHECK(store->event().language_names ==
          Names{{"pt", {{"en", "Portuguese"}, {"es", "Portugu\xC3\xA9s"}}},
                {"fra", {{"en", "French"}, {"es", "Franc\xC3\xA9s"}}}});

    // event.txt's own name wins over iso-codes', in every language.
    const Built own =
        build_in(dir,
                 {{"sessions.csv", sessions},
                  {"event.txt", files["event.txt"] + "language_name.pt: Portugu\xC3\xAAs\n"}},
                 dir / "own.plaza");
    CHECK(own.problems == Lines{});
    auto own_store = plaza::content::ContentStore::open(dir / "own.plaza");
    REQUIRE(own_store.ok());
    CHECK(
        own_store->event().language_names.at("pt") ==
        std::map<std::string, std::string>{{"en", "Portugu\xC3\xAAs"}, {"es", "Portugu\xC3\xAAs"}});
}

TEST_CASE("organiser files: plaza-bundle new writes a folder that builds without a remark") {
    TempDir dir;
    auto written = plaza::bundle::write_starter_folder(dir / "starter");
    REQUIRE(written.ok());
    CHECK(written->size() == 12);
    std::vector<std::string> problems, warnings;
    const auto built =
        plaza::bundle::build_bundle({dir / "starter", dir / "out.plaza"}, problems, &warnings);
    CHECK(problems == Lines{});
    CHECK(warnings == Lines{});
    REQUIRE(built.ok());
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    const auto counts = store->counts();
    CHECK(counts.partnerships == 1);
    CHECK(counts.practices == 1);
    CHECK(counts.sessions == 2);
    // Never over an organiser's work.
    auto again = plaza::bundle::write_starter_folder(dir / "starter");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error() ==
          (dir / "starter") + ": exists and is not an empty folder; choose a new name");
}
