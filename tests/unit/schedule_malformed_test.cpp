// SPDX-License-Identifier: GPL-3.0-or-later
// Malformed schedule input: truncated XML, invalid JSON, binary garbage, a 100 MB file, deep
// nesting, and a fuzz-style pass of deterministic mutations of the real exports through every
// parser. Each must end in a clear message or a schedule - never a crash (run under ASan/UBSan).
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "bundle/schedule/import_schedule_command.h"
#include "schedule_test_support.h"

using namespace plaza::schedule;
using namespace plaza::schedule::test;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// xorshift64*: the same mutations on every run and machine.
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ULL;
    }
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
};

std::string mutate(const std::string& original, Rng& rng) {
    std::string s = original;
    const int edits = 1 + static_cast<int>(rng.below(8));
    for (int e = 0; e < edits && !s.empty(); ++e) {
        const size_t pos = rng.below(s.size());
        switch (rng.below(6)) {
            case 0:  // flip a byte
                s[pos] = static_cast<char>(rng.next());
                break;
            case 1:  // truncate
                s.resize(pos);
                break;
            case 2:  // delete a range
                s.erase(pos, rng.below(200));
                break;
            case 3: {  // duplicate a range elsewhere
                const std::string chunk = s.substr(pos, rng.below(400));
                s.insert(rng.below(s.size()), chunk);
                break;
            }
            case 4: {  // structural characters that parsers care about
                static const char* const kTokens[] = {
                    "<",        ">",   "\"",  "{",    "}",        "[",  "]",
                    ":",        "\r",  "\n ", "\xC3", "\xE2\x80", "\0", "BEGIN:VEVENT\r\n",
                    "</event>", "null"};
                const char* t = kTokens[rng.below(16)];
                s.insert(pos, t, t[0] ? std::char_traits<char>::length(t) : 1);
                break;
            }
            default:  // swap the halves around a point
                s = s.substr(pos) + s.substr(0, pos);
                break;
        }
    }
    return s;
}

}  // namespace

