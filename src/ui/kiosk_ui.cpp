#include "ui/kiosk_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

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
    if (here.screen == ScreenId::partnership) show_partnership(here.record);
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
    spoken_.stop();
    text_size_ = 0;
    high_contrast_ = false;
    low_reach_ = settings_.low_reach;
    style_stale_ = true;
    set_language(first);
}

void KioskUi::enter(const Place& place) {
    if (place.screen == ScreenId::partnership && partnership_->showing() != place.record) {
        show_partnership(place.record);
    }
    if (place.screen == ScreenId::practice && practice_->showing() != place.record) {
        practice_->show(store_.practice_detail(place.record));
    }
    if (place.screen == ScreenId::session && session_->showing() != place.record) {
        show_session(place.record);
    }
}

void KioskUi::show_partnership(std::int64_t id) {
    content::PartnershipProfile profile = store_.partnership_profile(id);
    std::vector<ProgrammeSession> sessions;
    for (content::SessionItem& s : profile.sessions)
        sessions.push_back(programme_session(store_, std::move(s)));
    profile.sessions.clear();
    partnership_->show(std::move(profile), std::move(sessions));
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
            entering_ = true;
            return;
        }
        case Navigation::Action::back:
            if (stack_.size() > 1) stack_.pop_back();
            entering_ = true;
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
        // Outside display hours: black, and a frame a minute to notice the hours begin. On the
        // foreground list: the window's own list is clipped inside its padding, which would
        // leave lit edges.
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), size, IM_COL32(0, 0, 0, 255));
        ctx.report.screen_id = "dark";
        return {};
    }
    Screen& shown = room_sign_ ? static_cast<Screen&>(*room_sign_) : *attract_screen_;
    ctx.report.screen_id = shown.id();
    return shown.draw(ctx, ignored);
}

void KioskUi::between_frames() {
    // What a tap asked for is read from the bundle here, after the frame that saw the tap and
    // before the one that shows the result: a language (every card again, tens of milliseconds
    // at 10,000 partnerships) or the page just opened, so no frame waits for the content store.
    if (!pending_language_.empty()) {
        set_language(pending_language_);
        pending_language_.clear();
    }
    if (entering_) {
        entering_ = false;
        enter(stack_.back());
    }
    // The programme (every session formatted in the event's zone: a few milliseconds for a
    // thousand sessions) is read here once the first frame is up, and again after a language
    // change, so the frame that opens Now & Next or the day view only draws.
    programme_.prepare();
    if (!search_pending_) return;
    search_pending_ = false;
    search_->set_results(store_.search(search_->text(), kSearchResults));
}

void KioskUi::draw_above_band(UiContext& ctx, float height) {
    const Theme& t = theme();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetIO().DisplaySize.x, height));
    ImGui::Begin("plaza/above_band", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
    TextWrapped(ctx, ctx.fonts.title, data_.event.name, t.text);
    Text(ctx, ctx.fonts.heading, clock_time(ctx.wall_time_ms, ctx.local_offset_minutes), t.text);
    TextWrapped(ctx, ctx.fonts.body, tr(language_, Phrase::low_reach_note), t.text_muted);
    ImGui::End();
}

namespace {

constexpr float kAccessButtonMm = 16.0f;  // taller than the 12 mm minimum: found by feel
constexpr float kAccessPadMm = 3.0f;

struct AccessButton {
    std::string id;
    std::string label;
    bool on = false;      // a switch that is on
    bool toggle = false;  // spoken mode says on or off
};

// How many of `buttons` fit side by side in `width` with every label whole.
int columns_for(const UiContext& ctx, const std::vector<AccessButton>& buttons, float width) {
    const float gap = ctx.mm(kAccessPadMm);
    const float pad = 2 * ImGui::GetStyle().FramePadding.x;
    float widest = 0;
    for (const AccessButton& b : buttons) {
        widest = std::max(
            widest,
            ctx.fonts.body->CalcTextSizeA(ctx.fonts.body->FontSize, FLT_MAX, 0, b.label.c_str()).x +
                pad);
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
        return {{"spoken/previous", tr(language, Phrase::spoken_previous)},
                {"spoken/next", tr(language, Phrase::spoken_next)},
                {"spoken/select", tr(language, Phrase::spoken_select)},
                {"spoken/back", tr(language, Phrase::spoken_back)},
                {"spoken/stop", tr(language, Phrase::stop_listening)}};
    }
    static const char* const kSizes[] = {"A", "A+", "A++"};
    return {{"access/listen", tr(language, Phrase::listen)},
            {"access/text_size",
             std::string(tr(language, Phrase::text_size)) + " " + kSizes[text_size]},
            {"access/contrast", tr(language, Phrase::high_contrast), high_contrast, true},
            {"access/low_reach", tr(language, Phrase::low_reach), low_reach, true}};
}

}  // namespace

