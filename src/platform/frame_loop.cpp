// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/frame_loop.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <imgui_internal.h>

#include <malloc.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdarg>
#include <cstring>
#include <exception>

#include "core/log.h"
#include "core/process_stats.h"
#include "platform/sdl_input.h"

namespace plaza::platform {
namespace {

// Dear ImGui needs time to pass between two NewFrame()s; a frame built again before it is shown
// lets as little pass as it accepts, so nothing on screen moves on because of it.
constexpr float kRebuildDeltaTime = 1e-4f;

double steady_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

void log_recovery(void*, const char* fmt, ...) {
    char buf[256];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    core::log_warning(std::string("closing the failed frame: ") + buf);
}

// Dear ImGui keeps a draw list's buffers as large as the largest frame they held (the world map's
// hundreds of thousands of vertices) for as long as its window draws. Its own compaction
// (io.ConfigMemoryCompactTimer) only acts on windows that stopped drawing for that long, and
// then reserves the old capacity again when they come back; every screen of the kiosk draws in
// the same window, so it never acts here. Buffers much larger than the last frame used are cut
// down to it, but never below what the other screens draw: growing again costs the next
// screen's first frame a millisecond or two of copies and page faults.
template <typename T>
void fit(ImVector<T>& buffer, bool drawn) {
    constexpr int kKeep = 1 << 16;  // elements; a screen other than the map stays under it
    if (!drawn) buffer.Size = 0;    // the window was not in the last frame: its contents are old
    const int keep = std::max(buffer.Size, kKeep);
    if (buffer.Capacity <= 2 * keep) return;
    ImVector<T> fitted;
    fitted.reserve(keep);
    fitted.resize(buffer.Size);
    if (buffer.Size > 0)
        std::memcpy(fitted.Data, buffer.Data, static_cast<size_t>(buffer.Size) * sizeof(T));
    buffer.swap(fitted);
}

}  // namespace

void compact_draw_lists() {
    for (ImGuiWindow* window : GImGui->Windows) {
        fit(window->DrawList->VtxBuffer, window->Active);
        fit(window->DrawList->IdxBuffer, window->Active);
    }
}

FrameLoop::FrameLoop(KioskApp& app, Display& display, const core::Clock& clock,
                     core::Speech& speech, DisplayPower* power)
    : app_(app),
      display_(display),
      clock_(clock),
      wake_event_(SDL_RegisterEvents(1)),
      power_(power) {
    // Worker threads wake the loop through SDL's event queue, which is safe to push to from
    // any thread; the event itself only means "look at the main-thread queue".
    main_thread_.set_wake([type = wake_event_] {
        SDL_Event event{};
        event.type = type;
        SDL_PushEvent(&event);
    });
    textures_ = std::make_unique<TextureCache>(display_.renderer(), main_thread_);
    display_.show_blank();
    // The app's atlas, when it built one, is finished before the context exists: while it was
    // built on a worker no context was there for it to touch.
    ImGui::CreateContext(app_.font_atlas());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the kiosk writes nothing per frame to disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigInputTextCursorBlink = false;
    ImGui_ImplSDLRenderer_Init(display_.renderer());
    PlatformServices services{main_thread_, *textures_, speech};
    services.font_atlas_rebuilt = [] { ImGui_ImplSDLRenderer_DestroyFontsTexture(); };
    services.drawing = &drawing_;
    services.quit = [] {
        SDL_Event event{};
        event.type = SDL_QUIT;
        SDL_PushEvent(&event);
    };
    app_.start(services);
}

FrameLoop::~FrameLoop() {
    textures_.reset();
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
}

bool FrameLoop::handle_event(const SDL_Event& event) {
    if (event.type == SDL_QUIT) return false;
    if (auto pointer = pointer_event_from_sdl(event, display_.screen_size(), display_.rotation(),
                                              display_.touch_calibration())) {
        pointer_.push(*pointer);
        pinch_.push(*pointer);
        policy_.note_input();
    } else if (event.type == SDL_WINDOWEVENT || event.type == wake_event_) {
        policy_.note_input();  // exposed, resized, shown, or work done for the main thread
    }
    policy_.note_pointer_busy(pointer_.busy());
    return true;
}

bool FrameLoop::finish_loading(double seconds) {
    const double give_up_at = steady_seconds() + seconds;
    while (textures_->loading() || !main_thread_.empty()) {
        if (steady_seconds() > give_up_at) return false;
        main_thread_.run_pending();
        SDL_Delay(1);
    }
    policy_.note_input();
    return true;
}

bool FrameLoop::finish_drawing(double seconds) {
    const double give_up_at = steady_seconds() + seconds;
    while (!drawing_.idle()) {
        if (steady_seconds() > give_up_at) return false;
        SDL_Delay(1);
    }
    return true;
}

bool FrameLoop::frame_failed(const std::string& what, core::FrameRequest& request) {
    core::log_error(what);
    ImGui::ErrorCheckEndFrameRecover(log_recovery);
    request.animating = true;  // try again on the next frame rather than sleep on a bad one
    return guard_.frame_failed();
}

core::FrameRequest FrameLoop::build_frame(double now, const core::PinchFrame& pinch,
                                          double& build_ms, bool& give_up) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplSDLRenderer_NewFrame();
    // Once the backend has the font atlas as a texture, the CPU copies (about 5 MB) can go;
    // Dear ImGui keeps the glyph tables it needs for layout.
    if (io.Fonts->TexID && (io.Fonts->TexPixelsAlpha8 || io.Fonts->TexPixelsRGBA32)) {
        io.Fonts->ClearTexData();
    }
    // The UI build figure counts the main thread's CPU: not the time another process or the image
    // worker held the core (the benchmark machines are shared).
    const double build_start_ms = core::thread_cpu_ms();
    ImGui::NewFrame();
    core::FrameRequest request;
    try {
        request = app_.draw_frame({now, clock_.wall_time_ms(), pinch, guard_.failures_in_a_row()});
        guard_.frame_succeeded();
    } catch (const std::exception& e) {
        give_up = frame_failed(std::string("drawing a frame failed: ") + e.what(), request);
    } catch (...) {
        give_up = frame_failed("drawing a frame failed with an exception of unknown type", request);
    }
    ImGui::Render();
    build_ms = core::thread_cpu_ms() - build_start_ms;
    return request;
}

