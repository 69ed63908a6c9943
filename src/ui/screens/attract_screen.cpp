#include "ui/screens/attract_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/attract_motion.h"
#include "ui/i18n/phrases.h"
#include "ui/screens/programme_parts.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr double kSlideSeconds = 10.0;
constexpr double kFadeSeconds = 1.2;
constexpr double kFadeFps = 15.0;
constexpr double kDriftFps = 2.0;
constexpr double kDriftPeriodSeconds = 180.0;
constexpr float kDriftMm = 12.0f;
constexpr int kSessionsShown = 4;
// Three slides a turn: a featured partnership, what is on next, a good practice.
constexpr int kSlidesPerTurn = 3;

template <typename Card>
const Card* pick(const std::vector<Card>& cards, int turn) {
    std::vector<const Card*> featured;
    for (const Card& c : cards) {
        if (c.featured) featured.push_back(&c);
    }
    if (featured.empty()) {
        if (cards.empty()) return nullptr;
        return &cards[static_cast<size_t>(turn) % cards.size()];
    }
    return featured[static_cast<size_t>(turn) % featured.size()];
}

}  // namespace

void AttractScreen::load(ScreenFeed& feed, std::int64_t) {
    data_ = &feed.browse();
    feed_ = &feed.programme();
}

void AttractScreen::draw_partnership(UiContext& ctx, int turn, float width) {
    const Theme& t = theme();
    const content::PartnershipCard* card = pick(data_->partnerships, turn);
    if (!card) return;
    Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::featured), t.accent);
    if (card->thumbnail) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float side = std::min(width * 0.35f, ctx.mm(90));
        DrawImageCover(ctx, ImGui::GetWindowDrawList(),
                       {card->thumbnail, core::ImageVariant::thumbnail}, at,
                       ImVec2(at.x + side, at.y + side));
        ImGui::Dummy(ImVec2(side, side));
        ImGui::SameLine(0, ctx.mm(8));
    }
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width * 0.6f);
    TextWrapped(ctx, ctx.fonts.title, card->title, t.text);
    TextWrapped(ctx, ctx.fonts.heading, card->cities, t.text_muted);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void AttractScreen::draw_practice(UiContext& ctx, int turn, float width) {
    const Theme& t = theme();
    const content::PracticeCard* card = pick(data_->practices, turn);
    if (!card) return;
    Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::good_practice), t.accent);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    TextWrapped(ctx, ctx.fonts.title, card->title, t.text);
    Text(ctx, ctx.fonts.heading, card->city, t.text_muted);
    if (!card->summary.empty()) TextWrapped(ctx, ctx.fonts.body, card->summary, t.text);
    ImGui::PopTextWrapPos();
}

bool AttractScreen::draw_sessions(UiContext& ctx, float width) {
    const Theme& t = theme();
    const ProgrammeData& p = feed_->at(ctx.wall_time_ms);
    // Without a trustworthy clock, or once the event is over, "next" means nothing.
    if (!p.clock_plausible || p.phase == core::EventPhase::after) return false;
    std::vector<const ProgrammeSession*> next;
    for (const ProgrammeDay& day : p.days) {
        for (const ProgrammeSession& s : day.sessions) {
            if (s.item.starts_at_ms > p.now_ms && !s.cancelled &&
                static_cast<int>(next.size()) < kSessionsShown)
                next.push_back(&s);
        }
    }
    if (next.empty()) return false;
    Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::coming_up), t.accent);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    for (const ProgrammeSession* s : next) {
        ImGui::Dummy(ImVec2(0, ctx.mm(2)));
        std::string when = s->starts + " · " + s->item.room;
        if (s->item.day != p.today) when = day_label(ctx.language, s->item.day) + " · " + when;
        Text(ctx, ctx.fonts.heading, when, t.text_muted);
        TextWrapped(ctx, ctx.fonts.heading, s->item.title, t.text);
    }
    ImGui::PopTextWrapPos();
    return true;
}

core::FrameRequest AttractScreen::draw(UiContext& ctx, Navigation&) {
    const Theme& t = theme();
    const double elapsed = std::max(0.0, ctx.now - started_at_);
    const int slides =
        kSlidesPerTurn * std::max<int>(1, static_cast<int>(std::max(data_->partnerships.size(),
                                                                    data_->practices.size())));
    const core::SlideFrame frame = core::slide_at(elapsed, slides, kSlideSeconds, kFadeSeconds);
    const int turn = frame.index / kSlidesPerTurn;
    const core::Drift drift = core::drift_at(elapsed, kDriftPeriodSeconds);

    const ImVec2 size = ImGui::GetContentRegionAvail();
    const float margin = ctx.mm(kDriftMm + 6);
    const float width = size.x - 2 * margin;
    const ImVec2 origin = ImGui::GetCursorPos();
    // Whole pixels: text drawn at fractional positions shimmers as it moves.
    ImGui::SetCursorPos(ImVec2(origin.x + margin + std::round(drift.x * ctx.mm(kDriftMm)),
                               origin.y + margin + std::round(drift.y * ctx.mm(kDriftMm))));
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, frame.opacity);
    bool drawn = true;
    switch (frame.index % kSlidesPerTurn) {
        case 0:
            draw_partnership(ctx, turn, width);
            break;
        case 1:
            drawn = draw_sessions(ctx, width);
            break;
        default:
            draw_practice(ctx, turn, width);
            break;
    }
    if (!drawn) draw_practice(ctx, turn + 1, width);
    ImGui::PopStyleVar();
    ImGui::EndGroup();

    // The invitation, drifting with the rest, at the bottom.
    ImFont* font = ctx.fonts.heading;
    const char* invite = tr(ctx.language, Phrase::touch_to_start);
    const ImVec2 invite_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, invite);
    ImGui::SetCursorPos(ImVec2(
        origin.x + (size.x - invite_size.x) / 2 + std::round(drift.y * ctx.mm(kDriftMm)),
        origin.y + size.y - margin - invite_size.y + std::round(drift.x * ctx.mm(kDriftMm) / 2)));
    Text(ctx, font, invite, t.accent);

    core::FrameRequest request;
    const double in_slide = std::fmod(elapsed, kSlideSeconds);
    const bool fading = in_slide < kFadeSeconds || in_slide > kSlideSeconds - kFadeSeconds;
    const double fps = fading ? kFadeFps : kDriftFps;
    // Frames on a fixed grid of the loop's own time, so the rate does not creep.
    request.redraw_at = started_at_ + (std::floor(elapsed * fps + 1e-6) + 1.0) / fps;
    return request;
}

}  // namespace plaza::ui
