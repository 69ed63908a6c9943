// SPDX-License-Identifier: GPL-3.0-or-later
// platform::FrameLoop with a real headless display: a frame whose drawing throws is closed
// cleanly, and a run of failing frames makes the loop give up so the service manager restarts.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <stdexcept>

#include "core/clock.h"
#include "platform/display.h"
#include "platform/frame_loop.h"
#include "test_kiosk_app.h"

namespace {

// An app whose drawing opens a window and a child, then fails before closing them, as a bug in
// a screen would, for as many frames as asked.
class FailingApp final : public plaza::test::TestKioskApp {
  public:
    explicit FailingApp(int failing_frames) : failing_frames_(failing_frames) {}
    plaza::core::FrameRequest draw_frame(const plaza::platform::FrameTime&) override {
        ++frames_;
        ImGui::Begin("screen");
        ImGui::BeginChild("list");
        if (frames_ <= failing_frames_) {
            // Every other failure is not a std::exception at all.
            if (frames_ % 2 == 0) throw 42;
            throw std::runtime_error("a screen failed");
        }
        ImGui::EndChild();
        ImGui::End();
        return {};
    }
    int frames() const { return frames_; }

  private:
    int failing_frames_;
    int frames_ = 0;
};

std::unique_ptr<plaza::platform::Display> headless_display() {
    plaza::platform::DisplayOptions options;
    options.mode = plaza::platform::WindowMode::headless;
    options.size = {320, 240};
    auto display = plaza::platform::Display::open(options);
    REQUIRE(display.ok());
    return std::move(display.value());
}

}  // namespace

TEST_CASE("a frame that throws is closed cleanly and the next frame draws") {
    auto display = headless_display();
    plaza::core::ManualClock clock;
    FailingApp app(3);
    plaza::core::RecordingSpeech speech;
    plaza::platform::FrameLoop loop(app, *display, clock, speech);
    for (int i = 0; i < 5; ++i) {
        clock.advance(1.0 / 60);
        CHECK(loop.draw_frame());
    }
    CHECK(app.frames() == 5);
    CHECK(loop.figures().frames == 5);
}

TEST_CASE("ten failing frames in a row make the loop give up") {
    auto display = headless_display();
    plaza::core::ManualClock clock;
    FailingApp app(1000);
    plaza::core::RecordingSpeech speech;
    plaza::platform::FrameLoop loop(app, *display, clock, speech);
    int drawn = 0;
    while (drawn < 20 && loop.draw_frame())
        ++drawn;
    CHECK(drawn == 9);
}

namespace {

// A button that asks for work whose result the same frame should show, as a key of the on-screen
// keyboard asks for a search.
class AskingApp final : public plaza::test::TestKioskApp {
  public:
    plaza::core::FrameRequest draw_frame(const plaza::platform::FrameTime&) override {
        ++builds;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorScreenPos(ImVec2(20, 20));
        if (ImGui::Button("key", ImVec2(100, 60))) {
            ++presses;
            asked = true;
        }
        shown = answer;
        ImGui::End();
        return {};
    }
    bool before_present() override {
        if (!asked) return false;
        asked = false;
        answer = presses;
        return true;
    }
    int builds = 0, presses = 0, answer = 0, shown = 0;
    bool asked = false;
};

SDL_Event finger(Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x / 320.0f;
    e.tfinger.y = y / 240.0f;
    return e;
}

}  // namespace

TEST_CASE(
    "work a frame asks for before it is shown is in that frame, and nothing is pressed twice") {
    auto display = headless_display();
    plaza::core::ManualClock clock;
    AskingApp app;
    plaza::core::RecordingSpeech speech;
    plaza::platform::FrameLoop loop(app, *display, clock, speech);
    CHECK(loop.draw_frame());
    loop.handle_event(finger(SDL_FINGERDOWN, 50, 40));
    CHECK(loop.draw_frame());
    CHECK(app.presses == 0);
    const long frames_before = loop.figures().frames;
    const int builds_before = app.builds;
    loop.handle_event(finger(SDL_FINGERUP, 50, 40));
    CHECK(loop.draw_frame());
    // The frame that saw the finger lift was built twice and shown once, with the answer.
    CHECK(app.presses == 1);
    CHECK(app.shown == 1);
    CHECK(loop.figures().frames == frames_before + 1);
    CHECK(app.builds == builds_before + 2);
    for (int i = 0; i < 3; ++i)
        CHECK(loop.draw_frame());
    CHECK(app.presses == 1);
    CHECK(app.builds == builds_before + 5);
}

