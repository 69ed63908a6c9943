// SPDX-License-Identifier: GPL-3.0-or-later
// Finishing an import (finalize()): what every format shares once its parser filled the raw
// schedule: the zone, local times to instants, conference days, interning and duplicates,
// overlaps and the offset table, each finding reported once with its first place.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "bundle/schedule/importer_internal.h"
#include "bundle/schedule/time_zone_db.h"
#include "core/civil_time.h"

namespace plaza::schedule::detail {

namespace {

constexpr std::int64_t kDayMs = 86400000;
// Without day information, a session starting before this local hour belongs to the previous
// conference day when that day has sessions (a party until 02:00 is part of Saturday).
constexpr int kDerivedDayChangeHour = 6;

std::string format_date(std::int64_t ms, int offset_minutes) {
    const core::CivilTime t = core::civil_from_unix_ms(ms, offset_minutes);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buf;
}

std::string format_local(std::int64_t ms, int offset_minutes) {
    const core::CivilTime t = core::civil_from_unix_ms(ms, offset_minutes);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute);
    return buf;
}

// Counts one kind of finding across a file and reports it once, with the first place.
struct Tally {
    int count = 0;
    std::string first_where, first_detail;
    void add(const std::string& where, const std::string& detail) {
        if (count++ == 0) {
            first_where = where;
            first_detail = detail;
        }
    }
};

class Finalizer {
  public:
    Finalizer(RawSchedule& raw, const ImportOptions& options) : raw_(raw), options_(options) {}

    core::Result<ImportedSchedule> run();

  private:
    core::Result<bool> resolve_zone();
    const TimeZone* zone_for(const std::string& tzid, const std::string& where);
    std::optional<std::int64_t> instant(const RawTime& t, const std::string& where,
                                        const std::string& what);
    void check_vtimezones();
    core::Result<bool> assign_days();
    void intern_and_dedupe();
    void report_overlaps();
    void warn(std::string where, std::string what, std::string action) {
        out_.warnings.push_back(
            ImportWarning{std::move(where), std::move(what), std::move(action)});
    }
    int offset_minutes_at(std::int64_t ms) const { return zone_.offset_seconds_at(ms / 1000) / 60; }

    RawSchedule& raw_;
    const ImportOptions& options_;
    ImportedSchedule out_;
    TimeZone zone_ = TimeZone::fixed(0);
    std::map<std::string, std::optional<TimeZone>> other_zones_;
    Tally utc_notation_, contradiction_, skipped_, repeated_, no_date_, unknown_tzid_;

