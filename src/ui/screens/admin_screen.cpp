// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/admin_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr int kFreeTries = 3;
constexpr double kFirstLockSeconds = 30.0;
constexpr double kLongestLockSeconds = 15 * 60.0;

std::string figure(double value, const char* unit, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %s", decimals, value, unit);
    return buf;
}

std::string duration(double seconds) {
    const long s = static_cast<long>(seconds);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%ldd %02ld:%02ld:%02ld", s / 86400, s / 3600 % 24, s / 60 % 60,
                  s % 60);
    return buf;
}

void row(UiContext& ctx, const std::string& label, const std::string& value) {
    Text(ctx, ctx.fonts.body_bold ? ctx.fonts.body_bold : ctx.fonts.body, label,
         theme().text_muted);
    ImGui::SameLine(ctx.mm(55));
    Text(ctx, ctx.fonts.body, value.empty() ? "-" : value, theme().text);
}

}  // namespace

bool AdminGesture::update(bool down, float x_mm, float y_mm, double now) {
    const bool in_corner =
        down && x_mm >= 0 && y_mm >= 0 && x_mm <= corner_mm_ && y_mm <= corner_mm_;
    if (!in_corner) {
        started_ = -1.0;
        fired_ = false;
        return false;
    }
    if (started_ < 0) started_ = now;
    if (!fired_ && now - started_ >= hold_seconds_) {
        fired_ = true;  // once per hold: lifting the finger re-arms it
        return true;
    }
    return false;
}

void AdminScreen::open() {
    active_ = true;
    unlocked_ = false;
    test_pattern_ = false;
    wrong_ = false;
    typed_.clear();
}

void AdminScreen::close() {
    active_ = false;
    unlocked_ = false;
    test_pattern_ = false;
    typed_.clear();
}

double AdminScreen::locked_for(double now) const {
    return std::max(0.0, locked_until_ - now);
}

bool AdminScreen::try_pin(const std::string& typed, const std::string& pin, double now) {
    if (pin.empty() || locked_for(now) > 0) return false;
    if (typed == pin) {
        failures_ = 0;
        return true;
    }
    ++failures_;
    if (failures_ >= kFreeTries) {
        // 30 s after the third wrong PIN, doubling with each further one, at most 15 minutes.
        const double lock = std::min(kLongestLockSeconds,
                                     kFirstLockSeconds * std::pow(2.0, failures_ - kFreeTries));
        locked_until_ = now + lock;
    }
    return false;
}

AdminAction AdminScreen::draw(UiContext& ctx, const AdminStatus& status, const std::string& pin) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("plaza-admin", nullptr, kFlags);
    AdminAction action = AdminAction::none;
    if (test_pattern_) {
        ctx.report.screen_id = "admin-test-pattern";
        draw_test_pattern(ctx);
    } else if (!unlocked_) {
        ctx.report.screen_id = "admin-pin";
        draw_keypad(ctx, pin);
        if (!active_) action = AdminAction::close;
    } else {
        ctx.report.screen_id = "admin";
        action = draw_panel(ctx, status);
    }
    ImGui::End();
    if (action == AdminAction::close) close();
    return action;
}

void AdminScreen::draw_keypad(UiContext& ctx, const std::string& pin) {
    const std::string& lang = ctx.language;
    Text(ctx, ctx.fonts.heading, tr(lang, Phrase::admin_panel), theme().text);
    if (pin.empty()) {
        Text(ctx, ctx.fonts.body, tr(lang, Phrase::admin_no_pin), theme().text);
        if (TapButton(ctx, "admin/close", tr(lang, Phrase::admin_close), ImVec2(40, 14)))
            active_ = false;
        return;
    }
    const double wait = locked_for(ctx.now);
    if (wait > 0) {
        Text(ctx, ctx.fonts.body,
             std::string(tr(lang, Phrase::admin_locked)) + " " +
                 std::to_string(static_cast<int>(std::ceil(wait))) + " " +
                 tr(lang, Phrase::seconds_short),
             theme().text);
    } else {
        Text(ctx, ctx.fonts.body,
             wrong_ ? tr(lang, Phrase::admin_wrong_pin) : tr(lang, Phrase::admin_enter_pin),
             theme().text);
    }
    Text(ctx, ctx.fonts.heading,
         typed_.empty() ? std::string(" ") : std::string(typed_.size(), '*'), theme().text);
    static const char* const kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        const ImVec2 size(24, 16);
        if (i == 9) {
            if (TapButton(ctx, "admin/close", tr(lang, Phrase::admin_close), size,
                          ButtonStyle::secondary))
                active_ = false;
            continue;
        }
        if (i == 11) {
            if (TapButton(ctx, "admin/key/delete", tr(lang, Phrase::keyboard_delete), size,
                          ButtonStyle::secondary) &&
                !typed_.empty())
                typed_.pop_back();
            continue;
        }
        if (TapButton(ctx, std::string("admin/key/") + kKeys[i], kKeys[i], size) && wait <= 0) {
            typed_ += kKeys[i];
            if (typed_.size() >= pin.size()) {
                unlocked_ = try_pin(typed_, pin, ctx.now);
                wrong_ = !unlocked_;
                typed_.clear();
            }
        }
    }
}

