// SPDX-License-Identifier: GPL-3.0-or-later
// Puts a schedule imported from an organiser's export (plaza_schedule) into a SourceBundle:
// days, rooms, tracks, speakers and sessions, with per-language texts as translations, and the
// event zone's UTC offsets that every bundle carries, native or imported schedule alike.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bundle/schedule/schedule_model.h"
#include "bundle/schedule/time_zone_db.h"
#include "bundle/source_model.h"

namespace plaza::bundle {

// The offsets of `zone` from the day before `starts_on` to the day after `ends_on` (local dates,
// YYYY-MM-DD), widened by the largest offsets so the window holds in any zone.
std::vector<ZoneOffsetSource> event_zone_offsets(const schedule::TimeZone& zone,
                                                 const std::string& starts_on,
                                                 const std::string& ends_on);

// Adds `imported` (read from `file`, named relative to the content folder) to `bundle`, whose
// event (languages, dates, venue) is already read. What cannot go into a bundle at all (a day
// outside the event's dates) is a problem, "file:line: field: what"; what was repaired or left
// out is a warning, "file:line: what — what was done", and the importer's own warnings come
// first, in the same form. Returns the bundle id each session was given, by the session's id in
// the export (frab's event id, pretalx's code, the iCalendar UID), which is what organisers see
// and write in session-partnerships.csv.
std::map<std::string, std::string> add_imported_schedule(const schedule::ImportedSchedule& imported,
                                                         const std::string& file,
                                                         SourceBundle& bundle,
                                                         std::vector<std::string>& problems,
                                                         std::vector<std::string>& warnings);

// Plain text as Plaza Markdown that renders as the same text: characters Markdown would read
// as markup are escaped; a single newline stays a line break.
std::string plain_text_as_markdown(const std::string& text);

}  // namespace plaza::bundle
