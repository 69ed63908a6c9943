// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's schedule queries on built bundles: local times through the bundle's offset table
// across the Europe/Madrid daylight-saving change (imported and native schedules), days, "Now &
// Next", a session's detail, and the sample bundle's offsets.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

#include "content/sqlite_db.h"
#include "schedule_bundle_support.h"

using plaza::test::Built;
using plaza::test::TempDir;

namespace {

// Unix milliseconds of a UTC wall-clock time.
std::int64_t utc_ms(int y, int mo, int d, int h, int mi) {
    return (plaza::core::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60) * 1000LL;
}

// A frab export over the night Madrid moves from CET (UTC+1) to CEST (UTC+2), 2024-03-31 at
// 02:00 local. The walk at 01:30 belongs to Saturday's conference day and ends after the change.
const char* const kMadridXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>Spring forward</title>
    <time_zone_name>Europe/Madrid</time_zone_name>
    <day_change>04:00</day_change>
  </conference>
  <day index="1" date="2024-03-30">
    <room name="Sala A">
      <event id="1">
        <date>2024-03-30T10:00:00+01:00</date><start>10:00</start><duration>01:00</duration>
        <room>Sala A</room><title>Saturday opening</title><track>Movilidad</track>
        <type>talk</type><language>es</language>
        <abstract>Buses &amp; *bikes*</abstract>
        <persons><person id="7">Ana Ruiz</person></persons>
        <links><link href="https://example.org/slides">Slides</link></links>
      </event>
      <event id="2">
        <date>2024-03-31T01:30:00+01:00</date><start>01:30</start><duration>01:00</duration>
        <room>Sala A</room><title>Late night walk</title><type>walk</type>
      </event>
    </room>
  </day>
  <day index="2" date="2024-03-31">
    <room name="Sala A">
      <event id="3">
        <date>2024-03-31T10:00:00+02:00</date><start>10:00</start><duration>01:00</duration>
        <room>Sala A</room><title>Sunday keynote</title><track>Movilidad</track>
        <type>keynote</type><language>en</language>
        <persons><person id="7">Ana Ruiz</person><person id="8">Li Wei</person></persons>
      </event>
    </room>
    <room name="Sala B">
      <event id="4">
        <date>2024-03-31T10:30:00+02:00</date><start>10:30</start><duration>01:00</duration>
        <room>Sala B</room><title>CANCELLED - Sunday workshop</title><type>workshop</type>
      </event>
    </room>
  </day>
</schedule>
)";

const plaza::test::EventDates kMadrid{"2024-03-30", "2024-03-31", "Europe/Madrid", 60};

Built build_madrid_export(const TempDir& dir) {
    plaza::test::write_file(dir.path() / "spring.xml", kMadridXml);
    const auto src = plaza::test::sample_folder(dir, kMadrid, dir / "spring.xml");
    Built b = plaza::test::build_folder(dir, src);
    REQUIRE(b.problems == std::vector<std::string>{});
    REQUIRE(b.store);
    CHECK(b.check == std::vector<std::string>{});
    return b;
}

// The sample content/ as it is (event dates, Madrid), built and checked.
Built build_sample(const TempDir& dir) {
    const auto src =
        plaza::test::sample_folder(dir, {"2024-03-19", "2024-03-21", "Europe/Madrid", 60});
    Built b = plaza::test::build_folder(dir, src);
    REQUIRE(b.problems == std::vector<std::string>{});
    REQUIRE(b.store);
    CHECK(b.check == std::vector<std::string>{});
    return b;
}

}  // namespace

