// SPDX-License-Identifier: GPL-3.0-or-later
// Calendar arithmetic without the C library's time zone state: Unix milliseconds to and from a
// civil date and time at a fixed UTC offset, and ISO 8601 instants as scripts and bundles write
// them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plaza::core {

struct CivilTime {
    int year = 1970, month = 1, day = 1;  // month 1-12, day 1-31
    int hour = 0, minute = 0, second = 0;
    int weekday = 4;  // 0 = Sunday ... 6 = Saturday
};

std::int64_t days_from_civil(int year, int month, int day);
int days_in_month(int year, int month);  // month 1-12, leap years included
// Reads `len` ASCII digits of `s` at `pos` into `out`; false if any is not a digit.
bool read_digits(std::string_view s, size_t pos, size_t len, int& out);
CivilTime civil_from_unix_ms(std::int64_t unix_ms, int utc_offset_minutes);

// "2024-03-20T10:30:00+01:00", "2024-03-20T09:30:00Z" or with fractional seconds; a time without
// an offset is refused because it names no instant.
std::optional<std::int64_t> parse_iso8601_instant(std::string_view text);

// "2024-03-20T10:30:00+01:00" for the given offset.
std::string format_iso8601(std::int64_t unix_ms, int utc_offset_minutes);

// "+01:00", "-03:30": an offset from UTC as ISO 8601 writes it.
std::string format_utc_offset(int utc_offset_minutes);

}  // namespace plaza::core
