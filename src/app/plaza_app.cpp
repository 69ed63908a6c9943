// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plaza_app.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "content/font_coverage.h"
#include "content/media_reader.h"
#include "core/civil_time.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "core/utf8.h"
#include "platform/service_notify.h"
#include "platform/texture_cache.h"
#include "ui/font_atlas_cache.h"
#include "ui/theme.h"

namespace plaza::app {
std::unique_ptr<PlazaApp> PlazaApp::load(const std::string& bundle_path, float px_per_mm,
                                         ui::KioskSettings settings, std::string font_cache_path) {
    // A kiosk without content still opens its display, says so and waits for a stick: under
    // systemd an exit here would only restart it into the same state, again and again.
    std::optional<content::ContentStore> store;
    std::string unreadable;
    std::error_code ec;
    if (!std::filesystem::exists(bundle_path, ec)) {
        core::log_warning("no content: there is no bundle at " + bundle_path +
                          "; waiting for a USB stick with a signed bundle");
    } else if (auto opened = content::ContentStore::open(bundle_path)) {
        store.emplace(std::move(opened.value()));
    } else {
        unreadable = opened.error();
        core::log_error("no content: " + unreadable +
                        "; waiting for a USB stick with a signed bundle");
    }
    return std::unique_ptr<PlazaApp>(new PlazaApp(std::move(store), bundle_path,
                                                  std::move(unreadable), px_per_mm,
                                                  std::move(settings), std::move(font_cache_path)));
}

PlazaApp::PlazaApp(std::optional<content::ContentStore> store, std::string bundle_path,
                   std::string unreadable, float px_per_mm, ui::KioskSettings settings,
                   std::string font_cache_path)
    : store_(std::move(store)),
      bundle_path_(std::move(bundle_path)),
      px_per_mm_(px_per_mm),
      room_sign_(!settings.room.empty()),
      settings_(settings),
      font_cache_path_(std::move(font_cache_path)),
      atlas_(std::make_unique<ImFontAtlas>()) {
    if (!store_) {
        no_content_ = std::make_unique<ui::NoContentScreen>(std::move(unreadable));
    } else {
        version_ = live_bundle().version;
        const core::StartTimer timer;
        ui_ = std::make_unique<ui::KioskUi>(*store_, std::move(settings));
        start_spans_.push_back(timer.end("content_load"));
        core::log_info("content of " + bundle_path_ + " loaded in " +
                       std::to_string(static_cast<long>(start_spans_.back().ms)) + " ms");
    }
    // FreeType's rasterising is the largest part of the start: it needs only the census, so it
    // runs on a worker while the world map loads and the display opens (issue 14), into an atlas
    // no ImGui context knows yet.
    first_fonts_ =
        std::async(std::launch::async, [request = font_request(true), atlas = atlas_.get()] {
            return build_font_atlas(request, *atlas);
        });
}

PlazaApp::~PlazaApp() {
    // A worker still building writes into atlas_: it finishes before the atlas goes.
    if (first_fonts_.valid()) first_fonts_.wait();
    if (cache_writer_.joinable()) cache_writer_.join();
}

void PlazaApp::set_world(std::shared_ptr<const ui::WorldShapes> world) {
    settings_.world = world;
    if (ui_) ui_->set_world(std::move(world));
}

ImFontAtlas* PlazaApp::font_atlas() {
    if (first_fonts_.valid()) {
        // Work the frames after the first need, done while the atlas may still be being built
        // rather than in the first frame's between_frames().
        if (ui_) ui_->prepare_programme();
        const core::StartTimer waiting;
        FontBuild build = first_fonts_.get();
        start_spans_.push_back(build.span);
        start_spans_.push_back(waiting.end("font_atlas_wait"));
        use_fonts(std::move(build));
    }
    return atlas_.get();
}

void PlazaApp::start(platform::PlatformServices& services) {
    images_ = &services.textures;
    speech_ = &services.speech;
    textures_ = &services.textures;
    main_thread_ = &services.main_thread;
    drawing_ = services.drawing;
    font_atlas_rebuilt_ = services.font_atlas_rebuilt;
    if (store_) {
        ui_->set_speech(speech_);
        load_images_from_bundle();
    }
    ui::apply_touch_style(ImGui::GetStyle(), px_per_mm_);
    if (usb_settings_) {
        UsbHooks hooks;
        hooks.replace_content = [this](content::ContentStore store, const std::string& path) {
            replace_content(std::move(store), path);
        };
        hooks.quit = services.quit;
        hooks.notice = [this](const std::string& text) { notice_.show(text); };
        hooks.take_usage = [this] { return usage_.take(); };
        hooks.installed = [this](const InstallResult&) { report_status(); };
        hooks.fleet = [this](const FleetValues& values) { apply_fleet(values); };
        if (!usb_settings_->status_folder.empty()) {
            StatusSettings status;
            status.folder = usb_settings_->status_folder;
            status.kiosk_id = usb_settings_->kiosk_id;
            status.data_folder = usb_settings_->data_folder;
            status.watchdog_seconds = platform::ServiceNotifier().watchdog_seconds();
            core::MainThreadQueue& main_thread = services.main_thread;
            status_ = std::make_unique<StatusWriter>(
                status, system_status_clock(),
                [this, &main_thread] { main_thread.post([this] { report_status(); }); });
            hooks.usage_written = [this](const std::string& csv) { status_->usage(csv); };
        }
        usb_ = std::make_unique<UsbContent>(*usb_settings_, services.main_thread, std::move(hooks),
                                            live_bundle());
        count_usage();
        report_status();
    }
    if (preview_) {
        PreviewHooks hooks;
        hooks.replace_content = [this](content::ContentStore store, const std::string& path) {
            replace_content(std::move(store), path);
        };
        hooks.problems = [this](std::vector<std::string> lines) {
            problems_.show(std::move(lines));
        };
        preview_->start(services.main_thread, std::move(hooks));
    }
}

void PlazaApp::enable_preview(std::unique_ptr<Preview> preview, std::vector<std::string> problems) {
    preview_ = std::move(preview);
    problems_.show(std::move(problems));
}

bool PlazaApp::source_saved() {
    if (!preview_) return false;
    preview_->look_now();
    return true;
}

void PlazaApp::load_images_from_bundle() {
    // The loader runs on the texture cache's worker thread, with its own connection.
    auto reader = std::make_shared<content::MediaReader>(bundle_path_);
    textures_->set_loader([reader](const core::ImageKey& key) {
        return reader->read(key.media_id, key.variant == core::ImageVariant::thumbnail
                                              ? content::MediaVariant::thumb
                                              : content::MediaVariant::large);
    });
}

void PlazaApp::count_usage() {
    if (!ui_) return;
    ui_->on_open = [this](ui::ScreenId screen, std::int64_t record) {
        usage_.opened(screen, record);
    };
}

PlazaApp::FontRequest PlazaApp::font_request(bool cached) const {
    FontRequest r;
    // A room sign is read from about 3 m: roughly twice the kiosk's type (ISO 9241-303 puts
    // legible character height near 1/200 of the viewing distance, plus margin for eyesight).
    r.sizes = room_sign_ ? ui::FontSizesMm{10.0f, 16.0f, 24.0f} : ui::FontSizesMm{};
    const float scale = ui_ ? ui_->text_scale() : 1.0f;
    r.sizes.body *= scale;
    r.sizes.heading *= scale;
    r.sizes.title *= scale;
    if (store_)
        r.code_points = store_->code_points();
    else
        core::collect_code_points(no_content_->all_text(), r.code_points);
    if (ui_) r.large = ui_->large_text_code_points();
    r.px_per_mm = px_per_mm_;
    if (cached && !font_cache_path_.empty()) {
        r.cache_path = font_cache_path_;
        r.key = ui::font_atlas_key(r.code_points, r.px_per_mm, {}, r.sizes, r.large);
    }
    return r;
}

PlazaApp::FontBuild PlazaApp::build_font_atlas(const FontRequest& request, ImFontAtlas& atlas) {
    const double started_ms = core::steady_ms();
    const double started_cpu_ms = core::thread_cpu_ms();
    FontBuild b;
    const bool cached = !request.cache_path.empty();
    b.from_cache = cached && ui::load_font_atlas(request.cache_path, request.key, atlas, b.fonts,
                                                 b.why_not_cached);
    if (!b.from_cache) {
        b.fonts = ui::build_fonts(atlas, request.code_points, request.px_per_mm, {}, request.sizes,
                                  request.large);
        if (cached) b.cache_file = ui::font_atlas_file(request.key, atlas, b.fonts);
    }
    // The renderer uploads RGBA pixels: converted here, with the build, rather than by the frame
    // that first draws text.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    b.span = {b.from_cache ? "font_atlas_from_cache" : "font_atlas_built",
              core::steady_ms() - started_ms, core::thread_cpu_ms() - started_cpu_ms};
    return b;
}