bool FrameLoop::draw_frame(std::vector<std::uint8_t>* capture) {
    const double frame_start = steady_seconds();
    const double frame_cpu_start_ms = core::thread_cpu_ms();
    const double now = clock_.monotonic_seconds();
    main_thread_.run_pending();
    const bool uploads_left = textures_->upload_and_evict();
    ImGuiIO& io = ImGui::GetIO();
    const core::Size ui = display_.ui_size();
    io.DisplaySize = ImVec2(static_cast<float>(ui.width), static_cast<float>(ui.height));
    io.DeltaTime = last_frame_time_ < 0
                       ? 1.0f / 60.0f
                       : static_cast<float>(std::max(now - last_frame_time_, 1e-4));
    last_frame_time_ = now;

    const core::PointerFrame pointer = pointer_.next_frame();
    const core::PinchFrame pinch = pinch_.next_frame();
    io.MousePos = pointer.has_position ? ImVec2(pointer.position.x, pointer.position.y)
                                       : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = pointer.down;

    double build_ms = 0.0;
    bool give_up = false;
    core::FrameRequest request = build_frame(now, pinch, build_ms, give_up);
    // Work the frame asked for whose result it should show (the search after a keystroke):
    // done now, and the frame built again with it, so the result is on screen in the frame
    // after the input rather than in the one after that. The second build sees the same pointer
    // state, so nothing is pressed twice.
    bool rebuild = false;
    try {
        rebuild = app_.before_present();
    } catch (const std::exception& e) {
        core::log_error(std::string("work before presenting a frame failed: ") + e.what());
    } catch (...) {
        core::log_error("work before presenting a frame failed with an exception of unknown type");
    }
    if (rebuild && !give_up) {
        io.DeltaTime = kRebuildDeltaTime;
        double again_ms = 0.0;
        // The fingers' movement was taken by the first build; the second must not zoom again.
        core::PinchFrame taken = pinch;
        taken.scale = 1.0f;
        taken.shift = {};
        request = build_frame(now, taken, again_ms, give_up);
        build_ms += again_ms;  // the frame's build is both builds
    }

    // The panel follows the picture: on before a frame that shows something, off once a dark
    // frame is on it, and while it is off nothing is drawn (a page flip on a CRTC that is off
    // fails, and there is nothing to see).
    if (power_ && !request.display_off && panel_on_ != true) {
        power_->set_on(true);
        panel_on_ = true;
    }
    if (!(power_ && request.display_off && panel_on_ == false) || capture) {
        display_.begin_frame();
        display_.end_frame(ImGui::GetDrawData());
        if (capture) *capture = display_.read_screen_rgba();
        display_.present();
    }
    if (power_ && request.display_off && panel_on_ != false) {
        power_->set_on(false);
        panel_on_ = false;
    }
    try {
        app_.between_frames();
    } catch (const std::exception& e) {
        core::log_error(std::string("work between frames failed: ") + e.what());
    } catch (...) {
        core::log_error("work between frames failed with an exception of unknown type");
    }

    if (uploads_left) request.animating = true;
    policy_.note_pointer_busy(pointer_.busy());
    policy_.note_frame_drawn(request);
    // When the kiosk is about to sleep, let go of what the screen on show does not need: images
    // not on it, draw buffers a screen left behind at their largest (the map's are megabytes;
    // not while the same screen stays, which would only grow them again on its next pan), and
    // the heap's free pages, which glibc keeps after a burst of work (loading a screen, a
    // search). A kiosk left alone for days should not hold on to the high-water mark of its
    // busiest minute (issue #16).
    const std::string& screen = app_.frame_report().screen_id;
    if (screen != last_screen_) {
        screen_changed_ = true;
        last_screen_ = screen;
    }
    if (policy_.should_draw(now)) {
        trimmed_ = false;
    } else if (!trimmed_) {
        textures_->release_undrawn();
        if (screen_changed_) compact_draw_lists();
        screen_changed_ = false;
        malloc_trim(0);
        trimmed_ = true;
    }
    const double frame_end = steady_seconds();
    const double frame_ms = (frame_end - frame_start) * 1000.0;
    const double frame_cpu_ms = core::thread_cpu_ms() - frame_cpu_start_ms;
    figures_.ui_build_ms.add(build_ms);
    figures_.frame_ms.add(frame_ms);
    figures_.frame_cpu_ms.add(frame_cpu_ms);
    figures_.ui_build_ms_by_screen[screen].add(build_ms);
    figures_.frame_ms_by_screen[screen].add(frame_ms);
    figures_.frame_cpu_ms_by_screen[screen].add(frame_cpu_ms);
    if (figures_.first_frame_at < 0) {
        figures_.first_frame_at = frame_end;
        figures_.first_frame_cpu_ms = core::process_cpu_ms();
    }
    ++figures_.frames;
    if (give_up) {
        core::log_error("frames keep failing (" + std::to_string(guard_.failures_in_a_row()) +
                        " in a row); exiting so the service manager restarts Plaza");
    }
    return !give_up;
}

}  // namespace plaza::platform
