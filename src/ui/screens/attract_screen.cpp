// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/attract_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/attract_motion.h"
#include "ui/i18n/phrases.h"
#include "ui/icons.h"
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
constexpr float kStripMm = 24.0f;  // the event's band along the top
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
    data_ = &feed.browse_first();
    feed_ = &feed.programme();
}

void AttractScreen::draw_feature(UiContext& ctx, const Feature& f, ImVec2 size) {
    const Theme& t = theme();
    // Landscape: the picture at the left, the words beside it. Portrait: the picture across
    // the top, the words under it. The title in the poster size: capitals over 20 mm, read from
    // 4 m.
    const bool portrait = size.y > size.x;
    const float gap = ctx.mm(kSpace.xl);
    const ImVec2 image = portrait ? ImVec2(size.x, std::round(size.x * 2 / 3))
                                  : ImVec2(std::round(size.x * 0.42f),
                                           std::round(std::min(size.y, size.x * 0.42f * 3 / 4)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 image_max(at.x + image.x, at.y + image.y);
    DrawSurface(draw, at, image_max, t.surface, ctx.mm(kRadiusMm), Elevation::floating,
                ctx.px_per_mm);
    if (f.image) {
        DrawImageCover(ctx, draw, {f.image, core::ImageVariant::display}, at, image_max);
    } else {
        DrawIconTile(ctx, draw, f.icon, f.colour, at, image_max);
    }
    ImGui::Dummy(image);
    if (!portrait) ImGui::SameLine(0, gap);
    const float text_width = portrait ? size.x : size.x - image.x - gap;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
    IconText(ctx, ctx.fonts.title, f.icon, f.kind, t.accent);
    TextWrapped(ctx, ctx.fonts.poster, f.title, t.text);
    TextWrapped(ctx, ctx.fonts.title, f.subtitle, t.text_muted);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void AttractScreen::draw_partnership(UiContext& ctx, int turn, ImVec2 size) {
    const content::PartnershipCard* card = pick(data_->showcase(), turn);
    if (!card) return;
    draw_feature(ctx,
                 {tr(ctx.language, Phrase::featured), icon::partnership, card->title, card->cities,
                  card->thumbnail, colour_of(card->colour)},
                 size);
}

void AttractScreen::draw_practice(UiContext& ctx, int turn, ImVec2 size) {
    const content::PracticeCard* card = pick(data_->practices, turn);
    if (!card) return;
    draw_feature(ctx,
                 {tr(ctx.language, Phrase::good_practice), icon::practice, card->title, card->city,
                  card->thumbnail, colour_of(card->colour)},
                 size);
}

namespace {

// On now, and the sessions that start next (at the same time), in the programme's order.
// `cancelled`: a cancelled session counts too (the strip says it is off).
struct NowNext {
    std::vector<const ProgrammeSession*> now, next;
};

NowNext now_and_next(const ProgrammeData& p, bool cancelled) {
    NowNext out;
    for (const ProgrammeDay& day : p.days) {
        for (const ProgrammeSession& s : day.sessions) {
            if (s.cancelled && !cancelled) continue;
            if (s.item.starts_at_ms <= p.now_ms && p.now_ms < s.item.ends_at_ms) {
                out.now.push_back(&s);
            } else if (s.item.starts_at_ms > p.now_ms &&
                       (out.next.empty() ||
                        s.item.starts_at_ms == out.next.front()->item.starts_at_ms)) {
                out.next.push_back(&s);
            }
        }
    }
    return out;
}

// "11:00–12:30 · Room 1", with the day before it when it is not today.
std::string when_where(const UiContext& ctx, const ProgrammeData& p, const ProgrammeSession& s) {
    std::string when = time_range(s) + " · " + s.item.room;
    if (s.item.day != p.today) when = day_label(ctx.language, s.item.day) + " · " + when;
    return when;
}

}  // namespace

bool AttractScreen::draw_now_next(UiContext& ctx, const ProgrammeData& p, int turn, ImVec2 size) {
    const Theme& t = theme();
    // On now, and the sessions that start next (at the same time); parallel ones take turns.
    const NowNext lists = now_and_next(p, false);
    const std::vector<const ProgrammeSession*>&now = lists.now, &next = lists.next;
    struct Entry {
        Phrase label;
        ImU32 colour;
        const ProgrammeSession* session;
    };
    // The `k`th of each list, so parallel sessions take turns.
    const auto entries_at = [&](int k) {
        std::vector<Entry> out;
        const auto kth = [k](const std::vector<const ProgrammeSession*>& list) {
            return list[static_cast<size_t>(k) % list.size()];
        };
        if (!now.empty()) out.push_back({Phrase::now_on, t.live, kth(now)});
        if (!next.empty()) out.push_back({Phrase::up_next, t.accent, kth(next)});
        return out;
    };
    std::vector<Entry> entries = entries_at(turn);
    if (entries.empty()) return false;

    // Each entry: a line with its word, time and room, then the title in the poster size
    // (capitals over 20 mm, read from 4 m). When both do not fit (landscape), now and next
    // take turns.
    const float pad = ctx.mm(kSpace.m);
    const float gap = ctx.mm(kSpace.l);
    ImFont* poster = ctx.fonts.poster;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const auto height = [&](const Entry& e) {
        return ctx.fonts.title->FontSize + spacing + ctx.mm(kSpace.s) +
               poster
                   ->CalcTextSizeA(poster->FontSize, FLT_MAX, size.x - 2 * pad,
                                   e.session->item.title.c_str())
                   .y +
               2 * pad;
    };
    float total = ctx.fonts.title->FontSize + ctx.mm(kSpace.m);
    for (const Entry& e : entries)
        total += height(e) + gap;
    if (total > size.y && entries.size() > 1) {
        const std::vector<Entry> pair = entries_at(turn / 2);
        entries = {pair[static_cast<size_t>(turn) % 2]};
    }

    IconText(ctx, ctx.fonts.title, icon::programme, tr(ctx.language, Phrase::now_and_next),
             t.accent);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const Entry& e : entries) {
        ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.m)));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        // The band goes under the words, sized by them: drawn after them, in a lower channel.
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        const ProgrammeSession& s = *e.session;
        const std::string when = when_where(ctx, p, s);
        ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + pad));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x - 2 * pad);
        Text(ctx, ctx.fonts.title, tr(ctx.language, e.label), e.colour);
        ImGui::SameLine(0, ctx.mm(kSpace.m));
        TextWrapped(ctx, ctx.fonts.title, when, t.text_muted);
        ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.s) - spacing));
        TextWrapped(ctx, poster, s.item.title, t.text);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const ImVec2 band_max(at.x + size.x, ImGui::GetItemRectMax().y + pad);
        draw->ChannelsSetCurrent(0);
        DrawSurface(draw, at, band_max, t.surface, ctx.mm(kRadiusMm), Elevation::raised,
                    ctx.px_per_mm);
        // Its word's colour along the band's left edge.
        draw->AddRectFilled(at, ImVec2(at.x + ctx.mm(kSpace.s), band_max.y), e.colour);
        draw->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(at.x, band_max.y));
        ImGui::Dummy(ImVec2(0, 0));
    }
    return true;
}