float KioskUi::access_bar_height(const UiContext& ctx) const {
    const float width = ImGui::GetIO().DisplaySize.x - 2 * ctx.mm(kAccessPadMm);
    const auto buttons =
        access_buttons(language_, spoken_.on(), text_size_, high_contrast_, low_reach_);
    const int columns = columns_for(ctx, buttons, width);
    const int rows = (static_cast<int>(buttons.size()) + columns - 1) / columns;
    const float button = std::max(ctx.mm(kAccessButtonMm),
                                  ctx.fonts.body->FontSize + 2 * ImGui::GetStyle().FramePadding.y);
    return static_cast<float>(rows) * (button + ctx.mm(kAccessPadMm)) + ctx.mm(kAccessPadMm);
}

bool KioskUi::draw_access_bar(UiContext& ctx, float top, float height, Navigation& nav) {
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
        access_buttons(language_, spoken_.on(), text_size_, high_contrast_, low_reach_);
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
                      b.on           ? ButtonStyle::selected
                      : spoken_.on() ? ButtonStyle::primary
                                     : ButtonStyle::secondary,
                      0, speech))
            pressed = b.id;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    if (pressed == "access/listen") spoken_.start();
    if (pressed == "access/text_size") text_size_ = (text_size_ + 1) % 3;
    if (pressed == "access/contrast") high_contrast_ = !high_contrast_, style_stale_ = true;
    if (pressed == "access/low_reach") low_reach_ = !low_reach_;
    if (pressed == "spoken/previous") spoken_.request(SpokenMode::Move::previous);
    if (pressed == "spoken/next") spoken_.request(SpokenMode::Move::next);
    if (pressed == "spoken/select") spoken_.request(SpokenMode::Move::select);
    if (pressed == "spoken/back" && stack_.size() > 1) nav.action = Navigation::Action::back;
    if (pressed == "spoken/stop") spoken_.stop();
    return !pressed.empty();
}

core::FrameRequest KioskUi::draw(UiContext& ctx) {
    if (style_stale_) {
        use_high_contrast(high_contrast_);
        apply_touch_style(ImGui::GetStyle(), ctx.px_per_mm);
        style_stale_ = false;
    }
    ctx.local_offset_minutes = store_.local_offset_minutes(ctx.wall_time_ms);
    const Cover cover = update_cover(ctx);
    ctx.language = language_;  // after a possible reset
    ctx.spoken = spoken_.focus();
    ctx.text_scale = text_scale();
    const ImGuiIO& io = ImGui::GetIO();
    const bool covered = room_sign_ || cover == Cover::dark || cover == Cover::attract;
    // Top to bottom: the part above the low-reach band (event and time only), the screen, and
    // the accessibility bar along the bottom edge.
    const float band_top =
        !covered && low_reach_ ? std::floor(io.DisplaySize.y * settings_.low_reach_top) : 0.0f;
    const float bar = covered ? 0.0f : access_bar_height(ctx);
    if (band_top > 0) draw_above_band(ctx, band_top);
    ImGui::SetNextWindowPos(ImVec2(0, band_top));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - band_top - bar));
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("plaza", nullptr, kFlags);

    Navigation nav;
    core::FrameRequest request;
    if (covered) {
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
    if (!covered) {
        if (cover == Cover::asking) ImGui::BeginDisabled();
        if (draw_access_bar(ctx, io.DisplaySize.y - bar, bar, nav)) request.animating = true;
        if (cover == Cover::asking) ImGui::EndDisabled();
    }
    if (cover == Cover::asking) {
        const int seconds = inactivity_.countdown(ctx.now);
        if (!asked_) {
            // Read aloud once, as it appears: a visitor who cannot see it can still stay.
            spoken_.announce(std::string(tr(language_, Phrase::still_there)) + " " +
                                 tr(language_, Phrase::touch_to_continue) + ". " +
                                 tr(language_, Phrase::restarting_in) + " " +
                                 std::to_string(seconds) + " " +
                                 tr(language_, Phrase::seconds_spoken) + ".",
                             language_);
        }
        IdlePrompt(ctx, seconds, band_top);
        ctx.report.screen_id = "idle_prompt";
        request.animating = false;  // the countdown redraws each second, below
    }
    asked_ = cover == Cover::asking;

    if (search_->take_text_changed()) {
        search_pending_ = true;
        request.animating = true;  // the results show on the next frame
    }
    if (!pending_language_.empty()) request.animating = true;  // taken between frames
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
    if (!covered && cover != Cover::asking && spoken_.after_frame(ctx.report, language_))
        request.animating = true;
    if (style_stale_) request.animating = true;
    return request;
}

}  // namespace plaza::ui