namespace {

// One window for every screen, as the kiosk draws; the "map" screen draws tens of thousands of
// vertices, the others a few.
class TwoScreensApp final : public plaza::test::TestKioskApp {
  public:
    plaza::core::FrameRequest draw_frame(const plaza::platform::FrameTime&) override {
        report_.screen_id = screen;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("plaza", nullptr, ImGuiWindowFlags_NoDecoration);
        const int rects = screen == "map" ? map_rects : 10;
        for (int i = 0; i < rects; ++i) {
            const float x = static_cast<float>(i % 300);
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, 10), ImVec2(x + 1, 11),
                                                      IM_COL32(200, 0, 0, 255));
        }
        // A list only the map's screen shows, in a child window of its own.
        if (screen == "map") {
            ImGui::BeginChild("list", ImVec2(200, 200));
            list = ImGui::GetCurrentWindow();
            for (int i = 0; i < map_rects; ++i)
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(1, 1), ImVec2(2, 2),
                                                          IM_COL32(0, 0, 200, 255));
            ImGui::EndChild();
        }
        ImGui::End();
        return {};
    }
    const plaza::core::FrameReport& frame_report() const override { return report_; }
    static constexpr int kMapRects = 50000;  // four vertices each
    std::string screen = "map";
    int map_rects = kMapRects;
    ImGuiWindow* list = nullptr;

  private:
    plaza::core::FrameReport report_;
};

int vertex_capacity() {
    return ImGui::FindWindowByName("plaza")->DrawList->VtxBuffer.Capacity;
}

}  // namespace

// Draws frames until the loop would sleep (at most 100).
void draw_until_idle(plaza::platform::FrameLoop& loop) {
    for (int frames = 0; loop.should_draw() && frames < 100; ++frames)
        CHECK(loop.draw_frame());
    CHECK_FALSE(loop.should_draw());
}

TEST_CASE(
    "when the kiosk goes idle on another screen, the draw buffers a screen left behind "
    "are given back") {
    auto display = headless_display();
    plaza::core::ManualClock clock;
    TwoScreensApp app;
    plaza::core::RecordingSpeech speech;
    plaza::platform::FrameLoop loop(app, *display, clock, speech);
    CHECK(loop.draw_frame());
    app.screen = "home";
    CHECK(loop.draw_frame());
    // Not while frames are still drawn: the visitor may be on the way back.
    REQUIRE(loop.should_draw());
    CHECK(vertex_capacity() >= 4 * TwoScreensApp::kMapRects);
    draw_until_idle(loop);
    CHECK(vertex_capacity() <= 1 << 16);
    // The map's list, not drawn at all now, keeps no more than any screen draws.
    REQUIRE(app.list != nullptr);
    CHECK(app.list->DrawList->VtxBuffer.Capacity <= 1 << 16);
    // Back on the map, the buffers grow again to what it draws.
    app.screen = "map";
    loop.request_redraw();
    CHECK(loop.draw_frame());
    CHECK(vertex_capacity() >= 4 * TwoScreensApp::kMapRects);
}

TEST_CASE("the screen on show keeps its draw buffers when the kiosk goes idle") {
    auto display = headless_display();
    plaza::core::ManualClock clock;
    TwoScreensApp app;
    plaza::core::RecordingSpeech speech;
    plaza::platform::FrameLoop loop(app, *display, clock, speech);
    draw_until_idle(loop);
    // The map drawing far less for a moment (zoomed in on a few cities) keeps what its next
    // pan or zoom out needs.
    app.map_rects = 10;
    loop.request_redraw();
    draw_until_idle(loop);
    CHECK(vertex_capacity() >= 4 * TwoScreensApp::kMapRects);
}
