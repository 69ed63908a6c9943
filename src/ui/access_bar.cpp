// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/access_bar.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <vector>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/programme_data.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr float kAccessButtonMm = 16.0f;  // taller than the 12 mm minimum: found by feel
constexpr float kAccessPadMm = 3.0f;

struct AccessButton {
    std::string id;
    std::string label;
    bool on = false;      // a switch that is on
    bool toggle = false;  // spoken mode says on or off
    const char* icon = nullptr;
};

// How many of `buttons` fit side by side in `width` with every label whole.
int columns_for(const UiContext& ctx, const std::vector<AccessButton>& buttons, float width) {
    const float gap = ctx.mm(kAccessPadMm);
    const float pad = 2 * ImGui::GetStyle().FramePadding.x;
    float widest = 0;
    for (const AccessButton& b : buttons) {
        const std::string shown = b.icon ? std::string(b.icon) + " " + b.label : b.label;
        widest = std::max(
            widest,
            ctx.fonts.body->CalcTextSizeA(ctx.fonts.body->FontSize, FLT_MAX, 0, shown.c_str()).x +
                pad + ctx.mm(kSpace.s));
    }
    int columns = static_cast<int>(buttons.size());
    while (columns > 1 &&
           (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns) < widest)
        --columns;
    return columns;
}

std::vector<AccessButton> access_buttons(const std::string& language, bool spoken, int text_size,
                                         bool high_contrast, bool low_reach) {
    if (spoken) {
        return {{"spoken/previous", tr(language, Phrase::spoken_previous), false, false,
                 icon::previous},
                {"spoken/next", tr(language, Phrase::spoken_next), false, false, icon::next},
                {"spoken/select", tr(language, Phrase::spoken_select), false, false, icon::select},
                {"spoken/back", tr(language, Phrase::spoken_back), false, false, icon::back},
                {"spoken/stop", tr(language, Phrase::stop_listening), false, false, icon::stop}};
    }
    static const char* const kSizes[] = {"A", "A+", "A++"};
    return {
        {"access/listen", tr(language, Phrase::listen), false, false, icon::listen},
        {"access/text_size", std::string(tr(language, Phrase::text_size)) + " " + kSizes[text_size],
         false, false, icon::text_size},
        {"access/contrast", tr(language, Phrase::high_contrast), high_contrast, true,
         icon::contrast},
        {"access/low_reach", tr(language, Phrase::low_reach), low_reach, true, icon::low_reach}};
}

}  // namespace

void AccessBar::reset(bool low_reach, bool high_contrast) {
    text_size_ = 0;
    high_contrast_ = high_contrast;
    low_reach_ = low_reach;
    style_stale_ = true;
}

void AccessBar::apply_style(float px_per_mm) {
    use_high_contrast(high_contrast_);
    apply_touch_style(ImGui::GetStyle(), px_per_mm);
    style_stale_ = false;
}

float AccessBar::height(const UiContext& ctx, bool spoken) const {
    const float width = ImGui::GetIO().DisplaySize.x - 2 * ctx.mm(kAccessPadMm);
    const auto buttons =
        access_buttons(ctx.language, spoken, text_size_, high_contrast_, low_reach_);
    const int columns = columns_for(ctx, buttons, width);
    const int rows = (static_cast<int>(buttons.size()) + columns - 1) / columns;
    const float button = std::max(ctx.mm(kAccessButtonMm),
                                  ctx.fonts.body->FontSize + 2 * ImGui::GetStyle().FramePadding.y);
    return static_cast<float>(rows) * (button + ctx.mm(kAccessPadMm)) + ctx.mm(kAccessPadMm);
}

bool AccessBar::draw(UiContext& ctx, float top, float height, SpokenMode& spoken, bool can_go_back,
                     Navigation& nav) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(ctx.mm(kAccessPadMm), ctx.mm(kAccessPadMm)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ctx.mm(kAccessPadMm), ctx.mm(kAccessPadMm)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme().surface));
    ImGui::Begin("plaza/access", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(0, top), ImVec2(display.x, top), theme().outline,
                                        ctx.mm(0.4f));
    const auto buttons =
        access_buttons(ctx.language, spoken.on(), text_size_, high_contrast_, low_reach_);
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = columns_for(ctx, buttons, width);
    const float gap = ctx.mm(kAccessPadMm);
    const float cell =
        (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    std::string pressed;
    for (size_t i = 0; i < buttons.size(); ++i) {
        if (i % static_cast<size_t>(columns) != 0) ImGui::SameLine();
        const AccessButton& b = buttons[i];
        ButtonSpeech speech;
        speech.toggle = b.toggle;
        if (TapButton(ctx, b.id, b.label, ImVec2(cell / ctx.px_per_mm, kAccessButtonMm),
                      b.on          ? ButtonStyle::selected
                      : spoken.on() ? ButtonStyle::primary
                                    : ButtonStyle::secondary,
                      0, speech, b.icon))
            pressed = b.id;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    if (pressed == "access/listen") spoken.start();
    if (pressed == "access/text_size") text_size_ = (text_size_ + 1) % 3;
    if (pressed == "access/contrast") high_contrast_ = !high_contrast_, style_stale_ = true;
    if (pressed == "access/low_reach") low_reach_ = !low_reach_;
    if (pressed == "spoken/previous") spoken.request(SpokenMode::Move::previous);
    if (pressed == "spoken/next") spoken.request(SpokenMode::Move::next);
    if (pressed == "spoken/select") spoken.request(SpokenMode::Move::select);
    if (pressed == "spoken/back" && can_go_back) nav.action = Navigation::Action::back;
    if (pressed == "spoken/stop") spoken.stop();
    return !pressed.empty();
}

void DrawAboveBand(UiContext& ctx, float height, const std::string& event_name) {
    const Theme& t = theme();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetIO().DisplaySize.x, height));
    ImGui::Begin("plaza/above_band", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
    TextWrapped(ctx, ctx.fonts.title, event_name, t.text);
    Text(ctx, ctx.fonts.heading, clock_time(ctx.wall_time_ms, ctx.local_offset_minutes), t.text);
    TextWrapped(ctx, ctx.fonts.body, tr(ctx.language, Phrase::low_reach_note), t.text_muted);
    ImGui::End();
}

}  // namespace plaza::ui
