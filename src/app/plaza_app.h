// SPDX-License-Identifier: GPL-3.0-or-later
// The wiring: opens the bundle through the content store, loads what the screens show, builds
// fonts for the content's code points, and hands frames to the UI. Implements the runner's
// KioskApp interface. Without a bundle it can open, it shows why and waits for a stick: no
// content state stops the kiosk.
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "app/admin_panel.h"
#include "app/config.h"
#include "app/preview.h"
#include "app/status_writer.h"
#include "app/usage_counter.h"
#include "app/usb_content.h"
#include "content/content_store.h"
#include "core/result.h"
#include "platform/kiosk_app.h"
#include "ui/fonts.h"
#include "ui/kiosk_ui.h"
#include "ui/screens/no_content_screen.h"
#include "ui/widgets/problem_list.h"
#include "ui/widgets/staff_notice.h"

namespace plaza::app {

class PlazaApp final : public platform::KioskApp {
  public:
    // `settings`: idle timeout, display hours and room-sign mode, for the UI. A bundle that is
    // missing or cannot be opened gives a kiosk that says so on screen (and logs why).
    // `font_cache_path`: a file in the data folder the rasterised font atlas is kept in and started
    // from when it matches; empty: every start builds the atlas. The atlas is built on a worker
    // from here on, while the display opens (font_atlas()).
    ~PlazaApp() override;
    static std::unique_ptr<PlazaApp> load(const std::string& bundle_path, float px_per_mm,
                                          ui::KioskSettings settings = {},
                                          std::string font_cache_path = {});

    ImFontAtlas* font_atlas() override;
    // The world map's shapes, read after the content (while the font atlas is built).
    void set_world(std::shared_ptr<const ui::WorldShapes> world);

    void start(platform::PlatformServices& services) override;
    core::FrameRequest draw_frame(const platform::FrameTime& time) override;
    bool before_present() override;
    void between_frames() override;
    const core::FrameReport& frame_report() const override { return report_; }
    std::vector<char32_t> missing_glyphs() const override { return fonts_.missing; }
    bool simulate_usb(const std::string& folder) override;
    bool busy() const override { return (usb_ && usb_->busy()) || (preview_ && preview_->busy()); }
    bool source_saved() override;
    std::int64_t live_bundle_version() const override { return version_; }

    // USB content, the state database, usage counts, staff notices and the admin panel (issue
    // 7); call before the runner starts. Without it the kiosk shows its one bundle and touches
    // no disk.
    void enable_usb(UsbSettings settings) { usb_settings_ = std::move(settings); }
    // A venue's fleet.csv (issue 18): `local` is the kiosk's own configuration, `settings_for`
    // what the UI takes from a configuration; a verified fleet.csv row is applied over `local`
    // live (mode, room, display hours; rotation at the next start). Call before the runner starts.
    void enable_fleet(Config local, std::function<ui::KioskSettings(const Config&)> settings_for) {
        local_config_ = std::move(local);
        settings_for_ = std::move(settings_for);
    }
    // False when the bundle was missing or could not be opened (the kiosk says so on screen).
    bool has_content() const { return store_.has_value(); }
    // Calls `running` once the kiosk has drawn frames for `seconds` of its clock: the start got
    // going (install::StartGuard::started).
    void when_running(double seconds, std::function<void()> running) {
        running_after_ = seconds;
        running_ = std::move(running);
    }

    // A step of the start measured outside the app (the world map), for --stats.
    void note_start_span(core::StartSpan span) { start_spans_.push_back(std::move(span)); }
    core::StartSpans start_spans() const override { return start_spans_; }

    // The organisers' preview: rebuilds of their folder replace the content; `problems` (the
    // first build's, when it failed) show over it. Call before the runner starts.
    void enable_preview(std::unique_ptr<Preview> preview, std::vector<std::string> problems);

    // 09:00 local time on the event's first day: where a headless run's clock starts, so that
    // screenshots do not depend on when they were taken.
    std::int64_t event_morning_ms() const;

