// The attract loop an untouched kiosk shows: featured partnerships, the next sessions and a good
// practice take turns with a fade, the whole picture drifting slowly so that nothing stays on the
// same pixels for long. It asks for frames at a modest rate: 15 per second during a fade, a
// couple per second while a slide only drifts. Touches are handled by KioskUi (a touch wakes
// the kiosk without pressing anything), so this screen has no controls.
#pragma once

#include <vector>

#include "ui/programme_data.h"
#include "ui/screens/screen.h"

namespace plaza::ui {

class AttractScreen final : public Screen {
  public:
    const char* id() const override { return "attract"; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    // The loop starts again from its first slide at `now` (monotonic seconds).
    void start(double now) { started_at_ = now; }

  private:
    void draw_partnership(UiContext& ctx, int turn, float width);
    void draw_practice(UiContext& ctx, int turn, float width);
    bool draw_sessions(UiContext& ctx, float width);

    const BrowseData* data_ = nullptr;
    ProgrammeFeed* feed_ = nullptr;
    double started_at_ = 0.0;
};

}  // namespace plaza::ui
