// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's own app (PlazaApp on the sample bundle) in the frame loop, headless at 1920x1080:
// frames drawn one at a time on a manual clock, fingers on controls by id, and the pixels of a
// frame. PLAZA_TEST_BUNDLE names the bundle (CTest's sample_bundle fixture).
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/plaza_app.h"
#include "core/clock.h"
#include "core/speech.h"
#include "platform/display.h"
#include "platform/frame_loop.h"

namespace plaza::test {

class Kiosk {
  public:
    explicit Kiosk(ui::KioskSettings settings = {}) {
        const char* bundle = std::getenv("PLAZA_TEST_BUNDLE");
        REQUIRE_MESSAGE(bundle, "PLAZA_TEST_BUNDLE is not set");
        app_ = app::PlazaApp::load(bundle, 4.0f, std::move(settings));
        platform::DisplayOptions options;
        options.mode = platform::WindowMode::headless;
        options.size = {1920, 1080};
        auto display = platform::Display::open(options);
        REQUIRE(display.ok());
        display_ = std::move(display.value());
        loop_ = std::make_unique<platform::FrameLoop>(*app_, *display_, clock_, speech_);
        settle();
    }

    const core::FrameReport& report() const { return app_->frame_report(); }
    const platform::FrameLoop& loop() const { return *loop_; }

    void frame() {
        clock_.advance(1.0 / 60);
        REQUIRE(loop_->draw_frame());
    }
    // A frame, and what it put on the screen (RGBA).
    std::vector<std::uint8_t> frame_pixels() {
        clock_.advance(1.0 / 60);
        std::vector<std::uint8_t> pixels;
        REQUIRE(loop_->draw_frame(&pixels));
        REQUIRE_FALSE(pixels.empty());
        return pixels;
    }
    void settle() {
        for (int i = 0; i < 120 && loop_->should_draw(); ++i)
            frame();
    }
    bool wants_frame() { return loop_->should_draw(); }
    // Images decode on a worker: wait until every one is on screen.
    void finish_loading() {
        REQUIRE(loop_->finish_loading(10.0));
        loop_->request_redraw();
        settle();
    }
    void finger(Uint32 type, const std::string& id) {
        const core::VisibleItem* item = find(id);
        INFO(id << " on screen " << report().screen_id);
        REQUIRE(item);
        SDL_Event e{};
        e.type = type;
        e.tfinger.fingerId = 1;
        e.tfinger.x = item->rect.center().x / 1920.0f;
        e.tfinger.y = item->rect.center().y / 1080.0f;
        REQUIRE(loop_->handle_event(e));
    }
    // A finger on the control and off it again, one frame apart; the frame that sees it lift
    // is the caller's to draw.
    void tap(const std::string& id) {
        finger(SDL_FINGERDOWN, id);
        frame();
        finger(SDL_FINGERUP, id);
    }
    const core::VisibleItem* find(const std::string& id) const {
        const core::VisibleItem* found = nullptr;
        for (const auto& i : report().items) {
            if (i.visible && i.id == id) found = &i;
        }
        return found;
    }

  private:
    std::unique_ptr<app::PlazaApp> app_;
    std::unique_ptr<platform::Display> display_;
    core::ManualClock clock_;
    core::RecordingSpeech speech_;
    std::unique_ptr<platform::FrameLoop> loop_;
};

}  // namespace plaza::test
