// SPDX-License-Identifier: GPL-3.0-or-later
// The one narrow interface between the runner (which owns SDL, the loop and the idle policy) and
// the app (content, UI). The runner calls these on the main thread with the ImGui context current.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/background_worker.h"
#include "core/frame_report.h"
#include "core/idle_policy.h"
#include "core/pinch.h"
#include "core/process_stats.h"
#include "core/speech.h"

struct ImFontAtlas;

namespace plaza::platform {

class TextureCache;

// What the runner lends the app for its lifetime.
struct PlatformServices {
    core::MainThreadQueue& main_thread;  // post work for the main thread; it wakes the loop
    TextureCache& textures;              // images as textures (core::ImageProvider)
    core::Speech& speech;                // the spoken mode's voice (recorded when headless)
    // After the app rebuilt Dear ImGui's font atlas between frames (new content): drops the
    // renderer's font texture so the backend uploads the new atlas at the next frame.
    std::function<void()> font_atlas_rebuilt = [] {};
    // Asks the loop to end as if the window were closed (the admin panel's quit).
    std::function<void()> quit = [] {};
    // A worker for what frames draw but must not wait for (the world map's vertices); its jobs
    // post their results to `main_thread`. Headless scripts wait for it after each frame.
    core::BackgroundWorker* drawing = nullptr;
};

struct FrameTime {
    double now = 0.0;               // monotonic seconds
    std::int64_t wall_time_ms = 0;  // wall clock
    core::PinchFrame pinch;         // two fingers spreading or closing in this frame
    int frames_failing = 0;         // frames in a row that failed to draw before this one
};

class KioskApp {
  public:
    virtual ~KioskApp() = default;
    // The font atlas the ImGui context is created with, built by the app (it may build it on a
    // worker while the display opens, and wait for it here, doing meanwhile other work the first
    // frames need); it must outlive the context. Null: the context makes its own and start()
    // fills it. Called once, before start().
    virtual ImFontAtlas* font_atlas() { return nullptr; }
    // Before the first frame: fonts, style, image loading (the ImGui context exists, no frame
    // is open). The services outlive every later call.
    virtual void start(PlatformServices& services) = 0;
    // Draws one frame; called between ImGui::NewFrame() and ImGui::Render(). May throw: the
    // runner logs it and closes the frame.
    virtual core::FrameRequest draw_frame(const FrameTime& time) = 0;
    // Work a frame asked for whose result that same frame should show (the search after a
    // keystroke): runs after the frame is built and before it is presented, outside the build.
    // True: the runner builds the frame again, with the result, and presents that one.
    virtual bool before_present() { return false; }
    // Work a frame asked for that must not hold up showing it (a page the tap opened, a
    // language): runs after the frame is on screen; the results show in the next one.
    virtual void between_frames() {}
    // What the last frame showed, for headless scripts.
    virtual const core::FrameReport& frame_report() const = 0;
    // Content code points the font atlas could not provide.
    virtual std::vector<char32_t> missing_glyphs() const = 0;
    // Headless `usb PATH`: treats `folder` as a plugged-in stick. False when the app has no
    // USB handling.
    virtual bool simulate_usb(const std::string& folder) {
        (void)folder;
        return false;
    }
    // Headless `save`: a file of the previewed content folder was just saved; the app looks at
    // once instead of at its next poll. False when the app previews nothing.
    virtual bool source_saved() { return false; }
    // The live bundle's version number for headless `wait-until`; -1 when the app has none.
    virtual std::int64_t live_bundle_version() const { return -1; }
    // Steps of the start and their milliseconds (loading content, building fonts), for --stats.
    virtual core::StartSpans start_spans() const { return {}; }
    // True while background work a script should wait for (an install) is under way.
    virtual bool busy() const { return false; }
};

}  // namespace plaza::platform
