// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/staff_notice.h"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {
constexpr double kNoticeSeconds = 6.0;
constexpr size_t kNoticeLines = 4;
}  // namespace

void StaffNotice::show(const std::string& text) {
    if (!pending_ && now_ >= until_) lines_.clear();
    lines_.push_back(text);
    if (lines_.size() > kNoticeLines) lines_.erase(lines_.begin());
    pending_ = true;
}

void StaffNotice::draw(UiContext& ctx, core::FrameRequest& request) {
    now_ = ctx.now;
    if (pending_) {
        until_ = ctx.now + kNoticeSeconds;
        pending_ = false;
    }
    if (lines_.empty() || ctx.now >= until_) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - ctx.mm(8)), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.95f);
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme().accent_pressed);
    ImGui::Begin("plaza-notice", nullptr, kFlags);
    for (const std::string& line : lines_)
        Text(ctx, ctx.fonts.body, line, theme().accent_text);
    ImGui::End();
    ImGui::PopStyleColor();
    request.redraw_at = std::min(request.redraw_at, until_);
}

}  // namespace plaza::ui
