// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle build with the schedule taken from a real export (shared/testdata/real, see
// SOURCES.md there): each builds from a copy of the sample content, the bundle holds the
// sessions, rooms and speakers the importer tests count independently, and named sessions show
// their local start time through the bundle's offset table, on their conference day.
#include <doctest/doctest.h>

#include <string>

#include "schedule_bundle_support.h"
#include "schedule_test_support.h"

using plaza::test::Built;
using plaza::test::EventDates;
using plaza::test::TempDir;

namespace {

struct Export {
    const char* file;
    EventDates dates;
    // Sessions, rooms and speakers as tests/unit/schedule_real_files_test.cpp counts them.
    std::int64_t sessions, rooms, speakers;
    struct Named {
        const char* title;
        const char* local;  // local start, YYYY-MM-DD HH:MM
        const char* day;    // its conference day
    } named;
};

void check_export(const Export& e) {
    CAPTURE(e.file);
    TempDir dir;
    const auto src =
        plaza::test::sample_folder(dir, e.dates, plaza::schedule::test::real_file(e.file));
    Built b = plaza::test::build_folder(dir, src);
    REQUIRE(b.problems == std::vector<std::string>{});
    REQUIRE(b.store);
    CHECK(b.check == std::vector<std::string>{});
    const auto counts = b.store->counts();
    CHECK(counts.sessions == e.sessions);
    CHECK(counts.rooms == e.rooms);
    CHECK(counts.speakers == e.speakers);
    // Every warning names the export (as the folder has it) and says what was done.
    for (const std::string& w : b.warnings) {
        CAPTURE(w);
        CHECK(w.rfind("schedule/", 0) == 0);
        CHECK(w.find(" \xE2\x80\x94 ") != std::string::npos);
    }
    if (e.dates.languages.find("zh") != std::string::npos) b.store->set_language("zh");
    const auto s = plaza::test::session_titled(*b.store, e.named.title);
    CAPTURE(e.named.title);
    REQUIRE(s.has_value());
    CHECK(plaza::test::local_time(*b.store, s->starts_at_ms) == e.named.local);
    CHECK(s->day == e.named.day);
}

}  // namespace

TEST_CASE("schedule bundle: frab and pentabarf XML exports build into bundles") {
    const Export exports[] = {
        {"fosdem-2024-schedule.xml",
         {"2024-02-03", "2024-02-04", "Europe/Brussels", 60},
         876,
         29,
         945,
         {"Copyleft and the GPL: Finding the Path Forward to Defend our Software Right to Repair",
          "2024-02-03 14:00", "2024-02-03"}},
        // After midnight, on the previous conference day (31C3's days run 11:00 to 04:00).
        {"31c3-schedule.xml",
         {"2014-12-27", "2014-12-30", "Europe/Berlin", 60},
         138,
         4,
         198,
         {"Citizenfour", "2014-12-28 00:00", "2014-12-27"}},
        // The biggest and dirtiest export: 1,351 events, duplicate ids, overlaps.
        {"giggity-tests/36c3_merged.xml",
         {"2019-12-27", "2019-12-30", "Europe/Berlin", 60},
         1351,
         92,
         437,
         {"Opening Ceremony", "2019-12-27 11:00", "2019-12-27"}},
        // A half-hour zone declared, timestamps in UTC.
        {"giggity-tests/debconf23.xml",
         {"2023-09-10", "2023-09-17", "Asia/Kolkata", 330},
         117,
         5,
         87,
         {"Opening Ceremony", "2023-09-10 10:30", "2023-09-10"}},
    };
    for (const Export& e : exports)
        check_export(e);
}

TEST_CASE("schedule bundle: frab, pretalx, schedule2 and OPass JSON exports build into bundles") {
    const Export exports[] = {
        {"camp2019-frab-schedule.json",
         {"2019-08-21", "2019-08-25", "Europe/Berlin", 120},
         79,
         2,
         90,
         {"Opening Ceremony", "2019-08-21 11:00", "2019-08-21"}},
        {"pretalx-rc3-channels-schedule.json",
         {"2020-12-27", "2020-12-30", "Europe/Berlin", 60},
         48,
         5,
         56,
         {"Der faule Admin automatisiert: Gluon auf echter Hardware testen", "2020-12-27 11:30",
          "2020-12-27"}},
        {"38c3-hub-schedule2-example.json",
         {"2024-12-27", "2024-12-30", "Europe/Berlin", 60},
         2,
         2,
         4,
         {"A Competitive Time-Trial AI for Need for Speed:", "2024-12-28 00:15", "2024-12-27"}},
        // zh texts become translations when zh is one of the event's languages.
        {"coscup-2023-session.json",
         {"2023-07-29", "2023-07-30", "Asia/Taipei", 480, "en, es, ca, fr, zh"},
         352,
         26,
         338,
         {"\xE9\x86\xAB\xE8\xB3\x87\xE6\xA8\x99\xE6\xBA\x96\xE7\x9A"
          "\x84\xE6\x95\x99\xE8\x82\xB2\xE6\x8E\xA8\xE5\xBB\xA3",
          "2023-07-29 12:35", "2023-07-29"}},
    };
    for (const Export& e : exports)
        check_export(e);
}

