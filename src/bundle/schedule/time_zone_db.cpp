// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/schedule/time_zone_db.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace plaza::schedule {

namespace {

constexpr std::int64_t kMaxTzifBytes = 1 << 20;  // real files are under 4 KB

std::int64_t read_be(const std::string& data, size_t pos, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | static_cast<unsigned char>(data[pos + i]);
    if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

bool valid_zone_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' ||
        name.find("..") != std::string::npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '/' || c == '_' || c == '-' || c == '+';
    });
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int month_days(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// POSIX TZ offsets count hours west of Greenwich: "CET-1" is UTC+1.
bool parse_hms(const std::string& s, size_t& pos, int& seconds, bool allow_sign) {
    int sign = 1;
    if (allow_sign && pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        sign = s[pos] == '-' ? -1 : 1;
        ++pos;
    }
    int parts[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) {
            if (pos >= s.size() || s[pos] != ':') break;
            ++pos;
        }
        const size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - start < 3)
            parts[i] = parts[i] * 10 + (s[pos++] - '0');
        if (pos == start) return false;
    }
    seconds = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    return true;
}

bool parse_abbreviation(const std::string& s, size_t& pos, std::string& out) {
    if (pos < s.size() && s[pos] == '<') {
        const size_t close = s.find('>', pos);
        if (close == std::string::npos) return false;
        out = s.substr(pos + 1, close - pos - 1);
        pos = close + 1;
        return true;
    }
    const size_t start = pos;
    while (pos < s.size() && ((s[pos] >= 'A' && s[pos] <= 'Z') || (s[pos] >= 'a' && s[pos] <= 'z')))
        ++pos;
    out = s.substr(start, pos - start);
    return out.size() >= 3;
}

}  // namespace

bool TimeZone::parse_footer(const std::string& s, Footer& out) {
    size_t pos = 0;
    int std_offset = 0;
    if (!parse_abbreviation(s, pos, out.standard.abbreviation) ||
        !parse_hms(s, pos, std_offset, true))
        return false;
    out.standard.offset_seconds = -std_offset;
    out.present = true;
    if (pos == s.size()) return true;
    if (!parse_abbreviation(s, pos, out.daylight.abbreviation)) return false;
    out.daylight.dst = true;
    out.daylight.offset_seconds = out.standard.offset_seconds + 3600;
    if (pos < s.size() && s[pos] != ',') {
        int dst_offset = 0;
        if (!parse_hms(s, pos, dst_offset, true)) return false;
        out.daylight.offset_seconds = -dst_offset;
    }
    RuleDate* rules[2] = {&out.start, &out.end};
    for (RuleDate* r : rules) {
        if (pos >= s.size() || s[pos] != ',') return false;
        ++pos;
        if (pos < s.size() && s[pos] == 'M') {
            r->kind = 'M';
            if (std::sscanf(s.c_str() + pos + 1, "%d.%d.%d", &r->month, &r->week, &r->weekday) !=
                    3 ||
                r->month < 1 || r->month > 12 || r->week < 1 || r->week > 5 || r->weekday < 0 ||
                r->weekday > 6)
                return false;
            ++pos;
            while (pos < s.size() && s[pos] != '/' && s[pos] != ',')
                ++pos;
        } else {
            r->kind = 'D';
            if (pos < s.size() && s[pos] == 'J') {
                r->kind = 'J';
                ++pos;
            }
            const size_t start = pos;
            r->day = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - start < 3)
                r->day = r->day * 10 + (s[pos++] - '0');
            if (pos == start || r->day > 365 || (r->kind == 'J' && r->day < 1)) return false;
        }
        if (pos < s.size() && s[pos] == '/') {
            ++pos;
            if (!parse_hms(s, pos, r->time_seconds, true)) return false;
        }
    }
    out.has_dst = true;
    return pos == s.size();
}

