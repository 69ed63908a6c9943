// SPDX-License-Identifier: GPL-3.0-or-later
// Schedules as calendar programs and schedule generators write them (issue 19): a Google Calendar
// export with a recurring event, an EXDATE and a changed occurrence, invitees as ATTENDEEs and a
// title marked CANCELLED; an Evolution export carrying its own X-LIC-ERROR line; a pentabarf-style
// file whose events sit directly under <day>. tests/data/calendars/SOURCES.md describes them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bundle/schedule/schedule_import.h"
#include "schedule_test_support.h"

using namespace plaza::schedule;
using namespace plaza::schedule::test;

namespace {

std::string calendar(const std::string& name) {
    return std::string(PLAZA_SOURCE_DIR) + "/tests/data/calendars/" + name;
}

ImportedSchedule import_ok(const std::string& name, const ImportOptions& options) {
    auto r = import_schedule_file(calendar(name), options);
    INFO((r ? std::string() : r.error()));
    REQUIRE(r.ok());
    return std::move(r.value());
}

ImportOptions event_dates(const std::string& first, const std::string& last) {
    ImportOptions o = with_tz("Europe/Madrid");
    o.first_day = first;
    o.last_day = last;
    return o;
}

std::vector<std::string> starts_of(const ImportedSchedule& s, const std::string& title) {
    std::vector<std::string> out;
    for (const Session& session : s.sessions)
        if (session.title.text == title) out.push_back(local_start(s, session));
    return out;
}

}  // namespace

TEST_CASE(
    "calendar exports: a recurring event becomes one session per day, EXDATE and "
    "RECURRENCE-ID honoured") {
    const ImportedSchedule s =
        import_ok("google-calendar-recurring.ics", event_dates("2024-03-18", "2024-03-22"));
    // Daily from the 18th, five times: the 20th is excluded, the 21st moved to 10:00.
    CHECK(starts_of(s, "Morning welcome") ==
          std::vector<std::string>{"2024-03-18 09:00", "2024-03-19 09:00", "2024-03-21 10:00",
                                   "2024-03-22 09:00"});
    const Session* moved = nullptr;
    for (const Session& session : s.sessions)
        if (local_start(s, session) == "2024-03-21 10:00") moved = &session;
    REQUIRE(moved != nullptr);
    CHECK(moved->end_ms - moved->start_ms == 30 * 60000);
    CHECK(has_warning(s,
                      "1 recurring event(s) (RRULE) expanded into 3 session(s) from "
                      "2024-03-18 to 2024-03-22 (the event's dates)"));
    CHECK(s.sessions.size() == 6);
}

TEST_CASE("calendar exports: occurrences outside the event's dates are left out") {
    const ImportedSchedule s =
        import_ok("google-calendar-recurring.ics", event_dates("2024-03-19", "2024-03-20"));
    // The moved occurrence on the 21st is an event of its own, kept like any other; the rule's
    // occurrences stop at the event's last day.
    CHECK(starts_of(s, "Morning welcome") ==
          std::vector<std::string>{"2024-03-19 09:00", "2024-03-21 10:00"});
    CHECK(has_warning(s, "expanded into 1 session(s) from 2024-03-19 to 2024-03-20"));
}

TEST_CASE("calendar exports: without the event's dates, the other events' dates bound them") {
    const ImportedSchedule s = import_ok("google-calendar-recurring.ics", with_tz("Europe/Madrid"));
    CHECK(starts_of(s, "Morning welcome") ==
          std::vector<std::string>{"2024-03-19 09:00", "2024-03-21 10:00"});
    CHECK(has_warning(s, "(the dates of the file's other events)"));
}

TEST_CASE("calendar exports: invitees are not speakers, named ones stay") {
    const ImportedSchedule s =
        import_ok("google-calendar-recurring.ics", event_dates("2024-03-18", "2024-03-22"));
    CHECK(s.speakers.empty());
    CHECK(has_warning(s, "ATTENDEE(s) with an e-mail address or a reply"));
    // The FOSDEM app lists speakers as ATTENDEEs with their speaker page, no e-mail address.
    auto fosdem = import_schedule_file(real_file("fosdem-2024-companion-selection.ics"),
                                       with_tz("Europe/Brussels"));
    REQUIRE(fosdem.ok());
    CHECK(fosdem->speakers.size() == 29);
}

TEST_CASE("calendar exports: CANCELLED in capitals marks the session, a title's own word not") {
    const ImportedSchedule s =
        import_ok("google-calendar-recurring.ics", event_dates("2024-03-18", "2024-03-22"));
    const Session* visit = find_session(s, "Site visit to the tram depot");
    REQUIRE(visit != nullptr);
    CHECK(visit->status == SessionStatus::cancelled);
    const Session* talk = find_session(s, "Cancelled workshops and what they taught us");
    REQUIRE(talk != nullptr);
    CHECK(talk->status == SessionStatus::confirmed);
}

TEST_CASE("calendar exports: X-LIC-ERROR lines already in a file are said to be the file's") {
    const ImportedSchedule s =
        import_ok("evolution-with-x-lic-error.ics", event_dates("2024-03-19", "2024-03-20"));
    CHECK(s.sessions.size() == 2);
    CHECK(has_warning(s,
                      "1 X-LIC-ERROR line(s) were already in the file, left there by the "
                      "program that wrote it (first: No value for LOCATION property. Removing "
                      "entire property:)"));
    CHECK_FALSE(has_warning(s, "libical could not parse"));
}

TEST_CASE("calendar exports: pentabarf events directly under <day> are read, rooms and all") {
    const ImportedSchedule s =
        import_ok("pentabarf-events-under-day.xml", with_tz("Europe/Madrid"));
    REQUIRE(s.sessions.size() == 3);
    CHECK(s.days.size() == 2);
    CHECK(s.rooms.size() == 2);
    const Session* air = find_session(s, "Clean air in Łódź and Ghent");
    REQUIRE(air != nullptr);
    CHECK(local_start(s, *air) == "2024-03-19 11:00");
    CHECK(s.rooms.at(static_cast<size_t>(air->room)).name.text == "Room 2");
    CHECK(s.speakers.size() == 2);
}