TEST_CASE("schedule bundle: an imported event over the Madrid DST change shows local times") {
    TempDir dir;
    Built b = build_madrid_export(dir);
    const auto& store = *b.store;

    // The offset table switches at 01:00 UTC, not at a fixed offset.
    CHECK(store.local_offset_minutes(utc_ms(2024, 3, 31, 0, 59)) == 60);
    CHECK(store.local_offset_minutes(utc_ms(2024, 3, 31, 1, 0)) == 120);
    // Before the table starts (a day before the event) its first offset still holds.
    CHECK(store.local_offset_minutes(utc_ms(2024, 3, 1, 12, 0)) == 60);

    const auto saturday = plaza::test::session_titled(store, "Saturday opening");
    const auto walk = plaza::test::session_titled(store, "Late night walk");
    const auto sunday = plaza::test::session_titled(store, "Sunday keynote");
    REQUIRE(saturday);
    REQUIRE(walk);
    REQUIRE(sunday);
    CHECK(saturday->starts_at_ms == utc_ms(2024, 3, 30, 9, 0));
    CHECK(sunday->starts_at_ms == utc_ms(2024, 3, 31, 8, 0));
    CHECK(plaza::test::local_time(store, saturday->starts_at_ms) == "2024-03-30 10:00");
    CHECK(plaza::test::local_time(store, sunday->starts_at_ms) == "2024-03-31 10:00");
    CHECK(plaza::test::local_time(store, walk->starts_at_ms) == "2024-03-31 01:30");
    CHECK(plaza::test::local_time(store, walk->ends_at_ms) == "2024-03-31 03:30");
    CHECK(walk->day == "2024-03-30");

    const auto days = store.schedule_days();
    REQUIRE(days.size() == 2);
    CHECK(days[0].date == "2024-03-30");
    CHECK(days[0].sessions == 2);
    CHECK(days[1].date == "2024-03-31");
    CHECK(days[1].sessions == 2);

    CHECK(saturday->track == "Movilidad");
    CHECK(saturday->language == "es");
    CHECK(saturday->type == "talk");
    CHECK(saturday->room == "Sala A");
    REQUIRE(saturday->speakers.size() == 1);
    CHECK(saturday->speakers[0].name == "Ana Ruiz");
    const auto workshop = plaza::test::session_titled(store, "Sunday workshop");
    REQUIRE(workshop);
    CHECK(workshop->status == "cancelled");
}

TEST_CASE("schedule bundle: now and next per room, and a session's detail") {
    TempDir dir;
    Built b = build_madrid_export(dir);
    const auto& store = *b.store;

    // 10:15 CEST on Sunday: the keynote runs in Sala A, the (cancelled) workshop is next in B.
    auto rooms = store.now_and_next(utc_ms(2024, 3, 31, 8, 15), 60);
    REQUIRE(rooms.size() == 2);
    CHECK(rooms[0].room.name == "Sala A");
    CHECK(rooms[0].has_now);
    CHECK(rooms[0].now.title == "Sunday keynote");
    CHECK_FALSE(rooms[0].has_next);
    CHECK(rooms[1].room.name == "Sala B");
    CHECK_FALSE(rooms[1].has_now);
    REQUIRE(rooms[1].has_next);
    CHECK(rooms[1].next.title == "Sunday workshop");
    CHECK(rooms[1].next.status == "cancelled");
    // A window too short to reach 10:30 leaves Sala B out.
    CHECK(store.now_and_next(utc_ms(2024, 3, 31, 8, 15), 10).size() == 1);
    // The walk runs across the change: at 03:00 CEST it is on, and nothing else.
    rooms = store.now_and_next(utc_ms(2024, 3, 31, 1, 0), 60);
    REQUIRE(rooms.size() == 1);
    CHECK(rooms[0].now.title == "Late night walk");

    const auto keynote = plaza::test::session_titled(store, "Sunday keynote");
    REQUIRE(keynote);
    plaza::content::SessionDetail detail;
    REQUIRE(store.session_detail(keynote->id, detail));
    CHECK(detail.session.title == "Sunday keynote");
    REQUIRE(detail.speakers.size() == 2);
    CHECK(detail.speakers[0].name == "Ana Ruiz");
    CHECK(detail.speakers[1].name == "Li Wei");
    const auto saturday = plaza::test::session_titled(store, "Saturday opening");
    REQUIRE(saturday);
    REQUIRE(store.session_detail(saturday->id, detail));
    // Plain text from the export is escaped so it renders as written.
    CHECK(detail.abstract_md == "Buses \\& \\*bikes\\*");
    REQUIRE(detail.links.size() == 1);
    CHECK(detail.links[0].url == "https://example.org/slides");
    CHECK(detail.links[0].title == "Slides");
    CHECK_FALSE(store.session_detail(9999, detail));
}