core::Result<TimeZone> TimeZone::load(const std::string& name, const std::string& zoneinfo_dir) {
    if (!valid_zone_name(name))
        return core::Error{"\"" + name + "\" is not an IANA time zone name (like Europe/Madrid)"};
    const std::string path = zoneinfo_dir + "/" + name;
    // "Europe" or "Europe/" names a folder of the database, and reading a folder through a
    // stream throws; only a regular file is a zone.
    struct stat st {};
    std::ifstream in;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) in.open(path, std::ios::binary);
    if (!in.is_open())
        return core::Error{"unknown time zone \"" + name + "\": " + path +
                           " does not exist (is Debian's tzdata installed?)"};
    std::string data;
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const std::string bad = "time zone file " + path + " is not a valid TZif file";
    if (data.size() < 44 || data.compare(0, 4, "TZif") != 0 ||
        static_cast<std::int64_t>(data.size()) > kMaxTzifBytes)
        return core::Error{bad};

    // RFC 8536: a v1 header and 32-bit block, then (version 2+) a second header, a 64-bit block
    // and a newline-enclosed POSIX TZ footer.
    auto counts = [&](size_t pos, std::int64_t c[6]) {
        for (int i = 0; i < 6; ++i)
            c[i] = read_be(data, pos + 20 + i * 4, 4);
    };
    auto block_size = [](const std::int64_t c[6], int time_bytes) {
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        return c[3] * time_bytes + c[3] + c[4] * 6 + c[5] + c[2] * (time_bytes + 4) + c[1] + c[0];
    };
    std::int64_t c[6];
    counts(0, c);
    for (std::int64_t v : c)
        if (v < 0 || v > 100000) return core::Error{bad};
    size_t pos = 44;
    int time_bytes = 4;
    if (data[4] >= '2') {
        pos += static_cast<size_t>(block_size(c, 4));
        if (pos + 44 > data.size() || data.compare(pos, 4, "TZif") != 0) return core::Error{bad};
        counts(pos, c);
        for (std::int64_t v : c)
            if (v < 0 || v > 100000) return core::Error{bad};
        pos += 44;
        time_bytes = 8;
    }
    const std::int64_t timecnt = c[3], typecnt = c[4], charcnt = c[5];
    if (typecnt < 1 || pos + static_cast<size_t>(block_size(c, time_bytes)) > data.size())
        return core::Error{bad};

    TimeZone zone;
    zone.name_ = name;
    const size_t times_pos = pos, idx_pos = times_pos + timecnt * time_bytes,
                 types_pos = idx_pos + timecnt, chars_pos = types_pos + typecnt * 6;
    for (std::int64_t i = 0; i < typecnt; ++i) {
        Type t;
        t.offset_seconds = static_cast<int>(read_be(data, types_pos + i * 6, 4));
        t.dst = data[types_pos + i * 6 + 4] != 0;
        const unsigned char abbr = static_cast<unsigned char>(data[types_pos + i * 6 + 5]);
        if (abbr < charcnt) {
            const std::string chars = data.substr(chars_pos, charcnt);
            t.abbreviation = chars.substr(abbr, chars.find('\0', abbr) - abbr);
        }
        zone.types_.push_back(t);
    }
    for (std::int64_t i = 0; i < timecnt; ++i) {
        Transition tr;
        tr.at = read_be(data, times_pos + i * time_bytes, time_bytes);
        tr.type = static_cast<unsigned char>(data[idx_pos + i]);
        if (tr.type >= typecnt) return core::Error{bad};
        zone.transitions_.push_back(tr);
    }
    if (time_bytes == 8) {
        const size_t footer_pos = pos + static_cast<size_t>(block_size(c, 8));
        if (footer_pos < data.size() && data[footer_pos] == '\n') {
            const size_t end = data.find('\n', footer_pos + 1);
            if (end != std::string::npos) {
                const std::string footer = data.substr(footer_pos + 1, end - footer_pos - 1);
                if (!footer.empty() && !parse_footer(footer, zone.footer_))
                    zone.footer_ = Footer{};  // times past the table keep the last offset
            }
        }
    }
    return zone;
}

TimeZone TimeZone::fixed(int offset_minutes) {
    TimeZone zone;
    zone.name_ = core::format_utc_offset(offset_minutes);
    Type t;
    t.offset_seconds = offset_minutes * 60;
    zone.types_.push_back(t);
    return zone;
}

std::vector<TimeZone::Transition> TimeZone::footer_transitions(int year) const {
    std::vector<Transition> out;
    if (!footer_.present || !footer_.has_dst) return out;
    auto day_of = [&](const RuleDate& r) -> std::int64_t {
        const std::int64_t jan1 = core::days_from_civil(year, 1, 1);
        if (r.kind == 'J') return jan1 + r.day - 1 + (is_leap(year) && r.day >= 60 ? 1 : 0);
        if (r.kind == 'D') return jan1 + r.day;
        const std::int64_t first = core::days_from_civil(year, r.month, 1);
        const int first_weekday = static_cast<int>(((first % 7) + 11) % 7);
        int day = 1 + (r.weekday - first_weekday + 7) % 7 + (r.week - 1) * 7;
        while (day > month_days(year, r.month))
            day -= 7;
        return first + day - 1;
    };
    // The start rule is in standard local time, the end rule in daylight local time.
    Transition start, end;
    start.at = day_of(footer_.start) * 86400 + footer_.start.time_seconds -
               footer_.standard.offset_seconds;
    start.type = 1;
    end.at =
        day_of(footer_.end) * 86400 + footer_.end.time_seconds - footer_.daylight.offset_seconds;
    end.type = 0;
    out.push_back(start);
    out.push_back(end);
    std::sort(out.begin(), out.end(),
              [](const Transition& a, const Transition& b) { return a.at < b.at; });
    return out;
}