    struct Timed {
        size_t raw_index;
        std::int64_t start, end;
    };
    std::vector<Timed> timed_;
    std::vector<int> day_of_timed_;
};

core::Result<bool> Finalizer::resolve_zone() {
    const std::string& declared = raw_.declared_zone;
    if (!options_.tz.empty()) {
        auto z = TimeZone::load(options_.tz, options_.zoneinfo_dir);
        if (!z) return core::Error{options_.tz_origin + ": " + z.error()};
        zone_ = std::move(z.value());
        out_.zone_source = options_.tz_origin;
        if (!declared.empty() && declared != options_.tz)
            warn(raw_.declared_zone_where, "the file declares the time zone " + declared,
                 "used " + options_.tz + " as " + options_.tz_origin + " asks");
        return true;
    }
    if (!declared.empty()) {
        auto z = TimeZone::load(declared, options_.zoneinfo_dir);
        if (!z)
            return core::Error{raw_.file + ": the file's time zone cannot be used (" + z.error() +
                               "); pass --tz ZONE with the event's IANA zone"};
        zone_ = std::move(z.value());
        out_.zone_source = raw_.declared_zone_kind;
        return true;
    }
    // No zone anywhere: usable only when every time carries the same offset.
    std::set<int> offsets;
    bool floating = false;
    for (const RawSession& s : raw_.sessions) {
        if (s.start.valid && s.start.offset_minutes)
            offsets.insert(*s.start.offset_minutes);
        else if (s.start.valid || s.clock_seconds)
            floating = true;
    }
    if (floating || offsets.empty())
        return core::Error{raw_.file +
                           ": the file gives local times but no time zone; pass --tz ZONE with "
                           "the event's IANA zone (for example --tz Europe/Brussels)"};
    if (offsets.size() > 1) {
        std::string list;
        for (int o : offsets)
            list += (list.empty() ? "" : ", ") + core::format_utc_offset(o);
        return core::Error{raw_.file + ": the file names no time zone and its UTC offsets vary (" +
                           list +
                           "), so daylight-saving time cannot be told apart from a mistake; "
                           "pass --tz ZONE with the event's IANA zone"};
    }
    if (*offsets.begin() == 0)
        return core::Error{raw_.file +
                           ": every time is in UTC and the file names no time zone, so local "
                           "times are unknown; pass --tz ZONE with the event's IANA zone"};
    zone_ = TimeZone::fixed(*offsets.begin());
    out_.zone_source = "offsets";
    warn(raw_.file,
         "the file names no time zone; every time carries the UTC offset " +
             core::format_utc_offset(*offsets.begin()),
         "times are shown at that fixed offset; pass --tz ZONE to name the event's zone");
    return true;
}

const TimeZone* Finalizer::zone_for(const std::string& tzid, const std::string& where) {
    if (tzid.empty() || tzid == zone_.name()) return &zone_;
    auto it = other_zones_.find(tzid);
    if (it == other_zones_.end()) {
        auto z = TimeZone::load(tzid, options_.zoneinfo_dir);
        it = other_zones_
                 .emplace(tzid, z ? std::optional<TimeZone>(std::move(z.value())) : std::nullopt)
                 .first;
    }
    if (!it->second) {
        unknown_tzid_.add(where, tzid);
        return &zone_;
    }
    return &*it->second;
}

std::optional<std::int64_t> Finalizer::instant(const RawTime& t, const std::string& where,
                                               const std::string& what) {
    if (!t.valid) return std::nullopt;
    const std::int64_t wall_seconds =
        core::days_from_civil(t.local.year, t.local.month, t.local.day) * 86400 +
        t.local.hour * 3600 + t.local.minute * 60 + t.local.second;
    if (t.offset_minutes) {
        const std::int64_t ms = (wall_seconds - *t.offset_minutes * 60) * 1000;
        const int zone_offset = offset_minutes_at(ms);
        if (zone_offset != *t.offset_minutes && out_.zone_source != "offsets") {
            const std::string detail = what + " " + format_local(wall_seconds * 1000, 0) +
                                       core::format_utc_offset(*t.offset_minutes) + " is " +
                                       format_local(ms, zone_offset) + " in " + zone_.name();
            if (*t.offset_minutes == 0)
                utc_notation_.add(where, detail);
            else
                contradiction_.add(where, detail);
        }
        return ms;
    }
    const TimeZone* zone = zone_for(t.tzid, where);
    const TimeZone::LocalResolution r = zone->to_unix(t.local);
    if (r.skipped) skipped_.add(where, format_local(wall_seconds * 1000, 0));
    if (r.repeated) repeated_.add(where, format_local(wall_seconds * 1000, 0));
    return r.unix_seconds * 1000;
}

void Finalizer::check_vtimezones() {
    if (timed_.empty()) return;
    std::int64_t lo = timed_.front().start, hi = timed_.front().end;
    for (const Timed& t : timed_) {
        lo = std::min(lo, t.start);
        hi = std::max(hi, t.end);
    }
    for (const auto& [tzid, declared] : raw_.vtimezone_offsets) {
        auto z = TimeZone::load(tzid, options_.zoneinfo_dir);
        if (!z) continue;  // not an IANA name: reported when a time uses it
        // The tz database's offsets in the year around the event.
        std::set<int> actual;
        for (const UtcOffsetPeriod& p : z->offsets_between(lo - 183 * kDayMs, hi + 183 * kDayMs))
            actual.insert(p.offset_minutes);
        bool contradicts = false;
        for (int o : declared)
            if (!actual.count(o)) contradicts = true;
        if (!contradicts) continue;
        std::string said, real;
        for (int o : std::set<int>(declared.begin(), declared.end()))
            said += (said.empty() ? "" : ", ") + core::format_utc_offset(o);
        for (int o : actual)
            real += (real.empty() ? "" : ", ") + core::format_utc_offset(o);
        warn(raw_.file,
             "the VTIMEZONE block for " + tzid + " declares the offsets " + said +
                 ", but the time zone database says " + real,
             "trusted the IANA name " + tzid + " and the time zone database, not the block");
    }
}

core::Result<bool> Finalizer::assign_days() {
    const size_t n = timed_.size();
    day_of_timed_.assign(n, -1);
    if (!raw_.days.empty()) {
        // Days as the file declares them (frab <day>, schedule2 conference.days).
        Tally wrong_dates;
        std::string unplaced;
        for (const RawDay& d : raw_.days) {
            ScheduleDay day;
            day.index = d.index;
            day.date = d.date;
            const auto s = instant(d.start, d.where, "day start");
            const auto e = instant(d.end, d.where, "day end");
            std::int64_t lo = INT64_MAX, hi = INT64_MIN;
            for (size_t i = 0; i < n; ++i)
                if (raw_.sessions[timed_[i].raw_index].raw_day ==
                    static_cast<int>(&d - raw_.days.data())) {
                    lo = std::min(lo, timed_[i].start);
                    hi = std::max(hi, timed_[i].end);
                }
            const auto date_days = parse_date(d.date);
            if (s && e && *e >= *s) {
                day.start_ms = *s;
                day.end_ms = *e;
            } else if (lo != INT64_MAX) {
                day.start_ms = lo;
                day.end_ms = hi;
            } else if (date_days) {
                core::CivilTime midnight = core::civil_from_unix_ms(*date_days * kDayMs, 0);
                day.start_ms = zone_.to_unix(midnight).unix_seconds * 1000;
                day.end_ms = day.start_ms + kDayMs;
            } else {
                // Nothing says when this day is; it would be listed as 1970-01-01.
                unplaced +=
                    (unplaced.empty() ? "" : "; ") + d.where + ": day " + std::to_string(d.index);
            }
            // wafer writes the UTC date of the day's start (DebConf 23: "2023-09-09" for a day
            // starting 03:00 on the 10th in Asia/Kolkata); the local date is the conference day.
            if (s && e && *e >= *s) {
                const std::string local = format_date(*s, offset_minutes_at(*s));
                if (!day.date.empty() && local != day.date)
                    wrong_dates.add(d.where, day.date + " -> " + local);
                day.date = local;
            }
            if (day.date.empty())
                day.date = format_date(day.start_ms, offset_minutes_at(day.start_ms));
            out_.days.push_back(day);
        }
        if (!unplaced.empty())
            return core::Error{raw_.file +
                               ": a day has no readable date and no session in it has a usable "
                               "time, so it cannot be placed on the calendar (" +
                               unplaced + "); write each day's date as YYYY-MM-DD"};
        if (wrong_dates.count)
            warn(wrong_dates.first_where,
                 std::to_string(wrong_dates.count) +
                     " day(s) carry a date that is not the local date of their start in " +
                     zone_.name() + " (first: " + wrong_dates.first_detail + ")",
                 "used the local date of each day's start");
        for (size_t i = 0; i < n; ++i) {
            const RawSession& s = raw_.sessions[timed_[i].raw_index];
            if (s.raw_day >= 0 && s.raw_day < static_cast<int>(out_.days.size())) {
                day_of_timed_[i] = s.raw_day;
                continue;
            }
            // No container: the declared day whose interval holds the start, else the nearest.
            int best = 0;
            std::int64_t best_distance = INT64_MAX;
            for (size_t d = 0; d < out_.days.size(); ++d) {
                const ScheduleDay& day = out_.days[d];
                const std::int64_t distance =
                    timed_[i].start < day.start_ms  ? day.start_ms - timed_[i].start
                    : timed_[i].start >= day.end_ms ? timed_[i].start - day.end_ms + 1
                                                    : 0;
                if (distance < best_distance) {
                    best_distance = distance;
                    best = static_cast<int>(d);
                }
            }
            if (best_distance > 0)
                warn(s.where, "the session starts outside every day the file declares",
                     "put it on the nearest day, " + out_.days[best].date);
            day_of_timed_[i] = best;
        }
        return true;
    }
    // No days in the file (iCalendar, OPass): local dates in the event's zone, with sessions in
    // the small hours kept on the previous day when that day has sessions.
    std::vector<std::int64_t> local_day(n);
    std::vector<int> local_hour(n);
    std::set<std::int64_t> daytime_dates;
    for (size_t i = 0; i < n; ++i) {
        const std::int64_t local_ms =
            timed_[i].start + offset_minutes_at(timed_[i].start) * 60000LL;
        local_day[i] = local_ms >= 0 ? local_ms / kDayMs : (local_ms - kDayMs + 1) / kDayMs;
        local_hour[i] = static_cast<int>((local_ms - local_day[i] * kDayMs) / 3600000);
        if (local_hour[i] >= kDerivedDayChangeHour) daytime_dates.insert(local_day[i]);
    }
    Tally moved_back;
    for (size_t i = 0; i < n; ++i)
        if (local_hour[i] < kDerivedDayChangeHour && daytime_dates.count(local_day[i] - 1)) {
            --local_day[i];
            moved_back.add(raw_.sessions[timed_[i].raw_index].where,
                           raw_.sessions[timed_[i].raw_index].title.text);
        }
    std::map<std::int64_t, int> index_of;
    for (size_t i = 0; i < n; ++i)
        index_of.emplace(local_day[i], 0);
    int k = 0;
    for (auto& [date, idx] : index_of) {
        idx = k++;
        ScheduleDay day;
        day.index = idx + 1;
        day.date = format_date(date * kDayMs, 0);
        day.start_ms = INT64_MAX;
        day.end_ms = INT64_MIN;
        out_.days.push_back(day);
    }
    for (size_t i = 0; i < n; ++i) {
        const int d = index_of[local_day[i]];
        day_of_timed_[i] = d;
        out_.days[d].start_ms = std::min(out_.days[d].start_ms, timed_[i].start);
        out_.days[d].end_ms = std::max(out_.days[d].end_ms, timed_[i].end);
    }
    if (moved_back.count)
        warn(moved_back.first_where,
             std::to_string(moved_back.count) + " session(s) start after midnight, before " +
                 std::to_string(kDerivedDayChangeHour) + ":00 (first: \"" +
                 moved_back.first_detail + "\")",
             "kept on the previous conference day, as the file has no day boundaries");
    return true;
}

void Finalizer::intern_and_dedupe() {
    std::map<std::string, int> room_index, track_index, speaker_index;
    std::map<std::string, const RawSpeaker*> speaker_by_key;
    for (const RawSpeaker& s : raw_.speakers)
        speaker_by_key.emplace(s.key, &s);
    auto room_of = [&](const RawSession& s) -> int {
        if (s.room.empty()) return -1;
        auto it = room_index.find(s.room);
        if (it != room_index.end()) return it->second;
        Room room;
        room.name.text = s.room;
        for (size_t i = 0; i < raw_.room_order.size(); ++i)
            if (raw_.room_order[i] == s.room) room.name.by_lang = raw_.room_order_texts[i].by_lang;
        if (room.name.by_lang.empty()) room.name.by_lang = s.room_translations.by_lang;
        out_.rooms.push_back(room);
        return room_index[s.room] = static_cast<int>(out_.rooms.size() - 1);
    };
    auto track_of = [&](const RawSession& s) -> int {
        if (s.track.empty()) return -1;
        auto it = track_index.find(s.track);
        if (it != track_index.end()) return it->second;
        Track track;
        track.name.text = s.track;
        for (const auto& [name, texts] : raw_.track_order)
            if (name == s.track) track.name.by_lang = texts.by_lang;
        out_.tracks.push_back(track);
        return track_index[s.track] = static_cast<int>(out_.tracks.size() - 1);
    };
    // Rooms in the file's order first, so the kiosk lists them as the organisers do.
    for (const std::string& name : raw_.room_order) {
        for (const Timed& t : timed_)
            if (raw_.sessions[t.raw_index].room == name) {
                room_of(raw_.sessions[t.raw_index]);
                break;
            }
    }
    int unused_rooms =
        static_cast<int>(raw_.room_order.size()) - static_cast<int>(out_.rooms.size());

    std::map<std::string, std::vector<size_t>> by_id;
    std::map<std::string, std::vector<std::string>> shared_ids;  // id -> where the repeats are
    for (size_t i = 0; i < timed_.size(); ++i) {
        const RawSession& r = raw_.sessions[timed_[i].raw_index];
        Session s;
        s.id = !r.id.empty() ? r.id : !r.guid.empty() ? r.guid : "session-" + std::to_string(i + 1);
        s.guid = r.guid;
        s.title = r.title;
        s.subtitle = r.subtitle;
        s.start_ms = timed_[i].start;
        s.end_ms = timed_[i].end;
        s.day = day_of_timed_[i];
        s.type = r.type;
        s.language = r.language;
        s.abstract = r.abstract;
        s.description = r.description;
        s.abstract_format = r.abstract_format;
        s.description_format = r.description_format;
        s.links = r.links;
        s.status = r.status;
        s.source = r.where;
        s.room = room_of(r);
        s.track = track_of(r);

        // A true duplicate (same id, title, times and room) is dropped; anything else that
        // shares an id is a distinct session and gets a distinct id.
        auto& same = by_id[s.id];
        bool duplicate = false;
        for (size_t j : same) {
            const Session& o = out_.sessions[j];
            if (o.title.text == s.title.text && o.start_ms == s.start_ms && o.end_ms == s.end_ms &&
                o.room == s.room) {
                warn(s.source, "session \"" + s.title.text + "\" repeats " + o.source + " exactly",
                     "dropped the repetition");
                duplicate = true;
            }
        }
        if (duplicate) continue;
        if (!same.empty()) {
            shared_ids[s.id].push_back(s.source);
            s.id += "#" + std::to_string(same.size() + 1);
        }
        for (const std::string& key : r.speaker_keys) {
            auto it = speaker_index.find(key);
            int idx;
            if (it != speaker_index.end()) {
                idx = it->second;
            } else {
                auto found = speaker_by_key.find(key);
                if (found == speaker_by_key.end()) continue;
                out_.speakers.push_back(found->second->speaker);
                idx = speaker_index[key] = static_cast<int>(out_.speakers.size() - 1);
            }
            if (std::find(s.speakers.begin(), s.speakers.end(), idx) == s.speakers.end())
                s.speakers.push_back(idx);
        }
        same.push_back(out_.sessions.size());
        out_.sessions.push_back(std::move(s));
    }
    for (const auto& [id, places] : shared_ids) {
        const Session& first = out_.sessions[by_id[id].front()];
        warn(first.source,
             "id \"" + id + "\" is used by " + std::to_string(places.size() + 1) +
                 " different sessions (also at " + places.front() +
                 (places.size() > 1 ? " and " + std::to_string(places.size() - 1) + " more" : "") +
                 ")",
             "kept them all as distinct sessions; the later ones have the ids \"" + id +
                 "#2\" and up");
    }
    if (unused_rooms > 0)
        warn(raw_.file,
             std::to_string(unused_rooms) + " room(s) listed in the file have no sessions",
             "not kept");
    const int unused_speakers =
        static_cast<int>(raw_.speakers.size()) - static_cast<int>(out_.speakers.size());
    if (unused_speakers > 0)
        warn(raw_.file,
             std::to_string(unused_speakers) + " speaker(s) listed in the file have no session",
             "not kept");
}

void Finalizer::report_overlaps() {
    std::map<int, std::vector<const Session*>> by_room;
    for (const Session& s : out_.sessions)
        if (s.room >= 0 && s.status != SessionStatus::cancelled && s.end_ms > s.start_ms)
            by_room[s.room].push_back(&s);
    for (auto& [room, list] : by_room) {
        const Session* latest = nullptr;  // the session ending last so far
        for (const Session* s : list) {
            if (latest && s->start_ms < latest->end_ms)
                warn(
                    s->source,
                    "\"" + s->title.text + "\" overlaps \"" + latest->title.text + "\" in room " +
                        out_.rooms[room].name.text + " (" +
                        format_local(s->start_ms, offset_minutes_at(s->start_ms)).substr(11) +
                        " < " +
                        format_local(latest->end_ms, offset_minutes_at(latest->end_ms)).substr(11) +
                        ")",
                    "kept both, as the file says");
            if (!latest || s->end_ms > latest->end_ms) latest = s;
        }
    }
}

core::Result<ImportedSchedule> Finalizer::run() {
    out_.source_file = raw_.file;
    out_.format = raw_.format;
    out_.title = raw_.title;
    out_.default_language = raw_.default_language;
    out_.languages = raw_.languages;
    out_.warnings = raw_.warnings;

    auto zone_ok = resolve_zone();
    if (!zone_ok) return core::Error{zone_ok.error()};
    out_.zone = zone_.name();

    // Instants for every session.
    int no_end = 0, negative = 0;
    std::string no_end_where, negative_where;
    for (size_t i = 0; i < raw_.sessions.size(); ++i) {
        RawSession& s = raw_.sessions[i];
        std::optional<std::int64_t> start = instant(s.start, s.where, "start");
        if (!start && s.clock_seconds) {
            std::string date = s.day_date;
            if (date.empty() && s.raw_day >= 0 && s.raw_day < static_cast<int>(raw_.days.size()))
                date = raw_.days[s.raw_day].date;
            if (const auto days = parse_date(date)) {
                int clock = *s.clock_seconds;
                std::int64_t day = *days;
                // frab: a clock time before the day change belongs to the next calendar date.
                const int change = raw_.day_change_seconds > 0 ? raw_.day_change_seconds : 0;
                if (clock < change) ++day;
                clock %= 86400;
                RawTime t;
                t.valid = true;
                t.local = core::civil_from_unix_ms((day * 86400 + clock) * 1000, 0);
                start = instant(t, s.where, "start");
                no_date_.add(s.where, s.title.text);
            }
        }
        if (!start) {
            warn(s.where, "session \"" + s.title.text + "\" has no usable start time",
                 "not imported");
            continue;
        }
        std::optional<std::int64_t> end = instant(s.end, s.where, "end");
        if (!end && s.duration_seconds) end = *start + *s.duration_seconds * 1000LL;
        if (!end) {
            if (no_end++ == 0) no_end_where = s.where;
            end = start;
        }
        if (*end < *start) {
            if (negative++ == 0) negative_where = s.where;
            end = start;
        }
        timed_.push_back(Timed{i, *start, *end});
    }
    if (no_end)
        warn(no_end_where, std::to_string(no_end) + " session(s) have no end time or duration",
             "shown with their start time only (zero length)");
    if (negative)
        warn(negative_where, std::to_string(negative) + " session(s) end before they start",
             "set their end to their start");
    if (timed_.empty())
        return core::Error{raw_.file + ": no session with a usable start time was found"};

    check_vtimezones();
    if (auto days = assign_days(); !days) return core::Error{days.error()};
    intern_and_dedupe();

    std::vector<size_t> order(out_.sessions.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Session &x = out_.sessions[a], &y = out_.sessions[b];
        return x.start_ms != y.start_ms ? x.start_ms < y.start_ms : x.room < y.room;
    });
    std::vector<Session> sorted;
    sorted.reserve(order.size());
    for (size_t i : order)
        sorted.push_back(std::move(out_.sessions[i]));
    out_.sessions = std::move(sorted);

