// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/idle_prompt.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

void IdlePrompt(UiContext& ctx, int seconds_left, float band_top) {
    const Theme& t = theme();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin("plaza/idle_prompt", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The window clips its list inside its padding; the scrim covers the screen to its edges.
    draw->PushClipRect(ImVec2(0, 0), screen, false);
    draw->AddRectFilled(ImVec2(0, 0), screen, t.scrim);
    draw->PopClipRect();
    const float width = std::min(screen.x - ctx.mm(20), ctx.mm(220) * ctx.text_scale);
    const float height = std::min(screen.y - band_top, ctx.mm(110) * ctx.text_scale);
    const ImVec2 min((screen.x - width) / 2, band_top + (screen.y - band_top - height) / 2);
    draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), t.surface,
                        ImGui::GetStyle().FrameRounding * 2);
    ImGui::SetCursorScreenPos(ImVec2(min.x + ctx.mm(10), min.y + ctx.mm(8)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - ctx.mm(20));
    TextWrapped(ctx, ctx.fonts.title, tr(ctx.language, Phrase::still_there), t.text);
    Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::touch_to_continue), t.accent);
    ImGui::Dummy(ImVec2(0, ctx.mm(4)));
    TextWrapped(ctx, ctx.fonts.body, tr(ctx.language, Phrase::restarting_in), t.text_muted);
    Text(ctx, ctx.fonts.title,
         std::to_string(seconds_left) + " " + tr(ctx.language, Phrase::seconds_short), t.text);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace plaza::ui