  private:
    // What a font atlas is made from: the content's code points and sizes (the census).
    struct FontRequest {
        std::set<char32_t> code_points, large;
        ui::FontSizesMm sizes;
        float px_per_mm = 0.0f;
        std::string cache_path;  // empty: no cache file
        std::uint64_t key = 0;
    };
    // A built (or cache-read) atlas's fonts and what to report about it.
    struct FontBuild {
        ui::FontSet fonts;
        bool from_cache = false;
        std::string why_not_cached;
        std::string cache_file;  // bytes to keep in the cache file; empty: nothing to write
        core::StartSpan span;
    };
    // The census for the atlas at the current text size (main thread).
    FontRequest font_request(bool cached) const;
    // Fills `atlas`; touches no Dear ImGui context, so it may run on any thread while nothing
    // else uses `atlas`.
    static FontBuild build_font_atlas(const FontRequest& request, ImFontAtlas& atlas);
    // Takes a build's fonts, starts writing the cache file and reports (main thread).
    void use_fonts(FontBuild build);
    // Builds the font atlas for the content's code points (between frames only); `cached`: from
    // and into the cache file, when there is one.
    void load_fonts(bool cached);
    // New content went live: store, UI, fonts and images, between frames; back to home.
    void replace_content(content::ContentStore store, const std::string& path);
    LiveBundle live_bundle() const;
    // The usage counters hear of every screen a visitor opens.
    void count_usage();
    // Hands what the kiosk knows about itself now to the status writer (main thread).
    void report_status();
    // A verified fleet.csv row for this kiosk arrived: mode, room and display hours now.
    void apply_fleet(const FleetValues& values);
    // The UI again for the same content (new settings) or new content: back to home.
    void rebuild_ui();

    PlazaApp(std::optional<content::ContentStore> store, std::string bundle_path,
             std::string unreadable, float px_per_mm, ui::KioskSettings settings,
             std::string font_cache_path);
    // The image loader reads the live bundle on the texture cache's worker thread.
    void load_images_from_bundle();
    // A frame of the no-content screen, with what staff can still do over it.
    core::FrameRequest draw_no_content(ui::UiContext& ctx);

    std::optional<content::ContentStore> store_;  // nullopt: no content (yet)
    std::string bundle_path_;
    std::int64_t version_ = -1;        // the live bundle's version number; -1 without content
    std::unique_ptr<ui::KioskUi> ui_;  // null while there is no content
    std::unique_ptr<ui::NoContentScreen> no_content_;  // while there is none
    ui::FontSet fonts_;
    core::FrameReport report_;
    float px_per_mm_;
    bool room_sign_ = false;  // a door sign read from a distance: bigger type
    core::ImageProvider* images_ = nullptr;
    core::MainThreadQueue* main_thread_ = nullptr;
    core::BackgroundWorker* drawing_ = nullptr;
    ui::KioskSettings settings_;  // kept to build the UI again for new content
    std::optional<Config> local_config_;
    std::function<ui::KioskSettings(const Config&)> settings_for_;
    platform::TextureCache* textures_ = nullptr;
    std::function<void()> font_atlas_rebuilt_;
    std::optional<UsbSettings> usb_settings_;
    // Staff features (with USB content only), by job; usb_ last, as it uses the others.
    UsageCounter usage_;
    AdminPanel admin_;
    ui::StaffNotice notice_;
    std::unique_ptr<StatusWriter> status_;  // before usb_: it takes usb_'s last counts
    int frames_failing_ = 0;
    std::int64_t wall_time_ms_ = 0;  // the last frame's
    std::unique_ptr<UsbContent> usb_;
    std::unique_ptr<Preview> preview_;
    ui::ProblemList problems_;
    double last_build_ms_ = 0.0;
    double running_after_ = 0.0;
    std::function<void()> running_;
    std::optional<double> first_frame_;  // the clock at the first frame
    core::Speech* speech_ = nullptr;
    float font_scale_ = 1.0f;  // the text size the font atlas was built at
    std::string font_cache_path_;
    core::StartSpans start_spans_;
    // The font atlas the ImGui context is made with (font_atlas()); the context does not own it.
    std::unique_ptr<ImFontAtlas> atlas_;
    // The first atlas, built on a worker from the constructor until font_atlas() takes it.
    std::future<FontBuild> first_fonts_;
    // Writes the font atlas cache file off the main thread; joined before the next write and
    // when the app ends, so a file once started is always finished.
    std::thread cache_writer_;
};

}  // namespace plaza::app
