// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk looking after itself, in core: the idle timer, display hours, the clock check for
// the programme, the attract loop's motion, and the calendar entry behind a session's QR code.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/attract_motion.h"
#include "core/civil_time.h"
#include "core/ical_event.h"
#include "core/inactivity.h"
#include "core/opening_hours.h"
#include "core/schedule_clock.h"

using namespace plaza::core;

TEST_CASE("the idle timer asks after the timeout, counts down, then expires") {
    InactivityTimer timer({90.0, 20.0}, 1000.0);
    CHECK(timer.phase(1089.9) == InactivityPhase::active);
    CHECK(timer.next_change_at(1000.0) == doctest::Approx(1090.0));
    CHECK(timer.phase(1090.0) == InactivityPhase::asking);
    CHECK(timer.countdown(1090.0) == 20);
    CHECK(timer.countdown(1090.5) == 20);
    CHECK(timer.next_change_at(1090.5) == doctest::Approx(1091.0));
    CHECK(timer.countdown(1109.2) == 1);
    CHECK(timer.phase(1110.0) == InactivityPhase::expired);
    CHECK(timer.countdown(1110.0) == 0);
    CHECK(std::isinf(timer.next_change_at(1110.0)));
}

TEST_CASE("a touch while asking extends the time by a whole timeout") {
    InactivityTimer timer({30.0, 10.0}, 0.0);
    REQUIRE(timer.phase(35.0) == InactivityPhase::asking);
    timer.touched(35.0);
    CHECK(timer.phase(36.0) == InactivityPhase::active);
    CHECK(timer.phase(64.9) == InactivityPhase::active);
    CHECK(timer.phase(65.0) == InactivityPhase::asking);
    CHECK(timer.phase(75.0) == InactivityPhase::expired);
}

TEST_CASE("display hours, also across midnight, and a touch lights the screen for a while") {
    CHECK(OpeningHours{450, 1200}.contains(450));
    CHECK_FALSE(OpeningHours{450, 1200}.contains(1200));
    CHECK(OpeningHours{1320, 120}.contains(60));
    CHECK_FALSE(OpeningHours{1320, 120}.contains(600));
    ScreenHours always;
    CHECK(always.lit(0.0, 200));
    ScreenHours hours(OpeningHours{450, 1200}, 60.0);
    CHECK_FALSE(hours.lit(10.0, 1300));
    hours.touched(10.0);
    CHECK(hours.lit(69.0, 1300));
    CHECK_FALSE(hours.lit(70.0, 1300));
    CHECK(hours.lit(500.0, 600));
}

TEST_CASE("the clock is not believed before the bundle was built or months from the event") {
    const std::int64_t built = *parse_iso8601_instant("2024-03-01T00:00:00Z");
    const std::int64_t first = *parse_iso8601_instant("2024-03-19T08:30:00Z");
    const std::int64_t last = *parse_iso8601_instant("2024-03-21T17:00:00Z");
    CHECK(clock_plausible(*parse_iso8601_instant("2024-03-20T10:00:00Z"), built, first, last));
    CHECK(clock_plausible(*parse_iso8601_instant("2024-04-10T10:00:00Z"), built, first, last));
    CHECK_FALSE(
        clock_plausible(*parse_iso8601_instant("2024-02-28T10:00:00Z"), built, first, last));
    CHECK_FALSE(clock_plausible(0, built, first, last));
    CHECK_FALSE(
        clock_plausible(*parse_iso8601_instant("2025-03-20T10:00:00Z"), built, first, last));
    CHECK(clock_plausible(*parse_iso8601_instant("2024-02-28T10:00:00Z"), 0, first, last));
    CHECK(event_phase(first - 1, first, last) == EventPhase::before);
    CHECK(event_phase(first, first, last) == EventPhase::during);
    CHECK(event_phase(last, first, last) == EventPhase::after);
}

TEST_CASE("slides take turns with fades, and the drift covers an area slowly") {
    CHECK(slide_at(0.0, 3, 10.0, 1.0).index == 0);
    CHECK(slide_at(0.0, 3, 10.0, 1.0).opacity == doctest::Approx(0.0));
    CHECK(slide_at(5.0, 3, 10.0, 1.0).opacity == doctest::Approx(1.0));
    CHECK(slide_at(9.5, 3, 10.0, 1.0).opacity == doctest::Approx(0.5));
    CHECK(slide_at(25.0, 3, 10.0, 1.0).index == 2);
    CHECK(slide_at(31.0, 3, 10.0, 1.0).index == 0);
    CHECK(slide_at(3.0, 0, 10.0, 1.0).index == 0);
    float min_x = 1, max_x = -1, min_y = 1, max_y = -1;
    for (int s = 0; s < 600; ++s) {
        const Drift d = drift_at(s, 180.0);
        min_x = std::min(min_x, d.x), max_x = std::max(max_x, d.x);
        min_y = std::min(min_y, d.y), max_y = std::max(max_y, d.y);
        // Slow: never more than a hundredth of the range in half a second.
        const Drift e = drift_at(s + 0.5, 180.0);
        CHECK(std::fabs(e.x - d.x) < 0.02f);
    }
    CHECK(max_x - min_x > 1.9f);
    CHECK(max_y - min_y > 1.9f);
}

TEST_CASE("a session as a VEVENT: UTC times, escaped text, folded lines") {
    CalendarEntry e;
    e.uid = "session-7@abc";
    e.stamp_ms = *parse_iso8601_instant("2024-03-01T00:00:00Z");
    e.starts_at_ms = *parse_iso8601_instant("2024-03-31T10:00:00+02:00");
    e.ends_at_ms = *parse_iso8601_instant("2024-03-31T11:30:00+02:00");
    e.summary = "Water; waste, and \\ cities\nin Łódź";
    e.location = "Room 1";
    const std::string text = make_vevent(e);
    CHECK(text.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") == 0);
    CHECK(text.find("BEGIN:VEVENT\r\n") != std::string::npos);
    CHECK(text.find("DTSTART:20240331T080000Z\r\n") != std::string::npos);
    CHECK(text.find("DTEND:20240331T093000Z\r\n") != std::string::npos);
    CHECK(text.find("DTSTAMP:20240301T000000Z\r\n") != std::string::npos);
    CHECK(text.find("SUMMARY:Water\\; waste\\, and \\\\ cities\\nin Łódź\r\n") !=
          std::string::npos);
    CHECK(text.find("LOCATION:Room 1\r\n") != std::string::npos);
    CHECK(text.find("DESCRIPTION") == std::string::npos);
    CHECK(text.rfind("END:VCALENDAR\r\n") == text.size() - 15);

    e.ends_at_ms = e.starts_at_ms;  // no length known: no DTEND
    e.summary = std::string(70, 'a') + "ŁŁŁŁŁŁŁŁŁŁ";
    const std::string folded = make_vevent(e);
    CHECK(folded.find("DTEND") == std::string::npos);
    size_t start = 0;
    while (start < folded.size()) {
        const size_t end = folded.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        // Never cut inside a UTF-8 sequence: a continuation line starts with a space and then
        // a lead byte.
        if (folded[start] == ' ' && end > start + 1)
            CHECK((static_cast<unsigned char>(folded[start + 1]) & 0xC0) != 0x80);
        start = end + 2;
    }
}
