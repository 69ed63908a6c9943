// SPDX-License-Identifier: GPL-3.0-or-later
// The attract loop an untouched kiosk shows, made to be read from 4 m: the event's band along the
// top, "Touch to explore" in each of the bundle's languages in turn at the bottom, and between
// them featured partnerships, the next sessions and a good practice taking turns with a fade, the
// whole picture drifting slowly so that nothing stays on the same pixels for long. While the
// event runs, the sessions' turn is Now & Next: what is on and what comes next, in poster type. It
// asks for frames at a modest rate: 15 per second during a fade, a couple per second while a slide
// only drifts. Touches are handled by KioskUi (a touch wakes the kiosk without pressing anything),
// so this screen has no controls.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
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
    // A featured partnership or good practice: its picture (or its theme's icon) and its title.
    struct Feature {
        std::string kind;  // "Featured", "Good practice"
        const char* icon;
        std::string title, subtitle;
        std::int64_t image;  // media id, 0 for none
        unsigned int colour;
    };
    void draw_feature(UiContext& ctx, const Feature& f, ImVec2 size);
    void draw_partnership(UiContext& ctx, int turn, ImVec2 size);
    void draw_practice(UiContext& ctx, int turn, ImVec2 size);
    bool draw_sessions(UiContext& ctx, int turn, ImVec2 size);
    bool draw_now_next(UiContext& ctx, const ProgrammeData& p, int turn, ImVec2 size);
    // During the event: now and next in a band `width` wide from `at` (screen), on every slide;
    // returns its height (0 when nothing is on or next), drawing nothing when `measure`.
    float draw_strip(UiContext& ctx, const ProgrammeData& p, int turn, ImVec2 at, float width,
                     bool measure);

    const BrowseData* data_ = nullptr;
    ProgrammeFeed* feed_ = nullptr;
    double started_at_ = 0.0;
};

}  // namespace plaza::ui
