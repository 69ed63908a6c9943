// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/home_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/programme_data.h"
#include "ui/screens/programme_parts.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr float kEntryMinWidthMm = 85;  // an entry's title on one line at the smallest size

// "Tuesday, 19 March  09:00" in the visitor's language, as the programme names its days.
std::string format_local_time(const std::string& language, std::int64_t wall_ms,
                              int offset_minutes) {
    return day_label(language, local_date(wall_ms, offset_minutes)) + "  " +
           clock_time(wall_ms, offset_minutes);
}

// "Tuesday 19 March – Thursday 21 March": the event's days in the visitor's language.
std::string event_dates(const std::string& language, const content::EventInfo& event) {
    if (event.ends_on.empty() || event.ends_on == event.starts_on)
        return day_label(language, event.starts_on);
    return day_label(language, event.starts_on) + " – " + day_label(language, event.ends_on);
}

}  // namespace

void HomeScreen::load(ScreenFeed& feed, std::int64_t) {
    data_ = &feed.browse_first();
}

void HomeScreen::draw_hero(UiContext& ctx) {
    const Theme& t = theme();
    const content::EventInfo& event = data_->event;
    const content::EventBrand& brand = event.brand;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool portrait = ImGui::GetIO().DisplaySize.y > ImGui::GetIO().DisplaySize.x;
    const float pad = ctx.mm(kSpace.l);
    // Landscape: the event on its colour at the left, the hero picture at the right. Portrait:
    // the picture across the top, the event under it. Without a picture the colour spans the
    // band, and without a logo the words start at its edge: a plain bundle still looks made.
    const bool hero = brand.hero != 0;
    const float image_height = hero && portrait ? std::round(width * 0.35f) : 0.0f;
    const float panel_width = hero && !portrait ? std::round(width * 0.55f) : width;
    const float logo = brand.logo ? ctx.mm(28) * std::min(ctx.text_scale, 1.3f) : 0.0f;
    const float text_left = pad + (logo > 0 ? logo + pad : 0.0f);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 panel_min(origin.x, origin.y + image_height);
    // The words first, in a group, so the band is as tall as they are at any text size.
    ImGui::SetCursorScreenPos(ImVec2(panel_min.x + text_left, panel_min.y + pad));
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + panel_width - text_left - pad);
    // Two lines at most: a long name must not push the ways in below the fold.
    Heading(ctx, ctx.fonts.title, event.name, t.on_brand, 2);
    IconText(ctx, ctx.fonts.heading, icon::calendar, event_dates(ctx.language, event), t.on_brand);
    IconText(ctx, ctx.fonts.body, icon::place, event.venue + " · " + event.city, t.on_brand);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float words_bottom = ImGui::GetItemRectMax().y;
    // Today's date and time, in its own line under the event's days.
    ImGui::SetCursorScreenPos(ImVec2(panel_min.x + text_left, words_bottom + ctx.mm(kSpace.s)));
    IconText(ctx, ctx.fonts.heading, icon::time,
             format_local_time(ctx.language, ctx.wall_time_ms, ctx.local_offset_minutes),
             t.on_brand);
    const float panel_height =
        std::max(ImGui::GetItemRectMax().y - panel_min.y + pad, logo + 2 * pad);
    draw->ChannelsSetCurrent(0);
    const ImVec2 panel_max(panel_min.x + panel_width, panel_min.y + panel_height);
    DrawSurface(draw, panel_min, panel_max, t.brand, ctx.mm(kRadiusMm), Elevation::raised,
                ctx.px_per_mm);
    if (logo > 0) {
        // The logo on a white tile: organisers' logos are drawn for light backgrounds.
        const ImVec2 at(panel_min.x + pad, panel_min.y + pad);
        DrawSurface(draw, at, ImVec2(at.x + logo, at.y + logo), IM_COL32_WHITE, ctx.mm(kRadiusMm));
        const float inset = ctx.mm(kSpace.s);
        DrawImageCover(ctx, draw, {brand.logo, core::ImageVariant::display},
                       ImVec2(at.x + inset, at.y + inset),
                       ImVec2(at.x + logo - inset, at.y + logo - inset));
    }
    if (hero) {
        const ImVec2 min = portrait ? origin : ImVec2(panel_max.x, origin.y);
        const ImVec2 max(origin.x + width, portrait ? panel_min.y : panel_max.y);
        DrawImageCover(ctx, draw, {brand.hero, core::ImageVariant::display}, min, max);
        if (!brand.hero_credit.empty()) {
            // The credit on a dark label in the picture's corner, legible on any picture.
            ImFont* font = ctx.fonts.body;
            const float size = font->FontSize;
            const std::string& credit = shown(ctx.fonts, brand.hero_credit);
            const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, credit.c_str());
            const float inset = ctx.mm(kSpace.s);
            const ImVec2 label_max(max.x - inset, max.y - inset);
            const ImVec2 label_min(label_max.x - extent.x - 2 * inset,
                                   label_max.y - extent.y - inset);
            DrawSurface(draw, label_min, label_max, t.text, ctx.mm(kRadiusMm));
            draw->AddText(font, size, ImVec2(label_min.x + inset, label_min.y + inset / 2),
                          t.surface, credit.c_str());
            ImGui::SetCursorScreenPos(label_min);
            ImGui::Dummy(ImVec2(label_max.x - label_min.x, label_max.y - label_min.y));
            RecordItem(ctx, core::VisibleItem::Kind::text, "", brand.hero_credit);
        }
    }
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, panel_max.y));
    ImGui::Dummy(ImVec2(width, 0));
}

