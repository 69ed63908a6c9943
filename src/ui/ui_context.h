// What every screen and widget receives while drawing a frame: sizes in millimetres, fonts,
// the time, the language, and the frame report that records what is visible.
#pragma once

#include <cstdint>
#include <string>

#include "core/frame_report.h"
#include "ui/fonts.h"
#include "ui/image_provider.h"

namespace plaza::ui {

struct UiContext {
    core::FrameReport& report;
    const FontSet& fonts;
    float px_per_mm = 4.0f;
    double now = 0.0;               // monotonic seconds (animations)
    std::int64_t wall_time_ms = 0;  // wall clock (schedule, clock on screen)
    int local_offset_minutes = 0;   // the event's UTC offset at wall_time_ms
    std::string language = "en";
    ImageProvider* images = nullptr;  // null where no images are shown (tests of widgets)

    float mm(float millimetres) const { return millimetres * px_per_mm; }
};

}  // namespace plaza::ui