    report_overlaps();
    int zero_length = 0;
    std::string zero_where;
    for (const Session& s : out_.sessions)
        if (s.end_ms == s.start_ms && zero_length++ == 0) zero_where = s.source;
    if (zero_length)
        warn(zero_where, std::to_string(zero_length) + " session(s) have zero length",
             "kept; shown with their start time only");

    if (utc_notation_.count)
        warn(utc_notation_.first_where,
             std::to_string(utc_notation_.count) +
                 " time(s) are written in UTC although the file's zone is " + zone_.name() +
                 " (first: " + utc_notation_.first_detail + ")",
             "kept the instants; they are shown in " + zone_.name());
    if (contradiction_.count)
        warn(contradiction_.first_where,
             "the zone " + zone_.name() + " contradicts the UTC offsets of " +
                 std::to_string(contradiction_.count) +
                 " time(s) (first: " + contradiction_.first_detail + ")",
             "kept the instants the offsets name and show them in " + zone_.name() +
                 "; pass --tz ZONE if the event's zone is another one");
    if (skipped_.count)
        warn(skipped_.first_where,
             std::to_string(skipped_.count) + " local time(s) do not exist in " + zone_.name() +
                 " (skipped by a daylight-saving change; first: " + skipped_.first_detail + ")",
             "read with the offset in force before the change");
    if (repeated_.count)
        warn(repeated_.first_where,
             std::to_string(repeated_.count) + " local time(s) occur twice in " + zone_.name() +
                 " (daylight-saving change; first: " + repeated_.first_detail + ")",
             "took the first occurrence");
    if (no_date_.count)
        warn(no_date_.first_where,
             std::to_string(no_date_.count) +
                 " session(s) have no <date>, only their day's date and a <start> time",
             "computed their instants as local times in " + zone_.name() +
                 (raw_.day_change_seconds > 0 ? ", times before the <day_change> on the next date"
                                              : std::string{}));
    if (unknown_tzid_.count)
        warn(unknown_tzid_.first_where,
             std::to_string(unknown_tzid_.count) + " time(s) use the TZID \"" +
                 unknown_tzid_.first_detail + "\", which is not an IANA zone name",
             "read them as local times in " + zone_.name());
    raw_.clean.append_warnings(out_.warnings);

    // Offsets for the whole event, a day either side, so "tomorrow" near the edges is right too.
    std::int64_t lo = out_.sessions.front().start_ms, hi = lo;
    for (const Session& s : out_.sessions) {
        lo = std::min(lo, s.start_ms);
        hi = std::max(hi, s.end_ms);
    }
    for (const ScheduleDay& d : out_.days) {
        lo = std::min(lo, d.start_ms);
        hi = std::max(hi, d.end_ms);
    }
    out_.utc_offsets = zone_.offsets_between(lo - kDayMs, hi + kDayMs);

    if (out_.languages.empty()) {
        for (const Session& s : out_.sessions)
            if (!s.language.empty() && std::find(out_.languages.begin(), out_.languages.end(),
                                                 s.language) == out_.languages.end())
                out_.languages.push_back(s.language);
    }
    return std::move(out_);
}

}  // namespace

core::Result<ImportedSchedule> finalize(RawSchedule raw, const ImportOptions& options) {
    Finalizer f(raw, options);
    return f.run();
}

}  // namespace plaza::schedule::detail
