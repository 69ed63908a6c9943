// SPDX-License-Identifier: GPL-3.0-or-later
// iCalendar (.ics) schedules with libical: pretalx exports, hand-rolled generators, phone-app
// exports. Before libical sees the text, a pre-pass repairs what real files get wrong and counts
// it: CR CR LF and lone CR line endings, folded lines that split a UTF-8 character (lines are
// unfolded as bytes first, then decoded - RFC 5545 3.1 folds octets, not characters), lines that
// lost their folding space, and a "VTIMEZONE: Europe/Rome" written as a property. Times with a
// TZID are resolved by IANA name in the tz database, not by the file's VTIMEZONE block (pretalx
// has shipped blocks with wrong offsets; see testdata SOURCES.md, pyconau as-downloaded).
#include <libical/ical.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "bundle/schedule/importer_internal.h"

namespace plaza::schedule::detail {

namespace {

struct CalendarDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// "NAME:" or "NAME;" at the start of a line: a content line (RFC 5545 3.1).
bool starts_content_line(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && is_name_char(line[i]))
        ++i;
    return i > 0 && i < line.size() && (line[i] == ':' || line[i] == ';');
}

// True when `bytes` ends in the middle of a UTF-8 sequence.
bool ends_mid_utf8(std::string_view bytes) {
    size_t back = 0;
    for (size_t i = bytes.size(); i > 0 && back < 4; --i, ++back) {
        const unsigned char c = static_cast<unsigned char>(bytes[i - 1]);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
        if (c < 0x80) return false;
        const size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return back + 1 < need;
    }
    return false;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

int parse_utc_offset(std::string_view v) {  // "+0930" -> 570
    if (v.size() < 5 || (v[0] != '+' && v[0] != '-')) return 0;
    const int h = (v[1] - '0') * 10 + (v[2] - '0'), m = (v[3] - '0') * 10 + (v[4] - '0');
    return (v[0] == '-' ? -1 : 1) * (h * 60 + m);
}

struct Prepared {
    std::string text;               // unfolded content lines joined by CRLF
    std::vector<int> vevent_lines;  // physical line of each BEGIN:VEVENT
    std::string x_wr_timezone, vtimezone_property;
    int x_wr_line = 0, vtimezone_property_line = 0;
    std::set<std::string> vtimezone_ids;
    // X-LIC-ERROR lines the file already had: another program's (libical-based) parse errors,
    // written out with the calendar. Taken out so they are not reported as Plaza's own.
    int existing_lic_errors = 0, existing_lic_error_line = 0;
    std::string existing_lic_error_text;
};

Prepared prepare(const std::string& data, RawSchedule& raw) {
    Prepared out;
    // Physical lines: CR* LF, or a lone CR, ends a line.
    struct Physical {
        std::string_view text;
        int number;
    };
    std::vector<Physical> physical;
    int crcrlf = 0, lone_cr = 0, crcrlf_first = 0, lone_cr_first = 0;
    size_t start = 0;
    int number = 1;
    for (size_t i = 0; i < data.size(); ++i) {
        if (data[i] != '\r' && data[i] != '\n') continue;
        size_t j = i;
        int crs = 0;
        while (j < data.size() && data[j] == '\r') {
            ++crs;
            ++j;
        }
        const bool lf = j < data.size() && data[j] == '\n';
        if (crs >= 2 && lf && crcrlf++ == 0) crcrlf_first = number;
        if (crs >= 1 && !lf && lone_cr++ == 0) lone_cr_first = number;
        physical.push_back(Physical{std::string_view(data).substr(start, i - start), number++});
        i = lf ? j : j - 1;
        start = i + 1;
    }
    if (start < data.size())
        physical.push_back(Physical{std::string_view(data).substr(start), number});
    if (crcrlf)
        raw.warn(raw.file + ":" + std::to_string(crcrlf_first),
                 std::to_string(crcrlf) + " line(s) end in CR CR LF",
                 "read as one line end (the extra CR would otherwise end up in the text)");
    if (lone_cr)
        raw.warn(raw.file + ":" + std::to_string(lone_cr_first),
                 std::to_string(lone_cr) + " line(s) end in a lone CR", "read as line ends");

    // Unfold as bytes.
    struct Logical {
        std::string text;
        int number;
    };
    std::vector<Logical> logical;
    int split_utf8 = 0, split_first = 0, unfolded_broken = 0, broken_first = 0;
    for (const Physical& p : physical) {
        if (!p.text.empty() && (p.text[0] == ' ' || p.text[0] == '\t') && !logical.empty()) {
            if (ends_mid_utf8(logical.back().text) && split_utf8++ == 0) split_first = p.number;
            logical.back().text.append(p.text.substr(1));
        } else if (p.text.empty()) {
            continue;
        } else if (!starts_content_line(p.text) && !logical.empty()) {
            if (unfolded_broken++ == 0) broken_first = p.number;
            logical.back().text.append("\\n");
            logical.back().text.append(p.text);
        } else {
            logical.push_back(Logical{std::string(p.text), p.number});
        }
    }
    if (split_utf8)
        raw.warn(
            raw.file + ":" + std::to_string(split_first),
            std::to_string(split_utf8) + " folded line(s) split a UTF-8 character across the fold",
            "unfolded the bytes before decoding, which rejoins the character");
    if (unfolded_broken)
        raw.warn(raw.file + ":" + std::to_string(broken_first),
                 std::to_string(unfolded_broken) +
                     " line(s) continue the previous value without the folding space",
                 "joined to the previous line as a new line of its text");

    bool in_vtimezone = false;
    std::string current_tzid;
    std::vector<int> current_offsets;
    for (const Logical& l : logical) {
        const std::string up = upper(std::string_view(l.text).substr(0, 20));
        auto value_of = [&](const std::string& line) {
            const size_t colon = line.find(':');
            std::string v = colon == std::string::npos ? "" : line.substr(colon + 1);
            while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
                v.erase(v.begin());
            while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
                v.pop_back();
            return v;
        };
        if (up.rfind("BEGIN:VEVENT", 0) == 0) out.vevent_lines.push_back(l.number);
        if (up.rfind("BEGIN:VTIMEZONE", 0) == 0) {
            in_vtimezone = true;
            current_tzid.clear();
            current_offsets.clear();
        } else if (up.rfind("END:VTIMEZONE", 0) == 0) {
            in_vtimezone = false;
            if (!current_tzid.empty()) {
                out.vtimezone_ids.insert(current_tzid);
                raw.vtimezone_offsets.emplace_back(current_tzid, current_offsets);
            }
        } else if (in_vtimezone && up.rfind("TZID", 0) == 0) {
            current_tzid = value_of(l.text);
        } else if (in_vtimezone && up.rfind("TZOFFSET", 0) == 0) {
            current_offsets.push_back(parse_utc_offset(value_of(l.text)));
        } else if (up.rfind("X-WR-TIMEZONE", 0) == 0) {
            out.x_wr_timezone = value_of(l.text);
            out.x_wr_line = l.number;
        } else if (up.rfind("X-LIC-ERROR", 0) == 0) {
            if (out.existing_lic_errors++ == 0) {
                out.existing_lic_error_line = l.number;
                out.existing_lic_error_text = value_of(l.text);
            }
            continue;
        } else if (up.rfind("VTIMEZONE:", 0) == 0 || up.rfind("VTIMEZONE ", 0) == 0) {
            // A hand-rolled generator wrote the zone as a property; libical would reject it.
            out.vtimezone_property = value_of(l.text);
            out.vtimezone_property_line = l.number;
            raw.warn(raw.file + ":" + std::to_string(l.number),
                     "\"" + l.text + "\" is not iCalendar (VTIMEZONE is a component)",
                     "read it as the calendar's time zone name");
            continue;
        }
        out.text += l.text;
        out.text += "\r\n";
    }
    return out;
}

std::string text_of(icalcomponent* ev, icalproperty_kind kind) {
    icalproperty* p = icalcomponent_get_first_property(ev, kind);
    if (!p) return {};
    icalvalue* v = icalproperty_get_value(p);
    if (!v) return {};
    const char* s = nullptr;
    if (icalvalue_isa(v) == ICAL_TEXT_VALUE)
        s = icalvalue_get_text(v);
    else
        s = icalvalue_as_ical_string(v);
    return s ? s : "";
}

std::string param_of(icalproperty* p, icalparameter_kind kind) {
    icalparameter* param = icalproperty_get_first_parameter(p, kind);
    if (!param) return {};
    const char* s = nullptr;
    if (kind == ICAL_TZID_PARAMETER) s = icalparameter_get_tzid(param);
    if (kind == ICAL_CN_PARAMETER) s = icalparameter_get_cn(param);
    std::string out = s ? s : "";
    if (out.size() >= 2 && out.front() == '"' && out.back() == '"')
        out = out.substr(1, out.size() - 2);
    return out;
}

RawTime time_of(icalcomponent* ev, icalproperty_kind kind, bool& all_day) {
    RawTime t;
    icalproperty* p = icalcomponent_get_first_property(ev, kind);
    if (!p) return t;
    const icaltimetype v =
        kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart(p) : icalproperty_get_dtend(p);
    if (icaltime_is_null_time(v) || !icaltime_is_valid_time(v)) return t;
    if (v.is_date) {
        all_day = true;
        return t;
    }
    if (v.year < 1900 || v.year > 2200 || v.month < 1 || v.month > 12 || v.day < 1 || v.day > 31 ||
        v.hour < 0 || v.hour > 23 || v.minute < 0 || v.minute > 59 || v.second < 0 || v.second > 60)
        return t;
    t.valid = true;
    t.local.year = v.year;
    t.local.month = v.month;
    t.local.day = v.day;
    t.local.hour = v.hour;
    t.local.minute = v.minute;
    t.local.second = v.second;
    if (icaltime_is_utc(v))
        t.offset_minutes = 0;
    else
        t.tzid = param_of(p, ICAL_TZID_PARAMETER);
    return t;
}

// "Speaker: Ada Lovelace\n..." / "Speakers: A, B and C\n..." at the start of a description (the
// symposion exporter behind linux.conf.au writes speakers only there).
std::vector<std::string> take_speaker_line(std::string& description) {
    std::vector<std::string> names;
    for (const char* prefix : {"Speaker: ", "Speakers: "}) {
        if (description.rfind(prefix, 0) != 0) continue;
        const size_t nl = description.find('\n');
        std::string list = description.substr(std::strlen(prefix), nl == std::string::npos
                                                                       ? std::string::npos
                                                                       : nl - std::strlen(prefix));
        description = nl == std::string::npos ? "" : description.substr(nl + 1);
        for (size_t pos = 0; pos <= list.size();) {
            size_t next = list.find(", ", pos);
            size_t and_pos = list.find(" and ", pos);
            size_t cut = std::min(next, and_pos);
            std::string name =
                list.substr(pos, cut == std::string::npos ? std::string::npos : cut - pos);
            if (!name.empty()) names.push_back(name);
            if (cut == std::string::npos) break;
            pos = cut + (cut == next ? 2 : 5);
        }
        break;
    }
    return names;
}

// libical's icalparser_parse_string() searches the whole rest of the text for the next line end
// on every read of at most 80 bytes, so one long line costs time quadratic in its length (a 30 MB
// line took minutes; libical 3.0.16 src/libical/icalparser.c, icalparser_string_line_generator).
// This reader gives libical the same chunks but searches only as far as the chunk reaches.
struct ChunkReader {
    const char* pos;
    const char* end;
};

char* read_chunk(char* out, size_t size, void* data) {
    auto& reader = *static_cast<ChunkReader*>(data);
    if (reader.pos == reader.end || size < 2) return nullptr;
    size_t n = std::min(size - 1, static_cast<size_t>(reader.end - reader.pos));
    if (const void* lf = std::memchr(reader.pos, '\n', n))
        n = static_cast<size_t>(static_cast<const char*>(lf) - reader.pos) + 1;
    std::memcpy(out, reader.pos, n);
    out[n] = '\0';
    reader.pos += n;
    return out;
}

icalcomponent* parse_calendar(const std::string& text) {
    // Like icalparser_parse_string(): the text ends at its first NUL byte, and malformed data is
    // reported in X-LIC-ERROR properties rather than as an error.
    ChunkReader reader{text.c_str(), text.c_str() + std::strlen(text.c_str())};
    icalparser* parser = icalparser_new();
    icalparser_set_gen_data(parser, &reader);
    const icalerrorstate state = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
    icalcomponent* calendar = icalparser_parse(parser, read_chunk);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, state);
    icalparser_free(parser);
    return calendar;
}

// "20240319T090000": a wall-clock reading, to match EXDATE and RECURRENCE-ID to occurrences.
std::string local_key(const icaltimetype& t) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second);
    return buf;
}