core::FrameRequest HomeScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    const content::EventInfo& event = data_->event;
    // One scrolling page: with large text or the low-reach band, the featured items move below
    // the fold instead of being squeezed out.
    core::FrameRequest request;
    BeginScrollArea("home", scroll_);
    draw_hero(ctx);
    ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.xs)));

    // The languages flow onto a second line when large text makes one too narrow.
    float line_left = ImGui::GetContentRegionAvail().x;
    const float spacing_x = ImGui::GetStyle().ItemSpacing.x;
    for (size_t i = 0; i < event.languages.size(); ++i) {
        const content::Language& language = event.languages[i];
        const float width = std::max(ctx.mm(kMinTargetMm),
                                     ShownTextSize(ctx.fonts, ctx.fonts.body, language.name).x +
                                         2 * ImGui::GetStyle().FramePadding.x);
        if (i > 0 && width <= line_left) {
            ImGui::SameLine();
        } else {
            line_left = ImGui::GetContentRegionAvail().x;
        }
        line_left -= width + spacing_x;
        const bool current = language.code == ctx.language;
        // Each language's name is read in that language.
        ButtonSpeech speech;
        speech.language = language.code;
        if (TapButton(ctx, "home/language/" + language.code, language.name, ImVec2(0, 0),
                      current ? ButtonStyle::selected : ButtonStyle::secondary, 0, speech)) {
            nav.language = language.code;
        }
    }

    // The ways in, as large cards: the programme's only when the bundle has sessions.
    struct Entry {
        const char* id;
        std::string title, subtitle;
        const char* icon;
        ScreenId screen;
    };
    auto items = [&](std::size_t n) {
        return count_phrase(ctx.language, n, Phrase::item_count, Phrase::items_count);
    };
    std::vector<Entry> entries = {
        {"home/partnerships", tr(ctx.language, Phrase::partnerships),
         items(static_cast<std::size_t>(data_->counts.partnerships)), icon::partnership,
         "partnerships"},
        {"home/practices", tr(ctx.language, Phrase::good_practices), items(data_->practices.size()),
         icon::practice, "practices"},
        {"home/map", tr(ctx.language, Phrase::map), tr(ctx.language, Phrase::map_prompt), icon::map,
         "map"},
        {"home/search", tr(ctx.language, Phrase::search), tr(ctx.language, Phrase::search_prompt),
         icon::search, "search"},
    };
    if (data_->counts.sessions > 0) {
        entries.push_back({"home/programme", tr(ctx.language, Phrase::programme),
                           tr(ctx.language, Phrase::programme_prompt), icon::programme,
                           "now_next"});
    }
    // As many in a row as fit with their words whole: all in landscape, two by two in portrait.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int count = static_cast<int>(entries.size());
    const int fit = std::clamp(
        static_cast<int>((avail + gap) / (ctx.mm(kEntryMinWidthMm) * ctx.text_scale + gap)), 1,
        count);
    // Rows as even as they can be: five entries go three and two, not four and one alone.
    const int rows = (count + fit - 1) / fit;
    const int per_row = (count + rows - 1) / rows;
    const float entry_width = (avail - static_cast<float>(per_row - 1) * gap) / per_row;
    for (int i = 0; i < count; ++i) {
        const Entry& e = entries[static_cast<size_t>(i)];
        if (i % per_row != 0) ImGui::SameLine();
        if (TapCard(ctx, e.id, e.title, e.subtitle, entry_width, 24, {t.accent, 0, e.icon})) {
            nav.open(e.screen);
        }
    }

    Heading(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::featured), t.text);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing) / 2;
    int column = 0;
    auto next_column = [&] {
        if (++column % 2 == 1) ImGui::SameLine();
    };
    for (const content::PartnershipCard& card : data_->showcase()) {
        if (!card.featured) continue;
        if (TapCard(ctx, "home/featured/partnership/" + std::to_string(card.id), card.title,
                    cities_with_countries(data_->facets, card), width, 32,
                    {colour_of(card.colour), card.thumbnail, icon::partnership})) {
            nav.open("partnership", card.id);
        }
        next_column();
    }
    for (const content::PracticeCard& card : data_->practices) {
        if (!card.featured) continue;
        if (TapCard(ctx, "home/featured/practice/" + std::to_string(card.id), card.title, card.city,
                    width, 32, {colour_of(card.colour), card.thumbnail, icon::practice})) {
            nav.open("practice", card.id);
        }
        next_column();
    }
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
