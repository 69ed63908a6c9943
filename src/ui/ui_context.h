// SPDX-License-Identifier: GPL-3.0-or-later
// What every screen and widget receives while drawing a frame: sizes in millimetres, fonts,
// the time, the language, and the frame report that records what is visible.
#pragma once

#include <cstdint>
#include <string>

#include "core/background_worker.h"
#include "core/frame_report.h"
#include "core/image_provider.h"
#include "core/pinch.h"
#include "ui/fonts.h"

namespace plaza::ui {

// Spoken mode's hold on the widgets: which item has the focus (drawn with a ring, scrolled into
// view) and which one the visitor activated with the bottom controls (it acts as if tapped).
// Items are known by their id, text runs by "text:" and their words.
struct SpokenFocus {
    std::string focus;
    std::string activate;
    bool bring_into_view = false;  // scroll the focused item into view when drawn
    // A list that only builds the items in view shows item `list_index` (0-based) this frame.
    std::string list;
    int list_index = -1;
};

struct UiContext {
    core::FrameReport& report;
    const FontSet& fonts;
    float px_per_mm = 4.0f;
    double now = 0.0;               // monotonic seconds (animations)
    std::int64_t wall_time_ms = 0;  // wall clock (schedule, clock on screen)
    int local_offset_minutes = 0;   // the event's UTC offset at wall_time_ms
    std::string language = "en";
    core::ImageProvider* images = nullptr;  // null where no images are shown (tests of widgets)
    SpokenFocus* spoken = nullptr;          // set while spoken mode is on
    // The language of the content being drawn when it fell back from the visitor's language:
    // recorded with each item so spoken mode reads it with the right voice. Empty: `language`.
    std::string content_language;
    float text_scale = 1.0f;  // the visitor's text size, for layouts sized by text
    core::PinchFrame pinch;   // two fingers spreading or closing (the map zooms with them)
    // Where the world map builds its vertices and how they come back (null: in the frame).
    core::BackgroundWorker* map_worker = nullptr;
    core::MainThreadQueue* main_thread = nullptr;

    float mm(float millimetres) const { return millimetres * px_per_mm; }
};

}  // namespace plaza::ui
