// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ical_event.h"

#include <cstdio>

#include "core/civil_time.h"

namespace plaza::core {
namespace {

// TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, a line break as \n.
std::string escape_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
        }
    }
    return out;
}

// Content lines longer than 75 octets are folded (§3.1): CRLF and one space, never inside a
// UTF-8 sequence.
void append_line(std::string& out, const std::string& line) {
    size_t start = 0;
    size_t limit = 75;
    while (line.size() - start > limit) {
        size_t cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74;  // the leading space counts
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
}

}  // namespace

std::string ical_utc_time(std::int64_t unix_ms) {
    const CivilTime t = civil_from_unix_ms(unix_ms, 0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", t.year, t.month, t.day, t.hour,
                  t.minute, t.second);
    return buf;
}

std::string make_vevent(const CalendarEntry& e) {
    std::string out;
    append_line(out, "BEGIN:VCALENDAR");
    append_line(out, "VERSION:2.0");
    append_line(out, "PRODID:-//Plaza//Kiosk//EN");
    append_line(out, "BEGIN:VEVENT");
    append_line(out, "UID:" + escape_text(e.uid));
    append_line(out, "DTSTAMP:" + ical_utc_time(e.stamp_ms));
    append_line(out, "DTSTART:" + ical_utc_time(e.starts_at_ms));
    if (e.ends_at_ms > e.starts_at_ms) append_line(out, "DTEND:" + ical_utc_time(e.ends_at_ms));
    append_line(out, "SUMMARY:" + escape_text(e.summary));
    if (!e.location.empty()) append_line(out, "LOCATION:" + escape_text(e.location));
    if (!e.description.empty()) append_line(out, "DESCRIPTION:" + escape_text(e.description));
    append_line(out, "END:VEVENT");
    append_line(out, "END:VCALENDAR");
    return out;
}

}  // namespace plaza::core