TEST_CASE("malformed schedules: truncated XML, invalid JSON, binary garbage, empty") {
    const std::string xml = read(real_file("31c3-schedule.xml"));
    auto r = import_schedule_data(xml.substr(0, xml.size() / 2), "half.xml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("half.xml: not well-formed XML at line ") == 0);

    const std::string json = read(real_file("camp2019-frab-schedule.json"));
    r = import_schedule_data(json.substr(0, json.size() / 3), "third.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("third.json: invalid JSON") == 0);
    r = import_schedule_data("{\"schedule\": {\"conference\": 42}}", "odd.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("not a schedule") != std::string::npos);

    Rng rng{0x5eed};
    std::string garbage(65536, '\0');
    for (char& c : garbage)
        c = static_cast<char>(rng.next());
    garbage[0] = '\x7f';
    r = import_schedule_data(garbage, "garbage.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("not a schedule file (binary data)") != std::string::npos);

    r = import_schedule_data("", "empty.xml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == "empty.xml: the file is empty");

    r = import_schedule_data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "none.ics");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("no sessions") != std::string::npos);

    // A truncated .ics is still read up to the cut: no crash, fewer sessions or a message.
    const std::string ics = read(real_file("pyconau-2023-schedule.ics"));
    r = import_schedule_data(ics.substr(0, ics.size() / 2), "half.ics");
    if (r.ok()) CHECK(r.value().sessions.size() < 94);
}

TEST_CASE("malformed schedules: deep nesting does not exhaust the stack") {
    const std::string deep_json = std::string(100000, '[') + std::string(100000, ']');
    auto r = import_schedule_data(deep_json, "deep.json");
    CHECK_FALSE(r.ok());
    std::string deep_xml = "<schedule>";
    for (int i = 0; i < 100000; ++i)
        deep_xml += "<a>";
    r = import_schedule_data(deep_xml, "deep.xml");
    CHECK_FALSE(r.ok());
}

TEST_CASE("malformed schedules: a 100 MB file is refused before it is read") {
    const auto dir = std::filesystem::temp_directory_path() / "plaza-schedule-big-test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "huge.xml";
    {
        std::ofstream out(path, std::ios::binary);
        out << "<?xml version=\"1.0\"?><schedule>";
    }
    // Sparse: 100 MB on paper, no disk or time spent writing it.
    std::filesystem::resize_file(path, 100ull * 1024 * 1024);
    auto r = import_schedule_file(path.string());
    std::filesystem::remove_all(dir);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("the file is 100 MB") != std::string::npos);
    CHECK(r.error().find("not a schedule") != std::string::npos);
}

TEST_CASE("malformed schedules: a 30 MB iCalendar line is read whole") {
    // libical's own string reader made one long line cost minutes (issue 20); the line must
    // still arrive in full, with its end, and the event after it too.
    const size_t length = 30 * 1024 * 1024;
    std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Plaza test//EN\r\n"
        "X-WR-TIMEZONE:Europe/Berlin\r\nBEGIN:VEVENT\r\nUID:long@test\r\n"
        "DTSTART:20240320T093000Z\r\nDTEND:20240320T103000Z\r\nSUMMARY:Long\r\nDESCRIPTION:";
    ics.append(length - 3, 'x');
    ics +=
        "end\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:after@test\r\n"
        "DTSTART:20240320T110000Z\r\nDTEND:20240320T113000Z\r\nSUMMARY:After\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    auto r = import_schedule_data(ics, "long.ics");
    REQUIRE(r.ok());
    REQUIRE(r.value().sessions.size() == 2);
    const Session* long_one = find_session(r.value(), "Long");
    REQUIRE(long_one);
    const std::string& text = long_one->description.text;
    CHECK(text.size() == length);
    CHECK(text.compare(text.size() - 4, 4, "xend") == 0);
    CHECK(find_session(r.value(), "After"));
}

TEST_CASE("malformed schedules: a frab <day> nothing dates is a problem, not a 1970 day") {
    const std::string head =
        "<?xml version=\"1.0\"?><schedule><conference><title>T</title>"
        "<time_zone_name>Europe/Brussels</time_zone_name></conference>"
        "<day index=\"1\" date=\"2024-02-03\"><room name=\"A\"><event id=\"1\">"
        "<start>09:00</start><duration>00:30</duration><title>Good</title></event></room></day>";
    const std::string tail = "</schedule>";

    // Its date unreadable and its session without a <date>: nothing places the day.
    auto r = import_schedule_data(
        head +
            "<day index=\"2\" date=\"2024-02-31\"><room name=\"A\"><event id=\"2\">"
            "<start>10:00</start><duration>00:30</duration><title>Lost</title></event></room>"
            "</day><day index=\"3\" date=\"someday\"></day>" +
            tail,
        "days.xml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("days.xml: a day has no readable date") == 0);
    CHECK(r.error().find("day 2") != std::string::npos);
    CHECK(r.error().find("day 3") != std::string::npos);
    CHECK(r.error().find("YYYY-MM-DD") != std::string::npos);

    // A session with its own <date> still places a day whose date attribute is unreadable.
    r = import_schedule_data(
        head +
            "<day index=\"2\" date=\"2024-02-31\"><room name=\"A\"><event id=\"2\">"
            "<date>2024-02-04T10:00:00+01:00</date><start>10:00</start>"
            "<duration>00:30</duration><title>Placed</title></event></room></day>" +
            tail,
        "days.xml");
    REQUIRE(r.ok());
    REQUIRE(r.value().days.size() == 2);
    CHECK(r.value().days[1].date == "2024-02-04");
    for (const ScheduleDay& day : r.value().days)
        CHECK(day.date.rfind("1970", 0) != 0);
}

TEST_CASE("malformed schedules: fuzz-style mutations of the real files never crash") {
    // Small and medium files of every format; 40 mutations each keeps this to seconds under ASan.
    const char* const files[] = {"31c3-schedule.xml",
                                 "giggity-tests/debconf23.xml",
                                 "camp2019-frab-schedule.json",
                                 "38c3-hub-schedule2-example.json",
                                 "pretalx-democon-schedule.json",
                                 "pyconau-2023-schedule.ics",
                                 "giggity-tests/jres_2022.ics",
                                 "moca-2024-schedule.ics"};
    int ok = 0, refused = 0;
    for (const char* f : files) {
        const std::string original = read(real_file(f));
        Rng rng{0x9e3779b97f4a7c15ULL ^ original.size()};
        for (int i = 0; i < 40; ++i) {
            const std::string mutated = mutate(original, rng);
            ImportOptions options;
            options.tz = (i % 3 == 0) ? "Europe/Berlin" : "";
            auto r = import_schedule_data(mutated, "fuzz", options);
            if (r.ok()) {
                ++ok;
                for (const Session& s : r.value().sessions) {
                    CHECK(s.end_ms >= s.start_ms);
                    CHECK(s.day >= 0);
                    CHECK(s.day < static_cast<int>(r.value().days.size()));
                }
            } else {
                ++refused;
                CHECK_FALSE(r.error().empty());
            }
        }
    }
    CHECK(ok + refused == 8 * 40);
    CHECK(ok > 0);  // lenient parsing: many mutations still import
}

TEST_CASE("import-schedule command: summary, --json, --help and errors") {
    std::ostringstream out, err;
    CHECK(run_import_schedule({"--help"}, out, err) == 0);
    CHECK(out.str().find("usage: plaza-bundle import-schedule FILE") == 0);

    out.str("");
    CHECK(run_import_schedule({real_file("pyconau-2023-schedule-as-downloaded.ics")}, out, err) ==
          0);
    const std::string text = out.str();
    CHECK(text.find("zone:      Australia/Adelaide (TZID), UTC+09:30 ACST") != std::string::npos);
    CHECK(text.find("days:      3") != std::string::npos);
    CHECK(text.find("rooms:     4") != std::string::npos);
    CHECK(text.find("sessions:  94") != std::string::npos);
    CHECK(text.find("speakers:  87") != std::string::npos);
    CHECK(text.find("VTIMEZONE block") != std::string::npos);
    CHECK(text.find("-> trusted the IANA name") != std::string::npos);

    out.str("");
    CHECK(run_import_schedule({real_file("31c3-schedule.xml"), "--tz", "Europe/Berlin", "--json"},
                              out, err) == 0);
    const std::string json = out.str();
    CHECK(json.find("\"zone\": \"Europe/Berlin\"") != std::string::npos);
    CHECK(json.find("\"sessions\": 138") != std::string::npos);
    CHECK(json.find("\"speakers\": 198") != std::string::npos);
    CHECK(json.find("\"warnings\": [") != std::string::npos);
    CHECK(json.find("soft hyphens") != std::string::npos);

    err.str("");
    CHECK(run_import_schedule({real_file("no-such-file.xml")}, out, err) == 1);
    CHECK(err.str().find("cannot open the file") != std::string::npos);
    CHECK(run_import_schedule({real_file("31c3-schedule.xml"), "--tz", "Mars/Olympus"}, out, err) ==
          1);
    CHECK(err.str().find("unknown time zone \"Mars/Olympus\"") != std::string::npos);
    CHECK(run_import_schedule({}, out, err) == 64);
    CHECK(run_import_schedule({"a.xml", "--frobnicate"}, out, err) == 64);
    CHECK(run_import_schedule({"a.xml", "--tz"}, out, err) == 64);
}