const TimeZone::Type& TimeZone::type_at(std::int64_t t) const {
    if (transitions_.empty() || t < transitions_.front().at) {
        if (transitions_.empty() && footer_.present && footer_.has_dst) {
            // Only a rule: evaluate it below.
        } else if (transitions_.empty() && footer_.present) {
            return footer_.standard;
        } else {
            return types_.front();
        }
    }
    if (!transitions_.empty() && t < transitions_.back().at) {
        auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t,
                                   [](std::int64_t v, const Transition& tr) { return v < tr.at; });
        return types_[std::prev(it)->type];
    }
    if (!footer_.present) return types_[transitions_.back().type];
    if (!footer_.has_dst) return footer_.standard;
    const int year = core::civil_from_unix_ms(t * 1000, footer_.standard.offset_seconds / 60).year;
    const Type* current = &footer_.standard;
    // The previous year's last change decides the state at the start of this year.
    for (int y = year - 1; y <= year; ++y)
        for (const Transition& tr : footer_transitions(y))
            if (tr.at <= t) current = tr.type == 1 ? &footer_.daylight : &footer_.standard;
    return *current;
}

int TimeZone::offset_seconds_at(std::int64_t unix_seconds) const {
    return type_at(unix_seconds).offset_seconds;
}

TimeZone::LocalResolution TimeZone::to_unix(const core::CivilTime& local) const {
    const std::int64_t wall = core::days_from_civil(local.year, local.month, local.day) * 86400 +
                              local.hour * 3600 + local.minute * 60 + local.second;
    // The offsets in force a day either side cover every change a local time can fall into.
    const int before = offset_seconds_at(wall - 86400), after = offset_seconds_at(wall + 86400);
    LocalResolution r;
    const bool fits_before = offset_seconds_at(wall - before) == before;
    const bool fits_after = offset_seconds_at(wall - after) == after;
    if (fits_before && fits_after && before != after) {
        r.repeated = true;
        r.unix_seconds = std::min(wall - before, wall - after);
    } else if (fits_before) {
        r.unix_seconds = wall - before;
    } else if (fits_after) {
        r.unix_seconds = wall - after;
    } else {
        r.skipped = true;
        r.unix_seconds = wall - before;
    }
    return r;
}

std::vector<UtcOffsetPeriod> TimeZone::offsets_between(std::int64_t from_ms,
                                                       std::int64_t to_ms) const {
    std::vector<UtcOffsetPeriod> out;
    auto add = [&](std::int64_t at_ms) {
        const Type& t = type_at(at_ms / 1000);
        if (!out.empty() && out.back().offset_minutes == t.offset_seconds / 60 &&
            out.back().abbreviation == t.abbreviation)
            return;
        out.push_back(UtcOffsetPeriod{at_ms, t.offset_seconds / 60, t.abbreviation, t.dst});
    };
    add(from_ms);
    std::vector<std::int64_t> changes;
    for (const Transition& tr : transitions_)
        if (tr.at * 1000 > from_ms && tr.at * 1000 <= to_ms) changes.push_back(tr.at);
    if (footer_.present && footer_.has_dst) {
        const std::int64_t last = transitions_.empty() ? INT64_MIN : transitions_.back().at;
        const int y0 = core::civil_from_unix_ms(from_ms, 0).year - 1;
        const int y1 = core::civil_from_unix_ms(to_ms, 0).year + 1;
        for (int y = y0; y <= y1 && y - y0 < 200; ++y)
            for (const Transition& tr : footer_transitions(y))
                if (tr.at > last && tr.at * 1000 > from_ms && tr.at * 1000 <= to_ms)
                    changes.push_back(tr.at);
    }
    std::sort(changes.begin(), changes.end());
    for (std::int64_t at : changes)
        add(at * 1000);
    return out;
}

}  // namespace plaza::schedule
