// SPDX-License-Identifier: GPL-3.0-or-later
// Schedule import entry point: detects the format of an organiser's export (frab/pentabarf XML,
// frab/pretalx JSON, "schedule2" JSON, OPass JSON, iCalendar) and turns it into an
// ImportedSchedule, with a warning for everything it had to repair or decide.
#pragma once

#include <cstdint>
#include <string>

#include "bundle/schedule/schedule_model.h"
#include "core/result.h"

namespace plaza::schedule {

struct ImportOptions {
    // IANA zone to use when the file names none (or to override the one it names).
    std::string tz;
    // Where `tz` came from, for messages: "--tz" on the command line, "event.txt time_zone" in
    // a content folder.
    std::string tz_origin = "--tz";
    std::string zoneinfo_dir = "/usr/share/zoneinfo";
    // The event's first and last day (YYYY-MM-DD, event.txt): recurring calendar events are
    // expanded within them. Empty: within the dates of the file's other events.
    std::string first_day, last_day;
    // Files above this size are refused before reading: the biggest real export is 2.3 MB.
    std::int64_t max_file_bytes = 32 * 1024 * 1024;
};

enum class ScheduleFormat { unknown, frab_xml, json, icalendar };

// Looks at the first non-blank bytes: '<' is XML, '{' JSON, "BEGIN:VCALENDAR" iCalendar.
ScheduleFormat detect_format(const std::string& data);

core::Result<ImportedSchedule> import_schedule_file(const std::string& path,
                                                    const ImportOptions& options = {});
// `name` is used in messages (file name, or "<memory>").
core::Result<ImportedSchedule> import_schedule_data(const std::string& data,
                                                    const std::string& name,
                                                    const ImportOptions& options = {});

}  // namespace plaza::schedule
