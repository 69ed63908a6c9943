// SPDX-License-Identifier: GPL-3.0-or-later
// The raw side of schedule import: times, clock readings and dates as files write them, line
// numbers for messages, language names, and the rooms, tracks and speakers the format importers
// collect (importer_internal.h). Nothing here knows a time zone; finalize.cpp does.
#include <algorithm>
#include <string>
#include <string_view>

#include "bundle/schedule/importer_internal.h"
#include "core/civil_time.h"

namespace plaza::schedule::detail {

namespace {

using core::days_in_month;
using core::read_digits;

std::string trim_ascii(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
        --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

RawTime parse_time(std::string_view in) {
    const std::string s = trim_ascii(in);
    RawTime t;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    size_t pos;
    if (s.size() >= 10 && s[4] == '-') {  // ISO 8601 extended
        if (!read_digits(s, 0, 4, y) || s[7] != '-' || !read_digits(s, 5, 2, mo) ||
            !read_digits(s, 8, 2, d))
            return t;
        pos = 10;
        if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
            if (!read_digits(s, pos + 1, 2, h) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
                !read_digits(s, pos + 4, 2, mi))
                return t;
            pos += 6;
            if (pos < s.size() && s[pos] == ':') {
                if (!read_digits(s, pos + 1, 2, sec)) return t;
                pos += 3;
            }
        }
    } else if (s.size() >= 8) {  // iCalendar basic: 20240203T093000Z
        if (!read_digits(s, 0, 4, y) || !read_digits(s, 4, 2, mo) || !read_digits(s, 6, 2, d))
            return t;
        pos = 8;
        if (pos < s.size() && s[pos] == 'T') {
            if (!read_digits(s, pos + 1, 2, h) || !read_digits(s, pos + 3, 2, mi) ||
                !read_digits(s, pos + 5, 2, sec))
                return t;
            pos += 7;
        }
    } else {
        return t;
    }
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
            ++pos;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 24 || mi > 59 || sec > 60 ||
        y < 1900 || y > 2200)
        return t;
    if (pos < s.size()) {
        if (s[pos] == 'Z' && pos + 1 == s.size()) {
            t.offset_minutes = 0;
        } else if (s[pos] == '+' || s[pos] == '-') {
            int oh, om;
            const bool colon = pos + 3 < s.size() && s[pos + 3] == ':';
            if (!read_digits(s, pos + 1, 2, oh) || !read_digits(s, pos + (colon ? 4 : 3), 2, om) ||
                pos + (colon ? 6 : 5) != s.size() || oh > 18 || om > 59)
                return t;
            t.offset_minutes = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
        } else {
            return t;
        }
    }
    t.local.year = y;
    t.local.month = mo;
    t.local.day = d;
    t.local.hour = h;
    t.local.minute = mi;
    t.local.second = sec;
    t.valid = true;
    return t;
}

std::optional<int> parse_clock(std::string_view in) {
    const std::string s = trim_ascii(in);
    int parts[3] = {0, 0, 0};
    int n = 0;
    size_t pos = 0;
    while (n < 3) {
        const size_t start = pos;
        int v = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - start < 4)
            v = v * 10 + (s[pos++] - '0');
        if (pos == start) return std::nullopt;
        parts[n++] = v;
        if (pos == s.size()) break;
        if (s[pos] != ':') return std::nullopt;
        ++pos;
    }
    if (pos != s.size() || n < 2 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

std::optional<std::int64_t> parse_date(std::string_view in) {
    const std::string s = trim_ascii(in);
    int y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !read_digits(s, 0, 4, y) ||
        !read_digits(s, 5, 2, m) || !read_digits(s, 8, 2, d) || m < 1 || m > 12 || d < 1 ||
        d > days_in_month(y, m) || y < 1900 || y > 2200)
        return std::nullopt;
    return core::days_from_civil(y, m, d);
}

LineIndex::LineIndex(std::string_view data) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < data.size(); ++i)
        if (data[i] == '\n') line_starts_.push_back(i + 1);
}

int LineIndex::line_of(size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
}

std::string normalise_language(std::string_view text) {
    std::string s = trim_ascii(text);
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    static const std::pair<const char*, const char*> kNames[] = {
        {"english", "en"},
        {"englisch", "en"},
        {"deutsch", "de"},
        {"german", "de"},
        {"french", "fr"},
        {"fran\xC3\xA7"
         "ais",
         "fr"},
        {"spanish", "es"},
        {"espa\xC3\xB1ol", "es"},
        {"catal\xC3\xA0", "ca"},
        {"italiano", "it"},
        {"italian", "it"},
        {"\xE4\xB8\xAD\xE6\x96\x87", "zh"},
        {"\xE8\x8F\xAF\xE8\xAA\x9E", "zh"},
        {"chinese", "zh"},
        {"japanese", "ja"},
        {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "ja"}};
    for (const auto& [name, code] : kNames)
        if (s == name) return code;
    // A code such as "en", "de-at", "pt_br": keep it, with '_' as '-'.
    for (char& c : s)
        if (c == '_') c = '-';
    const size_t primary = s.find('-') == std::string::npos ? s.size() : s.find('-');
    if (primary < 2 || primary > 3) return "";
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || c == '-' || (c >= '0' && c <= '9'))) return "";
    return s;
}

const std::string& RawSchedule::add_speaker(RawSpeaker speaker) {
    for (const RawSpeaker& s : speakers)
        if (s.key == speaker.key) return s.key;
    speakers.push_back(std::move(speaker));
    return speakers.back().key;
}

void RawSchedule::add_room(const std::string& name, LocalText texts) {
    if (name.empty() || std::find(room_order.begin(), room_order.end(), name) != room_order.end())
        return;
    room_order.push_back(name);
    room_order_texts.push_back(std::move(texts));
}

void RawSchedule::add_track(const std::string& name, LocalText texts) {
    if (name.empty()) return;
    for (const auto& t : track_order)
        if (t.first == name) return;
    track_order.emplace_back(name, std::move(texts));
}

}  // namespace plaza::schedule::detail
