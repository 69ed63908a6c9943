#include "ui/kiosk_ui.h"

#include <imgui.h>

#include "ui/i18n/phrases.h"
#include "ui/screens/home_screen.h"
#include "ui/screens/partnership_screen.h"
#include "ui/screens/partnerships_screen.h"
#include "ui/screens/practice_screen.h"
#include "ui/screens/practices_screen.h"
#include "ui/screens/search_screen.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {
constexpr int kSearchResults = 60;
}

KioskUi::KioskUi(content::ContentStore& store)
    : store_(store),
      home_(std::make_unique<HomeScreen>(
          data_, [this](const std::string& code) { pending_language_ = code; })),
      partnerships_(std::make_unique<PartnershipsScreen>(data_)),
      partnership_(std::make_unique<PartnershipScreen>(data_.event.languages)),
      practices_(std::make_unique<PracticesScreen>(data_)),
      practice_(std::make_unique<PracticeScreen>(data_.event.languages)),
      search_(std::make_unique<SearchScreen>()) {
    reset_session();
}

KioskUi::~KioskUi() = default;

Screen& KioskUi::screen(ScreenId id) {
    switch (id) {
        case ScreenId::home:
            return *home_;
        case ScreenId::partnerships:
            return *partnerships_;
        case ScreenId::partnership:
            return *partnership_;
        case ScreenId::practices:
            return *practices_;
        case ScreenId::practice:
            return *practice_;
        case ScreenId::search:
            return *search_;
    }
    return *home_;
}

void KioskUi::load_data() {
    data_.event = store_.localized_event();
    data_.counts = store_.counts();
    data_.partnerships = store_.partnership_cards();
    data_.practices = store_.practice_cards();
    data_.facets = store_.partnership_facets();
    partnerships_->data_changed();
}

void KioskUi::set_language(const std::string& code) {
    store_.set_language(code);
    language_ = store_.language().empty() ? code : store_.language();
    load_data();
    // What is on screen now comes again in the new language.
    const Place here = stack_.back();
    if (here.screen == ScreenId::partnership)
        partnership_->show(store_.partnership_profile(here.record));
    if (here.screen == ScreenId::practice) practice_->show(store_.practice_detail(here.record));
    if (!search_->text().empty())
        search_->set_results(store_.search(search_->text(), kSearchResults));
}

void KioskUi::reset_session() {
    const std::string first =
        store_.event().languages.empty() ? "en" : store_.event().languages.front().code;
    stack_.assign(1, {ScreenId::home, 0});
    for (ScreenId id : {ScreenId::home, ScreenId::partnerships, ScreenId::partnership,
                        ScreenId::practices, ScreenId::practice, ScreenId::search}) {
        screen(id).reset();
    }
    set_language(first);
}

void KioskUi::enter(const Place& place) {
    if (place.screen == ScreenId::partnership && partnership_->showing() != place.record) {
        partnership_->show(store_.partnership_profile(place.record));
    }
    if (place.screen == ScreenId::practice && practice_->showing() != place.record) {
        practice_->show(store_.practice_detail(place.record));
    }
}

void KioskUi::apply(const Navigation& nav) {
    switch (nav.action) {
        case Navigation::Action::none:
            return;
        case Navigation::Action::open: {
            const Place place{nav.target, nav.record};
            if (stack_.back().screen == place.screen && stack_.back().record == place.record)
                return;
            stack_.push_back(place);
            if (place.screen == ScreenId::partnership || place.screen == ScreenId::practice) {
                screen(place.screen).reset();
            }
            enter(place);
            return;
        }
        case Navigation::Action::back:
            if (stack_.size() > 1) stack_.pop_back();
            enter(stack_.back());
            return;
        case Navigation::Action::home:
            stack_.assign(1, {ScreenId::home, 0});
            return;
    }
}

void KioskUi::between_frames() {
    if (!search_pending_) return;
    search_pending_ = false;
    search_->set_results(store_.search(search_->text(), kSearchResults));
}

core::FrameRequest KioskUi::draw(UiContext& ctx) {
    ctx.language = language_;
    ctx.local_offset_minutes = store_.local_offset_minutes(ctx.wall_time_ms);
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
    Screen& current = screen(stack_.back().screen);
    ctx.report.screen_id = current.id();
    core::FrameRequest request = current.draw(ctx, nav);
    ImGui::End();

    if (search_->take_text_changed()) {
        search_pending_ = true;
        request.animating = true;  // the results show on the next frame
    }
    if (!pending_language_.empty()) {
        set_language(pending_language_);
        pending_language_.clear();
        request.animating = true;
    }
    // The clock on screen changes at the next minute of the wall clock.
    const std::int64_t ms_to_next_minute = 60000 - ((ctx.wall_time_ms % 60000) + 60000) % 60000;
    request.redraw_at = std::min(request.redraw_at, ctx.now + ms_to_next_minute / 1000.0);
    apply(nav);
    if (nav.action != Navigation::Action::none) request.animating = true;  // draw the new screen
    return request;
}

}  // namespace plaza::ui