void PlazaApp::use_fonts(FontBuild build) {
    fonts_ = std::move(build.fonts);
    font_scale_ = ui_ ? ui_->text_scale() : 1.0f;
    const ImFontAtlas& atlas = *atlas_;
    if (!font_cache_path_.empty() && !build.from_cache && !build.why_not_cached.empty())
        core::log_info("font atlas cache not used: " + build.why_not_cached);
    if (!build.cache_file.empty()) {
        // A disk write (several MB on an SD card) has no place before the first frame.
        if (cache_writer_.joinable()) cache_writer_.join();
        cache_writer_ = std::thread([path = font_cache_path_, bytes = std::move(build.cache_file)] {
            std::string problem;
            if (!ui::write_font_atlas_file(path, bytes, problem))
                core::log_warning("the font atlas is built again at every start: " + problem);
        });
    }
    core::log_info("font atlas " + std::to_string(atlas.TexWidth) + "x" +
                   std::to_string(atlas.TexHeight) +
                   (build.from_cache ? " read from the cache in " : " built in ") +
                   std::to_string(static_cast<long>(build.span.ms)) + " ms");
    if (!fonts_.script_faces.empty()) {
        std::string faces;
        for (const std::string& face : fonts_.script_faces)
            faces += " " + face;
        core::log_info("faces for the content's scripts:" + faces);
    }
    if (!fonts_.error.empty()) core::log_error(fonts_.error);
    if (!fonts_.reduced.empty()) core::log_warning(fonts_.reduced);
    if (!fonts_.missing.empty()) {
        std::string packages;
        for (char32_t cp : fonts_.missing) {
            const std::string package = content::font_package_for(cp);
            if (packages.find(package) == std::string::npos)
                packages += (packages.empty() ? "" : ", ") + package;
        }
        core::log_warning("no font provides these content characters: " +
                          ui::describe_code_points(fonts_.missing) +
                          " (Debian packages that may: " + packages + ")");
    }
}

