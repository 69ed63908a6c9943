// SPDX-License-Identifier: GPL-3.0-or-later
// Time zones for schedule import: TZif reading, daylight-saving changes inside an event
// (Europe/Madrid), half-hour zones, the POSIX footer rule past the table, and local times that a
// DST change skips or repeats.
#include <doctest/doctest.h>

#include <string>

#include "bundle/schedule/time_zone_db.h"
#include "schedule_test_support.h"

using namespace plaza::schedule;
using namespace plaza::schedule::test;
using plaza::core::days_from_civil;

namespace {

std::int64_t utc_ms(int y, int mo, int d, int h, int mi) {
    return (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60) * 1000LL;
}

TimeZone load(const std::string& name) {
    auto z = TimeZone::load(name);
    CAPTURE(z.error());
    REQUIRE(z.ok());
    return z.value();
}

// A Barcelona-style event across the end of summer time (Sunday 2024-10-27, 03:00 CEST ->
// 02:00 CET), written as frab XML without <date> so local times must be converted.
const char* const kMadridXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>Partnerships for Sustainable Cities - global meeting (illustrative)</title>
    <time_zone_name>Europe/Madrid</time_zone_name>
    <day_change>06:00:00</day_change>
  </conference>
  <day index="1" date="2024-10-26">
    <room name="Sala A">
      <event id="1"><start>10:00</start><duration>01:00</duration><room>Sala A</room>
        <title>Saturday morning</title></event>
      <event id="2"><start>23:30</start><duration>04:00</duration><room>Sala A</room>
        <title>Night across the change</title></event>
      <event id="3"><start>02:30</start><duration>00:30</duration><room>Sala B</room>
        <title>Twice at half past two</title></event>
    </room>
  </day>
  <day index="2" date="2024-10-27">
    <room name="Sala A">
      <event id="4"><start>10:00</start><duration>01:00</duration><room>Sala A</room>
        <title>Sunday morning</title></event>
    </room>
  </day>
</schedule>
)";

}  // namespace

TEST_CASE("schedule time zones: Europe/Madrid offsets around both 2024 changes") {
    const TimeZone madrid = load("Europe/Madrid");
    CHECK(madrid.offset_seconds_at(utc_ms(2024, 3, 31, 0, 59) / 1000) == 3600);
    CHECK(madrid.offset_seconds_at(utc_ms(2024, 3, 31, 1, 0) / 1000) == 7200);
    CHECK(madrid.offset_seconds_at(utc_ms(2024, 10, 27, 0, 59) / 1000) == 7200);
    CHECK(madrid.offset_seconds_at(utc_ms(2024, 10, 27, 1, 0) / 1000) == 3600);
    const auto offsets =
        madrid.offsets_between(utc_ms(2024, 10, 20, 0, 0), utc_ms(2024, 11, 1, 0, 0));
    REQUIRE(offsets.size() == 2);
    CHECK(offsets[0].offset_minutes == 120);
    CHECK(offsets[0].abbreviation == "CEST");
    CHECK(offsets[0].dst);
    CHECK(offsets[1].from_ms == utc_ms(2024, 10, 27, 1, 0));
    CHECK(offsets[1].offset_minutes == 60);
    CHECK(offsets[1].abbreviation == "CET");
}

TEST_CASE("schedule time zones: the POSIX footer rule gives the same answers as the table") {
    // Debian's fat TZif files list transitions until 2037; later years come from the footer
    // ("CET-1CEST,M3.5.0,M10.5.0/3"). 2050: last Sunday of March is the 27th, of October the 30th.
    const TimeZone madrid = load("Europe/Madrid");
    CHECK(madrid.offset_seconds_at(utc_ms(2050, 3, 27, 0, 59) / 1000) == 3600);
    CHECK(madrid.offset_seconds_at(utc_ms(2050, 3, 27, 1, 0) / 1000) == 7200);
    CHECK(madrid.offset_seconds_at(utc_ms(2050, 10, 30, 0, 59) / 1000) == 7200);
    CHECK(madrid.offset_seconds_at(utc_ms(2050, 10, 30, 1, 0) / 1000) == 3600);
    // Southern hemisphere: Adelaide is on ACDT (+10:30) over new year.
    const TimeZone adelaide = load("Australia/Adelaide");
    CHECK(adelaide.offset_seconds_at(utc_ms(2051, 1, 1, 0, 0) / 1000) == 37800);
    CHECK(adelaide.offset_seconds_at(utc_ms(2051, 7, 1, 0, 0) / 1000) == 34200);
    const auto offsets =
        adelaide.offsets_between(utc_ms(2050, 1, 1, 0, 0), utc_ms(2051, 1, 1, 0, 0));
    REQUIRE(offsets.size() == 3);  // ACDT, ACST from April, ACDT from October
    CHECK(offsets[1].offset_minutes == 570);
    CHECK(offsets[2].offset_minutes == 630);
}

