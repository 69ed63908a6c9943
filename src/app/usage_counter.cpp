// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/usage_counter.h"

#include "core/civil_time.h"

namespace plaza::app {
namespace {

constexpr double kFlushSeconds = 600.0;      // usage counts reach the SD card every 10 minutes
constexpr double kNewVisitorSeconds = 60.0;  // a touch after a quiet minute is a new visitor

std::string day_key(std::int64_t wall_ms, int offset_minutes) {
    return core::format_iso8601(wall_ms, offset_minutes).substr(0, 10);
}

std::string hour_key(std::int64_t wall_ms, int offset_minutes) {
    const std::string iso = core::format_iso8601(wall_ms, offset_minutes);  // YYYY-MM-DDTHH:MM..
    return iso.size() >= 13 ? iso.substr(0, 10) + " " + iso.substr(11, 2) + ":00" : iso;
}

}  // namespace

void UsageCounter::opened(ui::ScreenId screen, std::int64_t record) {
    if (screen == "partnership") ++batch_.views[{content::UsageKind::partnership, record}];
    if (screen == "practice") ++batch_.views[{content::UsageKind::practice, record}];
    if (screen == "session") ++batch_.views[{content::UsageKind::session, record}];
    if (screen == "search") ++batch_.searches;  // opening search; what is typed is never kept
}

bool UsageCounter::after_frame(double now, bool finger_down, std::int64_t wall_ms,
                               int local_offset_minutes, const std::string& language) {
    if (finger_down && !was_down_) {
        const std::string day = day_key(wall_ms, local_offset_minutes);
        if (day != touch_day_) {
            touch_day_ = day;
            touches_ = 0;
        }
        ++touches_;
        if (now - last_touch_ > kNewVisitorSeconds)
            ++batch_.sessions[hour_key(wall_ms, local_offset_minutes)];
    }
    if (finger_down) last_touch_ = now;
    was_down_ = finger_down;
    // A language counts when a visitor chose it (a touch just before), not when a reset
    // brought the default back.
    if (language != last_language_) {
        if (!last_language_.empty() && now - last_touch_ < 2.0) ++batch_.languages[language];
        last_language_ = language;
    }
    if (last_flush_ < 0) last_flush_ = now;
    if (now - last_flush_ <= kFlushSeconds) return false;
    last_flush_ = now;
    return true;
}

std::int64_t UsageCounter::touches_today(std::int64_t wall_ms, int local_offset_minutes) const {
    return day_key(wall_ms, local_offset_minutes) == touch_day_ ? touches_ : 0;
}

content::UsageBatch UsageCounter::take() {
    content::UsageBatch batch = std::move(batch_);
    batch_ = {};
    return batch;
}

}  // namespace plaza::app