void PlazaApp::load_fonts(bool cached) {
    use_fonts(build_font_atlas(font_request(cached), *atlas_));
}

core::FrameRequest PlazaApp::draw_frame(const platform::FrameTime& time) {
    if (!first_frame_) first_frame_ = time.now;
    frames_failing_ = time.frames_failing;
    wall_time_ms_ = time.wall_time_ms;
    if (running_ && time.now - *first_frame_ >= running_after_) {
        running_();
        running_ = nullptr;
    }
    report_.clear();
    ui::UiContext ctx{report_, fonts_, px_per_mm_, time.now, time.wall_time_ms};
    ctx.images = images_;
    ctx.pinch = time.pinch;
    ctx.map_worker = drawing_;
    ctx.main_thread = main_thread_;
    if (!usb_) {
        core::FrameRequest request = ui_ ? ui_->draw(ctx) : no_content_->draw(ctx);
        problems_.draw(ctx);
        return request;
    }
    const auto started = std::chrono::steady_clock::now();
    const std::string language = ui_ ? ui_->language() : "en";
    if (admin_.active()) {
        ctx.language = language;
        core::FrameRequest request;
        const Health health{core::current_rss_kib(), fonts_.missing, !ui_ || ui_->clock_plausible(),
                            usb_settings_->data_folder};
        usb_->act(
            admin_.draw(ctx, usb_->admin_status(), health, usb_settings_->admin_pin, request));
        return request;
    }
    core::FrameRequest request = ui_ ? ui_->draw(ctx) : no_content_->draw(ctx);
    // After the visitors' frame: usage counts, the admin gesture, a notice for staff on top.
    if (store_ && usage_.after_frame(ctx.now, ImGui::GetIO().MouseDown[0], ctx.wall_time_ms,
                                     store_->local_offset_minutes(time.wall_time_ms), language))
        usb_->flush_usage();
    usb_->visitor_language(language);
    admin_.after_frame(ctx, request, last_build_ms_);
    notice_.draw(ctx, request);
    last_build_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return request;
}

