// SPDX-License-Identifier: GPL-3.0-or-later
// "What is on now, and next?": per room, the session running now and the next one starting
// within the hour, with the room's location. It follows the clock by itself (the programme's
// "now" is refreshed every minute) and says plainly when the event has not started, is over,
// or when the device clock cannot be trusted.
#pragma once

#include <vector>

#include "ui/programme_data.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class NowNextScreen final : public Screen {
  public:
    static constexpr const char* kId = "now_next";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }

  private:
    // Rows for sessions starting at the first start after `after_ms` (before the event, and in
    // the gaps between sessions).
    void upcoming(UiContext& ctx, Navigation& nav, const ProgrammeData& p, std::int64_t after_ms,
                  float width);
    ProgrammeFeed* feed_ = nullptr;
    const content::EventInfo* event_ = nullptr;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
