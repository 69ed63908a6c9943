// SPDX-License-Identifier: GPL-3.0-or-later
// The event programme as the schedule screens, the attract loop and room signs show it: loaded
// from the content store in the visitor's language when first needed, with every session's times
// formatted in the event's zone at that session's own instant (a session after a daylight-saving
// change shows its own offset), and "now" refreshed once per wall-clock minute.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/content_store.h"
#include "core/schedule_clock.h"

namespace plaza::ui {

struct ProgrammeSession {
    content::SessionItem item;
    std::string starts, ends;  // local "HH:MM"; ends empty when the source gave no length
    int start_minute = 0;      // local minutes after midnight of the session's day (grid rows)
    int end_minute = 0;
    bool cancelled = false;
};

struct ProgrammeDay {
    content::ScheduleDayInfo info;
    std::vector<ProgrammeSession> sessions;  // by start time, then room
};

struct ProgrammeData {
    std::vector<content::RoomInfo> rooms;
    std::vector<ProgrammeDay> days;
    std::vector<std::string> tracks;     // every track or theme a session names, sorted
    std::vector<std::string> languages;  // every session language code, sorted
    std::int64_t first_start_ms = 0, last_end_ms = 0;
    std::int64_t built_at_ms = 0;  // the bundle's build time (0 when unknown)

    // Refreshed each minute:
    std::int64_t now_ms = 0;
    bool clock_plausible = false;  // false: no "now" marker anywhere (see core/schedule_clock.h)
    core::EventPhase phase = core::EventPhase::before;
    std::vector<content::RoomNowNext> now_next;  // rooms with something now or within the hour
    std::string today;                           // the local date at now_ms, YYYY-MM-DD

    bool empty() const { return days.empty(); }
    // The loaded session with this id, or null.
    const ProgrammeSession* find(std::int64_t session_id) const;
    // A session's track, else its theme (what the day view filters by).
    static const std::string& track_of(const content::SessionItem& s);
};

class ProgrammeFeed {
  public:
    explicit ProgrammeFeed(content::ContentStore& store) : store_(store) {}
    // The visitor's language (or the bundle) changed: load again when next asked.
    void invalidate() { loaded_ = false; }
    // Loads the programme now if it is not loaded (between frames, ahead of the first use).
    void prepare() {
        if (!loaded_) load();
    }
    // The programme with "now" at `wall_ms` (reloaded when needed).
    const ProgrammeData& at(std::int64_t wall_ms);
    // The last verdict on the device clock (true before the programme was first needed).
    bool clock_plausible() const { return !loaded_ || data_.clock_plausible; }
    // The operator set the wall clock (plaza --clock): believe it.
    void trust_clock(bool trusted) { trusted_ = trusted; }

  private:
    void load();
    content::ContentStore& store_;
    ProgrammeData data_;
    bool loaded_ = false;
    bool trusted_ = false;
    std::int64_t minute_ = -1;  // the wall-clock minute "now" was computed for
};

// "HH:MM" for an instant at a UTC offset.
std::string clock_time(std::int64_t unix_ms, int offset_minutes);
// "YYYY-MM-DD", the local date of an instant at a UTC offset.
std::string local_date(std::int64_t unix_ms, int offset_minutes);

// A session as the screens show it: its times in the event's zone, each at its own instant's
// offset, and its place in its conference day.
ProgrammeSession programme_session(const content::ContentStore& store, content::SessionItem item);

}  // namespace plaza::ui
