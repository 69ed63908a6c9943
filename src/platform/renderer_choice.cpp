// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/renderer_choice.h"

#include <SDL.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace plaza::platform {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

constexpr unsigned kGlRenderer = 0x1F01;  // GL_RENDERER, without pulling in GL headers

// The child's side of the probe: what SDL's video driver gives as GL, written to `fd`.
[[noreturn]] void probe_in_child(int fd) {
    std::string answer;
    if (SDL_Init(SDL_INIT_VIDEO) == 0) {
        SDL_Window* window =
            SDL_CreateWindow("Plaza GL probe", 0, 0, 1, 1, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
        SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
        using GetString = const unsigned char* (*)(unsigned);
        auto get_string =
            context ? reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString")) : nullptr;
        const unsigned char* renderer = get_string ? get_string(kGlRenderer) : nullptr;
        if (renderer) answer = reinterpret_cast<const char*>(renderer);
    }
    // Nothing of the parent's (atexit handlers, SDL's quit, buffered output) runs in the child.
    if (!answer.empty() && write(fd, answer.data(), answer.size()) < 0) _exit(1);
    _exit(answer.empty() ? 1 : 0);
}

}  // namespace

bool is_software_gl(std::string_view gl_renderer) {
    const std::string r = lower(gl_renderer);
    for (const char* name : {"llvmpipe", "softpipe", "swrast", "software rasterizer"}) {
        if (r.find(name) != std::string::npos) return true;
    }
    return false;
}

std::string requested_renderer(const std::string& configured) {
    const char* from_environment = SDL_getenv("SDL_RENDER_DRIVER");
    return from_environment ? from_environment : configured;
}

bool renderer_needs_probe(WindowMode mode, std::string_view requested) {
    return mode != WindowMode::headless && (requested.empty() || requested == "auto");
}

RendererChoice choose_renderer(WindowMode mode, std::string_view video_driver,
                               std::string_view requested, const RendererProbes& probes) {
    const bool own_framebuffer =
        video_driver == "x11" || video_driver == "offscreen" || video_driver == "dummy";
    auto software = [&](std::string reason) {
        return RendererChoice{"software", true, own_framebuffer, std::move(reason)};
    };
    if (mode == WindowMode::headless) {
        // The same pixels on every machine (tech research §A6).
        return software("headless");
    }
    if (!renderer_needs_probe(mode, requested)) {
        const bool asked_software = requested == "software";
        return {std::string(requested), asked_software, asked_software && own_framebuffer,
                "asked for"};
    }
    if (probes.gpu_device_present && !probes.gpu_device_present())
        return software("no GPU device (/dev/dri)");
    const std::optional<std::string> gl = probes.gl_renderer ? probes.gl_renderer() : std::nullopt;
    if (!gl) return software("no OpenGL could be created");
    if (is_software_gl(*gl)) return software("the only OpenGL is a software one (" + *gl + ")");
    // SDL lists desktop OpenGL first; on KMSDRM the GLES2 renderer is the path that works on a Pi.
    return RendererChoice{video_driver == "kmsdrm" ? "opengles2" : "", false, false,
                          "a GPU answers (" + *gl + ")"};
}

bool gpu_device_present() {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("card", 0) == 0 || name.rfind("renderD", 0) == 0) return true;
    }
    return false;
}

std::shared_ptr<GlRendererProbe> GlRendererProbe::start() {
    std::shared_ptr<GlRendererProbe> probe(new GlRendererProbe());
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return probe;  // no answer: result() says nullopt
    // Output still buffered would otherwise be written twice, once by each process.
    std::fflush(nullptr);
    std::cout.flush();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        probe_in_child(fds[1]);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return probe;
    }
    probe->pid_ = pid;
    probe->fd_ = fds[0];
    return probe;
}

GlRendererProbe::~GlRendererProbe() {
    if (fd_ >= 0) close(fd_);
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
}

std::optional<std::string> GlRendererProbe::result(double timeout_seconds) {
    if (done_ || fd_ < 0) return answer_;
    using clock = std::chrono::steady_clock;
    const auto give_up_at = clock::now() + std::chrono::duration<double>(timeout_seconds);
    std::string text;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(give_up_at - clock::now());
        if (left.count() <= 0) break;
        pollfd pfd{fd_, POLLIN, 0};
        if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) break;
        char buf[256];
        const ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) {
            if (n == 0) done_ = true;  // the child wrote everything and exited
            break;
        }
        text.append(buf, static_cast<size_t>(n));
    }
    close(fd_);
    fd_ = -1;
    // A child still running after the timeout (a GL driver that hangs) is stopped; the kiosk
    // goes on with the software renderer.
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (done_ && !text.empty()) answer_ = text;
    done_ = true;
    return answer_;
}

}  // namespace plaza::platform
