#include "ui/kiosk_ui.h"

#include <imgui.h>

#include "ui/screens/home_screen.h"
#include "ui/screens/partnerships_screen.h"
#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

KioskUi::KioskUi(KioskData data) : data_(std::move(data)) {
    reset_session();
    screens_.push_back(std::make_unique<HomeScreen>(
        data_.event, data_.counts, data_.featured,
        [this](const std::string& code) { language_ = code; }));
    screens_.push_back(std::make_unique<PartnershipsScreen>(data_.partnerships));
}

void KioskUi::reset_session() {
    language_ = data_.event.languages.empty() ? "en" : data_.event.languages.front().code;
    stack_.assign(1, ScreenId::home);
    for (auto& s : screens_) s->reset();
}

Screen& KioskUi::screen(ScreenId id) { return *screens_[static_cast<size_t>(id)]; }

void KioskUi::apply(const Navigation& nav) {
    switch (nav.action) {
        case Navigation::Action::none: break;
        case Navigation::Action::go_to:
            if (stack_.back() != nav.target) {
                stack_.push_back(nav.target);
                screen(nav.target).reset();
            }
            break;
        case Navigation::Action::back:
            if (stack_.size() > 1) stack_.pop_back();
            break;
        case Navigation::Action::home: stack_.assign(1, ScreenId::home); break;
    }
}

core::FrameRequest KioskUi::draw(UiContext& ctx) {
    ctx.language = language_;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("plaza", nullptr, kFlags);

    Navigation nav;
    if (stack_.size() > 1) {
        if (TapButton(ctx, "nav/back", tr(language_, Phrase::back), ImVec2(40, 14),
                      ButtonStyle::secondary)) {
            nav.action = Navigation::Action::back;
        }
        ImGui::SameLine();
        if (TapButton(ctx, "nav/home", tr(language_, Phrase::home), ImVec2(40, 14),
                      ButtonStyle::secondary)) {
            nav.action = Navigation::Action::home;
        }
    }
    Screen& current = screen(stack_.back());
    ctx.report.screen_id = current.id();
    core::FrameRequest request = current.draw(ctx, nav);
    ImGui::End();

    // The clock on screen changes at the next minute of the wall clock.
    const std::int64_t ms_to_next_minute = 60000 - ((ctx.wall_time_ms % 60000) + 60000) % 60000;
    request.redraw_at = std::min(request.redraw_at, ctx.now + ms_to_next_minute / 1000.0);
    apply(nav);
    if (nav.action != Navigation::Action::none) request.animating = true;  // draw the new screen
    return request;
}

}  // namespace plaza::ui
