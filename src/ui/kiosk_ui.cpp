// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kiosk_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/log.h"
#include "core/utf8.h"
#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/screens/home_screen.h"
#include "ui/screens/room_sign_screen.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

KioskUi::KioskUi(content::ContentStore& store, KioskSettings settings)
    : store_(store),
      feed_(store),
      settings_(std::move(settings)),
      cover_(settings_.idle_timeout_seconds, settings_.display_hours) {
    feed_.set_world(settings_.world);
    feed_.programme().trust_clock(settings_.trust_clock);
    for (const ScreenEntry& entry : kiosk_screens())
        screens_.emplace_back(entry.id, entry.make());
    if (!settings_.room.empty()) room_sign_ = std::make_unique<RoomSignScreen>(settings_.room);
    reset_session();
    // The covers keep references into the feed, which stay valid for the UI's life.
    cover_.load(feed_);
    if (room_sign_) room_sign_->load(feed_, 0);
}

KioskUi::~KioskUi() = default;

Screen* KioskUi::find(ScreenId id) {
    for (auto& [name, screen] : screens_) {
        if (name == id) return screen.get();
    }
    return nullptr;
}

bool KioskUi::clock_plausible() const {
    return feed_.programme().clock_plausible();
}

std::set<char32_t> KioskUi::large_text_code_points() const {
    std::set<char32_t> out;
    const BrowseData& data = feed_.browse_first();
    core::collect_code_points(data.event.name, out);
    core::collect_code_points(data.event.city, out);
    // The attract loop's titles: the featured ones, or every one when none is featured (it
    // then shows them all in turn).
    auto titles = [&out](const auto& cards) {
        const bool any =
            std::any_of(cards.begin(), cards.end(), [](const auto& card) { return card.featured; });
        for (const auto& card : cards) {
            if (card.featured || !any) core::collect_code_points(card.title, out);
        }
    };
    titles(data.showcase());
    titles(data.practices);
    // The sessions of its Now & Next, during the event, and the ellipsis of a title that the
    // Now & Next band shortens to one line.
    for (const std::string& title : store_.session_titles())
        core::collect_code_points(title, out);
    core::collect_code_points("\xE2\x80\xA6", out);
    for (const content::Language& language : data.event.languages) {
        for (Phrase phrase :
             {Phrase::touch_to_start, Phrase::featured, Phrase::good_practice, Phrase::now_and_next,
              Phrase::coming_up, Phrase::now_on, Phrase::up_next})
            core::collect_code_points(tr(language.code, phrase), out);
    }
    return out;
}

void KioskUi::set_language(const std::string& code) {
    store_.set_language(code);
    language_ = store_.language().empty() ? code : store_.language();
    feed_.reload();
    const content::EventBrand& brand = feed_.browse_first().event.brand;
    use_brand_colour(
        brand.has_accent ? IM_COL32(brand.accent.r, brand.accent.g, brand.accent.b, 255) : 0);
    // What is on screen now comes again in the new language.
    load_shown();
}

void KioskUi::reset_session() {
    const std::string first =
        store_.event().languages.empty() ? "en" : store_.event().languages.front().code;
    stack_.assign(1, {HomeScreen::kId, 0});
    for (auto& entry : screens_)
        entry.second->reset();
    cover_.forget_visitor();
    spoken_.stop();
    access_.reset(settings_.low_reach, settings_.high_contrast);
    set_language(first);
}

void KioskUi::load_shown() {
    top().load(feed_, stack_.back().record);
}

void KioskUi::apply(const Navigation& nav) {
    if (!nav.language.empty()) pending_language_ = nav.language;
    switch (nav.action) {
        case Navigation::Action::none:
            return;
        case Navigation::Action::open: {
            // The id the list holds: it outlives whatever string the screen named it with.
            const auto entry = std::find_if(screens_.begin(), screens_.end(),
                                            [&](const auto& e) { return e.first == nav.target; });
            if (entry == screens_.end()) {
                core::log_error("no screen is called '" + std::string(nav.target) + "'");
                return;
            }
            const Place place{entry->first, nav.record};
            if (stack_.back().screen == place.screen && stack_.back().record == place.record)
                return;
            stack_.push_back(place);
            if (on_open) on_open(place.screen, place.record);
            entry->second->open(place.record);
            return;
        }
        case Navigation::Action::back:
            if (stack_.size() > 1) stack_.pop_back();
            return;
        case Navigation::Action::home:
            stack_.assign(1, {HomeScreen::kId, 0});
            return;
    }
}

bool KioskUi::before_present() {
    // A search is quick (well under a millisecond at 10,000 partnerships) and it is what the
    // visitor waits for: run between the frame's two builds, it costs no UI-build time and the
    // results are on screen a frame earlier (issue 14). A language change reloads every list
    // and stays between frames.
    if (!pending_language_.empty() || !top().answer_pending()) return false;
    load_shown();
    return true;
}

