#include "ui/kiosk_ui.h"

#include <imgui.h>

#include "core/civil_time.h"
#include "core/ical_event.h"
#include "ui/i18n/phrases.h"
#include "ui/screens/attract_screen.h"
#include "ui/screens/home_screen.h"
#include "ui/screens/idle_prompt.h"
#include "ui/screens/now_next_screen.h"
#include "ui/screens/partnership_screen.h"
#include "ui/screens/partnerships_screen.h"
#include "ui/screens/practice_screen.h"
#include "ui/screens/practices_screen.h"
#include "ui/screens/programme_screen.h"
#include "ui/screens/room_sign_screen.h"
#include "ui/screens/search_screen.h"
#include "ui/screens/session_screen.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {
constexpr int kSearchResults = 60;
// How long "Still there?" waits for a touch before the kiosk starts again.
constexpr double kCountdownSeconds = 20.0;
// How long a touch lights the screen outside display hours (after the last touch).
constexpr double kWakeSeconds = 120.0;
}  // namespace

KioskUi::KioskUi(content::ContentStore& store, KioskSettings settings)
    : store_(store),
      home_(std::make_unique<HomeScreen>(
          data_, [this](const std::string& code) { pending_language_ = code; })),
      partnerships_(std::make_unique<PartnershipsScreen>(data_)),
      partnership_(std::make_unique<PartnershipScreen>(data_.event.languages)),
      practices_(std::make_unique<PracticesScreen>(data_)),
      practice_(std::make_unique<PracticeScreen>(data_.event.languages)),
      search_(std::make_unique<SearchScreen>()),
      programme_(store),
      now_next_(std::make_unique<NowNextScreen>(programme_, data_.event.languages)),
      programme_screen_(std::make_unique<ProgrammeScreen>(programme_, data_.event.languages)),
      session_(std::make_unique<SessionScreen>(data_.event.languages)),
      attract_screen_(std::make_unique<AttractScreen>(data_, programme_)),
      settings_(std::move(settings)),
      inactivity_({static_cast<double>(settings_.idle_timeout_seconds), kCountdownSeconds}),
      hours_(settings_.display_hours, kWakeSeconds) {
    if (!settings_.room.empty()) {
        room_sign_ =
            std::make_unique<RoomSignScreen>(programme_, settings_.room, data_.event.languages);
    }
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
        case ScreenId::now_next:
            return *now_next_;
        case ScreenId::programme:
            return *programme_screen_;
        case ScreenId::session:
            return *session_;
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
    programme_.invalidate();
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
    if (here.screen == ScreenId::session) show_session(here.record);
    if (!search_->text().empty())
        search_->set_results(store_.search(search_->text(), kSearchResults));
}

void KioskUi::reset_session() {
    const std::string first =
        store_.event().languages.empty() ? "en" : store_.event().languages.front().code;
    stack_.assign(1, {ScreenId::home, 0});
    for (ScreenId id : {ScreenId::home, ScreenId::partnerships, ScreenId::partnership,
                        ScreenId::practices, ScreenId::practice, ScreenId::search,
                        ScreenId::now_next, ScreenId::programme, ScreenId::session}) {
        screen(id).reset();
    }
    touched_ = false;
    set_language(first);
}

void KioskUi::enter(const Place& place) {
    if (place.screen == ScreenId::partnership && partnership_->showing() != place.record) {
        partnership_->show(store_.partnership_profile(place.record));
    }
    if (place.screen == ScreenId::practice && practice_->showing() != place.record) {
        practice_->show(store_.practice_detail(place.record));
    }
    if (place.screen == ScreenId::session && session_->showing() != place.record) {
        show_session(place.record);
    }
}

