// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule: sessions.csv, rooms.csv and speakers.csv, or an organiser's export named in
// event.txt, and session-partnerships.csv linking sessions to partnerships.
#include "bundle/source_reader_internal.h"

#include <algorithm>
#include "bundle/imported_schedule.h"
#include "bundle/schedule/schedule_import.h"
#include "core/civil_time.h"

namespace plaza::bundle::detail {

void Reader::read_sessions() {
    const auto room_rows = read_table("rooms.csv",
                                      {{"id", true, false, kIdChars},
                                       {"name", true, true, kNameChars},
                                       {"floor", false, false, kNameChars},
                                       {"location", false, false, kTitleChars}},
                                      false);
    rooms_ = check_ids(room_rows);
    for (const auto& row : room_rows)
        b_.rooms.push_back(
            {row.get("id"), row.texts("name"), row.get("floor"), row.get("location")});

    const auto speaker_rows = read_table("speakers.csv",
                                         {{"id", true, false, kIdChars},
                                          {"name", true, false, kNameChars},
                                          {"organisation", false, false, kTitleChars},
                                          {"city", false, false, kIdChars},
                                          {"bio", false, true, kBioChars},
                                          {"photo", false, false, kLinkChars}},
                                         false);
    speakers_ = check_ids(speaker_rows);
    for (const auto& row : speaker_rows) {
        check_ref(row, "city", row.get("city"), cities_, "city", "cities.csv");
        std::string photo;
        if (!row.get("photo").empty()) photo = image(row.file, row.line, "photo", row.get("photo"));
        b_.speakers.push_back({row.get("id"),
                               row.get("name"),
                               row.get("organisation"),
                               row.get("city"),
                               row.texts("bio"),
                               photo,
                               {}});
    }

    const auto session_rows = read_table("sessions.csv",
                                         {{"id", true, false, kIdChars},
                                          {"title", true, true, kTitleChars},
                                          {"start", true, false, kShortChars},
                                          {"end", true, false, kShortChars},
                                          {"room", true, false, kIdChars},
                                          {"theme", false, false, kIdChars},
                                          {"type", false, false, kShortChars},
                                          {"language", false, false, kShortChars},
                                          {"speakers", false, false, kLinkChars},
                                          {"partnerships", false, false, kLongChars},
                                          {"abstract", false, true, kAbstractChars},
                                          {"status", false, false, kShortChars}},
                                         false);
    check_ids(session_rows);
    const EventSource& e = b_.event;
    for (const auto& row : session_rows) {
        SessionSource s;
        s.id = row.get("id");
        s.title = row.texts("title");
        s.abstract = row.texts("abstract");
        s.room = row.get("room");
        check_ref(row, "room", s.room, rooms_, "room", "rooms.csv");
        s.theme = row.get("theme");
        check_ref(row, "theme", s.theme, themes_, "theme", "themes.csv");
        s.type = row.get("type").empty() ? "session" : row.get("type");
        s.language = row.get("language").empty() ? e.languages.front().code : row.get("language");
        if (!is_language_code(s.language))
            p_.add(row.file, row.line, "language",
                   single_quoted(s.language) +
                       " is not a language code (two or three letters, e.g. ca)");
        s.status = row.get("status").empty() ? "confirmed" : row.get("status");
        if (s.status != "confirmed" && s.status != "cancelled" && s.status != "moved")
            p_.add(row.file, row.line, "status",
                   single_quoted(s.status) + " is not a status (confirmed, cancelled or moved)");
        s.speakers = split_list(row.get("speakers"));
        for (const auto& sp : s.speakers)
            check_ref(row, "speakers", sp, speakers_, "speaker", "speakers.csv");
        s.partnerships = partnership_list(row);
        // Times are local to the event unless they carry their own offset.
        bool times_ok = true;
        for (const char* field : {"start", "end"}) {
            const std::string& text = row.get(field);
            if (text.empty()) {
                times_ok = false;
                continue;
            }
            std::optional<std::int64_t> ms;
            if (text.size() == 16 && is_date(text.substr(0, 10))) {
                ms = local_instant(text, row.file, row.line, field);
            } else if (text.size() > 16 && is_date(text.substr(0, 10))) {
                ms = core::parse_iso8601_instant(text);
            }
            if (!ms) {
                p_.add(row.file, row.line, field,
                       single_quoted(text) +
                           " is not a time (YYYY-MM-DD HH:MM, in the event's time zone)");
                times_ok = false;
                continue;
            }
            (field[0] == 's' ? s.starts_at : s.ends_at) = *ms / 1000;
        }
        if (times_ok) {
            const auto local = core::civil_from_unix_ms(s.starts_at * 1000, offset_at(s.starts_at));
            char day[16];
            std::snprintf(day, sizeof day, "%04d-%02d-%02d", local.year, local.month, local.day);
            s.day = day;
            if (s.ends_at <= s.starts_at) {
                p_.add(row.file, row.line, "end", "is not after start");
            } else if (!e.starts_on.empty() && e.starts_on <= e.ends_on &&
                       (s.day < e.starts_on || s.day > e.ends_on)) {
                p_.add(row.file, row.line, "start",
                       s.day + " is not one of the event's days (" + e.starts_on + " to " +
                           e.ends_on + ")");
            }
        }
        session_ids_.emplace(s.id, s.id);
        b_.sessions.push_back(std::move(s));
    }
}

std::vector<std::string> Reader::partnership_list(const Row& row) {
    std::vector<std::string> out;
    for (auto& id : split_list(row.get("partnerships"))) {
        check_ref(row, "partnerships", id, partnerships_, "partnership", "partnerships.csv");
        if (std::find(out.begin(), out.end(), id) != out.end()) {
            p_.add(row.file, row.line, "partnerships",
                   "partnership " + single_quoted(id) + " is listed twice");
        } else if (partnerships_.count(id)) {
            out.push_back(std::move(id));
        }
    }
    return out;
}

// session-partnerships.csv links sessions to partnerships by the sessions' ids: an export has
// no column for it. It works beside sessions.csv too, adding to its `partnerships` column.
void Reader::read_session_partnerships() {
    const auto rows = read_table(
        "session-partnerships.csv",
        {{"session", true, false, kLinkChars}, {"partnerships", true, false, kLongChars}}, false);
    if (rows.empty()) return;
    const std::string schedule = schedule_file_.empty() ? "sessions.csv" : schedule_file_;
    std::set<std::string> known;
    for (const auto& [written, id] : session_ids_)
        known.insert(written);
    std::map<std::string, SessionSource*> sessions;
    for (SessionSource& s : b_.sessions)
        sessions.emplace(s.id, &s);
    std::map<std::string, int> first_line;  // by bundle session id
    for (const auto& row : rows) {
        const std::string& written = row.get("session");
        check_ref(row, "session", written, known, "session", schedule.c_str());
        const std::vector<std::string> partnerships = partnership_list(row);
        const auto id = session_ids_.find(written);
        if (id == session_ids_.end()) continue;
        const auto [first, fresh] = first_line.emplace(id->second, row.line);
        if (!fresh) {
            p_.add(row.file, row.line, "session",
                   "session " + single_quoted(written) + " is listed twice (first on line " +
                       std::to_string(first->second) + ")");
            continue;
        }
        std::vector<std::string>& links = sessions.at(id->second)->partnerships;
        for (const std::string& p : partnerships)
            if (std::find(links.begin(), links.end(), p) == links.end()) links.push_back(p);
    }
}

std::optional<std::int64_t> Reader::local_instant(const std::string& text, const std::string& file,
                                                  int line, const std::string& field) {
    // Read as if it were UTC to check it and to get its wall-clock fields.
    const auto wall_ms = core::parse_iso8601_instant(text + "+00:00");
    if (!wall_ms) return std::nullopt;
    if (!zone_) return *wall_ms - std::int64_t{b_.event.utc_offset_minutes} * 60000;
    const auto r = zone_->to_unix(core::civil_from_unix_ms(*wall_ms, 0));
    if (r.skipped)
        warnings_.push_back(file + ":" + std::to_string(line) + ": " + field + ": " + text +
                            " does not exist in " + zone_->name() + " (the clocks go forward)" +
                            kDash + "read with the offset before the change");
    if (r.repeated)
        warnings_.push_back(file + ":" + std::to_string(line) + ": " + field + ": " + text +
                            " happens twice in " + zone_->name() + " (the clocks go back)" + kDash +
                            "took the first");
    return r.unix_seconds * 1000;
}

int Reader::offset_at(std::int64_t unix_seconds) const {
    int offset = b_.event.utc_offset_minutes;
    for (const ZoneOffsetSource& z : b_.zone_offsets)
        if (z.starts_at <= unix_seconds) offset = z.offset_minutes;
    return offset;
}

void Reader::read_imported_schedule() {
    const std::string where = "event.txt:" + std::to_string(schedule_line_) + ": schedule: ";
    // Until it has been read, references to its sessions cannot be checked (and are not).
    unreadable_.insert(schedule_file_);
    std::vector<std::string> native;
    for (const char* name : kNativeScheduleFiles)
        if (fs::exists(dir_ / name)) native.push_back(name);
    if (!native.empty()) {
        std::string list;
        for (size_t i = 0; i < native.size(); ++i)
            list += (i == 0 ? "" : i + 1 == native.size() ? " and " : ", ") + native[i];
        p_.add_line(where + "the schedule comes from " + schedule_file_ + ", but " + list +
                    (native.size() == 1 ? " holds" : " hold") +
                    " a schedule too; keep one of them (remove " + list + ", or this line)");
        return;
    }
    const fs::path path = dir_ / schedule_file_;
    std::string data;
    if (!read_whole_file(path, data)) {
        p_.add_line(where + schedule_file_ + " cannot be read: " + read_error_);
        return;
    }
    const auto size = data.size();
    if (size > kScheduleFileBytes) {
        p_.add_line(where + schedule_file_ + " is " + std::to_string(size / (1024 * 1024)) +
                    " MB; schedule exports are far smaller, so this is not one");
        return;
    }
    // Without the event's zone the export's local times cannot be placed; that is reported.
    if (!zone_) return;
    schedule::ImportOptions options;
    options.tz = zone_->name();
    options.tz_origin = "event.txt time_zone";
    options.first_day = b_.event.starts_on;
    options.last_day = b_.event.ends_on;
    auto imported = schedule::import_schedule_data(data, schedule_file_, options);
    if (!imported) {
        const std::string& error = imported.error();
        p_.add_line(error.rfind(schedule_file_ + ":", 0) == 0 ? error : where + error);
        return;
    }
    const auto ids =
        add_imported_schedule(imported.value(), schedule_file_, b_, problems_, warnings_);
    // Both the export's ids and the bundle's work; where one session's export id is another's
    // bundle id, the export's (what organisers see in their tool) wins.
    for (const SessionSource& s : b_.sessions)
        session_ids_.emplace(s.id, s.id);
    for (const auto& [written, id] : ids)
        session_ids_[written] = id;
    unreadable_.erase(schedule_file_);
}

}  // namespace plaza::bundle::detail
