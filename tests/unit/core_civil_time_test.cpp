// SPDX-License-Identifier: GPL-3.0-or-later
// core civil time: days from dates, dates from Unix ms at an offset, ISO 8601 parsing/formatting.
#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/civil_time.h"

using namespace plaza::core;

namespace {
constexpr std::int64_t kDayMs = 86400000;
}

TEST_CASE("civil time: days_from_civil around the epoch and leap days") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1970, 1, 2) == 1);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2);  // 2000 is leap
    CHECK(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28) == 1);  // 1900 is not
    CHECK(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28) == 2);
    CHECK(days_from_civil(2023, 3, 1) - days_from_civil(2023, 2, 28) == 1);
    CHECK(days_from_civil(2025, 1, 1) - days_from_civil(2024, 1, 1) == 366);
    CHECK(days_from_civil(2024, 1, 1) == 19723);
}

TEST_CASE("civil time: the epoch is Thursday 1970-01-01 00:00:00") {
    const CivilTime t = civil_from_unix_ms(0, 0);
    CHECK(t.year == 1970);
    CHECK(t.month == 1);
    CHECK(t.day == 1);
    CHECK(t.hour == 0);
    CHECK(t.minute == 0);
    CHECK(t.second == 0);
    CHECK(t.weekday == 4);
}

TEST_CASE("civil time: negative times round down to the previous second and day") {
    const CivilTime t = civil_from_unix_ms(-1, 0);
    CHECK(t.year == 1969);
    CHECK(t.month == 12);
    CHECK(t.day == 31);
    CHECK(t.hour == 23);
    CHECK(t.minute == 59);
    CHECK(t.second == 59);
    CHECK(t.weekday == 3);  // Wednesday

    const CivilTime u = civil_from_unix_ms(-1000, 0);
    CHECK(u.second == 59);
    CHECK(u.day == 31);
    const CivilTime v = civil_from_unix_ms(-1001, 0);
    CHECK(v.second == 58);

    const CivilTime old = civil_from_unix_ms(days_from_civil(1900, 3, 1) * kDayMs, 0);
    CHECK(old.year == 1900);
    CHECK(old.month == 3);
    CHECK(old.day == 1);
    CHECK(old.weekday == 4);  // 1900-03-01 was a Thursday
}

TEST_CASE("civil time: weekdays for a whole week either side of the epoch") {
    // 1970-01-04 was a Sunday; -7..+13 days covers negative and positive day counts.
    for (int d = -7; d <= 13; ++d) {
        CAPTURE(d);
        const int expected = ((d - 3) % 7 + 7) % 7;
        CHECK(civil_from_unix_ms(d * kDayMs, 0).weekday == expected);
        CHECK(civil_from_unix_ms(d * kDayMs + kDayMs - 1, 0).weekday == expected);
    }
    CHECK(civil_from_unix_ms(days_from_civil(2024, 3, 20) * kDayMs, 0).weekday == 3);  // Wed
    CHECK(civil_from_unix_ms(days_from_civil(2000, 1, 1) * kDayMs, 0).weekday == 6);   // Sat
}

TEST_CASE("civil time: the leap day and the days around it") {
    const std::int64_t leap = days_from_civil(2024, 2, 29) * kDayMs;
    const CivilTime t = civil_from_unix_ms(leap + 12 * 3600000, 0);
    CHECK(t.month == 2);
    CHECK(t.day == 29);
    CHECK(t.weekday == 4);  // Thursday
    const CivilTime next = civil_from_unix_ms(leap + kDayMs, 0);
    CHECK(next.month == 3);
    CHECK(next.day == 1);
    const CivilTime y2k = civil_from_unix_ms(days_from_civil(2000, 2, 29) * kDayMs, 0);
    CHECK(y2k.month == 2);
    CHECK(y2k.day == 29);
}