bool PlazaApp::before_present() {
    return ui_ && ui_->before_present();
}

void PlazaApp::between_frames() {
    if (!ui_) return;
    ui_->between_frames();
    // The visitor chose another text size: the atlas is rebuilt at it (it is locked inside a
    // frame), and the renderer uploads the new one at the next frame.
    if (ui_->text_scale() != font_scale_) {
        ImGui::GetIO().Fonts->Clear();
        load_fonts(false);
        if (font_atlas_rebuilt_) font_atlas_rebuilt_();
    }
}

bool PlazaApp::simulate_usb(const std::string& folder) {
    if (!usb_) return false;
    usb_->stick_inserted(folder);
    return true;
}

LiveBundle PlazaApp::live_bundle() const {
    LiveBundle live;
    if (!store_) return live;  // version 0: any signed bundle is newer
    live.path = bundle_path_;
    live.bundle_id = store_->meta("bundle_id");
    live.event_name = store_->event().name;
    live.version = std::atoll(store_->meta("content_version").c_str());
    return live;
}

void PlazaApp::replace_content(content::ContentStore store, const std::string& path) {
    // Runs from the main-thread queue, between frames: the old UI goes before the store it
    // reads, the font atlas may be rebuilt (it is locked only inside a frame), and the
    // renderer's font texture is dropped so the backend uploads the new atlas.
    const auto started = std::chrono::steady_clock::now();
    ui_.reset();
    no_content_.reset();
    store_ = std::move(store);
    bundle_path_ = path;
    version_ = live_bundle().version;
    rebuild_ui();
    if (textures_) load_images_from_bundle();
    core::log_info("content replaced by " + path + " in " +
                   std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - started)
                                      .count()) +
                   " ms");
}

void PlazaApp::rebuild_ui() {
    if (store_) {
        ui_.reset();
        ui_ = std::make_unique<ui::KioskUi>(*store_, settings_);
        ui_->set_speech(speech_);
        if (usb_) count_usage();
    }
    ImGui::GetIO().Fonts->Clear();
    load_fonts(true);
    if (font_atlas_rebuilt_) font_atlas_rebuilt_();
    report_status();
}

void PlazaApp::apply_fleet(const FleetValues& values) {
    if (!local_config_ || !settings_for_) return;
    Config c = *local_config_;
    apply_fleet_values(values, c);
    settings_ = settings_for_(c);
    room_sign_ = !settings_.room.empty();
    core::log_info(room_sign_ ? "fleet.csv: now the door sign of room " + settings_.room
                              : std::string("fleet.csv: now a kiosk"));
    for (const auto& [key, value] : values) {
        if (key == "rotation")
            core::log_info("fleet.csv: rotation " + value + " applies at the next start");
    }
    rebuild_ui();
}

void PlazaApp::report_status() {
    if (!status_) return;
    KioskStatus s;
    s.kiosk_id = usb_settings_->kiosk_id;
    s.kiosk_name = usb_settings_->kiosk_name;
    s.mode = room_sign_ ? "room" : "kiosk";
    s.room = settings_.room;
    if (store_) {
        const LiveBundle live = live_bundle();
        s.has_bundle = true;
        s.bundle_id = live.bundle_id;
        s.version = live.version;
        s.built = store_->meta("build_time");
    }
    if (usb_) s.last_install = usb_->last_install();
    s.frames_failing = frames_failing_;
    s.clock_sane = !ui_ || ui_->clock_plausible();
    if (store_)
        s.touches_today =
            usage_.touches_today(wall_time_ms_, store_->local_offset_minutes(wall_time_ms_));
    status_->update(std::move(s));
}

std::int64_t PlazaApp::event_morning_ms() const {
    if (!store_) return 0;
    const auto& e = store_->event();
    const auto instant = core::parse_iso8601_instant(e.starts_on + "T09:00:00Z");
    if (!instant) return 0;
    // 09:00 written as UTC is off by the zone's offset, which is nearly the same a few hours on.
    return *instant - static_cast<std::int64_t>(store_->local_offset_minutes(*instant)) * 60000;
}

}  // namespace plaza::app
