// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/no_content_screen.h"

#include <imgui.h>

#include "core/frame_report.h"
#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

std::string NoContentScreen::all_text() const {
    std::string text = reason_;
    for (const Translation* t : translations()) {
        text += tr(t->language, Phrase::no_content_yet);
        text += tr(t->language, Phrase::content_unreadable);
    }
    return text;
}

core::FrameRequest NoContentScreen::draw(UiContext& ctx) {
    const Theme& t = theme();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGui::Begin(
        "plaza/no_content", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ctx.report.screen_id = kId;
    const float margin = ctx.mm(16);
    ImGui::SetCursorPos(ImVec2(margin, margin));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(screen.x - margin);
    // Every language the kiosk speaks, the first one largest: the person reading is a
    // technician or an organiser, and nobody has chosen a language yet.
    bool first = true;
    for (const Translation* language : translations()) {
        ctx.content_language = language->language;
        TextWrapped(ctx, first ? ctx.fonts.title : ctx.fonts.heading,
                    tr(language->language, Phrase::no_content_yet), first ? t.text : t.text_muted);
        ImGui::Dummy(ImVec2(0, ctx.mm(3)));
        first = false;
    }
    ctx.content_language.clear();
    if (!reason_.empty()) {
        ImGui::Dummy(ImVec2(0, ctx.mm(6)));
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::content_unreadable), t.text);
        TextWrapped(ctx, ctx.fonts.body, reason_, t.text_muted);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
    return {};
}

}  // namespace plaza::ui