bool AttractScreen::draw_sessions(UiContext& ctx, int turn, ImVec2 size) {
    const Theme& t = theme();
    const ProgrammeData& p = feed_->at(ctx.wall_time_ms);
    // Without a trustworthy clock, or once the event is over, "next" means nothing.
    if (!p.clock_plausible || p.phase == core::EventPhase::after) return false;
    if (p.phase == core::EventPhase::during) return draw_now_next(ctx, p, turn, size);
    std::vector<const ProgrammeSession*> next;
    for (const ProgrammeDay& day : p.days) {
        for (const ProgrammeSession& s : day.sessions) {
            if (s.item.starts_at_ms > p.now_ms && !s.cancelled &&
                static_cast<int>(next.size()) < kSessionsShown)
                next.push_back(&s);
        }
    }
    if (next.empty()) return false;
    IconText(ctx, ctx.fonts.title, icon::programme, tr(ctx.language, Phrase::coming_up), t.accent);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
    for (const ProgrammeSession* s : next) {
        ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.m)));
        std::string when = s->starts + " · " + s->item.room;
        if (s->item.day != p.today) when = day_label(ctx.language, s->item.day) + " · " + when;
        IconText(ctx, ctx.fonts.heading, icon::time, when, t.text_muted);
        TextWrapped(ctx, ctx.fonts.title, s->item.title, t.text);
    }
    ImGui::PopTextWrapPos();
    return true;
}

