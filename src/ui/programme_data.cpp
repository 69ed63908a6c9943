// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/programme_data.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "core/civil_time.h"

namespace plaza::ui {
namespace {

constexpr int kNextWindowMinutes = 60;

std::int64_t minute_of(std::int64_t ms) {
    return ms >= 0 ? ms / 60000 : -((-ms + 59999) / 60000);
}

}  // namespace

std::string local_date(std::int64_t unix_ms, int offset_minutes) {
    const core::CivilTime t = core::civil_from_unix_ms(unix_ms, offset_minutes);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buf;
}

std::string clock_time(std::int64_t unix_ms, int offset_minutes) {
    const core::CivilTime t = core::civil_from_unix_ms(unix_ms, offset_minutes);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

ProgrammeSession programme_session(const content::ContentStore& store, content::SessionItem item) {
    ProgrammeSession s;
    const int start_offset = store.local_offset_minutes(item.starts_at_ms);
    const int end_offset = store.local_offset_minutes(item.ends_at_ms);
    s.starts = clock_time(item.starts_at_ms, start_offset);
    if (item.ends_at_ms > item.starts_at_ms) s.ends = clock_time(item.ends_at_ms, end_offset);
    // Minutes from the local midnight that starts the session's conference day.
    const auto midnight = core::parse_iso8601_instant(item.day + "T00:00:00Z");
    const std::int64_t day_start = midnight ? *midnight : 0;
    s.start_minute = static_cast<int>(
        (item.starts_at_ms + std::int64_t{start_offset} * 60000 - day_start) / 60000);
    s.end_minute = std::max(
        s.start_minute + 15,
        static_cast<int>((item.ends_at_ms + std::int64_t{end_offset} * 60000 - day_start) / 60000));
    s.cancelled = item.status == "cancelled";
    s.item = std::move(item);
    return s;
}

const ProgrammeSession* ProgrammeData::find(std::int64_t session_id) const {
    for (const ProgrammeDay& day : days) {
        for (const ProgrammeSession& s : day.sessions) {
            if (s.item.id == session_id) return &s;
        }
    }
    return nullptr;
}

const std::string& ProgrammeData::track_of(const content::SessionItem& s) {
    return s.track.empty() ? s.theme : s.track;
}

void ProgrammeFeed::load() {
    data_ = ProgrammeData{};
    data_.rooms = store_.rooms();
    if (auto built = core::parse_iso8601_instant(store_.meta("build_time")))
        data_.built_at_ms = *built;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const content::ScheduleDayInfo& info : store_.schedule_days()) {
        ProgrammeDay day{info, {}};
        for (content::SessionItem& item : store_.sessions_on(info.date)) {
            first = std::min(first, item.starts_at_ms);
            last = std::max(last, std::max(item.ends_at_ms, item.starts_at_ms));
            const std::string& track = ProgrammeData::track_of(item);
            if (!track.empty()) data_.tracks.push_back(track);
            if (!item.language.empty()) data_.languages.push_back(item.language);
            day.sessions.push_back(programme_session(store_, std::move(item)));
        }
        data_.days.push_back(std::move(day));
    }
    for (std::vector<std::string>* list : {&data_.tracks, &data_.languages}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    if (first <= last) data_.first_start_ms = first, data_.last_end_ms = last;
    loaded_ = true;
    minute_ = -1;
}

const ProgrammeData& ProgrammeFeed::at(std::int64_t wall_ms) {
    if (!loaded_) load();
    const std::int64_t minute = minute_of(wall_ms);
    if (minute == minute_) return data_;
    minute_ = minute;
    data_.now_ms = wall_ms;
    data_.today = local_date(wall_ms, store_.local_offset_minutes(wall_ms));
    data_.clock_plausible =
        !data_.empty() &&
        (trusted_ || core::clock_plausible(wall_ms, data_.built_at_ms, data_.first_start_ms,
                                           data_.last_end_ms));
    data_.phase = core::event_phase(wall_ms, data_.first_start_ms, data_.last_end_ms);
    data_.now_next = data_.clock_plausible ? store_.now_and_next(wall_ms, kNextWindowMinutes)
                                           : std::vector<content::RoomNowNext>{};
    return data_;
}

}  // namespace plaza::ui
