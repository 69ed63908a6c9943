// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/idle_cover.h"

#include <imgui.h>

#include <algorithm>
#include <limits>

#include "core/civil_time.h"
#include "ui/i18n/phrases.h"
#include "ui/screens/idle_prompt.h"

namespace plaza::ui {
namespace {
// How long "Still there?" waits for a touch before the kiosk starts again.
constexpr double kCountdownSeconds = 20.0;
// How long a touch lights the screen outside display hours (after the last touch).
constexpr double kWakeSeconds = 120.0;
}  // namespace

IdleCover::IdleCover(int idle_timeout_seconds, std::optional<core::OpeningHours> display_hours)
    : inactivity_({static_cast<double>(idle_timeout_seconds), kCountdownSeconds}),
      hours_(display_hours, kWakeSeconds) {}

IdleCover::Shown IdleCover::update(const UiContext& ctx, bool room_sign,
                                   const std::function<void()>& start_again,
                                   const std::function<void()>& woken) {
    const ImGuiIO& io = ImGui::GetIO();
    const double now = ctx.now;
    asked_ = shown_ == Shown::asking;
    if (first_frame_) {
        inactivity_.touched(now);
        first_frame_ = false;
    }
    const bool finger = io.MouseDown[0] || io.MouseReleased[0];
    // A finger that lands on a cover belongs to it until lifted (see below).
    if (io.MouseClicked[0] && shown_ != Shown::none) cover_pressed_ = true;
    if (finger) hours_.touched(now);  // outside display hours, the screen stays lit a while
    const core::CivilTime local =
        core::civil_from_unix_ms(ctx.wall_time_ms, ctx.local_offset_minutes);

    Shown cover = Shown::none;
    if (!room_sign) {
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
                    cover = Shown::asking;
                    break;
                }
                [[fallthrough]];
            case core::InactivityPhase::expired:
                if (!attract_) {
                    start_again();
                    attract_ = true;
                    attract_screen_.start(now);
                }
                break;
        }
        if (attract_) cover = Shown::attract;
    }
    if (!hours_.lit(now, local.hour * 60 + local.minute)) cover = Shown::dark;

    // A touch on a cover acts when the finger lifts, so that nothing under the finger is
    // pressed by the touch that woke the kiosk: the screens are only drawn from then on, with
    // no press in progress.
    if (cover == Shown::none || !cover_pressed_ || io.MouseDown[0]) {
        if (cover == Shown::none && !io.MouseDown[0]) cover_pressed_ = false;
        return shown_ = cover;
    }
    cover_pressed_ = false;
    inactivity_.touched(now);
    hours_.touched(now);
    if (attract_) {
        attract_ = false;
        woken();
    }
    return shown_ = Shown::none;
}

core::FrameRequest IdleCover::draw(UiContext& ctx, Shown shown) {
    if (shown == Shown::dark) {
        // Outside display hours: black, and a frame a minute to notice the hours begin. On the
        // foreground list: the window's own list is clipped inside its padding, which would
        // leave lit edges.
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), size, IM_COL32(0, 0, 0, 255));
        ctx.report.screen_id = "dark";
        core::FrameRequest request;
        request.display_off = true;  // nothing to see: the panel itself may go off
        return request;
    }
    Navigation ignored;
    ctx.report.screen_id = attract_screen_.id();
    return attract_screen_.draw(ctx, ignored);
}

void IdleCover::draw_question(UiContext& ctx, float band_top, SpokenMode& spoken) {
    const int seconds = inactivity_.countdown(ctx.now);
    const std::string& language = ctx.language;
    if (!asked_) {
        spoken.announce(std::string(tr(language, Phrase::still_there)) + " " +
                            tr(language, Phrase::touch_to_continue) + ". " +
                            tr(language, Phrase::restarting_in) + " " +
                            count_phrase(language, static_cast<std::size_t>(std::max(seconds, 0)),
                                         Phrase::second_spoken, Phrase::seconds_spoken) +
                            ".",
                        language);
    }
    IdlePrompt(ctx, seconds, band_top);
    ctx.report.screen_id = "idle_prompt";
}

double IdleCover::redraw_at(double now, bool room_sign) const {
    double at = room_sign || attract_ ? std::numeric_limits<double>::infinity()
                                      : inactivity_.next_change_at(now);
    if (hours_.woken_until() > now) at = std::min(at, hours_.woken_until());
    return at;
}

}  // namespace plaza::ui
