// The wiring: opens the bundle through the content store, loads what the screens show, builds
// fonts for the content's code points, and hands frames to the UI. Implements the runner's
// KioskApp interface.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "content/content_store.h"
#include "core/result.h"
#include "platform/kiosk_app.h"
#include "ui/fonts.h"
#include "ui/kiosk_ui.h"

namespace plaza::app {

class PlazaApp final : public platform::KioskApp {
  public:
    static core::Result<std::unique_ptr<PlazaApp>> load(const std::string& bundle_path,
                                                        float px_per_mm);

    void start(platform::PlatformServices& services) override;
    core::FrameRequest draw_frame(const platform::FrameTime& time) override;
    void between_frames() override { ui_->between_frames(); }
    const core::FrameReport& frame_report() const override { return report_; }
    std::vector<char32_t> missing_glyphs() const override { return fonts_.missing; }

    // 09:00 local time on the event's first day: where a headless run's clock starts, so that
    // screenshots do not depend on when they were taken.
    std::int64_t event_morning_ms() const;

  private:
    PlazaApp(content::ContentStore store, std::string bundle_path, float px_per_mm);

    content::ContentStore store_;
    std::string bundle_path_;
    std::unique_ptr<ui::KioskUi> ui_;
    ui::FontSet fonts_;
    core::FrameReport report_;
    float px_per_mm_;
    ui::ImageProvider* images_ = nullptr;
};

}  // namespace plaza::app