void KioskUi::show_session(std::int64_t id) {
    content::SessionDetail detail;
    if (!store_.session_detail(id, detail)) return;
    const content::SessionItem& s = detail.session;
    // Each end at its own instant's offset: a session across a daylight-saving change is right.
    const std::string starts =
        clock_time(s.starts_at_ms, store_.local_offset_minutes(s.starts_at_ms));
    const std::string ends =
        s.ends_at_ms > s.starts_at_ms
            ? clock_time(s.ends_at_ms, store_.local_offset_minutes(s.ends_at_ms))
            : std::string();
    core::CalendarEntry entry;
    entry.uid = "session-" + std::to_string(s.id) + "@" + store_.meta("bundle_id");
    entry.stamp_ms = core::parse_iso8601_instant(store_.meta("build_time")).value_or(0);
    entry.starts_at_ms = s.starts_at_ms;
    entry.ends_at_ms = s.ends_at_ms;
    entry.summary = s.title;
    entry.location = s.room;
    if (!detail.room_location.empty()) entry.location += ", " + detail.room_location;
    if (!data_.event.venue.empty()) entry.location += ", " + data_.event.venue;
    session_->show(std::move(detail), starts, ends, core::make_vevent(entry));
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
            if (on_open) on_open(place.screen, place.record);
            if (place.screen == ScreenId::partnership || place.screen == ScreenId::practice ||
                place.screen == ScreenId::session) {
                screen(place.screen).reset();
            }
            if (place.screen == ScreenId::partnerships && place.record != 0)
                partnerships_->show_city(place.record);
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

KioskUi::Cover KioskUi::update_cover(const UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const double now = ctx.now;
    if (first_frame_) {
        inactivity_.touched(now);
        first_frame_ = false;
    }
    const bool finger = io.MouseDown[0] || io.MouseReleased[0];
    // A finger that lands on a cover belongs to it until lifted (see below).
    if (io.MouseClicked[0] && shown_cover_ != Cover::none) cover_pressed_ = true;
    if (finger) hours_.touched(now);  // outside display hours, the screen stays lit a while
    const core::CivilTime local =
        core::civil_from_unix_ms(ctx.wall_time_ms, ctx.local_offset_minutes);

    Cover cover = Cover::none;
    if (!room_sign_) {
        if (finger && !cover_pressed_ && !attract_) {
            inactivity_.touched(now);
            touched_ = true;
        }
        switch (inactivity_.phase(now)) {
            case core::InactivityPhase::active:
                break;
            case core::InactivityPhase::asking:
                // Nobody to ask when nothing was touched since the last reset.
                if (touched_) {
                    cover = Cover::asking;
                    break;
                }
                [[fallthrough]];
            case core::InactivityPhase::expired:
                if (!attract_) {
                    reset_session();
                    attract_ = true;
                    attract_screen_->start(now);
                }
                break;
        }
        if (attract_) cover = Cover::attract;
    }
    if (!hours_.lit(now, local.hour * 60 + local.minute)) cover = Cover::dark;

    // A touch on a cover acts when the finger lifts, so that nothing under the finger is
    // pressed by the touch that woke the kiosk: the screens are only drawn from then on, with
    // no press in progress.
    if (cover == Cover::none || !cover_pressed_ || io.MouseDown[0]) {
        if (cover == Cover::none && !io.MouseDown[0]) cover_pressed_ = false;
        return shown_cover_ = cover;
    }
    cover_pressed_ = false;
    inactivity_.touched(now);
    hours_.touched(now);
    if (attract_) {
        attract_ = false;
        stack_.assign(1, {ScreenId::home, 0});
    }
    return shown_cover_ = Cover::none;
}

core::FrameRequest KioskUi::draw_cover(UiContext& ctx, Cover cover) {
    Navigation ignored;
    if (cover == Cover::dark) {
        // Outside display hours: black, and a frame a minute to notice the hours begin.
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), size, IM_COL32(0, 0, 0, 255));
        ctx.report.screen_id = "dark";
        return {};
    }
    Screen& shown = room_sign_ ? static_cast<Screen&>(*room_sign_) : *attract_screen_;
    ctx.report.screen_id = shown.id();
    return shown.draw(ctx, ignored);
}

void KioskUi::between_frames() {
    if (!search_pending_) return;
    search_pending_ = false;
    search_->set_results(store_.search(search_->text(), kSearchResults));
}

core::FrameRequest KioskUi::draw(UiContext& ctx) {
    ctx.local_offset_minutes = store_.local_offset_minutes(ctx.wall_time_ms);
    const Cover cover = update_cover(ctx);
    ctx.language = language_;  // after a possible reset
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("plaza", nullptr, kFlags);

    Navigation nav;
    core::FrameRequest request;
    if (room_sign_ || cover == Cover::dark || cover == Cover::attract) {
        request = draw_cover(ctx, cover);
    } else {
        // Under "Still there?" the screen stays visible but takes no input.
        if (cover == Cover::asking) ImGui::BeginDisabled();
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
        request = current.draw(ctx, nav);
        if (cover == Cover::asking) ImGui::EndDisabled();
    }
    ImGui::End();
    if (cover == Cover::asking) {
        IdlePrompt(ctx, inactivity_.countdown(ctx.now));
        ctx.report.screen_id = "idle_prompt";
        request.animating = false;  // the countdown redraws each second, below
    }

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
    if (!room_sign_ && !attract_) {
        request.redraw_at = std::min(request.redraw_at, inactivity_.next_change_at(ctx.now));
    }
    if (hours_.woken_until() > ctx.now)
        request.redraw_at = std::min(request.redraw_at, hours_.woken_until());
    apply(nav);
    if (nav.action != Navigation::Action::none) {
        request.animating = true;  // draw the new screen
        touched_ = true;
    }
    return request;
}

}  // namespace plaza::ui
