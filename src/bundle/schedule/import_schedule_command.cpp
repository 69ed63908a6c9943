// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/schedule/import_schedule_command.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "bundle/schedule/schedule_import.h"
#include "core/civil_time.h"

namespace plaza::schedule {

namespace {

constexpr int kUsageError = 64;

const char* const kHelp =
    "usage: plaza-bundle import-schedule FILE [--tz ZONE] [--json]\n"
    "\n"
    "Reads a schedule export and shows what Plaza understood: days, rooms, sessions, speakers,\n"
    "the event's time zone, and every warning with what was done about it.\n"
    "\n"
    "FILE        frab/pentabarf schedule.xml, frab/pretalx schedule.json, c3voc \"schedule2\"\n"
    "            JSON, OPass session JSON, or an iCalendar .ics file\n"
    "--tz ZONE   the event's IANA time zone (e.g. Europe/Madrid), for files that name none or\n"
    "            only give UTC offsets; it overrides a zone the file declares\n"
    "--json      print the same summary and warnings as JSON\n"
    "--help      show this text\n";

std::string local_time_text(std::int64_t ms, int offset_minutes) {
    const core::CivilTime t = core::civil_from_unix_ms(ms, offset_minutes);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute);
    return buf;
}

int cancelled_count(const ImportedSchedule& s) {
    int n = 0;
    for (const Session& session : s.sessions)
        if (session.status == SessionStatus::cancelled) ++n;
    return n;
}

void print_text(const ImportedSchedule& s, std::ostream& out) {
    out << s.source_file << ": " << s.format;
    if (!s.title.text.empty()) out << ", \"" << s.title.text << "\"";
    out << "\n";
    out << "zone:      " << s.zone << " (" << s.zone_source << ")";
    for (size_t i = 0; i < s.utc_offsets.size(); ++i) {
        const UtcOffsetPeriod& p = s.utc_offsets[i];
        if (i == 0) {
            out << ", UTC" << core::format_utc_offset(p.offset_minutes);
        } else {
            out << ", from " << local_time_text(p.from_ms, s.utc_offsets[i - 1].offset_minutes)
                << " UTC" << core::format_utc_offset(p.offset_minutes);
        }
        if (!p.abbreviation.empty()) out << " " << p.abbreviation;
    }
    out << "\n";
    out << "days:      " << s.days.size();
    for (const ScheduleDay& d : s.days)
        out << (&d == &s.days.front() ? "  " : ", ") << d.index << ": " << d.date;
    out << "\n";
    out << "rooms:     " << s.rooms.size() << "\n";
    out << "tracks:    " << s.tracks.size() << "\n";
    out << "sessions:  " << s.sessions.size();
    if (const int c = cancelled_count(s)) out << " (" << c << " cancelled)";
    out << "\n";
    out << "speakers:  " << s.speakers.size() << "\n";
    out << "languages: ";
    for (const std::string& l : s.languages)
        out << (&l == &s.languages.front() ? "" : ", ") << l;
    out << (s.languages.empty() ? "(none given)\n" : "\n");
    out << "warnings:  " << s.warnings.size() << "\n";
    for (const ImportWarning& w : s.warnings)
        out << "  " << w.where << ": " << w.what << "\n      -> " << w.action << "\n";
}

void print_json(const ImportedSchedule& s, std::ostream& out) {
    nlohmann::ordered_json j;
    j["file"] = s.source_file;
    j["format"] = s.format;
    j["title"] = s.title.text;
    j["zone"] = s.zone;
    j["zone_source"] = s.zone_source;
    j["utc_offsets"] = nlohmann::ordered_json::array();
    for (const UtcOffsetPeriod& p : s.utc_offsets)
        j["utc_offsets"].push_back({{"from", core::format_iso8601(p.from_ms, 0)},
                                    {"offset_minutes", p.offset_minutes},
                                    {"abbreviation", p.abbreviation},
                                    {"dst", p.dst}});
    j["days"] = nlohmann::ordered_json::array();
    for (const ScheduleDay& d : s.days)
        j["days"].push_back(
            {{"index", d.index},
             {"date", d.date},
             {"start", core::format_iso8601(d.start_ms, s.offset_minutes_at(d.start_ms))},
             {"end", core::format_iso8601(d.end_ms, s.offset_minutes_at(d.end_ms))}});
    j["counts"] = {{"days", s.days.size()},           {"rooms", s.rooms.size()},
                   {"tracks", s.tracks.size()},       {"sessions", s.sessions.size()},
                   {"cancelled", cancelled_count(s)}, {"speakers", s.speakers.size()}};
    j["languages"] = s.languages;
    j["warnings"] = nlohmann::ordered_json::array();
    for (const ImportWarning& w : s.warnings)
        j["warnings"].push_back({{"where", w.where}, {"what", w.what}, {"action", w.action}});
    // Invalid UTF-8 has been replaced by the importer, so dump() cannot throw; "replace" keeps
    // that true even if a future field forgets to clean.
    out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

int run_import_schedule(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
    std::string file;
    ImportOptions options;
    bool json = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            out << kHelp;
            return 0;
        } else if (a == "--json") {
            json = true;
        } else if (a == "--tz") {
            if (i + 1 >= args.size()) {
                err << "import-schedule: --tz needs a zone name, e.g. --tz Europe/Madrid\n";
                return kUsageError;
            }
            options.tz = args[++i];
        } else if (a.rfind("--tz=", 0) == 0) {
            options.tz = a.substr(5);
        } else if (!a.empty() && a[0] == '-') {
            err << "import-schedule: unknown option " << a << "\n" << kHelp;
            return kUsageError;
        } else if (file.empty()) {
            file = a;
        } else {
            err << "import-schedule: one FILE only (got " << file << " and " << a << ")\n";
            return kUsageError;
        }
    }
    if (file.empty()) {
        err << kHelp;
        return kUsageError;
    }
    const core::Result<ImportedSchedule> result = import_schedule_file(file, options);
    if (!result) {
        err << "import-schedule: " << result.error() << "\n";
        return 1;
    }
    if (json)
        print_json(result.value(), out);
    else
        print_text(result.value(), out);
    return 0;
}

int run_import_schedule(const std::vector<std::string>& args) {
    return run_import_schedule(args, std::cout, std::cerr);
}

}  // namespace plaza::schedule
