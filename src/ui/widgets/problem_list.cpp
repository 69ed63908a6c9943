// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/problem_list.h"

#include <imgui.h>

#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

void ProblemList::draw(UiContext& ctx) {
    if (lines_.empty()) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float margin = ctx.mm(6);
    ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(display.x - 2 * margin, 0.0f), ImGuiCond_Always);
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme().surface);
    ImGui::PushStyleColor(ImGuiCol_Border, theme().focus);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ctx.mm(0.8f));
    ImGui::Begin("plaza-preview-problems", nullptr, kFlags);
    TextWrapped(ctx, ctx.fonts.heading,
                "The folder does not build. Below is the last good build; fix these and save:",
                theme().focus);
    for (const std::string& line : lines_)
        TextWrapped(ctx, ctx.fonts.body, line, theme().text);
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace plaza::ui