void KioskUi::between_frames() {
    // What a tap asked for is read from the bundle here, after the frame that saw the tap and
    // before the one that shows the result: a language (every card again, tens of milliseconds
    // at 10,000 partnerships), the page just opened or a search, so no frame waits for the
    // content store.
    if (!pending_language_.empty()) {
        set_language(pending_language_);
        pending_language_.clear();
    }
    load_shown();
    // The programme (every session formatted in the event's zone: a few milliseconds for a
    // thousand sessions) is read here once the first frame is up, and again after a language
    // change, so the frame that opens Now & Next or the day view only draws.
    feed_.programme().prepare();
    feed_.prepare_partnerships();
}

core::FrameRequest KioskUi::draw(UiContext& ctx) {
    if (access_.style_stale()) access_.apply_style(ctx.px_per_mm);
    ctx.local_offset_minutes = store_.local_offset_minutes(ctx.wall_time_ms);
    using Shown = IdleCover::Shown;
    const Shown cover = cover_.update(
        ctx, room_sign_ != nullptr, [this] { reset_session(); },
        [this] {
            stack_.assign(1, {HomeScreen::kId, 0});
        });
    ctx.language = language_;  // after a possible reset
    ctx.spoken = spoken_.focus();
    ctx.text_scale = text_scale();
    const ImGuiIO& io = ImGui::GetIO();
    const bool covered = room_sign_ || cover == Shown::dark || cover == Shown::attract;
    // Top to bottom: the part above the low-reach band (event and time only), the screen, and
    // the accessibility bar along the bottom edge.
    const float band_top = !covered && access_.low_reach()
                               ? std::floor(io.DisplaySize.y * settings_.low_reach_top)
                               : 0.0f;
    const float bar = covered ? 0.0f : access_.height(ctx, spoken_.on());
    if (band_top > 0) DrawAboveBand(ctx, band_top, feed_.browse_first().event.name);
    float slide = 0.0f;
    if (covered) {
        change_.forget();
    } else {
        slide = change_.offset(ctx.now, &top(), stack_.back().record, stack_.size(),
                               settings_.reduced_motion || spoken_.on(), ctx.mm(kSpace.xxl));
        // What the sliding screen uncovers is the page's own background, not the clear colour.
        if (slide != 0.0f)
            ImGui::GetBackgroundDrawList()->AddRectFilled(
                ImVec2(0, band_top), ImVec2(io.DisplaySize.x, io.DisplaySize.y - bar),
                theme().background);
    }
    ImGui::SetNextWindowPos(ImVec2(slide, band_top));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - band_top - bar));
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("plaza", nullptr, kFlags);

    Navigation nav;
    core::FrameRequest request;
    if (room_sign_ && cover != Shown::dark) {
        Navigation ignored;
        ctx.report.screen_id = room_sign_->id();
        request = room_sign_->draw(ctx, ignored);
    } else if (covered) {
        request = cover_.draw(ctx, cover);
    } else {
        // Under "Still there?" the screen stays visible but takes no input.
        if (cover == Shown::asking) ImGui::BeginDisabled();
        if (stack_.size() > 1) {
            if (TapButton(ctx, "nav/back", tr(language_, Phrase::back), ImVec2(40, 14),
                          ButtonStyle::secondary, 0, {}, icon::back)) {
                nav.action = Navigation::Action::back;
            }
            ImGui::SameLine();
            if (TapButton(ctx, "nav/home", tr(language_, Phrase::home), ImVec2(40, 14),
                          ButtonStyle::secondary, 0, {}, icon::home)) {
                nav.action = Navigation::Action::home;
            }
        }
        Screen& current = top();
        ctx.report.screen_id = current.id();
        request = current.draw(ctx, nav);
        if (cover == Shown::asking) ImGui::EndDisabled();
    }
    ImGui::End();
    if (!covered) {
        if (cover == Shown::asking) ImGui::BeginDisabled();
        if (access_.draw(ctx, io.DisplaySize.y - bar, bar, spoken_, stack_.size() > 1, nav))
            request.animating = true;
        if (cover == Shown::asking) ImGui::EndDisabled();
    }
    if (cover == Shown::asking) {
        cover_.draw_question(ctx, band_top, spoken_);
        request.animating = false;  // the countdown redraws each second, below
    }

    // The clock on screen changes at the next minute of the wall clock.
    const std::int64_t ms_to_next_minute = 60000 - ((ctx.wall_time_ms % 60000) + 60000) % 60000;
    request.redraw_at = std::min(request.redraw_at, ctx.now + ms_to_next_minute / 1000.0);
    request.redraw_at =
        std::min(request.redraw_at, cover_.redraw_at(ctx.now, room_sign_ != nullptr));
    apply(nav);
    if (!pending_language_.empty()) request.animating = true;  // taken between frames
    if (nav.action != Navigation::Action::none) {
        request.animating = true;  // draw the new screen
        cover_.visitor_acted();
    }
    if (!covered && cover != Shown::asking && spoken_.after_frame(ctx.report, language_))
        request.animating = true;
    if (access_.style_stale() || change_.moving()) request.animating = true;
    return request;
}

}  // namespace plaza::ui
