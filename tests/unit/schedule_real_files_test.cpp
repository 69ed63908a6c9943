// SPDX-License-Identifier: GPL-3.0-or-later
// Schedule import of every real export in shared/testdata/real (see SOURCES.md there).
//
// The expected counts were taken independently of the importer, with Python (xml.etree, json and
// a regex unfolding of the .ics files), by the script kept in the change description:
//   sessions = <event> elements / JSON events / VEVENTs, minus true duplicates (same id, title,
//              start and room - none of the real files has one);
//   rooms    = distinct room names that hold at least one session;
//   speakers = distinct person ids (names where a file has no ids) referenced by sessions;
//              for iCalendar: ATTENDEE CN, pretalx's "title - a, b" SUMMARY, a leading
//              "Speaker(s): " description line, else ORGANIZER CN when it varies between events.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "schedule_test_support.h"

using namespace plaza::schedule;
using namespace plaza::schedule::test;

namespace {

struct Expected {
    const char* file;
    const char* tz;  // --tz for files that name no zone (from Giggity's menu entries)
    size_t days, rooms, sessions, speakers;
    const char* zone;
};

ImportedSchedule import_ok(const std::string& name, const std::string& tz = "") {
    auto r = import_schedule_file(real_file(name), with_tz(tz));
    CAPTURE(name);
    CAPTURE(r.error());
    REQUIRE(r.ok());
    return r.value();
}

// Every string the model holds, to prove what does not reach it.
std::string all_text(const ImportedSchedule& s) {
    std::string out;
    auto add = [&](const LocalText& t) {
        out += t.text + "\n";
        for (const auto& [lang, text] : t.by_lang)
            out += lang + text + "\n";
    };
    add(s.title);
    for (const Room& r : s.rooms)
        add(r.name);
    for (const Track& t : s.tracks)
        add(t.name);
    for (const Speaker& p : s.speakers) {
        out += p.id + p.name + p.organisation + "\n";
        add(p.biography);
        for (const Link& l : p.links)
            out += l.url + l.title + "\n";
    }
    for (const Session& x : s.sessions) {
        out += x.id + x.guid + x.type + x.language + "\n";
        add(x.title);
        add(x.subtitle);
        add(x.abstract);
        add(x.description);
        for (const Link& l : x.links)
            out += l.url + l.title + "\n";
    }
    for (const ImportWarning& w : s.warnings)
        out += w.where + w.what + w.action + "\n";
    return out;
}

}  // namespace

TEST_CASE("schedule import: every real export imports with independently counted totals") {
    const Expected files[] = {
        {"fosdem-2024-schedule.xml", "", 2, 29, 876, 945, "Europe/Brussels"},
        {"fosdem-2025-schedule.xml", "", 2, 35, 1074, 1123, "Europe/Brussels"},
        {"31c3-schedule.xml", "Europe/Berlin", 4, 4, 138, 198, "Europe/Berlin"},
        {"camp2019-frab-schedule.json", "", 5, 2, 79, 90, "Europe/Berlin"},
        {"pretalx-democon-schedule.json", "", 3, 2, 36, 27, "UTC"},
        {"pretalx-rc3-channels-schedule.json", "Europe/Berlin", 4, 5, 48, 56, "Europe/Berlin"},
        {"38c3-hub-schedule2-example.json", "", 4, 2, 2, 4, "Europe/Berlin"},
        {"pyconau-2023-schedule.ics", "", 3, 4, 94, 87, "Australia/Adelaide"},
        {"pyconau-2023-schedule-as-downloaded.ics", "", 3, 4, 94, 87, "Australia/Adelaide"},
        {"moca-2024-schedule.ics", "", 3, 4, 88, 69, "Europe/Rome"},
        {"fosdem-2024-companion-selection.ics", "Europe/Brussels", 2, 7, 26, 29, "Europe/Brussels"},
        {"coscup-2023-session.json", "Asia/Taipei", 2, 26, 352, 338, "Asia/Taipei"},
        {"giggity-tests/36c3_merged.xml", "Europe/Berlin", 4, 92, 1351, 437, "Europe/Berlin"},
        {"giggity-tests/debconf23.xml", "", 8, 5, 117, 87, "Asia/Kolkata"},
        {"giggity-tests/fosdem_2021.xml", "Europe/Brussels", 2, 106, 773, 684, "Europe/Brussels"},
        {"giggity-tests/jres_2022.ics", "", 4, 15, 120, 0, "Europe/Paris"},
        {"giggity-tests/kielux_2020.ics", "Europe/Berlin", 2, 4, 24, 20, "Europe/Berlin"},
        {"giggity-tests/linux_conf_au_2020.ics", "", 6, 7, 262, 151, "Australia/Brisbane"},
    };
    for (const Expected& e : files) {
        CAPTURE(e.file);
        const ImportedSchedule s = import_ok(e.file, e.tz);
        CHECK(s.days.size() == e.days);
        CHECK(s.rooms.size() == e.rooms);
        CHECK(s.sessions.size() == e.sessions);
        CHECK(s.speakers.size() == e.speakers);
        CHECK(s.zone == e.zone);
        REQUIRE_FALSE(s.utc_offsets.empty());
        // Every session sits on a day, its offsets are covered, and ids are unique.
        std::set<std::string> ids;
        for (const Session& x : s.sessions) {
            CHECK(x.day >= 0);
            CHECK(x.day < static_cast<int>(s.days.size()));
            CHECK(x.end_ms >= x.start_ms);
            CHECK(s.utc_offsets.front().from_ms <= x.start_ms);
            ids.insert(x.id);
        }
        CHECK(ids.size() == s.sessions.size());
    }
}