float AttractScreen::draw_strip(UiContext& ctx, const ProgrammeData& p, int turn, ImVec2 at,
                                float width, bool measure) {
    const Theme& t = theme();
    const NowNext lists = now_and_next(p, true);
    struct Entry {
        Phrase label;
        ImU32 colour;
        const ProgrammeSession* session;
    };
    // Parallel sessions take turns, a turn a slide.
    std::vector<Entry> entries;
    const auto kth = [turn](const std::vector<const ProgrammeSession*>& list) {
        return list[static_cast<size_t>(turn) % list.size()];
    };
    if (!lists.now.empty()) entries.push_back({Phrase::now_on, t.live, kth(lists.now)});
    if (!lists.next.empty()) entries.push_back({Phrase::up_next, t.accent, kth(lists.next)});
    if (entries.empty()) return 0.0f;
    // Each entry a card: its word, badge, time and room in the title size, the session's title
    // in the display size (read at booth distance; the slides keep the poster size). Side by
    // side in landscape, one above the other in portrait.
    const bool portrait = ImGui::GetIO().DisplaySize.y > ImGui::GetIO().DisplaySize.x;
    const float pad = ctx.mm(kSpace.m);
    const float gap = ctx.mm(kSpace.l);
    ImFont* label = ctx.fonts.title;
    ImFont* title = ctx.fonts.display;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float cell_height = 2 * pad + label->FontSize + spacing + title->FontSize;
    const auto n = static_cast<float>(entries.size());
    const float height = portrait ? n * cell_height + (n - 1) * gap : cell_height;
    if (measure) return height;
    const float cell_width = portrait ? width : (width - (n - 1) * gap) / n;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        const content::SessionItem& s = e.session->item;
        const float k = static_cast<float>(i);
        const ImVec2 min = portrait ? ImVec2(at.x, at.y + k * (cell_height + gap))
                                    : ImVec2(at.x + k * (cell_width + gap), at.y);
        const ImVec2 max(min.x + cell_width, min.y + cell_height);
        DrawSurface(draw, min, max, t.surface, ctx.mm(kRadiusMm), Elevation::raised, ctx.px_per_mm);
        draw->AddRectFilled(min, ImVec2(min.x + ctx.mm(kSpace.s), max.y), e.colour);
        ImGui::SetCursorScreenPos(ImVec2(min.x + pad + ctx.mm(kSpace.s), min.y + pad));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell_width - 2 * pad - ctx.mm(kSpace.s));
        Text(ctx, label, tr(ctx.language, e.label), e.colour);
        const BadgeLook badge = session_badge(ctx, s);
        if (s.status == "moved" || s.status == "cancelled") {
            ImGui::SameLine(0, ctx.mm(kSpace.m));
            Badge(ctx, badge);
        }
        ImGui::SameLine(0, ctx.mm(kSpace.m));
        Heading(ctx, label, when_where(ctx, p, *e.session), t.text_muted, 1);
        Heading(ctx, title, s.title, e.session->cancelled ? t.text_muted : t.text, 1);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
    }
    return height;
}

