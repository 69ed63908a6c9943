// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the schedule importer tests: where the real exports live, looking sessions
// up by title, and local wall-clock times through the schedule's own offset table.
#pragma once

#include <cstdio>
#include <string>

#include "bundle/schedule/schedule_import.h"
#include "core/civil_time.h"

namespace plaza::schedule::test {

// CI clones the repository with shared/ beside it; the files are fixtures, never copied in.
inline std::string real_file(const std::string& name) {
    return std::string(PLAZA_SOURCE_DIR) + "/../shared/testdata/real/" + name;
}

inline const Session* find_session(const ImportedSchedule& s, const std::string& title) {
    for (const Session& session : s.sessions)
        if (session.title.text == title) return &session;
    return nullptr;
}

// "2023-08-18 09:00" in the event's zone, from the offsets the bundle would carry.
inline std::string local_start(const ImportedSchedule& s, const Session& session) {
    const core::CivilTime t =
        core::civil_from_unix_ms(session.start_ms, s.offset_minutes_at(session.start_ms));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute);
    return buf;
}

inline bool has_warning(const ImportedSchedule& s, const std::string& needle) {
    for (const ImportWarning& w : s.warnings)
        if (w.what.find(needle) != std::string::npos || w.action.find(needle) != std::string::npos)
            return true;
    return false;
}

inline ImportOptions with_tz(const std::string& tz) {
    ImportOptions o;
    o.tz = tz;
    return o;
}

}  // namespace plaza::schedule::test
