// SPDX-License-Identifier: GPL-3.0-or-later
// platform::choose_renderer: SDL's software renderer where the only OpenGL is a software one, the
// GPU's renderer where a GPU answers, and what the technician asked for whatever the probes say.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "platform/renderer_choice.h"

using plaza::platform::choose_renderer;
using plaza::platform::RendererProbes;
using plaza::platform::WindowMode;

namespace {

// Probes that answer as told and count how often they were asked.
struct FakeMachine {
    bool gpu_device = true;
    std::optional<std::string> gl;
    int gl_asked = 0;

    RendererProbes probes() {
        return {[this] { return gpu_device; },
                [this] {
                    ++gl_asked;
                    return gl;
                }};
    }
};

}  // namespace

TEST_CASE("Mesa's software GL under X11 gives SDL's software renderer on X11's own framebuffer") {
    FakeMachine machine;
    machine.gl = "llvmpipe (LLVM 15.0.6, 256 bits)";
    const auto choice = choose_renderer(WindowMode::fullscreen, "x11", "", machine.probes());
    CHECK(choice.driver == "software");
    CHECK(choice.software);
    CHECK(choice.native_framebuffer);
    CHECK(choice.reason.find("llvmpipe") != std::string::npos);
    CHECK(machine.gl_asked == 1);
}

TEST_CASE("a GPU behind KMSDRM keeps the GLES2 renderer") {
    FakeMachine machine;
    machine.gl = "V3D 4.2";
    const auto choice = choose_renderer(WindowMode::fullscreen, "kmsdrm", "auto", machine.probes());
    CHECK(choice.driver == "opengles2");
    CHECK_FALSE(choice.software);
    CHECK_FALSE(choice.native_framebuffer);
}

TEST_CASE("a GPU under X11 leaves the pick to SDL") {
    FakeMachine machine;
    machine.gl = "Mesa Intel(R) UHD Graphics 620 (KBL GT2)";
    const auto choice = choose_renderer(WindowMode::windowed, "x11", "", machine.probes());
    CHECK(choice.driver.empty());
    CHECK_FALSE(choice.software);
}

TEST_CASE("softpipe and swrast are software too, and KMSDRM keeps SDL's GL-backed framebuffer") {
    for (const char* name : {"softpipe", "Software Rasterizer", "swrast"}) {
        CAPTURE(name);
        FakeMachine machine;
        machine.gl = name;
        const auto choice = choose_renderer(WindowMode::fullscreen, "kmsdrm", "", machine.probes());
        CHECK(choice.software);
        // KMSDRM has no framebuffer of its own: SDL needs its GL texture to show a software window.
        CHECK_FALSE(choice.native_framebuffer);
    }
}

TEST_CASE("without a DRM device no GL is asked for: it could only be software") {
    FakeMachine machine;
    machine.gpu_device = false;
    machine.gl = "V3D 4.2";
    const auto choice = choose_renderer(WindowMode::fullscreen, "x11", "", machine.probes());
    CHECK(choice.software);
    CHECK(machine.gl_asked == 0);
}

TEST_CASE("no OpenGL at all gives the software renderer") {
    FakeMachine machine;
    const auto choice = choose_renderer(WindowMode::windowed, "wayland", "", machine.probes());
    CHECK(choice.software);
    CHECK_FALSE(choice.native_framebuffer);
}

TEST_CASE("what the technician asked for wins and nothing is probed") {
    FakeMachine machine;
    machine.gl = "llvmpipe (LLVM 15.0.6, 256 bits)";
    auto choice = choose_renderer(WindowMode::fullscreen, "x11", "opengl", machine.probes());
    CHECK(choice.driver == "opengl");
    CHECK_FALSE(choice.software);
    machine.gl = "V3D 4.2";
    choice = choose_renderer(WindowMode::fullscreen, "kmsdrm", "software", machine.probes());
    CHECK(choice.driver == "software");
    CHECK(choice.software);
    CHECK(machine.gl_asked == 0);
}

TEST_CASE("headless is always SDL's software renderer, for the same pixels everywhere") {
    FakeMachine machine;
    machine.gl = "V3D 4.2";
    const auto choice =
        choose_renderer(WindowMode::headless, "offscreen", "opengl", machine.probes());
    CHECK(choice.driver == "software");
    CHECK(choice.native_framebuffer);
    CHECK(machine.gl_asked == 0);
}

TEST_CASE("SDL_RENDER_DRIVER in the environment wins over the configuration") {
    CHECK(plaza::platform::requested_renderer("opengles2") == "opengles2");
    setenv("SDL_RENDER_DRIVER", "software", 1);
    CHECK(plaza::platform::requested_renderer("opengles2") == "software");
    unsetenv("SDL_RENDER_DRIVER");
}
