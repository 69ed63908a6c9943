// SPDX-License-Identifier: GPL-3.0-or-later
// Which of SDL's renderers the kiosk asks for. Where the only OpenGL is Mesa's software one
// (llvmpipe, softpipe, swrast: Xvfb, a board without its GPU driver) SDL's GL renderer costs
// 200-300 ms of set-up and ~70 MiB (libLLVM) to rasterise no faster than SDL's own software
// renderer, so Plaza uses the software renderer there; where a GPU answers (a Pi's V3D through
// KMSDRM) it keeps the GL/GLES renderer (issue 14). The decision is a pure function of its inputs;
// the probes that feed it are injectable.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace plaza::platform {

enum class WindowMode { windowed, fullscreen, headless };

struct RendererProbes {
    // True when the machine has a DRM device (/dev/dri/card* or renderD*): without one no GL can
    // be anything but software, and nothing needs to be asked.
    std::function<bool()> gpu_device_present;
    // GL_RENDERER of the OpenGL that SDL's video driver gives, or nullopt when none could be made.
    std::function<std::optional<std::string>()> gl_renderer;
};

struct RendererChoice {
    std::string driver;  // the SDL render driver to ask for; empty: SDL's own pick
    bool software = false;
    // SDL draws a software window through its video driver's own framebuffer (XShm on X11) rather
    // than through a GL texture, which would load the GL it is avoiding (SDL_HINT_FRAMEBUFFER_
    // ACCELERATION = 0). KMSDRM has no framebuffer of its own, so there it stays on.
    bool native_framebuffer = false;
    std::string reason;  // for the log: why this renderer
};

// "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software Rasterizer", "swrast" ... are software.
bool is_software_gl(std::string_view gl_renderer);

// The render driver the technician named: SDL_RENDER_DRIVER in the environment wins over the
// configuration's `renderer`. Empty or "auto" lets Plaza choose.
std::string requested_renderer(const std::string& configured);
// True when choose_renderer() will have to ask the machine (and the probes may be started early).
bool renderer_needs_probe(WindowMode mode, std::string_view requested);

// `requested` as above. `video_driver` is
// SDL's (x11, kmsdrm, wayland, offscreen). Probes are called only when the answer needs them.
RendererChoice choose_renderer(WindowMode mode, std::string_view video_driver,
                               std::string_view requested, const RendererProbes& probes);

// The probes of this machine. gpu_device_present looks at /dev/dri; gl_renderer asks SDL for a GL
// context in a child process, so that the kiosk itself never maps the GL it may not use.
bool gpu_device_present();

// A GL_RENDERER probe started early, in a child process, so that it runs beside the content
// loading; result() waits for it (at most `timeout_seconds`, then gives up: nullopt).
class GlRendererProbe {
  public:
    static std::shared_ptr<GlRendererProbe> start();
    ~GlRendererProbe();
    GlRendererProbe(const GlRendererProbe&) = delete;
    GlRendererProbe& operator=(const GlRendererProbe&) = delete;
    std::optional<std::string> result(double timeout_seconds = 5.0);

  private:
    GlRendererProbe() = default;
    pid_t pid_ = -1;
    int fd_ = -1;
    bool done_ = false;
    std::optional<std::string> answer_;
};

}  // namespace plaza::platform
