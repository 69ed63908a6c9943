// SPDX-License-Identifier: GPL-3.0-or-later
// Shared between the format importers and finalize(): the "raw" schedule each parser fills in
// (times still as the file wrote them, rooms/tracks/speakers by name or key), and the helpers
// they use. finalize() then applies the semantics every format shares: zone resolution,
// local times to instants, conference days, duplicates, overlaps and the offset table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/schedule/schedule_import.h"
#include "bundle/schedule/schedule_model.h"
#include "bundle/schedule/text_clean.h"
#include "core/civil_time.h"
#include "core/result.h"

namespace plaza::schedule::detail {

// A time as written: a wall-clock reading plus, when the file gave one, its UTC offset ("Z" is
// offset 0) or the TZID it is local to. Without either it is "floating" in the event's zone.
struct RawTime {
    bool valid = false;
    core::CivilTime local;
    std::optional<int> offset_minutes;
    std::string tzid;  // iCalendar TZID parameter
};

// "2024-02-03T09:30:00+01:00", "...Z", "2024-02-03T09:30:00", "2024-02-03 09:30",
// "20240203T093000Z"; seconds and fractions optional; offsets as +01:00 or +0100.
RawTime parse_time(std::string_view text);
// "09:30", "9:30", "09:30:00" -> seconds after midnight; "01:30" as a duration likewise.
// Durations may exceed a day ("1:00:00:00" d:h:m:s is not accepted; "25:00" is).
std::optional<int> parse_clock(std::string_view text);
// "2024-02-03" -> days since epoch, checked.
std::optional<std::int64_t> parse_date(std::string_view text);

struct RawDay {
    int index = 0;
    std::string date;  // YYYY-MM-DD as written (may be empty)
    RawTime start, end;
    std::string where;
};

struct RawSession {
    std::string where;
    std::string id, guid;
    LocalText title, subtitle;
    RawTime start, end;
    std::optional<int> duration_seconds;
    // frab files without <date>: the containing day's date and a clock time.
    std::string day_date;
    std::optional<int> clock_seconds;
    int raw_day = -1;  // index into RawSchedule::days when the session sits inside a <day>
    std::string room;
    LocalText room_translations;
    std::string track;
    std::string type;
    std::string language;
    std::vector<std::string> speaker_keys;
    LocalText abstract, description;
    TextFormat abstract_format = TextFormat::plain, description_format = TextFormat::plain;
    std::vector<Link> links;
    SessionStatus status = SessionStatus::confirmed;
    bool status_from_title = false;
};

struct RawSpeaker {
    std::string key;
    Speaker speaker;
};

struct RawSchedule {
    std::string file;  // file name for messages
    std::string format;
    LocalText title;
    std::string default_language;
    std::vector<std::string> languages;
    std::string declared_zone, declared_zone_where, declared_zone_kind = "declared";
    int day_change_seconds = -1;      // frab <day_change>, -1 when absent
    std::string first_day, last_day;  // ImportOptions' event dates, for recurring events
    std::vector<RawDay> days;
    std::vector<std::string> room_order;      // rooms as the file lists them
    std::vector<LocalText> room_order_texts;  // their per-language names, same order
    std::vector<std::pair<std::string, LocalText>> track_order;
    std::vector<RawSession> sessions;
    std::vector<RawSpeaker> speakers;
    // iCalendar VTIMEZONE blocks: TZID -> the offsets they declare (to compare with tzdata).
    std::vector<std::pair<std::string, std::vector<int>>> vtimezone_offsets;
    std::vector<ImportWarning> warnings;
    CleanReport clean;

    void warn(std::string where, std::string what, std::string action) {
        warnings.push_back(ImportWarning{std::move(where), std::move(what), std::move(action)});
    }
    // Adds a speaker unless one with the same key exists; returns the key.
    const std::string& add_speaker(RawSpeaker speaker);
    void add_room(const std::string& name, LocalText texts = {});
    void add_track(const std::string& name, LocalText texts = {});
};

// "file.xml:123" from a byte offset in `data` (counting lines up to it).
class LineIndex {
  public:
    explicit LineIndex(std::string_view data);
    int line_of(size_t offset) const;

  private:
    std::vector<size_t> line_starts_;
};

// Normalises a language as files write it ("en", "EN", "en_US", "English", "中文", "Deutsch")
// to a lower-case code; unknown or empty gives "".
std::string normalise_language(std::string_view text);

// Format importers: parse `data` (the file's bytes) into `raw`; an error when the file is not
// usable at all (not XML, not JSON, no events element ...).
core::Result<bool> import_frab_xml(const std::string& data, RawSchedule& raw);
core::Result<bool> import_json(const std::string& data, RawSchedule& raw);
core::Result<bool> import_icalendar(const std::string& data, RawSchedule& raw);

// Turns the raw schedule into the model (see the file comment).
core::Result<ImportedSchedule> finalize(RawSchedule raw, const ImportOptions& options);

}  // namespace plaza::schedule::detail
