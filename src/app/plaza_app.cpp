#include "app/plaza_app.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>

#include "content/media_reader.h"
#include "core/civil_time.h"
#include "core/log.h"
#include "platform/texture_cache.h"
#include "ui/theme.h"

namespace plaza::app {

core::Result<std::unique_ptr<PlazaApp>> PlazaApp::load(const std::string& bundle_path,
                                                       float px_per_mm) {
    auto store = content::ContentStore::open(bundle_path);
    if (!store) return core::Error{store.error()};
    return std::unique_ptr<PlazaApp>(
        new PlazaApp(std::move(store.value()), bundle_path, px_per_mm));
}

PlazaApp::PlazaApp(content::ContentStore store, std::string bundle_path, float px_per_mm)
    : store_(std::move(store)), bundle_path_(std::move(bundle_path)), px_per_mm_(px_per_mm) {
    const auto started = std::chrono::steady_clock::now();
    ui_ = std::make_unique<ui::KioskUi>(store_);
    core::log_info("content of " + bundle_path_ + " loaded in " +
                   std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - started)
                                      .count()) +
                   " ms");
}

void PlazaApp::start(platform::PlatformServices& services) {
    images_ = &services.textures;
    // The loader runs on the texture cache's worker thread, with its own connection.
    auto reader = std::make_shared<content::MediaReader>(bundle_path_);
    services.textures.set_loader([reader](const ui::ImageKey& key) {
        return reader->read(key.media_id, key.variant == ui::ImageVariant::thumbnail
                                              ? content::MediaVariant::thumb
                                              : content::MediaVariant::large);
    });
    ui::apply_touch_style(ImGui::GetStyle(), px_per_mm_);
    const auto started = std::chrono::steady_clock::now();
    fonts_ = ui::build_fonts(*ImGui::GetIO().Fonts, store_.code_points(), px_per_mm_);
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    core::log_info("font atlas " + std::to_string(atlas.TexWidth) + "x" +
                   std::to_string(atlas.TexHeight) + " built in " +
                   std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - started)
                                      .count()) +
                   " ms");
    if (!fonts_.error.empty()) core::log_error(fonts_.error);
    if (!fonts_.missing.empty()) {
        core::log_warning("no font provides these content characters: " +
                          ui::describe_code_points(fonts_.missing));
    }
}

core::FrameRequest PlazaApp::draw_frame(const platform::FrameTime& time) {
    report_.clear();
    ui::UiContext ctx{report_, fonts_, px_per_mm_, time.now, time.wall_time_ms};
    ctx.images = images_;
    return ui_->draw(ctx);
}

std::int64_t PlazaApp::event_morning_ms() const {
    const auto& e = store_.event();
    const auto instant = core::parse_iso8601_instant(e.starts_on + "T09:00:00Z");
    if (!instant) return 0;
    // 09:00 written as UTC is off by the zone's offset, which is nearly the same a few hours on.
    return *instant - static_cast<std::int64_t>(store_.local_offset_minutes(*instant)) * 60000;
}

}  // namespace plaza::app
