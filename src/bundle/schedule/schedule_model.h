// SPDX-License-Identifier: GPL-3.0-or-later
// The imported-schedule model: what frab/pentabarf XML, frab/pretalx/schedule2 JSON, OPass JSON
// and iCalendar importers agree on, independent of the bundle's SQLite schema. Times are Unix
// instants; the event's IANA zone and its UTC offsets for the event's period travel with it, so
// the kiosk never needs time zone data of its own.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace plaza::schedule {

// A visitor-facing text: `text` in the schedule's default language, plus the per-language
// versions where the source has them ("schedule2" per-language maps, OPass zh/en objects).
struct LocalText {
    std::string text;
    std::map<std::string, std::string> by_lang;  // language code -> text
};

// How an abstract or description is to be rendered: plain text (newlines are line breaks), or
// Plaza Markdown: the CommonMark subset pretalx authors use (paragraphs, emphasis, strong,
// inline code, headings, "- " and "1. " lists, [links](url)) where, as in pretalx's renderer, a
// single newline is a line break. HTML from frab/FOSDEM/iCalendar is mapped onto it.
enum class TextFormat { plain, markdown };

enum class SessionStatus { confirmed, cancelled, moved };

struct Link {
    std::string url;
    std::string title;
};

// One message for the organiser: where (file:line, or an element path when the parser gives
// no lines), what is wrong, and what the importer did about it.
struct ImportWarning {
    std::string where;
    std::string what;
    std::string action;
};

struct ScheduleDay {
    int index = 0;                          // 1-based, as frab numbers days
    std::string date;                       // the conference day's local date, YYYY-MM-DD
    std::int64_t start_ms = 0, end_ms = 0;  // instants; a day may run past local midnight
};

struct Room {
    LocalText name;
};

struct Track {
    LocalText name;
};

struct Speaker {
    std::string id;  // the source's person id, code or guid; the name when it has none
    std::string name;
    std::string organisation;
    LocalText biography;  // plain text or Markdown as `biography_format` says
    TextFormat biography_format = TextFormat::plain;
    std::vector<Link> links;
};

struct Session {
    std::string id;  // unique within the schedule (duplicates get a "#2" suffix, see warnings)
    std::string guid;
    LocalText title, subtitle;
    std::int64_t start_ms = 0, end_ms = 0;
    int day = 0;    // index into ImportedSchedule::days
    int room = -1;  // index into ImportedSchedule::rooms, -1 when the source names none
    int track = -1;
    std::string type;           // free text from the source ("lecture", "Talk 30 min", ...)
    std::string language;       // lower-case language code, empty when unknown
    std::vector<int> speakers;  // indices into ImportedSchedule::speakers
    LocalText abstract, description;
    TextFormat abstract_format = TextFormat::plain;
    TextFormat description_format = TextFormat::plain;
    std::vector<Link> links;
    SessionStatus status = SessionStatus::confirmed;
    std::string source;  // file:line or element path, for messages about this session
};

// From `from_ms` on (until the next entry), local time is UTC + offset_minutes.
struct UtcOffsetPeriod {
    std::int64_t from_ms = 0;
    int offset_minutes = 0;
    std::string abbreviation;  // "CET", "ACDT"; empty for fixed-offset zones
    bool dst = false;
};

struct ImportedSchedule {
    std::string source_file;
    std::string format;  // "frab-xml", "frab-json", "schedule2-json", "opass-json", "icalendar"
    LocalText title;
    std::string default_language;        // the language of every LocalText::text, may be empty
    std::vector<std::string> languages;  // languages of the per-language texts, in file order
    std::string zone;                    // IANA name, or "+01:00" for an offsets-only file
    std::string zone_source;             // "declared", "--tz", "X-WR-TIMEZONE", "offsets", ...
    std::vector<UtcOffsetPeriod> utc_offsets;  // covers every day of the event, sorted
    std::vector<ScheduleDay> days;
    std::vector<Room> rooms;
    std::vector<Track> tracks;
    std::vector<Speaker> speakers;
    std::vector<Session> sessions;  // sorted by start, then room
    std::vector<ImportWarning> warnings;

    // The UTC offset in force at `unix_ms` according to utc_offsets.
    int offset_minutes_at(std::int64_t unix_ms) const {
        int offset = utc_offsets.empty() ? 0 : utc_offsets.front().offset_minutes;
        for (const UtcOffsetPeriod& p : utc_offsets) {
            if (p.from_ms > unix_ms) break;
            offset = p.offset_minutes;
        }
        return offset;
    }
};

}  // namespace plaza::schedule