core::FrameRequest AttractScreen::draw(UiContext& ctx, Navigation&) {
    const Theme& t = theme();
    const content::EventInfo& event = data_->event;
    const double elapsed = std::max(0.0, ctx.now - started_at_);
    const int slides =
        kSlidesPerTurn * std::max<int>(1, static_cast<int>(std::max<std::int64_t>(
                                              data_->counts.partnerships,
                                              static_cast<std::int64_t>(data_->practices.size()))));
    const core::SlideFrame frame = core::slide_at(elapsed, slides, kSlideSeconds, kFadeSeconds);
    const int turn = frame.index / kSlidesPerTurn;
    const core::Drift drift = core::drift_at(elapsed, kDriftPeriodSeconds);

    const ImVec2 size = ImGui::GetContentRegionAvail();
    const float margin = ctx.mm(kDriftMm + kSpace.l);
    const ImVec2 origin = ImGui::GetCursorPos();
    // Whole pixels: text drawn at fractional positions shimmers as it moves.
    const ImVec2 shift(std::round(drift.x * ctx.mm(kDriftMm)),
                       std::round(drift.y * ctx.mm(kDriftMm)));
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The event along the top, on its colour, with its logo; a name too long for one line at
    // the title size takes two at the heading size (portrait).
    const float inset = ctx.mm(kSpace.s);
    const float strip_width = size.x - 2 * margin;
    const float logo = event.brand.logo ? ctx.mm(kStripMm) - 2 * inset : 0.0f;
    const float words_width = strip_width - logo - 2 * ctx.mm(kSpace.l);
    ImFont* name_font = ctx.fonts.title;
    if (ShownTextSize(ctx.fonts, name_font, event.name).x > words_width)
        name_font = ctx.fonts.heading;
    const float name_height =
        name_font->FontSize *
        static_cast<float>(ShownLines(ctx.fonts, name_font, event.name, words_width).size());
    const float strip = std::max(ctx.mm(kStripMm), name_height + 2 * inset);
    ImGui::SetCursorPos(ImVec2(origin.x + margin + shift.x, origin.y + margin / 2 + shift.y));
    const ImVec2 strip_min = ImGui::GetCursorScreenPos();
    const ImVec2 strip_max(strip_min.x + strip_width, strip_min.y + strip);
    DrawSurface(draw, strip_min, strip_max, t.brand, ctx.mm(kRadiusMm), Elevation::raised,
                ctx.px_per_mm);
    float words_left = strip_min.x + ctx.mm(kSpace.l);
    if (logo > 0) {
        const ImVec2 logo_min(strip_min.x + inset, std::round(strip_min.y + (strip - logo) / 2));
        const ImVec2 logo_max(logo_min.x + logo, logo_min.y + logo);
        DrawSurface(draw, logo_min, logo_max, IM_COL32_WHITE, ctx.mm(kRadiusMm));
        DrawImageCover(ctx, draw, {event.brand.logo, core::ImageVariant::display},
                       ImVec2(logo_min.x + inset, logo_min.y + inset),
                       ImVec2(logo_max.x - inset, logo_max.y - inset));
        words_left = logo_max.x + ctx.mm(kSpace.l);
    }
    ImGui::SetCursorScreenPos(
        ImVec2(words_left, std::round(strip_min.y + (strip - name_height) / 2)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + words_width);
    TextWrapped(ctx, name_font, event.name, t.on_brand);
    ImGui::PopTextWrapPos();

    // The invitation at the bottom, in each of the bundle's languages in turn.
    ImFont* font = ctx.fonts.display;
    const std::string language =
        event.languages.empty()
            ? ctx.language
            : event.languages[static_cast<size_t>(frame.index) % event.languages.size()].code;
    const std::string invite = tr(language, Phrase::touch_to_start);
    const ImVec2 invite_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, invite.c_str());
    const float pill_pad = ctx.mm(kSpace.l);
    const ImVec2 pill(invite_size.x + 2 * pill_pad, invite_size.y + pill_pad);
    const ImVec2 pill_min(
        ImGui::GetWindowPos().x + origin.x + std::round((size.x - pill.x) / 2) + shift.y,
        ImGui::GetWindowPos().y + origin.y + size.y - margin / 2 - pill.y + shift.x / 2);
    DrawSurface(draw, pill_min, ImVec2(pill_min.x + pill.x, pill_min.y + pill.y), t.accent,
                ctx.mm(kPillRadiusMm));
    ImGui::SetCursorScreenPos(ImVec2(pill_min.x + pill_pad, pill_min.y + pill_pad / 2));
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, frame.opacity);
    Text(ctx, font, invite, t.accent_text);
    ImGui::PopStyleVar();

    // During the event, what is on now and next in a band above the invitation, on every slide
    // (issue 16); the slides share what is left.
    const ProgrammeData& programme = feed_->at(ctx.wall_time_ms);
    const bool during = programme.clock_plausible && programme.phase == core::EventPhase::during;
    const float band_height =
        during ? draw_strip(ctx, programme, turn, ImVec2(0, 0), strip_width, true) : 0.0f;
    if (band_height > 0)
        draw_strip(ctx, programme, turn,
                   ImVec2(strip_min.x, pill_min.y - ctx.mm(kSpace.l) - band_height), strip_width,
                   false);
    const float band = band_height > 0 ? band_height + ctx.mm(kSpace.l) : 0.0f;

    // The slide between them.
    const float top = margin / 2 + strip + ctx.mm(kSpace.xl);
    const ImVec2 area(size.x - 2 * margin,
                      size.y - top - margin / 2 - pill.y - band - ctx.mm(kSpace.xl));
    ImGui::SetCursorPos(ImVec2(origin.x + margin + shift.x, origin.y + top + shift.y));
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, frame.opacity);
    bool drawn = true;
    switch (frame.index % kSlidesPerTurn) {
        case 0:
            draw_partnership(ctx, turn, area);
            break;
        case 1:
            drawn = draw_sessions(ctx, turn, area);
            break;
        default:
            draw_practice(ctx, turn, area);
            break;
    }
    if (!drawn) draw_practice(ctx, turn + 1, area);
    ImGui::PopStyleVar();
    ImGui::EndGroup();

    core::FrameRequest request;
    const double in_slide = std::fmod(elapsed, kSlideSeconds);
    const bool fading = in_slide < kFadeSeconds || in_slide > kSlideSeconds - kFadeSeconds;
    const double fps = fading ? kFadeFps : kDriftFps;
    // Frames on a fixed grid of the loop's own time, so the rate does not creep.
    request.redraw_at = started_at_ + (std::floor(elapsed * fps + 1e-6) + 1.0) / fps;
    return request;
}

}  // namespace plaza::ui