TEST_CASE("schedule time zones: skipped and repeated local times") {
    const TimeZone madrid = load("Europe/Madrid");
    plaza::core::CivilTime t;
    t.year = 2024, t.month = 3, t.day = 31, t.hour = 2, t.minute = 30;
    auto r = madrid.to_unix(t);
    CHECK(r.skipped);
    CHECK(r.unix_seconds * 1000 == utc_ms(2024, 3, 31, 1, 30));  // read with +01:00
    t.month = 10, t.day = 27;
    r = madrid.to_unix(t);
    CHECK(r.repeated);
    CHECK(r.unix_seconds * 1000 == utc_ms(2024, 10, 27, 0, 30));  // the first 02:30, CEST
    t.hour = 12, t.minute = 0;
    r = madrid.to_unix(t);
    CHECK_FALSE(r.skipped);
    CHECK_FALSE(r.repeated);
    CHECK(r.unix_seconds * 1000 == utc_ms(2024, 10, 27, 11, 0));
}

TEST_CASE("schedule time zones: names that are not zones are refused") {
    for (const char* bad :
         {"", "../../etc/passwd", "/etc/localtime", "Europe/Atlantis", "W. Europe Standard Time",
          // Folders of the zone database (a fuzzed TZID=Europe/ ended the import by throwing).
          "Europe", "Europe/"}) {
        CAPTURE(bad);
        auto z = TimeZone::load(bad);
        CHECK_FALSE(z.ok());
        CHECK_FALSE(z.error().empty());
    }
}

TEST_CASE("schedule import: an event spanning the Europe/Madrid DST change") {
    auto r = import_schedule_data(kMadridXml, "madrid.xml");
    CAPTURE(r.error());
    REQUIRE(r.ok());
    const ImportedSchedule& s = r.value();
    CHECK(s.zone == "Europe/Madrid");
    REQUIRE(s.utc_offsets.size() == 2);
    CHECK(s.utc_offsets[0].offset_minutes == 120);
    CHECK(s.utc_offsets[1].offset_minutes == 60);
    CHECK(s.utc_offsets[1].from_ms == utc_ms(2024, 10, 27, 1, 0));

    const Session* saturday = find_session(s, "Saturday morning");
    const Session* sunday = find_session(s, "Sunday morning");
    const Session* night = find_session(s, "Night across the change");
    const Session* twice = find_session(s, "Twice at half past two");
    REQUIRE(saturday);
    REQUIRE(sunday);
    REQUIRE(night);
    REQUIRE(twice);
    CHECK(saturday->start_ms == utc_ms(2024, 10, 26, 8, 0));  // 10:00 CEST
    CHECK(sunday->start_ms == utc_ms(2024, 10, 27, 9, 0));    // 10:00 CET
    CHECK(local_start(s, *saturday) == "2024-10-26 10:00");
    CHECK(local_start(s, *sunday) == "2024-10-27 10:00");
    // 23:30 CEST plus four hours of real time ends at 02:30 CET on the wall clock.
    CHECK(night->end_ms - night->start_ms == 4 * 3600 * 1000LL);
    // 02:30 is before the 06:00 day change: next calendar date, still conference day 1.
    CHECK(twice->start_ms == utc_ms(2024, 10, 27, 0, 30));
    CHECK(s.days[twice->day].date == "2024-10-26");
    CHECK(has_warning(s, "occur twice"));
    CHECK(has_warning(s, "have no <date>"));
}

TEST_CASE("schedule import: iCalendar with TZID=Europe/Madrid over the change") {
    const std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Madrid:20241026T180000\r\n"
        "DTEND;TZID=Europe/Madrid:20241026T190000\r\nSUMMARY:Before\r\nLOCATION:Sala A\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Europe/Madrid:20241027T180000\r\n"
        "DURATION:PT1H\r\nSUMMARY:After\r\nLOCATION:Sala A\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    auto r = import_schedule_data(ics, "madrid.ics");
    CAPTURE(r.error());
    REQUIRE(r.ok());
    const ImportedSchedule& s = r.value();
    const Session* before = find_session(s, "Before");
    const Session* after = find_session(s, "After");
    REQUIRE(before);
    REQUIRE(after);
    CHECK(before->start_ms == utc_ms(2024, 10, 26, 16, 0));
    CHECK(after->start_ms == utc_ms(2024, 10, 27, 17, 0));
    CHECK(after->end_ms - after->start_ms == 3600 * 1000LL);
    CHECK(s.days.size() == 2);
    CHECK(has_warning(s, "no VTIMEZONE"));
}
