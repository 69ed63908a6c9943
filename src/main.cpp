// SPDX-License-Identifier: GPL-3.0-or-later
// plaza: the kiosk program. Everything else lives in the layers under src/.
//
// Anatomy of a frame. run_plaza() (app/run_plaza.cpp) reads the options and the configuration,
// loads the bundle into a PlazaApp and hands it to platform::run() (platform/runner.cpp), whose
// loop (run_live(), or ScriptPlayer headless) repeats, on the main thread:
//
//   1. Input         run_live() sleeps in SDL_WaitEventTimeout() for FrameLoop::sleep_seconds(),
//                    then gives each event to FrameLoop::handle_event(): pointer_event_from_sdl()
//                    (platform/sdl_input.cpp) turns touches into core::PointerTracker::push(),
//                    and IdlePolicy::note_input() asks for a frame. Headless, the script player
//                    makes the same SDL finger events.
//   2. Between       FrameLoop::draw_frame() first runs what workers posted to the main thread
//      frames        (MainThreadQueue::run_pending(): e.g. a USB install going live through
//                    PlazaApp::replace_content()) and TextureCache::upload_and_evict() (decoded
//                    images become textures within a byte budget); the pointer goes into Dear
//                    ImGui's io (PointerTracker::next_frame()).
//   3. Build         ImGui::NewFrame(), then KioskApp::draw_frame() = PlazaApp::draw_frame():
//                    KioskUi::draw() (ui/kiosk_ui.cpp) lays out the frame: IdleCover::update()
//                    decides what covers it, the screen on top of the navigation stack draws
//                    (Screen::draw(), ui/screens/), the AccessBar along the bottom edge, then the
//                    admin gesture and staff notices; taps come back as a Navigation, applied at
//                    the end. It returns a core::FrameRequest (animating, redraw_at).
//                    ImGui::Render() closes the frame.
//   4. Render        Display::begin_frame() and Display::end_frame(ImDrawData) (platform/
//                    display.cpp) draw Dear ImGui's lists through draw_data_renderer.cpp.
//   5. Present       Display::present(); then KioskApp::between_frames() =
//                    KioskUi::between_frames(): a language a tap chose, and Screen::load() of
//                    the screen about to be drawn (a page just opened, a search after a
//                    keystroke) read the content store through the ScreenFeed, so no frame
//                    waits for it.
//   6. Idle          IdlePolicy::note_frame_drawn(FrameRequest): the loop draws again at once
//                    while something moves or a finger is down, at redraw_at (the clock's next
//                    minute, a countdown), or on input; otherwise it sleeps in step 1 (and
//                    hands freed memory back with malloc_trim() before it does).
#include <chrono>

#include "app/run_plaza.h"

int main(int argc, char** argv) {
    using namespace std::chrono;
    const double start = duration<double>(steady_clock::now().time_since_epoch()).count();
    return plaza::app::run_plaza(argc, argv, start);
}
