// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/display.h"

#include <imgui.h>

#include "platform/draw_data_renderer.h"

namespace plaza::platform {

void start_renderer_probe_early(DisplayOptions& options) {
    if (!renderer_needs_probe(options.mode, requested_renderer(options.renderer)) ||
        !options.probes.gpu_device_present())
        return;
    std::shared_ptr<GlRendererProbe> probe = GlRendererProbe::start();
    options.probes.gl_renderer = [probe] { return probe->result(); };
}

core::Result<std::unique_ptr<Display>> Display::open(const DisplayOptions& options) {
    if (options.mode == WindowMode::headless) {
        // No display server and no GPU: SDL's offscreen driver (the renderer is chosen below).
        // With override priority: SDL lets SDL_VIDEODRIVER from the environment win over a
        // normal hint, and the service sets it (kmsdrm) for the live kiosk.
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "offscreen", SDL_HINT_OVERRIDE);
    }
    // Touch drives the kiosk through finger events only; the mouse stays a separate pointer.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        return core::Error{std::string("no display is available (SDL: ") + SDL_GetError() +
                           "). Without a display, run Plaza headless: plaza --headless --bundle "
                           "FILE --script FILE --out DIR"};
    }
    std::unique_ptr<Display> d(new Display());
    d->rotation_ = options.rotation;
    d->calibration_ = options.touch_calibration;
    d->choice_ = choose_renderer(options.mode, SDL_GetCurrentVideoDriver() ?: "",
                                 requested_renderer(options.renderer), options.probes);
    // Override priority for the same reason: the choice has already weighed SDL_RENDER_DRIVER,
    // and headless must stay software whatever the service's environment says.
    if (!d->choice_.driver.empty())
        SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, d->choice_.driver.c_str(),
                                SDL_HINT_OVERRIDE);
    // Without this SDL backs a software window with an accelerated renderer and loads Mesa's
    // EGL and LLVM (~100 MB, most of a second) just to copy the picture to the screen.
    if (d->choice_.native_framebuffer) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    Uint32 flags = SDL_WINDOW_SHOWN;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    core::Size size = options.size;
    SDL_Rect bounds{};
    if (options.mode == WindowMode::fullscreen && SDL_GetDisplayBounds(0, &bounds) == 0) {
        // The window is made as large as the display first: SDL's fullscreen on X11 asks the
        // window manager (_NET_WM_STATE_FULLSCREEN), and with none, as on a kiosk's bare X
        // server, the window kept its windowed size while SDL reported the display's, so the
        // picture was cut and taps landed off their controls (issue 14).
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        x = bounds.x;
        y = bounds.y;
        size = {bounds.w, bounds.h};
    }
    d->window_ = SDL_CreateWindow("Plaza", x, y, size.width, size.height, flags);
    if (!d->window_) {
        return core::Error{std::string("cannot open a window (SDL: ") + SDL_GetError() +
                           "). Without a display, run Plaza headless: plaza --headless ..."};
    }
    Uint32 renderer_flags = SDL_RENDERER_TARGETTEXTURE;
    if (options.mode == WindowMode::headless)
        renderer_flags |= SDL_RENDERER_SOFTWARE;
    else
        renderer_flags |= SDL_RENDERER_PRESENTVSYNC;  // keep vsync on; see raspberrypi/linux#5828
    d->renderer_ = SDL_CreateRenderer(d->window_, -1, renderer_flags);
    if (!d->renderer_) {
        return core::Error{std::string("cannot create a renderer (SDL: ") + SDL_GetError() + ")"};
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(d->renderer_, &info);
    d->software_ = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    if (options.mode == WindowMode::fullscreen) SDL_ShowCursor(SDL_DISABLE);
    SDL_GetRendererOutputSize(d->renderer_, &d->screen_.width, &d->screen_.height);
    if (d->rotation_ != core::Rotation::none) {
        const core::Size ui = d->ui_size();
        d->rotation_target_ = SDL_CreateTexture(d->renderer_, SDL_PIXELFORMAT_ARGB8888,
                                                SDL_TEXTUREACCESS_TARGET, ui.width, ui.height);
        if (!d->rotation_target_) {
            return core::Error{std::string("cannot create the rotation target (SDL: ") +
                               SDL_GetError() + ")"};
        }
    }
    return d;
}

Display::~Display() {
    if (rotation_target_) SDL_DestroyTexture(rotation_target_);
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

std::string Display::describe() const {
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer_, &info);
    return std::string("video driver ") + (SDL_GetCurrentVideoDriver() ?: "?") + ", renderer " +
           (info.name ? info.name : "?") + ", screen " + std::to_string(screen_.width) + "x" +
           std::to_string(screen_.height) + ", rotation " +
           std::to_string(core::rotation_degrees(rotation_)) + " (renderer: " + choice_.reason +
           ")";
}

void Display::show_blank() {
    begin_frame();
    if (rotation_target_) {
        SDL_SetRenderTarget(renderer_, nullptr);
        SDL_RenderClear(renderer_);
    }
    SDL_RenderPresent(renderer_);
}

void Display::begin_frame() {
    SDL_SetRenderTarget(renderer_, rotation_target_);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
}

void Display::end_frame(ImDrawData* draw_data) {
    render_draw_data(renderer_, *draw_data, software_);
    if (!rotation_target_) return;
    SDL_SetRenderTarget(renderer_, nullptr);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    const core::Size ui = ui_size();
    // SDL_RenderCopyEx turns the texture clockwise about the centre of the destination rectangle,
    // so a rectangle of the UI's size centred on the screen covers it exactly once turned.
    const SDL_Rect dst{(screen_.width - ui.width) / 2, (screen_.height - ui.height) / 2, ui.width,
                       ui.height};
    SDL_RenderCopyEx(renderer_, rotation_target_, nullptr, &dst,
                     static_cast<double>(core::rotation_degrees(rotation_)), nullptr,
                     SDL_FLIP_NONE);
}

std::vector<std::uint8_t> Display::read_screen_rgba() {
    std::vector<std::uint8_t> pixels(static_cast<size_t>(screen_.width) * screen_.height * 4);
    // ABGR8888 is R, G, B, A in memory order on little-endian machines, as PNG wants.
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(),
                             screen_.width * 4) != 0) {
        pixels.clear();
    }
    return pixels;
}

void Display::present() {
    SDL_RenderPresent(renderer_);
}

}  // namespace plaza::platform
