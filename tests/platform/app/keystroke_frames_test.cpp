// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's own app (PlazaApp on the sample bundle) in the frame loop, headless: a key of the
// on-screen keyboard puts its search results on screen in the frame that sees the finger lift,
// not one frame later. PLAZA_TEST_BUNDLE names the bundle (CTest's sample_bundle fixture).
#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "app/plaza_app.h"
#include "core/clock.h"
#include "core/speech.h"
#include "platform/display.h"
#include "platform/frame_loop.h"

namespace {

using plaza::core::FrameReport;

class Kiosk {
  public:
    Kiosk() {
        const char* bundle = std::getenv("PLAZA_TEST_BUNDLE");
        REQUIRE_MESSAGE(bundle, "PLAZA_TEST_BUNDLE is not set");
        app_ = plaza::app::PlazaApp::load(bundle, 4.0f);
        plaza::platform::DisplayOptions options;
        options.mode = plaza::platform::WindowMode::headless;
        options.size = {1920, 1080};
        auto display = plaza::platform::Display::open(options);
        REQUIRE(display.ok());
        display_ = std::move(display.value());
        loop_ = std::make_unique<plaza::platform::FrameLoop>(*app_, *display_, clock_, speech_);
        settle();
    }

    const FrameReport& report() const { return app_->frame_report(); }
    const plaza::platform::FrameLoop& loop() const { return *loop_; }

    void frame() {
        clock_.advance(1.0 / 60);
        REQUIRE(loop_->draw_frame());
    }
    void settle() {
        for (int i = 0; i < 120 && loop_->should_draw(); ++i)
            frame();
    }
    void finger(Uint32 type, const std::string& id) {
        const plaza::core::VisibleItem* item = nullptr;
        for (const auto& i : report().items) {
            if (i.visible && i.id == id) item = &i;
        }
        INFO(id << " on screen " << report().screen_id);
        REQUIRE(item);
        SDL_Event e{};
        e.type = type;
        e.tfinger.fingerId = 1;
        e.tfinger.x = item->rect.center().x / 1920.0f;
        e.tfinger.y = item->rect.center().y / 1080.0f;
        REQUIRE(loop_->handle_event(e));
    }

  private:
    std::unique_ptr<plaza::app::PlazaApp> app_;
    std::unique_ptr<plaza::platform::Display> display_;
    plaza::core::ManualClock clock_;
    plaza::core::RecordingSpeech speech_;
    std::unique_ptr<plaza::platform::FrameLoop> loop_;
};

bool shows_results(const FrameReport& report) {
    for (const auto& item : report.items) {
        if (item.visible && item.id.rfind("search/result/", 0) == 0) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a key's search results are on screen in the frame that sees the finger lift") {
    Kiosk kiosk;
    kiosk.finger(SDL_FINGERDOWN, "home/search");
    kiosk.frame();
    kiosk.finger(SDL_FINGERUP, "home/search");
    kiosk.settle();
    REQUIRE(kiosk.report().screen_id == "search");
    CHECK_FALSE(shows_results(kiosk.report()));

    kiosk.finger(SDL_FINGERDOWN, "keyboard/key/g");
    for (int i = 0; i < 3; ++i)
        kiosk.frame();
    CHECK_FALSE(shows_results(kiosk.report()));
    const long frames = kiosk.loop().figures().frames;
    kiosk.finger(SDL_FINGERUP, "keyboard/key/g");
    kiosk.frame();
    // One frame presented since the finger lifted, and it shows what "g" finds.
    CHECK(kiosk.loop().figures().frames == frames + 1);
    CHECK(kiosk.report().shows_text("g"));
    CHECK(shows_results(kiosk.report()));
}