std::string date_key(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::int64_t seconds_of(const core::CivilTime& t) {
    return core::days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 +
           t.second;
}

struct Recurring {
    size_t session;  // the event as written, in raw.sessions
    icalcomponent* event;
};

// Recurring events (RRULE) become one session per occurrence within the event's dates, with
// libical's recurrence iterator; EXDATE removes occurrences, and an occurrence that another
// VEVENT overrides (same UID, RECURRENCE-ID) is left to that VEVENT.
void expand_recurring(RawSchedule& raw, const std::vector<Recurring>& recurring,
                      const std::map<std::string, std::set<std::string>>& overridden) {
    if (recurring.empty()) return;
    std::string first = raw.first_day, last = raw.last_day, window = "the event's dates";
    std::set<size_t> masters;
    for (const Recurring& r : recurring)
        masters.insert(r.session);
    if (first.empty() || last.empty()) {
        first.clear();
        last.clear();
        window = "the dates of the file's other events";
        for (size_t i = 0; i < raw.sessions.size(); ++i) {
            const RawTime& t = raw.sessions[i].start;
            if (masters.count(i) || !t.valid) continue;
            const std::string day = date_key(t.local.year, t.local.month, t.local.day);
            if (first.empty() || day < first) first = day;
            if (last.empty() || day > last) last = day;
        }
    }
    // A calendar of nothing but recurring events, and no event dates: two weeks from the first.
    constexpr std::int64_t kFortnightDays = 13;
    if (first.empty()) {
        window = "two weeks from the first recurring event";
        for (size_t i : masters) {
            const RawTime& t = raw.sessions[i].start;
            if (!t.valid) continue;
            const std::string day = date_key(t.local.year, t.local.month, t.local.day);
            if (first.empty() || day < first) first = day;
        }
        if (first.empty()) return;
        int y = 0, m = 0, d = 0;
        core::read_digits(first, 0, 4, y);
        core::read_digits(first, 5, 2, m);
        core::read_digits(first, 8, 2, d);
        const core::CivilTime end = core::civil_from_unix_ms(
            (core::days_from_civil(y, m, d) + kFortnightDays) * 86400000, 0);
        last = date_key(end.year, end.month, end.day);
    }
    // Bounds for a rule that never ends or repeats every minute: a schedule has far fewer.
    // The steps are counted over all rules, so a file of many such rules stays quick too.
    constexpr int kMaxOccurrences = 1000, kMaxSteps = 200000;
    int steps_left = kMaxSteps;
    std::vector<RawSession> occurrences;
    std::vector<size_t> kept_masters;
    int expanded = 0, capped = 0;
    for (const Recurring& r : recurring) {
        const RawSession& master = raw.sessions[r.session];
        icalproperty* rrule = icalcomponent_get_first_property(r.event, ICAL_RRULE_PROPERTY);
        icalproperty* dt = icalcomponent_get_first_property(r.event, ICAL_DTSTART_PROPERTY);
        if (!master.start.valid || !rrule || !dt) {
            kept_masters.push_back(r.session);
            continue;
        }
        // The rule steps through wall-clock readings; each occurrence then gets the master's
        // TZID (or UTC), so daylight-saving changes inside the event are placed correctly.
        icaltimetype start = icalproperty_get_dtstart(dt);
        start.zone = nullptr;
        icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), start);
        if (!it) {
            kept_masters.push_back(r.session);
            continue;
        }
        std::set<std::string> skip;
        if (auto o = overridden.find(master.id); o != overridden.end()) skip = o->second;
        for (icalproperty* ex = icalcomponent_get_first_property(r.event, ICAL_EXDATE_PROPERTY); ex;
             ex = icalcomponent_get_next_property(r.event, ICAL_EXDATE_PROPERTY))
            skip.insert(local_key(icalproperty_get_exdate(ex)));
        std::optional<int> duration = master.duration_seconds;
        if (master.end.valid)
            duration =
                static_cast<int>(seconds_of(master.end.local) - seconds_of(master.start.local));
        ++expanded;
        int made = 0;
        for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
             t = icalrecur_iterator_next(it)) {
            const std::string day = date_key(t.year, t.month, t.day);
            if (day > last) break;
            if (--steps_left < 0 || made >= kMaxOccurrences) {
                ++capped;
                break;
            }
            const std::string key = local_key(t);
            if (day < first || skip.count(key)) continue;
            RawSession copy = master;
            copy.id = master.id + "@" + key;
            copy.start.local = core::CivilTime{t.year, t.month, t.day, t.hour, t.minute, t.second};
            copy.end = RawTime{};
            copy.duration_seconds = duration;
            occurrences.push_back(std::move(copy));
            ++made;
        }
        icalrecur_iterator_free(it);
    }
    if (expanded == 0) return;
    const std::string where = raw.sessions[recurring.front().session].where;
    const size_t count = occurrences.size();
    std::vector<RawSession> sessions;
    for (size_t i = 0; i < raw.sessions.size(); ++i) {
        if (!masters.count(i) ||
            std::find(kept_masters.begin(), kept_masters.end(), i) != kept_masters.end())
            sessions.push_back(std::move(raw.sessions[i]));
    }
    for (RawSession& o : occurrences)
        sessions.push_back(std::move(o));
    raw.sessions = std::move(sessions);
    raw.warn(where,
             std::to_string(expanded) + " recurring event(s) (RRULE) expanded into " +
                 std::to_string(count) + " session(s) from " + first + " to " + last + " (" +
                 window + ")",
             "left out the dates EXDATE removes and the occurrences other events change "
             "(RECURRENCE-ID)" +
                 std::string(capped ? "; stopped " + std::to_string(capped) +
                                          " rule(s) early: at most " +
                                          std::to_string(kMaxOccurrences) + " occurrences each, " +
                                          std::to_string(kMaxSteps) + " steps in all"
                                    : ""));
}

}  // namespace

