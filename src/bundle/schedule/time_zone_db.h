// SPDX-License-Identifier: GPL-3.0-or-later
// IANA time zone rules read from the build machine's TZif files (/usr/share/zoneinfo), so the
// importer can turn local times into instants and hand the kiosk the UTC offsets it will need.
//
// Why read TZif ourselves rather than setenv("TZ") + localtime_r: TZ is process-global state
// (not thread-safe, and it would change the local time of everything else in plaza-bundle), libc
// exposes no list of transitions (we would have to probe minute by minute), and mktime's choice
// for ambiguous or skipped local times is unspecified. The format is small and specified in
// RFC 8536; Debian's tzdata ships "fat" files, and the POSIX TZ footer covers times after the
// last listed transition. Debian's build of Howard Hinnant's date library (libdate-tz3 3.0.1,
// reading the same files) ignores that footer: Europe/Madrid in 2050 stays at +01:00 all summer
// and Australia/Adelaide at +10:30 all year, so it fails this reader's footer test
// (https://github.com/HowardHinnant/date/issues/794, open).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bundle/schedule/schedule_model.h"
#include "core/civil_time.h"
#include "core/result.h"

namespace plaza::schedule {

class TimeZone {
  public:
    // `name` is an IANA name such as "Europe/Madrid"; `zoneinfo_dir` the tz database folder.
    static core::Result<TimeZone> load(const std::string& name,
                                       const std::string& zoneinfo_dir = "/usr/share/zoneinfo");
    // A zone at a constant offset (for files that carry offsets but no zone name).
    static TimeZone fixed(int offset_minutes);

    const std::string& name() const { return name_; }
    int offset_seconds_at(std::int64_t unix_seconds) const;

    // The instant of a local wall-clock time. A time skipped by a DST change is read with the
    // offset before the change (as RFC 5545 3.3.5 asks); a repeated one as its first occurrence.
    struct LocalResolution {
        std::int64_t unix_seconds = 0;
        bool skipped = false, repeated = false;
    };
    LocalResolution to_unix(const core::CivilTime& local) const;

    // The offsets in force from `from_ms` to `to_ms`: one entry at from_ms, then one per change.
    std::vector<UtcOffsetPeriod> offsets_between(std::int64_t from_ms, std::int64_t to_ms) const;

  private:
    struct Type {
        int offset_seconds = 0;
        bool dst = false;
        std::string abbreviation;
    };
    struct Transition {
        std::int64_t at = 0;  // Unix seconds
        int type = 0;
    };
    // The POSIX TZ string rule for times after the last transition (RFC 8536 section 3.3).
    struct RuleDate {
        char kind = 'M';  // 'M' month.week.day, 'J' Julian day without Feb 29, 'D' zero-based day
        int month = 0, week = 0, weekday = 0, day = 0;
        int time_seconds = 7200;
    };
    struct Footer {
        bool present = false, has_dst = false;
        Type standard, daylight;
        RuleDate start, end;
    };

    const Type& type_at(std::int64_t unix_seconds) const;
    std::vector<Transition> footer_transitions(int year) const;
    static bool parse_footer(const std::string& text, Footer& out);

    std::string name_;
    std::vector<Type> types_;
    std::vector<Transition> transitions_;
    Footer footer_;
};

}  // namespace plaza::schedule
