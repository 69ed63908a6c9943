// SPDX-License-Identifier: GPL-3.0-or-later
// The anonymous usage counters (issue 7): views per partnership, practice and session, searches
// opened (never what was typed), visitors per hour (a touch after a quiet minute) and languages
// chosen. Counted on the main thread into a batch that goes to the state database every ten
// minutes, and before a stick is read, an export, a quit or the end.
#pragma once

#include <cstdint>
#include <string>

#include "content/state_store.h"
#include "ui/screens/screen.h"

namespace plaza::app {

class UsageCounter {
  public:
    // A visitor opened a screen.
    void opened(ui::ScreenId screen, std::int64_t record);
    // Once a visitor frame, after drawing: `finger_down` from Dear ImGui's input, `language`
    // the visitor's. Returns true when the batch is due for the state database.
    bool after_frame(double now, bool finger_down, std::int64_t wall_ms, int local_offset_minutes,
                     const std::string& language);
    // The counts so far; the counter starts a new batch.
    content::UsageBatch take();
    // Touches (a finger put down) on the local day of `wall_ms`, for the status file.
    std::int64_t touches_today(std::int64_t wall_ms, int local_offset_minutes) const;

  private:
    content::UsageBatch batch_;
    double last_flush_ = -1.0;
    double last_touch_ = -1.0e9;
    bool was_down_ = false;
    std::string last_language_;
    std::string touch_day_;  // YYYY-MM-DD, local
    std::int64_t touches_ = 0;
};

}  // namespace plaza::app