TEST_CASE("schedule import: named sessions start at the right local time") {
    struct Case {
        const char* file;
        const char* tz;
        const char* title;
        const char* local;
        const char* day_date;
    };
    const Case cases[] = {
        // Half-hour zone: Australia/Adelaide, UTC+09:30 in August.
        {"pyconau-2023-schedule.ics", "", "Specialist Tracks Combined Opening Address",
         "2023-08-18 09:00", "2023-08-18"},
        // Same instant from the twin whose VTIMEZONE has wrong whole-hour offsets.
        {"pyconau-2023-schedule-as-downloaded.ics", "",
         "Specialist Tracks Combined Opening Address", "2023-08-18 09:00", "2023-08-18"},
        // After midnight, but on the previous conference day (31C3 days run 11:00 to 04:00).
        {"31c3-schedule.xml", "Europe/Berlin", "Citizenfour", "2014-12-28 00:00", "2014-12-27"},
        {"31c3-schedule.xml", "Europe/Berlin", "Googlequiz \xE2\x80\x93 2015er Edition",
         "2014-12-30 00:15", "2014-12-29"},
        // schedule2: 00:15 belongs to day 1, which ends at 06:00.
        {"38c3-hub-schedule2-example.json", "",
         "A Competitive Time-Trial AI for Need for Speed:", "2024-12-28 00:15", "2024-12-27"},
        {"fosdem-2024-schedule.xml", "",
         "Copyleft and the GPL: Finding the Path Forward to Defend our Software Right to Repair",
         "2024-02-03 14:00", "2024-02-03"},
        // No <date> elements: day date + <start>.
        {"giggity-tests/fosdem_2021.xml", "Europe/Brussels", "Welcome to FOSDEM 2021",
         "2021-02-06 09:00", "2021-02-06"},
        // Declared Asia/Kolkata, timestamps in +00:00, day dates in UTC.
        {"giggity-tests/debconf23.xml", "", "Opening Ceremony", "2023-09-10 10:30", "2023-09-10"},
        // TZID without VTIMEZONE.
        {"giggity-tests/jres_2022.ics", "", "Accueil congressistes", "2022-05-17 11:00",
         "2022-05-17"},
        {"giggity-tests/linux_conf_au_2020.ics", "", "Conference Opening", "2020-01-13 09:00",
         "2020-01-13"},
        // UTC "Z" times shown in the declared zone (CEST).
        {"moca-2024-schedule.ics", "", "Closing ceremony", "2024-09-15 15:00", "2024-09-15"},
        {"giggity-tests/kielux_2020.ics", "Europe/Berlin", "Xen - ist das nicht tot?",
         "2020-09-18 14:00", "2020-09-18"},
        {"fosdem-2024-companion-selection.ics", "Europe/Brussels",
         "SemVer in the Rust ecosystem: breakage, tooling, and edge cases", "2024-02-03 10:30",
         "2024-02-03"},
        {"camp2019-frab-schedule.json", "", "Opening Ceremony", "2019-08-21 11:00", "2019-08-21"},
        {"pretalx-rc3-channels-schedule.json", "",
         "Der faule Admin automatisiert: Gluon auf echter Hardware testen", "2020-12-27 11:30",
         "2020-12-27"},
        {"coscup-2023-session.json", "",
         "\xE9\x86\xAB\xE8\xB3\x87\xE6\xA8\x99\xE6\xBA\x96\xE7\x9A"
         "\x84\xE6\x95\x99\xE8\x82\xB2\xE6\x8E\xA8\xE5\xBB\xA3",
         "2023-07-29 12:35", "2023-07-29"},
        {"giggity-tests/36c3_merged.xml", "Europe/Berlin", "Opening Ceremony", "2019-12-27 11:00",
         "2019-12-27"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        CAPTURE(c.title);
        const ImportedSchedule s = import_ok(c.file, c.tz);
        const Session* x = find_session(s, c.title);
        REQUIRE(x != nullptr);
        CHECK(local_start(s, *x) == c.local);
        CHECK(s.days[x->day].date == c.day_date);
    }
}

TEST_CASE("schedule import: the half-hour zone is carried as offsets, not as a zone name") {
    const ImportedSchedule s = import_ok("pyconau-2023-schedule.ics");
    const Session* x = find_session(s, "Specialist Tracks Combined Opening Address");
    REQUIRE(x != nullptr);
    // 2023-08-18 09:00 ACST is 2023-08-17 23:30 UTC.
    CHECK(x->start_ms ==
          (plaza::core::days_from_civil(2023, 8, 17) * 86400 + 23 * 3600 + 1800) * 1000LL);
    REQUIRE(s.utc_offsets.size() == 1);  // no DST change in August
    CHECK(s.utc_offsets.front().offset_minutes == 570);
    CHECK(s.utc_offsets.front().abbreviation == "ACST");
    CHECK(x->speakers.size() == 5);  // "... - Pedro Junqueira, Jack Skinner, ..." in SUMMARY
}

TEST_CASE("schedule import: a wrong VTIMEZONE block is detected, the IANA name trusted") {
    const ImportedSchedule fixed = import_ok("pyconau-2023-schedule.ics");
    const ImportedSchedule original = import_ok("pyconau-2023-schedule-as-downloaded.ics");
    CHECK_FALSE(has_warning(fixed, "VTIMEZONE block"));
    CHECK(has_warning(original, "VTIMEZONE block for Australia/Adelaide declares the offsets"));
    REQUIRE(fixed.sessions.size() == original.sessions.size());
    for (size_t i = 0; i < fixed.sessions.size(); ++i)
        CHECK(fixed.sessions[i].start_ms == original.sessions[i].start_ms);
}

TEST_CASE("schedule import: quirks listed in SOURCES.md are handled and reported") {
    SUBCASE("FOSDEM 2025: cancellation only in the title") {
        const ImportedSchedule s = import_ok("fosdem-2025-schedule.xml");
        const Session* x = find_session(s, "Mobian, \"upstream first\", and the Greater Good");
        REQUIRE(x != nullptr);
        CHECK(x->status == SessionStatus::cancelled);
        CHECK(has_warning(s, "title prefix"));
        int cancelled = 0;
        for (const Session& session : s.sessions)
            cancelled += session.status == SessionStatus::cancelled;
        CHECK(cancelled == 1);
    }
    SUBCASE("FOSDEM 2024: escaped HTML abstracts become Markdown; zero-width space removed") {
        const ImportedSchedule s = import_ok("fosdem-2024-schedule.xml");
        CHECK(has_warning(s, "HTML markup"));
        CHECK(has_warning(s, "zero-width"));
        const std::string text = all_text(s);
        CHECK(text.find("\xE2\x80\x8B") == std::string::npos);  // U+200B
        CHECK(text.find("<p>") == std::string::npos);
        for (const Session& x : s.sessions)
            if (!x.abstract.text.empty()) CHECK(x.abstract_format == TextFormat::markdown);
        CHECK(text.find("\xF0\x9F\x92\x8C") != std::string::npos);  // the emoji survive
    }
    SUBCASE("31C3: soft hyphens removed; no zone named, so --tz is asked for or offsets used") {
        const ImportedSchedule s = import_ok("31c3-schedule.xml", "Europe/Berlin");
        CHECK(has_warning(s, "soft hyphens"));
        CHECK(all_text(s).find("\xC2\xAD") == std::string::npos);
        const ImportedSchedule bare = import_ok("31c3-schedule.xml");
        CHECK(bare.zone == "+01:00");
        CHECK(bare.zone_source == "offsets");
        CHECK(has_warning(bare, "names no time zone"));
        CHECK(s.languages == std::vector<std::string>{"en", "de"});
    }
    SUBCASE("rC3 pretalx: CRLF and Markdown kept as Markdown; private answers never carried") {
        const ImportedSchedule s = import_ok("pretalx-rc3-channels-schedule.json");
        const std::string text = all_text(s);
        // The organiser-only answer is "Mobile 0160 84 97 884" (grep the file to see it).
        CHECK(text.find("0160") == std::string::npos);
        CHECK(text.find("84 97 884") == std::string::npos);
        CHECK(text.find("prerecorded") == std::string::npos);
        CHECK(text.find('\r') == std::string::npos);
        const Session* x =
            find_session(s, "Der faule Admin automatisiert: Gluon auf echter Hardware testen");
        REQUIRE(x != nullptr);
        CHECK(x->abstract_format == TextFormat::markdown);
        CHECK(x->abstract.text.find("[Gluon](https://gluon.readthedocs.io/)") != std::string::npos);
        CHECK(has_warning(s, "CR or CR/LF"));
    }
    SUBCASE("DemoCon: declared zone UTC contradicts the +01:00 offsets") {
        const ImportedSchedule s = import_ok("pretalx-democon-schedule.json");
        CHECK(has_warning(s, "contradicts the UTC offsets"));
        const Session* x = find_session(s, "Focused 5thgeneration hardware");
        REQUIRE(x != nullptr);
        CHECK(local_start(s, *x) == "2020-12-14 08:00");  // the instant 09:00+01:00, in UTC
        // With --tz the organiser chooses the display zone; the instant does not move.
        const ImportedSchedule berlin = import_ok("pretalx-democon-schedule.json", "Europe/Berlin");
        const Session* y = find_session(berlin, "Focused 5thgeneration hardware");
        REQUIRE(y != nullptr);
        CHECK(y->start_ms == x->start_ms);
        CHECK(local_start(berlin, *y) == "2020-12-14 09:00");
        CHECK(has_warning(berlin, "the file declares the time zone UTC"));
    }
    SUBCASE("38C3 schedule2: per-language maps become translations") {
        const ImportedSchedule s = import_ok("38c3-hub-schedule2-example.json");
        CHECK(s.default_language == "en");
        const Session* x = find_session(s, "38C3: Opening Ceremony");
        REQUIRE(x != nullptr);
        CHECK(x->speakers.size() == 3);
        CHECK(s.tracks[x->track].name.text == "CCC");  // resolved from the track slug
        CHECK(s.rooms[x->room].name.by_lang.empty());
        bool found_bio = false;
        for (const Speaker& p : s.speakers)
            if (p.name == "Aline Blankertz")
                found_bio = p.biography.text.find("\xC3\x96konomin") != std::string::npos;
        CHECK(found_bio);
    }
    SUBCASE("COSCUP OPass: zh/en texts map onto translations") {
        const ImportedSchedule s = import_ok("coscup-2023-session.json", "Asia/Taipei");
        CHECK(s.languages == std::vector<std::string>{"zh", "en"});
        CHECK(s.default_language == "zh");
        int differing = 0;
        for (const Session& x : s.sessions) {
            REQUIRE(x.title.by_lang.count("zh") == 1);
            REQUIRE(x.title.by_lang.count("en") == 1);
            CHECK(x.title.text == x.title.by_lang.at("zh"));
            differing += x.title.by_lang.at("zh") != x.title.by_lang.at("en");
        }
        // python3: sum(s['zh']['title'] != s['en']['title'] for s in sessions) == 62
        CHECK(differing == 62);
        std::set<std::string> langs;
        for (const Session& x : s.sessions)
            langs.insert(x.language);
        CHECK(langs.count("zh") == 1);  // "中文"
        CHECK(langs.count("en") == 1);  // "English"
    }
    SUBCASE("36C3 merged: duplicate ids kept apart, overlaps and zero-length reported") {
        const ImportedSchedule s = import_ok("giggity-tests/36c3_merged.xml", "Europe/Berlin");
        int shared = 0, overlaps = 0;
        for (const ImportWarning& w : s.warnings) {
            shared += w.what.find("different sessions") != std::string::npos;
            overlaps += w.what.find("\" overlaps \"") != std::string::npos;
        }
        CHECK(shared == 13);  // python: ids used by more than one <event>
        // python: per room, sessions of positive length sorted by start whose start is before
        // the latest end so far - 189 (SOURCES.md counts 117 by another definition).
        CHECK(overlaps == 189);
        CHECK(has_warning(s, "zero length"));
        CHECK(s.languages.size() == 4);  // de, en, cs, ab ('' is no language)
    }
    SUBCASE("DebConf 23: UTC timestamps and UTC day dates in an Asia/Kolkata event") {
        const ImportedSchedule s = import_ok("giggity-tests/debconf23.xml");
        CHECK(has_warning(s, "written in UTC"));
        CHECK(has_warning(s, "not the local date of their start"));
        CHECK(s.days.front().date == "2023-09-10");
        CHECK(s.days.back().date == "2023-09-17");
        CHECK(s.utc_offsets.front().offset_minutes == 330);
    }
    SUBCASE("FOSDEM 2021: no <date>, no zone: refused without --tz, computed with it") {
        auto bare = import_schedule_file(real_file("giggity-tests/fosdem_2021.xml"));
        REQUIRE_FALSE(bare.ok());
        CHECK(bare.error().find("--tz") != std::string::npos);
        const ImportedSchedule s = import_ok("giggity-tests/fosdem_2021.xml", "Europe/Brussels");
        CHECK(has_warning(s, "have no <date>"));
    }
    SUBCASE("JRES: CR CR LF, a UTF-8 character split by folding, TZID without VTIMEZONE") {
        const ImportedSchedule s = import_ok("giggity-tests/jres_2022.ics");
        CHECK(has_warning(s, "CR CR LF"));
        CHECK(has_warning(s, "split a UTF-8 character"));
        CHECK(has_warning(s, "no VTIMEZONE"));
        const std::string text = all_text(s);
        CHECK(text.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD: nothing was lost
        CHECK(text.find('\r') == std::string::npos);
        CHECK(text.find("diff\xC3\xA9rents syst\xC3\xA8mes d\xE2\x80\x99"
                        "exploitation") != std::string::npos);
    }
    SUBCASE("linux.conf.au: TZID without VTIMEZONE, speakers from the description") {
        const ImportedSchedule s = import_ok("giggity-tests/linux_conf_au_2020.ics");
        CHECK(has_warning(s, "no VTIMEZONE"));
        const Session* x = find_session(s, "Conference Opening");
        REQUIRE(x != nullptr);
        REQUIRE(x->speakers.size() == 1);
        CHECK(s.speakers[x->speakers[0]].name == "Joel Addison");
        CHECK(x->description.text.rfind("The official launch", 0) == 0);
    }
    SUBCASE("MOCA: zone as a property, UTC times, shared UIDs, leading spaces") {
        const ImportedSchedule s = import_ok("moca-2024-schedule.ics");
        CHECK(s.zone_source == "VTIMEZONE property");
        CHECK(has_warning(s, "is not iCalendar"));
        CHECK(has_warning(s, "is used by 67 different sessions"));
        for (const Room& r : s.rooms)
            CHECK(r.name.text.front() != ' ');
    }
    SUBCASE("FOSDEM companion and Kielux: UTC-only files need --tz") {
        for (const char* f :
             {"fosdem-2024-companion-selection.ics", "giggity-tests/kielux_2020.ics"}) {
            auto r = import_schedule_file(real_file(f));
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().find("pass --tz") != std::string::npos);
        }
    }
}