TEST_CASE("civil time: the offset moves the local date across midnight both ways") {
    const std::int64_t t = *parse_iso8601_instant("2024-12-31T23:30:00Z");
    const CivilTime east = civil_from_unix_ms(t, 60);
    CHECK(east.year == 2025);
    CHECK(east.month == 1);
    CHECK(east.day == 1);
    CHECK(east.hour == 0);
    CHECK(east.minute == 30);
    CHECK(east.weekday == 3);  // Wednesday 2025-01-01

    const std::int64_t early = *parse_iso8601_instant("2024-03-01T01:00:00Z");
    const CivilTime west = civil_from_unix_ms(early, -5 * 60 - 30);
    CHECK(west.month == 2);
    CHECK(west.day == 29);
    CHECK(west.hour == 19);
    CHECK(west.minute == 30);
}

TEST_CASE("civil time: ISO 8601 instants with offsets, Z and fractions") {
    CHECK(parse_iso8601_instant("1970-01-01T00:00:00Z") == 0);
    CHECK(parse_iso8601_instant("1970-01-01T01:00:00+01:00") == 0);
    CHECK(parse_iso8601_instant("1969-12-31T19:00:00-05:00") == 0);
    CHECK(parse_iso8601_instant("1969-12-31T23:59:59Z") == -1000);
    CHECK(parse_iso8601_instant("2024-03-20T10:30:00+01:00") == 1710927000000);
    CHECK(parse_iso8601_instant("2024-03-20 09:30:00Z") == 1710927000000);
    CHECK(parse_iso8601_instant("2024-03-20T09:30Z") == 1710927000000);  // seconds optional
    CHECK(parse_iso8601_instant("1970-01-01T00:00:00.5Z") == 500);
    CHECK(parse_iso8601_instant("1970-01-01T00:00:00.123Z") == 123);
    CHECK(parse_iso8601_instant("1970-01-01T00:00:00.1239Z") == 123);
    CHECK(parse_iso8601_instant("2024-02-29T00:00:00Z") == days_from_civil(2024, 2, 29) * kDayMs);
}

TEST_CASE("civil time: malformed instants and instants without an offset are refused") {
    for (const char* bad :
         {"", "2024", "2024-03-20", "2024-03-20T10:30:00", "2024-03-20T10:30",
          "2024-03-20T10:30:00+0100", "2024-03-20T10:30:00+01", "2024-3-20T10:30Z",
          "2024-03-20T10:30:00ZZ", "2024-03-20T10:30:00.Z", "2024-13-01T00:00Z",
          "2024-00-01T00:00Z", "2024-01-32T00:00Z", "2024-01-00T00:00Z", "2024-01-01T24:00Z",
          "2024-01-01T10:60Z", "2024-01-01T10:00:00+19:00", "2024-01-01x10:00Z",
          "abcd-01-01T00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso8601_instant(bad).has_value());
    }
}

TEST_CASE("civil time: days that the month does not have are refused") {
    for (const char* bad : {"2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2100-02-29T00:00:00Z",
                            "2024-04-31T00:00:00Z", "2024-06-31T00:00:00Z", "2024-09-31T00:00Z",
                            "2024-11-31T00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso8601_instant(bad).has_value());
    }
    CHECK(parse_iso8601_instant("2000-02-29T00:00:00Z").has_value());
    CHECK(parse_iso8601_instant("2024-12-31T00:00:00Z").has_value());
    CHECK(parse_iso8601_instant("2024-04-30T00:00:00Z").has_value());
}

TEST_CASE("civil time: format_iso8601 writes the local time with its offset and round-trips") {
    CHECK(format_iso8601(0, 0) == "1970-01-01T00:00:00+00:00");
    CHECK(format_iso8601(1710927000000, 60) == "2024-03-20T10:30:00+01:00");
    CHECK(format_iso8601(1710927000000, -330) == "2024-03-20T04:00:00-05:30");
    CHECK(format_iso8601(-1000, 0) == "1969-12-31T23:59:59+00:00");
    for (const char* text : {"2024-03-20T10:30:00+01:00", "2024-02-29T23:59:59-09:30",
                             "1969-07-20T20:17:40+00:00", "2038-01-19T03:14:08+14:00"}) {
        CAPTURE(text);
        const auto ms = parse_iso8601_instant(text);
        REQUIRE(ms.has_value());
        const std::string s(text);
        const int sign = s[19] == '-' ? -1 : 1;
        const int offset = sign * (std::stoi(s.substr(20, 2)) * 60 + std::stoi(s.substr(23, 2)));
        CHECK(format_iso8601(*ms, offset) == text);
    }
}
