// platform::FrameLoop with a real headless display: a frame whose drawing throws is closed
// cleanly, and a run of failing frames makes the loop give up so the service manager restarts.
#include <doctest/doctest.h>

#include <imgui.h>

#include <stdexcept>

#include "core/clock.h"
#include "platform/display.h"
#include "platform/frame_loop.h"

namespace {

// An app whose drawing opens a window and a child, then fails before closing them, as a bug in
// a screen would, for as many frames as asked.
class FailingApp final : public plaza::platform::KioskApp {
  public:
    explicit FailingApp(int failing_frames) : failing_frames_(failing_frames) {}
    void start(plaza::platform::PlatformServices&) override {
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->AddFontDefault();
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
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
    const plaza::core::FrameReport& frame_report() const override { return report_; }
    std::vector<char32_t> missing_glyphs() const override { return {}; }
    int frames() const { return frames_; }

  private:
    int failing_frames_;
    int frames_ = 0;
    plaza::core::FrameReport report_;
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