AdminAction AdminScreen::draw_panel(UiContext& ctx, const AdminStatus& s) {
    const std::string& lang = ctx.language;
    Text(ctx, ctx.fonts.heading, tr(lang, Phrase::admin_panel), theme().text);
    AdminAction action = AdminAction::none;
    const ImVec2 button(44, 14);
    if (s.can_roll_back &&
        TapButton(ctx, "admin/roll-back", tr(lang, Phrase::admin_roll_back), button))
        action = AdminAction::roll_back;
    ImGui::SameLine();
    if (TapButton(ctx, "admin/reload", tr(lang, Phrase::admin_reload), button))
        action = AdminAction::reload;
    ImGui::SameLine();
    if (s.can_export && TapButton(ctx, "admin/export", tr(lang, Phrase::admin_export), button))
        action = AdminAction::export_usage;
    ImGui::SameLine();
    if (TapButton(ctx, "admin/test-pattern", tr(lang, Phrase::admin_test_pattern), button))
        test_pattern_ = true;
    if (s.can_quit) {
        ImGui::SameLine();
        if (TapButton(ctx, "admin/quit", tr(lang, Phrase::admin_quit), button,
                      ButtonStyle::secondary))
            action = AdminAction::quit;
    }
    ImGui::SameLine();
    if (TapButton(ctx, "admin/close", tr(lang, Phrase::admin_close), button,
                  ButtonStyle::secondary))
        action = AdminAction::close;

    row(ctx, tr(lang, Phrase::admin_bundle),
        s.event_name + " (" + s.bundle_id + "), " + tr(lang, Phrase::version) + " " +
            std::to_string(s.version));
    row(ctx, "", s.bundle_path);
    row(ctx, tr(lang, Phrase::admin_signing_key), s.key_id);
    row(ctx, tr(lang, Phrase::admin_uptime), duration(s.uptime_seconds));
    row(ctx, tr(lang, Phrase::admin_frames), "p99 " + figure(s.frame_p99_ms, "ms", 2));
    row(ctx, tr(lang, Phrase::admin_memory), figure(s.rss_kib / 1024.0, "MiB"));
    row(ctx, tr(lang, Phrase::admin_free_disk),
        s.free_disk_bytes < 0
            ? "?"
            : figure(static_cast<double>(s.free_disk_bytes) / (1 << 30), "GiB", 2));
    row(ctx, tr(lang, Phrase::admin_clock), s.clock);
    row(ctx, tr(lang, Phrase::admin_missing_glyphs),
        s.missing_glyphs.empty() ? tr(lang, Phrase::admin_none) : s.missing_glyphs);
    Text(ctx, ctx.fonts.heading, tr(lang, Phrase::admin_history), theme().text);
    if (s.history.empty())
        Text(ctx, ctx.fonts.body, tr(lang, Phrase::admin_none), theme().text_muted);
    for (size_t i = 0; i < s.history.size() && i < 6; ++i)
        TextWrapped(ctx, ctx.fonts.body, s.history[i], theme().text);
    Text(ctx, ctx.fonts.heading, tr(lang, Phrase::admin_last_errors), theme().text);
    if (s.last_errors.empty())
        Text(ctx, ctx.fonts.body, tr(lang, Phrase::admin_none), theme().text_muted);
    for (size_t i = 0; i < s.last_errors.size() && i < 6; ++i)
        TextWrapped(ctx, ctx.fonts.body, s.last_errors[i], theme().text);
    return action;
}

void AdminScreen::draw_test_pattern(UiContext& ctx) {
    // Colour bars, a 10 mm grid and a border: rotation, scaling, touch alignment and dead
    // pixels at a glance. A tap anywhere returns to the panel.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    static const ImU32 kBars[] = {IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 0, 255),
                                  IM_COL32(0, 255, 255, 255),   IM_COL32(0, 255, 0, 255),
                                  IM_COL32(255, 0, 255, 255),   IM_COL32(255, 0, 0, 255),
                                  IM_COL32(0, 0, 255, 255),     IM_COL32(0, 0, 0, 255)};
    const float bar = size.x / 8.0f;
    for (int i = 0; i < 8; ++i)
        draw->AddRectFilled(ImVec2(bar * i, 0), ImVec2(bar * (i + 1), size.y * 0.5f), kBars[i]);
    draw->AddRectFilled(ImVec2(0, size.y * 0.5f), size, IM_COL32(128, 128, 128, 255));
    const float step = ctx.mm(10);
    for (float x = 0; x < size.x; x += step)
        draw->AddLine(ImVec2(x, size.y * 0.5f), ImVec2(x, size.y), IM_COL32(0, 0, 0, 255));
    for (float y = size.y * 0.5f; y < size.y; y += step)
        draw->AddLine(ImVec2(0, y), ImVec2(size.x, y), IM_COL32(0, 0, 0, 255));
    draw->AddRect(ImVec2(0, 0), size, IM_COL32(255, 0, 0, 255), 0, 0, 3.0f);
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::InvisibleButton("admin/test-pattern/close", size);
    RecordItem(ctx, core::VisibleItem::Kind::control, "admin/test-pattern/close",
               tr(ctx.language, Phrase::admin_close));
    if (ImGui::IsItemDeactivated() && ImGui::IsItemHovered()) test_pattern_ = false;
}

}  // namespace plaza::ui