TEST_CASE("schedule bundle: iCalendar exports build into bundles") {
    const Export exports[] = {
        // Australia/Adelaide, UTC+09:30.
        {"pyconau-2023-schedule.ics",
         {"2023-08-18", "2023-08-20", "Australia/Adelaide", 570},
         94,
         4,
         87,
         {"Specialist Tracks Combined Opening Address", "2023-08-18 09:00", "2023-08-18"}},
        {"giggity-tests/jres_2022.ics",
         {"2022-05-17", "2022-05-20", "Europe/Paris", 120},
         120,
         15,
         0,
         {"Accueil congressistes", "2022-05-17 11:00", "2022-05-17"}},
        {"moca-2024-schedule.ics",
         {"2024-09-13", "2024-09-15", "Europe/Rome", 120},
         88,
         4,
         69,
         {"Closing ceremony", "2024-09-15 15:00", "2024-09-15"}},
    };
    for (const Export& e : exports)
        check_export(e);
}

TEST_CASE("schedule bundle: per-language texts of an export become translations") {
    TempDir dir;
    const auto src = plaza::test::sample_folder(
        dir, {"2023-07-29", "2023-07-30", "Asia/Taipei", 480, "en, es, ca, fr, zh"},
        plaza::schedule::test::real_file("coscup-2023-session.json"));
    Built b = plaza::test::build_folder(dir, src);
    REQUIRE(b.problems == std::vector<std::string>{});
    REQUIRE(b.store);
    // 62 of the 352 sessions have a Chinese title that differs from the English one.
    CHECK(b.store->translated_count("session", "title", "zh") == 62);
    // Without zh among the event's languages the Chinese texts are left out, with a warning.
    TempDir other;
    const auto src2 =
        plaza::test::sample_folder(other, {"2023-07-29", "2023-07-30", "Asia/Taipei", 480},
                                   plaza::schedule::test::real_file("coscup-2023-session.json"));
    Built without = plaza::test::build_folder(other, src2);
    REQUIRE(without.store);
    CHECK(without.store->translated_count("session", "title", "zh") == 0);
    bool warned = false;
    for (const std::string& w : without.warnings)
        warned = warned || w == "schedule/coscup-2023-session.json: the schedule has texts in zh, "
                                "not one of the event's languages (en, es, ca, fr) \xE2\x80\x94 "
                                "left out; add the language to 'languages' in event.txt to keep "
                                "them";
    CHECK(warned);
}

TEST_CASE("schedule bundle: a folder with a native and an imported schedule is refused") {
    TempDir dir;
    const auto src =
        plaza::test::sample_folder(dir, {"2024-03-19", "2024-03-21", "Europe/Madrid", 60});
    plaza::test::write_file(
        src / "programme.xml",
        plaza::test::read_file(plaza::schedule::test::real_file("31c3-schedule.xml")));
    plaza::test::write_file(
        src / "event.txt", plaza::test::read_file(src / "event.txt") + "schedule: programme.xml\n");
    Built b = plaza::test::build_folder(dir, src);
    CHECK(b.problems ==
          std::vector<std::string>{
              "event.txt:25: schedule: the schedule comes from programme.xml, but sessions.csv, "
              "rooms.csv and speakers.csv hold a schedule too; keep one of them (remove "
              "sessions.csv, rooms.csv and speakers.csv, or this line)"});
    CHECK_FALSE(b.store);
    CHECK_FALSE(std::filesystem::exists(dir / "out.plaza"));

    std::filesystem::remove(src / "rooms.csv");
    std::filesystem::remove(src / "speakers.csv");
    Built one = plaza::test::build_folder(dir, src);
    CHECK(one.problems == std::vector<std::string>{
                              "event.txt:25: schedule: the schedule comes from programme.xml, but "
                              "sessions.csv holds a schedule too; keep one of them (remove "
                              "sessions.csv, or this line)"});
}

TEST_CASE("schedule bundle: an export's days must be the event's days") {
    TempDir dir;
    // FOSDEM 2024 is 3-4 February; event.txt says March.
    const auto src =
        plaza::test::sample_folder(dir, {"2024-03-19", "2024-03-21", "Europe/Brussels", 60},
                                   plaza::schedule::test::real_file("fosdem-2024-schedule.xml"));
    Built b = plaza::test::build_folder(dir, src);
    REQUIRE(b.problems.size() == 2);
    CHECK(b.problems[0].rfind("schedule/fosdem-2024-schedule.xml:", 0) == 0);
    CHECK(b.problems[0].find(": day: 2024-02-03 is not one of the event's days (2024-03-19 to "
                             "2024-03-21 in event.txt); ") != std::string::npos);
    CHECK_FALSE(b.store);
}