core::Result<bool> import_icalendar(const std::string& data, RawSchedule& raw) {
    raw.format = "icalendar";
    // libical aborts on errors unless told otherwise; a bad file must never end the process.
    icalerror_set_errors_are_fatal(0);
    Prepared prepared = prepare(data, raw);
    std::unique_ptr<icalcomponent, CalendarDeleter> root(parse_calendar(prepared.text));
    if (!root) return core::Error{"not a readable iCalendar file (libical found no calendar)"};

    std::vector<icalcomponent*> calendars;
    if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) {
        calendars.push_back(root.get());
    } else {
        for (icalcomponent* c =
                 icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
             c; c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
            calendars.push_back(c);
    }
    if (calendars.empty()) return core::Error{"no VCALENDAR in the file"};

    bool pretalx = false;
    for (icalcomponent* cal : calendars) {
        const std::string prodid = text_of(cal, ICAL_PRODID_PROPERTY);
        if (prodid.find("pretalx") != std::string::npos) pretalx = true;
        if (raw.title.text.empty()) {
            for (icalproperty* p = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY); p;
                 p = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY)) {
                const char* name = icalproperty_get_x_name(p);
                if (name && (std::string_view(name) == "X-WR-CALNAME")) {
                    const char* v = icalproperty_get_value_as_string(p);
                    raw.title.text = clean_line(v ? v : "", raw.file, raw.clean);
                }
            }
        }
    }

    std::set<std::string> organisers;  // distinct ORGANIZER names of speaker-less events
    struct Pending {
        size_t session;
        std::string organiser;
    };
    std::vector<Pending> pending_organisers;
    std::vector<Recurring> recurring;
    std::map<std::string, std::set<std::string>> overridden;  // UID -> RECURRENCE-ID readings
    int invitees = 0;
    std::string invitee_where;
    std::map<std::string, int> tzid_uses;
    size_t ordinal = 0;
    int all_day = 0, lic_errors = 0;
    std::string all_day_where, lic_error_where, lic_error_text;
    for (icalcomponent* cal : calendars) {
        for (icalproperty* p = icalcomponent_get_first_property(cal, ICAL_XLICERROR_PROPERTY); p;
             p = icalcomponent_get_next_property(cal, ICAL_XLICERROR_PROPERTY)) {
            if (lic_errors++ == 0) {
                lic_error_where = raw.file;
                const char* e = icalproperty_get_xlicerror(p);
                lic_error_text = e ? e : "";
            }
        }
        for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
             ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), ++ordinal) {
            RawSession s;
            s.where = raw.file + ":" +
                      std::to_string(ordinal < prepared.vevent_lines.size()
                                         ? prepared.vevent_lines[ordinal]
                                         : 0);
            for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY); p;
                 p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
                if (lic_errors++ == 0) {
                    lic_error_where = s.where;
                    const char* e = icalproperty_get_xlicerror(p);
                    lic_error_text = e ? e : "";
                }
            }
            bool is_all_day = false;
            s.start = time_of(ev, ICAL_DTSTART_PROPERTY, is_all_day);
            s.end = time_of(ev, ICAL_DTEND_PROPERTY, is_all_day);
            if (is_all_day) {
                if (all_day++ == 0) all_day_where = s.where;
                continue;
            }
            if (!s.end.valid) {
                if (icalproperty* d =
                        icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY)) {
                    const int seconds = icaldurationtype_as_int(icalproperty_get_duration(d));
                    if (seconds >= 0 && seconds < 7 * 86400) s.duration_seconds = seconds;
                }
            }
            if (!s.start.tzid.empty()) ++tzid_uses[s.start.tzid];
            s.id = clean_line(text_of(ev, ICAL_UID_PROPERTY), s.where, raw.clean);
            if (icalproperty* rid =
                    icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
                const std::string key = local_key(icalproperty_get_recurrenceid(rid));
                overridden[s.id].insert(key);
                s.id += "@" + key;
            }
            std::string summary =
                clean_line(text_of(ev, ICAL_SUMMARY_PROPERTY), s.where, raw.clean);
            std::vector<std::string> speaker_names;
            if (pretalx) {
                // pretalx writes SUMMARY as "<title> - <speaker>, <speaker>".
                const size_t dash = summary.rfind(" - ");
                if (dash != std::string::npos) {
                    const std::string list = summary.substr(dash + 3);
                    summary.resize(dash);
                    for (size_t pos = 0; pos <= list.size();) {
                        const size_t comma = list.find(", ", pos);
                        speaker_names.push_back(list.substr(
                            pos, comma == std::string::npos ? std::string::npos : comma - pos));
                        if (comma == std::string::npos) break;
                        pos = comma + 2;
                    }
                }
            }
            s.title.text = summary;
            s.status = take_status_prefix(s.title.text);
            if (s.status != SessionStatus::confirmed)
                raw.clean.note(
                    "status given only as a title prefix (\"CANCELLED - ...\")|removed "
                    "the prefix and marked the session cancelled (or moved)",
                    s.where);
            if (icalproperty* st = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY))
                if (icalproperty_get_status(st) == ICAL_STATUS_CANCELLED)
                    s.status = SessionStatus::cancelled;
            s.room = clean_line(text_of(ev, ICAL_LOCATION_PROPERTY), s.where, raw.clean);
            s.track = clean_line(text_of(ev, ICAL_CATEGORIES_PROPERTY), s.where, raw.clean);
            std::string description =
                clean_block(text_of(ev, ICAL_DESCRIPTION_PROPERTY), s.where, raw.clean);
            for (icalproperty* a = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); a;
                 a = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
                // Schedule exporters list speakers as ATTENDEEs without an e-mail address (the
                // FOSDEM app, pretalx); a calendar program lists the people invited, the
                // calendar's owner among them, by mailto: address and with their replies.
                const char* address = icalproperty_get_attendee(a);
                if ((address && upper(address).rfind("MAILTO:", 0) == 0) ||
                    icalproperty_get_first_parameter(a, ICAL_PARTSTAT_PARAMETER) ||
                    icalproperty_get_first_parameter(a, ICAL_RSVP_PARAMETER)) {
                    if (invitees++ == 0) invitee_where = s.where;
                    continue;
                }
                const std::string cn =
                    clean_line(param_of(a, ICAL_CN_PARAMETER), s.where, raw.clean);
                if (!cn.empty()) speaker_names.push_back(cn);
            }
            if (speaker_names.empty()) speaker_names = take_speaker_line(description);
            s.description.text =
                clean_rich_text(description, false, s.where, raw.clean, s.description_format);
            const std::string url = clean_line(text_of(ev, ICAL_URL_PROPERTY), s.where, raw.clean);
            if (!url.empty()) s.links.push_back(Link{url, "Website"});
            raw.add_track(s.track);
            for (const std::string& n : speaker_names) {
                const std::string name = clean_line(n, s.where, raw.clean);
                if (name.empty()) continue;
                RawSpeaker sp;
                sp.key = "name:" + name;
                sp.speaker.id = name;
                sp.speaker.name = name;
                s.speaker_keys.push_back(raw.add_speaker(std::move(sp)));
            }
            if (s.speaker_keys.empty()) {
                if (icalproperty* o =
                        icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY)) {
                    const std::string cn =
                        clean_line(param_of(o, ICAL_CN_PARAMETER), s.where, raw.clean);
                    if (!cn.empty()) {
                        organisers.insert(cn);
                        pending_organisers.push_back(Pending{raw.sessions.size(), cn});
                    }
                }
            }
            if (icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY))
                recurring.push_back(Recurring{raw.sessions.size(), ev});
            raw.sessions.push_back(std::move(s));
        }
    }
    if (lic_errors)
        raw.warn(lic_error_where,
                 std::to_string(lic_errors) +
                     " line(s) libical could not parse (first: " + lic_error_text + ")",
                 "ignored those lines");
    if (prepared.existing_lic_errors)
        raw.warn(raw.file + ":" + std::to_string(prepared.existing_lic_error_line),
                 std::to_string(prepared.existing_lic_errors) +
                     " X-LIC-ERROR line(s) were already in the file, left there by the program "
                     "that wrote it (first: " +
                     prepared.existing_lic_error_text + ")",
                 "not errors in reading it; ignored those lines");
    if (invitees)
        raw.warn(invitee_where,
                 std::to_string(invitees) +
                     " ATTENDEE(s) with an e-mail address or a reply: people invited (often the "
                     "calendar's owner), not speakers",
                 "left them out");
    if (all_day)
        raw.warn(all_day_where, std::to_string(all_day) + " all-day entr(y/ies)",
                 "not imported: a schedule session needs a start time");
    // ORGANIZER is the calendar owner in most files; a hand-rolled generator (moca) uses it for
    // the speaker. Only when it differs between events is it taken as the speaker.
    if (organisers.size() > 1 && !pending_organisers.empty()) {
        for (const Pending& p : pending_organisers) {
            RawSpeaker sp;
            sp.key = "name:" + p.organiser;
            sp.speaker.id = p.organiser;
            sp.speaker.name = p.organiser;
            raw.sessions[p.session].speaker_keys.push_back(raw.add_speaker(std::move(sp)));
        }
        raw.warn(raw.sessions[pending_organisers.front().session].where,
                 std::to_string(pending_organisers.size()) +
                     " event(s) name a person only as ORGANIZER, and it differs between events",
                 "took the ORGANIZER's name as the session's speaker");
    }

    expand_recurring(raw, recurring, overridden);

    // The zone: the TZID the times use, else X-WR-TIMEZONE, else the pseudo-property.
    std::string main_tzid;
    int best = 0;
    for (const auto& [tzid, uses] : tzid_uses)
        if (uses > best) {
            best = uses;
            main_tzid = tzid;
        }
    if (!main_tzid.empty()) {
        raw.declared_zone = main_tzid;
        raw.declared_zone_where = raw.file;
        raw.declared_zone_kind = "TZID";
        for (const auto& [tzid, uses] : tzid_uses)
            if (!prepared.vtimezone_ids.count(tzid))
                raw.warn(raw.file,
                         "TZID=" + tzid + " is used by " + std::to_string(uses) +
                             " time(s) but the file has no VTIMEZONE for it",
                         "resolved " + tzid + " in the time zone database by its IANA name");
        if (!prepared.x_wr_timezone.empty() && prepared.x_wr_timezone != main_tzid)
            raw.warn(raw.file + ":" + std::to_string(prepared.x_wr_line),
                     "X-WR-TIMEZONE " + prepared.x_wr_timezone + " differs from the TZID " +
                         main_tzid + " the times use",
                     "used " + main_tzid);
    } else if (!prepared.x_wr_timezone.empty()) {
        raw.declared_zone = prepared.x_wr_timezone;
        raw.declared_zone_where = raw.file + ":" + std::to_string(prepared.x_wr_line);
        raw.declared_zone_kind = "X-WR-TIMEZONE";
    } else if (!prepared.vtimezone_property.empty()) {
        raw.declared_zone = prepared.vtimezone_property;
        raw.declared_zone_where = raw.file + ":" + std::to_string(prepared.vtimezone_property_line);
        raw.declared_zone_kind = "VTIMEZONE property";
    } else if (prepared.vtimezone_ids.size() == 1) {
        raw.declared_zone = *prepared.vtimezone_ids.begin();
        raw.declared_zone_where = raw.file;
        raw.declared_zone_kind = "VTIMEZONE";
    }
    return true;
}

}  // namespace plaza::schedule::detail
