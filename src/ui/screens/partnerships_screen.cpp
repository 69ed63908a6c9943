// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/partnerships_screen.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr float kCardMinWidthMm = 120;
constexpr float kCardHeightMm = 34;

}  // namespace

void PartnershipsScreen::reset() {
    filter_ = {};
    dirty_ = true;
    grid_scroll_ = {};
    filter_scroll_ = {};
    filters_open_ = false;
}

void PartnershipsScreen::load(ScreenFeed& feed, std::int64_t) {
    if (feed_changed(feed)) show(feed.browse());
}

void PartnershipsScreen::show(const BrowseData& data) {
    data_ = &data;
    dirty_ = true;
}

void PartnershipsScreen::open(std::int64_t city_id) {
    if (city_id != 0) show_city(city_id);
}

void PartnershipsScreen::show_city(std::int64_t city_id) {
    reset();
    filter_.cities.insert(city_id);
}

void PartnershipsScreen::refilter() {
    shown_.clear();
    for (std::size_t i = 0; i < data_->partnerships.size(); ++i) {
        if (filter_.matches(data_->partnerships[i])) shown_.push_back(i);
    }
    dirty_ = false;
}

void PartnershipsScreen::draw_filters(UiContext& ctx) {
    if (PartnershipFilterChips(ctx, data_->facets, filter_, "partnerships/filter/")) dirty_ = true;
}

core::FrameRequest PartnershipsScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    if (dirty_) refilter();
    core::FrameRequest request;

    Heading(ctx, ctx.fonts.title, tr(ctx.language, Phrase::partnerships), t.text);
    ImGui::SameLine(0, ctx.mm(8));
    // Spoken mode: the cards one step from the heading, before the count and every filter.
    if (!shown_.empty() && SkipToResults(ctx, "partnerships/skip", "partnerships"))
        grid_scroll_ = {};
    if (ctx.spoken && !shown_.empty()) ImGui::SameLine(0, ctx.mm(8));
    const std::string count = std::to_string(shown_.size()) + " " + tr(ctx.language, Phrase::of) +
                              " " + std::to_string(data_->partnerships.size());
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ctx.mm(3));
    Text(ctx, ctx.fonts.heading, count, t.text_muted);
    if (!filter_.empty()) {
        ImGui::SameLine(0, ctx.mm(8));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ctx.mm(3));
        if (TapButton(ctx, "partnerships/clear", tr(ctx.language, Phrase::clear_filters),
                      ImVec2(0, 0), ButtonStyle::secondary)) {
            filter_ = {};
            refilter();
        }
    }

    // Landscape: filters in a column on the left. Portrait: a bar that opens into a band above
    // the grid, so that the grid has the height of the screen.
    const bool landscape = ImGui::GetIO().DisplaySize.x > ImGui::GetIO().DisplaySize.y;
    if (!landscape) {
        std::string label = tr(ctx.language, Phrase::filters);
        if (!filter_.empty()) label += " (" + std::to_string(filter_.count()) + ")";
        ButtonSpeech speech;
        speech.toggle = true;
        if (TapButton(ctx, "partnerships/filters", label, ImVec2(0, 0),
                      filters_open_ ? ButtonStyle::selected : ButtonStyle::secondary, 0, speech,
                      filters_open_ ? icon::collapse : icon::filter)) {
            filters_open_ = !filters_open_;
        }
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (landscape || filters_open_) {
        if (landscape) {
            ImGui::BeginChild("filters", ImVec2(ctx.mm(105), 0), false,
                              ImGuiWindowFlags_NoScrollbar);
        } else {
            ImGui::BeginChild("filters", ImVec2(0, avail.y * 0.4f), false,
                              ImGuiWindowFlags_NoScrollbar);
        }
        draw_filters(ctx);
        request.animating |= EndScrollArea(ctx, filter_scroll_);
        if (landscape) ImGui::SameLine(0, ctx.mm(6));
    }
    if (dirty_) refilter();

    BeginScrollArea("grid", grid_scroll_);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x;
    // Larger text, wider cards: fewer columns, so that titles keep their two lines.
    const float min_width = ctx.mm(kCardMinWidthMm) * ctx.text_scale;
    const int columns = std::max(1, static_cast<int>((width + spacing) / (min_width + spacing)));
    const float card_width = (width - spacing * static_cast<float>(columns - 1)) / columns;
    const int rows = static_cast<int>((shown_.size() + columns - 1) / columns);
    // A portrait screen with few rows: taller cards (larger pictures, whole titles) fill its
    // height, up to two and a half times their height.
    float card_mm = kCardHeightMm;
    if (!landscape && rows > 0) {
        const float fill = ImGui::GetContentRegionAvail().y / static_cast<float>(rows) -
                           ImGui::GetStyle().ItemSpacing.y;
        card_mm = std::clamp(fill / ctx.px_per_mm, kCardHeightMm, 2.5f * kCardHeightMm);
    }
    const float row_height = CardHeight(ctx, card_mm) + ImGui::GetStyle().ItemSpacing.y;
    if (ctx.spoken && ctx.spoken->list == "partnerships" && ctx.spoken->list_index >= 0) {
        // Spoken mode moves to a card that is not built yet: bring its row into view.
        ImGui::SetScrollY(static_cast<float>(ctx.spoken->list_index / columns) * row_height);
    }
    const std::string role = tr(ctx.language, Phrase::role_partnership);
    const int shown_count = static_cast<int>(shown_.size());
    ImGuiListClipper clipper;
    clipper.Begin(rows, row_height);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            for (int c = 0; c < columns; ++c) {
                const std::size_t i = static_cast<std::size_t>(row * columns + c);
                if (i >= shown_.size()) break;
                const content::PartnershipCard& card = data_->partnerships[shown_[i]];
                if (c > 0) ImGui::SameLine();
                CardLook look;
                look.accent = colour_of(card.colour);
                look.thumbnail = card.thumbnail;
                look.icon = icon::partnership;
                look.role = role;
                look.position = static_cast<int>(i) + 1;
                look.count = shown_count;
                look.list = "partnerships";
                look.exact_height = card_mm > kCardHeightMm;  // taller: more lines of title
                if (TapCard(ctx, "partnerships/item/" + std::to_string(card.id), card.title,
                            cities_with_countries(data_->facets, card), card_width, card_mm,
                            look)) {
                    nav.open("partnership", card.id);
                }
            }
        }
    }
    request.animating |= EndScrollArea(ctx, grid_scroll_);
    return request;
}

}  // namespace plaza::ui