TEST_CASE("schedule bundle: a native schedule over the Madrid DST change shows local times") {
    TempDir dir;
    const auto src = plaza::test::sample_folder(dir, kMadrid);
    plaza::test::write_file(
        src / "sessions.csv",
        "id,title,start,end,room,speakers\n"
        "saturday,Saturday opening,2024-03-30 10:00,2024-03-30 11:00,auditorium,speaker-a\n"
        "sunday,Sunday keynote,2024-03-31 10:00,2024-03-31 11:00,auditorium,speaker-a\n"
        "skipped,In the lost hour,2024-03-31 02:30,2024-03-31 04:00,room-1,\n");
    Built b = plaza::test::build_folder(dir, src);
    REQUIRE(b.problems == std::vector<std::string>{});
    REQUIRE(b.store);
    const auto saturday = plaza::test::session_titled(*b.store, "Saturday opening");
    const auto sunday = plaza::test::session_titled(*b.store, "Sunday keynote");
    REQUIRE(saturday);
    REQUIRE(sunday);
    // 23 hours apart: the night was an hour short.
    CHECK(sunday->starts_at_ms - saturday->starts_at_ms == 23 * 3600 * 1000LL);
    CHECK(plaza::test::local_time(*b.store, saturday->starts_at_ms) == "2024-03-30 10:00");
    CHECK(plaza::test::local_time(*b.store, sunday->starts_at_ms) == "2024-03-31 10:00");
    CHECK(b.warnings == std::vector<std::string>{
                            "sessions.csv:4: start: 2024-03-31 02:30 does not exist in "
                            "Europe/Madrid (the clocks go forward) \xE2\x80\x94 read with the "
                            "offset before the change"});
}

TEST_CASE("schedule bundle: the sample bundle's offsets cover its dates") {
    TempDir dir;
    Built b = build_sample(dir);
    {
        auto db = plaza::content::Database::open_untrusted_read_only(dir / "out.plaza");
        REQUIRE(db.ok());
        auto rows = db->prepare(
            "SELECT count(*), min(starts_at), min(offset_minutes), max(offset_minutes), "
            "min(abbreviation) FROM zone_offset");
        REQUIRE(rows.ok());
        REQUIRE(rows->step());
        CHECK(rows->column_int(0) == 1);  // Madrid keeps CET until 31 March
        // From local midnight of the day before the event (2024-03-18 00:00 CET) at the latest.
        CHECK(rows->column_int(1) <= utc_ms(2024, 3, 17, 23, 0) / 1000);
        CHECK(rows->column_int(2) == 60);
        CHECK(rows->column_int(3) == 60);
        CHECK(rows->column_text(4) == "CET");
    }
    for (const auto& s : plaza::test::all_sessions(*b.store))
        CHECK(b.store->local_offset_minutes(s.starts_at_ms) == 60);
    const auto opening =
        plaza::test::session_titled(*b.store, "Opening: what 57 partnerships have learnt");
    REQUIRE(opening);
    CHECK(plaza::test::local_time(*b.store, opening->starts_at_ms) == "2024-03-19 09:30");

    // verify notices a table that no longer reaches the event's first day.
    b.store.reset();
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir / "out.plaza").c_str(), &raw) == SQLITE_OK);
        CHECK(sqlite3_exec(raw, "UPDATE zone_offset SET starts_at = 1710936000", nullptr, nullptr,
                           nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    CHECK(plaza::content::check_bundle(dir / "out.plaza") ==
          std::vector<std::string>{dir / "out.plaza" +
                                   std::string(": zone_offset starts after the event's first day "
                                               "(2024-03-19)")});
}

TEST_CASE("schedule bundle: verify refuses an offset table larger than a kiosk keeps") {
    TempDir dir;
    Built b = build_sample(dir);
    b.store.reset();
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir / "out.plaza").c_str(), &raw) == SQLITE_OK);
        // 1,000 more rows before the one the sample has: 1,001 in all.
        CHECK(sqlite3_exec(raw,
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 1000) INSERT INTO zone_offset (starts_at, offset_minutes) "
                           "SELECT 1000000000 + i * 3600, 60 FROM n",
                           nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    CHECK(plaza::content::check_bundle(dir / "out.plaza") ==
          std::vector<std::string>{dir / "out.plaza" +
                                   std::string(": zone_offset holds 1001 rows, more than the "
                                               "1000 a kiosk reads")});
}

TEST_CASE("schedule bundle: event.txt's fixed offset must be one the zone has") {
    TempDir dir;
    const auto src =
        plaza::test::sample_folder(dir, {"2024-03-19", "2024-03-21", "Europe/Madrid", 120});
    Built b = plaza::test::build_folder(dir, src);
    CHECK(b.problems == std::vector<std::string>{"event.txt:16: utc_offset_minutes: 120 is not an "
                                                 "offset of Europe/Madrid during the event (60)"});
}

