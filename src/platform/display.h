// SPDX-License-Identifier: GPL-3.0-or-later
// The window, the SDL renderer and screen rotation. With a rotation the UI is drawn into a
// target texture at its own size and turned onto the screen with SDL_RenderCopyEx, because
// KMSDRM cannot rotate a 90-degree panel by itself (raspberrypi/linux#4068).
#pragma once

#include <SDL.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/pointer_input.h"
#include "core/result.h"
#include "core/rotation.h"
#include "platform/renderer_choice.h"

struct ImDrawData;

namespace plaza::platform {

struct DisplayOptions {
    WindowMode mode = WindowMode::windowed;
    core::Size size{1280, 800};  // windowed and headless; fullscreen takes the display's size
    core::Rotation rotation = core::Rotation::none;
    core::TouchCalibration touch_calibration;  // the touch panel's axes onto the screen's
    // The render driver the configuration names (`renderer`); empty or "auto": Plaza chooses.
    // SDL_RENDER_DRIVER in the environment wins over it.
    std::string renderer;
    // What the choice asks of the machine; gl_renderer runs a probe in a child process unless
    // the caller started one earlier (GlRendererProbe) and put it here.
    RendererProbes probes{gpu_device_present, [] { return GlRendererProbe::start()->result(); }};
};

// Starts the GL probe now, in a child process, when the renderer choice will need it, so that it
// runs while the content loads instead of before the window opens.
void start_renderer_probe_early(DisplayOptions& options);

class Display {
  public:
    // Initialises SDL's video and opens the window; the error says plainly when there is no
    // display to open a window on.
    static core::Result<std::unique_ptr<Display>> open(const DisplayOptions& options);
    ~Display();
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;

    SDL_Renderer* renderer() const { return renderer_; }
    SDL_Window* window() const { return window_; }
    core::Size screen_size() const { return screen_; }
    core::Size ui_size() const { return core::ui_size_for_screen(screen_, rotation_); }
    core::Rotation rotation() const { return rotation_; }
    const core::TouchCalibration& touch_calibration() const { return calibration_; }
    std::string describe() const;
    const RendererChoice& renderer_choice() const { return choice_; }

    // Shows a black screen, as a new window shows before its first frame. The first picture a
    // window shows costs more than the ones after it (its framebuffer's pages are touched for
    // the first time, several MB of page faults, and under X11 the server's copy of it too): the
    // start pays that while it waits for the font atlas rather than in the first frame.
    void show_blank();
    void begin_frame();
    void end_frame(ImDrawData* draw_data);
    // The screen as RGBA bytes, row by row; call after end_frame() and before present().
    std::vector<std::uint8_t> read_screen_rgba();
    void present();

  private:
    Display() = default;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    SDL_Texture* rotation_target_ = nullptr;
    core::Size screen_;
    core::Rotation rotation_ = core::Rotation::none;
    core::TouchCalibration calibration_;
    bool software_ = false;  // SDL's software renderer: fill opaque rectangles without blending
    RendererChoice choice_;
};

}  // namespace plaza::platform
