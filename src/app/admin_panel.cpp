// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/admin_panel.h"

#include <imgui.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cstdio>

#include "content/font_coverage.h"
#include "core/civil_time.h"

namespace plaza::app {
namespace {
constexpr size_t kFrameRing = 600;
}  // namespace

void AdminPanel::after_frame(ui::UiContext& ctx, core::FrameRequest& request, double frame_ms) {
    if (started_ < 0) started_ = ctx.now;
    if (frame_ms_.size() < kFrameRing)
        frame_ms_.push_back(frame_ms);
    else
        frame_ms_[frame_next_++ % kFrameRing] = frame_ms;
    const ImGuiIO& io = ImGui::GetIO();
    if (gesture_.update(io.MouseDown[0], io.MousePos.x / ctx.px_per_mm,
                        io.MousePos.y / ctx.px_per_mm, ctx.now)) {
        screen_.open();
        request.animating = true;
    }
    // The hold completes without any new input event: keep frames coming while it lasts.
    if (gesture_.holding()) request.redraw_at = std::min(request.redraw_at, ctx.now + 0.1);
}

ui::AdminAction AdminPanel::draw(ui::UiContext& ctx, ui::AdminStatus s, const Health& health,
                                 const std::string& pin, core::FrameRequest& request) {
    s.uptime_seconds = started_ < 0 ? 0 : ctx.now - started_;
    std::vector<double> sorted = frame_ms_;
    std::sort(sorted.begin(), sorted.end());
    s.frame_p99_ms = sorted.empty() ? 0 : sorted[(sorted.size() - 1) * 99 / 100];
    s.rss_kib = health.rss_kib;
    struct statvfs fs {};
    if (::statvfs(health.data_folder.c_str(), &fs) == 0)
        s.free_disk_bytes =
            static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize);
    for (char32_t cp : health.missing_glyphs) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
        // The Debian package with a font for it, for the technician who can install it.
        s.missing_glyphs += std::string(buf) + " (" + content::font_package_for(cp) + ") ";
    }
    s.clock = core::format_iso8601(ctx.wall_time_ms, 0).substr(0, 16) + " UTC" +
              (health.clock_plausible ? "" : " (!)");
    const ui::AdminAction action = screen_.draw(ctx, s, pin);
    // Rolling back and reloading go back to the visitors' screens, with the new content.
    if (action == ui::AdminAction::roll_back || action == ui::AdminAction::reload) screen_.close();
    // Keep drawing while the keypad is locked (its countdown) and while the panel is open;
    // cheap, and only while staff use it.
    request.redraw_at = ctx.now + 1.0;
    return action;
}

}  // namespace plaza::app