TEST_CASE("schedule bundle: an export's sessions link to partnerships by their ids in the export") {
    // Session 4's id in the export is "Work Shop"; the bundle calls it work-shop.
    std::string xml = kMadridXml;
    const std::string four = "<event id=\"4\">";
    xml.replace(xml.find(four), four.size(), "<event id=\"Work Shop\">");
    auto build_with = [&](const TempDir& dir, const std::string& links) {
        plaza::test::write_file(dir.path() / "spring.xml", xml);
        const auto src = plaza::test::sample_folder(dir, kMadrid, dir / "spring.xml");
        plaza::test::write_file(src / "session-partnerships.csv", links);
        return plaza::test::build_folder(dir, src);
    };

    TempDir dir;
    Built b = build_with(dir,
                         "session,partnerships\n"
                         "3,icp-circular-lodz-seoul;ghent-fair-garments\n"
                         "1,ghent-fair-garments\n"
                         "Work Shop,icp-air-lisboa-taipei\n");
    REQUIRE(b.problems == std::vector<std::string>{});
    REQUIRE(b.store);
    CHECK(b.check == std::vector<std::string>{});
    const auto& store = *b.store;
    const auto keynote = plaza::test::session_titled(store, "Sunday keynote");
    REQUIRE(keynote);
    plaza::content::SessionDetail detail;
    REQUIRE(store.session_detail(keynote->id, detail));
    REQUIRE(detail.partnerships.size() == 2);  // in the order the row gives
    CHECK(detail.partnerships[0].title == "Repair and reuse at city scale: Łódź and 서울 Seoul");
    CHECK(detail.partnerships[1].title == "Fair garment value chains: Ghent and Đà Nẵng");
    const std::int64_t garments = detail.partnerships[1].id;
    const auto workshop = plaza::test::session_titled(store, "Sunday workshop");
    REQUIRE(workshop);
    REQUIRE(store.session_detail(workshop->id, detail));
    REQUIRE(detail.partnerships.size() == 1);
    CHECK(detail.partnerships[0].title == "Clean air street by street: Lisboa and 台北 Taipei");

    // The profile lists its sessions by start time, whatever order the file gave.
    const auto profile = store.partnership_profile(garments);
    REQUIRE(profile.sessions.size() == 2);
    CHECK(profile.sessions[0].title == "Saturday opening");
    CHECK(profile.sessions[1].title == "Sunday keynote");
    CHECK(profile.sessions[1].speakers.size() == 2);

    // The bundle's own id for a session works as well; unknown ids name the export.
    TempDir by_bundle_id;
    CHECK(build_with(by_bundle_id, "session,partnerships\nwork-shop,icp-air-lisboa-taipei\n")
              .problems == std::vector<std::string>{});
    TempDir unknown;
    CHECK(build_with(unknown, "session,partnerships\n99,icp-air-lisboa-taipei\n").problems ==
          std::vector<std::string>{"session-partnerships.csv:2: session: unknown session '99' "
                                   "(not in schedule/spring.xml)"});
}

TEST_CASE("schedule bundle: session_partnership is checked when present and optional") {
    TempDir dir;
    Built b = build_sample(dir);
    const auto fair = plaza::test::session_titled(
        *b.store, "Buying and making garments fairly: Ghent and Đà Nẵng");
    REQUIRE(fair);
    plaza::content::SessionDetail detail;
    REQUIRE(b.store->session_detail(fair->id, detail));
    REQUIRE(detail.partnerships.size() == 1);
    const std::int64_t garments = detail.partnerships[0].id;
    CHECK(b.store->partnership_profile(garments).sessions.size() == 1);
    b.store.reset();

    auto run_sql = [&](const char* sql) {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir / "out.plaza").c_str(), &raw) == SQLITE_OK);
        CHECK(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    };
    // A link to a partnership the bundle does not have is a broken reference.
    run_sql("UPDATE session_partnership SET partnership_id = 999 WHERE partnership_id = 1");
    CHECK(plaza::content::check_bundle(dir / "out.plaza") ==
          std::vector<std::string>{
              dir / "out.plaza" +
              std::string(": a row of session_partnership refers to a missing row of "
                          "partnership (partnership_id 999)")});

    // A bundle made before the table existed passes, and shows no links.
    run_sql("DROP TABLE session_partnership");
    CHECK(plaza::content::check_bundle(dir / "out.plaza") == std::vector<std::string>{});
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    REQUIRE(store->session_detail(fair->id, detail));
    CHECK(detail.partnerships.empty());
    CHECK(store->partnership_profile(garments).sessions.empty());
    CHECK(store->partnership_profile(garments).title ==
          "Fair garment value chains: Ghent and Đà Nẵng");
}
