// SPDX-License-Identifier: GPL-3.0-or-later
// The calendar entry a session's QR code carries: one VEVENT inside a VCALENDAR (RFC 5545), with
// its times in UTC so that a visitor's phone shows them in its own zone. Texts are escaped and
// long lines folded as the RFC asks; a phone's calendar app reads it from the camera.
#pragma once

#include <cstdint>
#include <string>

namespace plaza::core {

struct CalendarEntry {
    std::string uid;                // stable across bundles, e.g. "session-42@bundle-id"
    std::int64_t stamp_ms = 0;      // DTSTAMP: when the entry was made (the bundle's build time)
    std::int64_t starts_at_ms = 0;  // Unix milliseconds
    std::int64_t ends_at_ms = 0;    // equal to starts_at_ms when the length is unknown
    std::string summary, location;  // UTF-8; empty location is left out
    std::string description;        // UTF-8; left out when empty
};

// The VCALENDAR text with CRLF line ends. Control characters in texts are dropped.
std::string make_vevent(const CalendarEntry& entry);

// "20240320T093000Z" for an instant.
std::string ical_utc_time(std::int64_t unix_ms);

}  // namespace plaza::core
