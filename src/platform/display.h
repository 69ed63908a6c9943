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
#include "core/result.h"
#include "core/rotation.h"

struct ImDrawData;

namespace plaza::platform {

enum class WindowMode { windowed, fullscreen, headless };

struct DisplayOptions {
    WindowMode mode = WindowMode::windowed;
    core::Size size{1280, 800};  // windowed and headless; fullscreen takes the display's size
    core::Rotation rotation = core::Rotation::none;
};

class Display {
  public:
    // Initialises SDL's video and opens the window; the error says plainly when there is no
    // display to open a window on.
    static core::Result<std::unique_ptr<Display>> open(const DisplayOptions& options);
    ~Display();
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;

    SDL_Renderer* renderer() const { return renderer_; }
    core::Size screen_size() const { return screen_; }
    core::Size ui_size() const { return core::ui_size_for_screen(screen_, rotation_); }
    core::Rotation rotation() const { return rotation_; }
    std::string describe() const;

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
    bool software_ = false;  // SDL's software renderer: fill opaque rectangles without blending
};

}  // namespace plaza::platform
