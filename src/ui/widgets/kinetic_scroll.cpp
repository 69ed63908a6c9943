// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/kinetic_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "ui/ui_context.h"

namespace plaza::ui {
namespace {
constexpr float kStopSpeed = 20.0f;       // px/s below which gliding stops
constexpr float kMaxSpeed = 6000.0f;      // px/s
constexpr float kDecayPerSecond = 0.05f;  // speed left after one second of gliding
}  // namespace

bool KineticScroll(UiContext& ctx, KineticScrollState& s) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID("##kinetic_scroll");
    const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;

    if (io.MouseClicked[0] &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                               ImGuiHoveredFlags_ChildWindows)) {
        s.tracking = true;
        s.dragging = false;
        s.velocity = 0.0f;
    }
    if (s.tracking && io.MouseDown[0]) {
        if (!s.dragging && ImGui::IsMouseDragPastThreshold(0, ctx.mm(kTapSlopMm))) {
            s.dragging = true;
            ImGui::SetActiveID(id, window);  // the tap under the finger is cancelled here
        }
        if (s.dragging) {
            ImGui::KeepAliveID(id);
            if (ImGui::GetActiveID() != id) ImGui::SetActiveID(id, window);
            ImGui::SetScrollY(window, window->Scroll.y - io.MouseDelta.y);
            const float instant = -io.MouseDelta.y / dt;
            s.velocity = ImClamp(s.velocity * 0.6f + instant * 0.4f, -kMaxSpeed, kMaxSpeed);
        }
    } else if (s.tracking) {  // released
        if (s.dragging && ImGui::GetActiveID() == id) ImGui::ClearActiveID();
        s.tracking = false;
        s.dragging = false;
    } else if (std::fabs(s.velocity) > kStopSpeed) {
        const float next = window->Scroll.y + s.velocity * dt;
        ImGui::SetScrollY(window, next);
        s.velocity *= std::pow(kDecayPerSecond, dt);
        if (next <= 0.0f || next >= window->ScrollMax.y) s.velocity = 0.0f;
    } else {
        s.velocity = 0.0f;
    }
    return s.dragging || std::fabs(s.velocity) > kStopSpeed;
}

}  // namespace plaza::ui
