// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/map_screen.h"

#include <imgui.h>

#include <algorithm>

#include "content/search_text.h"
#include "ui/i18n/phrases.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr float kSideColumnMm = 110;
constexpr float kZoomStep = 2.0f;
constexpr const char* kCityList = "map/cities";

}  // namespace

void MapScreen::reset() {
    view_ = {};
    filter_ = {};
    more_filters_ = false;
    dirty_ = true;
    side_scroll_ = {};
}

void MapScreen::load(ScreenFeed& feed, std::int64_t) {
    data_ = &feed.browse();
    world_ = feed.world();
    if (feed_changed(feed)) {
        scene_.set_cities(feed.map_cities());
        dirty_ = true;
    }
    // The arcs are worked out here, between frames, after a tap changed the filter.
    if (dirty_) refilter();
}

void MapScreen::refilter() {
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < data_->partnerships.size(); ++i) {
        if (filter_.matches(data_->partnerships[i])) shown.push_back(i);
    }
    shown_partnerships_ = shown.size();
    scene_.set_partnerships(data_->partnerships, &shown);
    listed_.clear();
    const std::vector<SceneCity>& cities = scene_.cities();
    for (std::size_t i = 0; i < cities.size(); ++i)
        if (cities[i].partnerships > 0) listed_.push_back(static_cast<int>(i));
    // For people: "Århus" beside "Aarhus", "été" among the e's, whatever the case.
    std::vector<std::pair<std::string, int>> keyed;
    keyed.reserve(listed_.size());
    for (const int i : listed_)
        keyed.emplace_back(content::sort_key(cities[static_cast<std::size_t>(i)].city.label), i);
    std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return cities[static_cast<std::size_t>(a.second)].city.label <
               cities[static_cast<std::size_t>(b.second)].city.label;
    });
    for (std::size_t k = 0; k < keyed.size(); ++k)
        listed_[k] = keyed[k].second;
    dirty_ = false;
}

void MapScreen::draw_cities(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    Heading(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::cities), t.text);
    const std::string role = tr(ctx.language, Phrase::role_city);
    const float width = ImGui::GetContentRegionAvail().x;
    int position = 0;
    for (const int i : listed_) {
        const SceneCity& city = scene_.cities()[static_cast<std::size_t>(i)];
        ButtonSpeech speech;
        speech.role = role;
        const std::string id = "map/city/" + std::to_string(city.city.id);
        const std::string label = city.city.label + " (" + std::to_string(city.partnerships) + ")";
        const bool tapped = TapButton(ctx, id, label, ImVec2(width / ctx.px_per_mm, 0),
                                      ButtonStyle::secondary, 0, speech);
        // Read as a list ("City 3 of 17: ..."), which "Skip to results" leads to.
        ++position;
        if (!ctx.report.items.empty() && ctx.report.items.back().id == id) {
            core::VisibleItem& item = ctx.report.items.back();
            item.list = kCityList;
            item.position = position;
            item.count = static_cast<int>(listed_.size());
        }
        if (tapped) nav.open("partnerships", city.city.id);
    }
}

core::FrameRequest MapScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    core::FrameRequest request;
    if (dirty_) request.animating = true;  // the arcs of the new filter show on the next frame

    Heading(ctx, ctx.fonts.title, tr(ctx.language, Phrase::map), t.text);
    ImGui::SameLine(0, ctx.mm(8));
    // Spoken mode: the list of cities one step from the heading, past the map and the filters.
    if (!listed_.empty() && SkipToResults(ctx, "map/skip", kCityList)) side_scroll_ = {};
    if (ctx.spoken && !listed_.empty()) ImGui::SameLine(0, ctx.mm(8));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ctx.mm(3));
    Text(ctx, ctx.fonts.heading,
         count_phrase(ctx.language, listed_.size(), Phrase::city_count, Phrase::cities_count) +
             " · " +
             count_phrase(ctx.language, shown_partnerships_, Phrase::partnership_count,
                          Phrase::partnerships_count),
         t.text_muted);
    if (!filter_.empty()) {
        ImGui::SameLine(0, ctx.mm(8));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ctx.mm(3));
        if (TapButton(ctx, "map/clear", tr(ctx.language, Phrase::clear_filters), ImVec2(0, 0),
                      ButtonStyle::secondary)) {
            filter_ = {};
            dirty_ = true;
        }
    }

    // Landscape: the map beside a column of filters and cities. Portrait: the map above them.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool landscape = ImGui::GetIO().DisplaySize.x > ImGui::GetIO().DisplaySize.y;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float side = std::min(ctx.mm(kSideColumnMm) * ctx.text_scale, avail.x * 0.45f);
    const ImVec2 size = landscape ? ImVec2(avail.x - side - spacing, avail.y)
                                  : ImVec2(avail.x, std::min(avail.y * 0.55f, avail.x * 0.75f));
    const ImVec2 map_min = ImGui::GetCursorScreenPos();
    if (world_) {
        MapLook look;
        look.background = true;
        look.label = tr(ctx.language, Phrase::world_map);
        look.detail = count_phrase(ctx.language, listed_.size(), Phrase::map_city_listed,
                                   Phrase::map_cities_listed);
        const int tapped = map_.draw(ctx, "map/world", *world_, scene_, view_, size, look);
        if (tapped >= 0)
            nav.open("partnerships", scene_.cities()[static_cast<std::size_t>(tapped)].city.id);
        request.animating |= map_.dragging();
        // Zoom in and out at the map's lower right corner, over it.
        const ImVec2 after = ImGui::GetCursorScreenPos();
        const float pad = ctx.mm(3);
        ImGui::SetCursorScreenPos(ImVec2(
            map_min.x + pad, map_min.y + size.y - pad - ctx.mm(kMinTargetMm) * ctx.text_scale -
                                 ImGui::GetStyle().FramePadding.y));
        if (TapButton(ctx, "map/zoom-in", tr(ctx.language, Phrase::zoom_in)))
            view_.zoom_by(kZoomStep);
        ImGui::SameLine();
        if (TapButton(ctx, "map/zoom-out", tr(ctx.language, Phrase::zoom_out)))
            view_.zoom_by(1 / kZoomStep);
        ImGui::SetCursorScreenPos(after);
    } else {
        ImGui::BeginChild("map/unavailable", size, false, ImGuiWindowFlags_NoScrollbar);
        TextWrapped(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::map_unavailable),
                    t.text_muted);
        ImGui::EndChild();
    }
    if (landscape) {
        ImGui::SetCursorScreenPos(ImVec2(map_min.x + size.x + spacing, map_min.y));
    }
    // The themes, which are also the arcs' colours; the other filters on request; then every
    // city.
    BeginScrollArea("map/side", side_scroll_);
    if (PartnershipFilterChips(ctx, data_->facets, filter_, "map/filter/", kThemeFilters))
        dirty_ = true;
    const bool others =
        !filter_.programmes.empty() || !filter_.regions.empty() || !filter_.sdgs.empty();
    if (more_filters_ || others) {
        if (PartnershipFilterChips(ctx, data_->facets, filter_, "map/filter/", kOtherFilters))
            dirty_ = true;
    } else if (TapButton(ctx, "map/more-filters", tr(ctx.language, Phrase::more_filters),
                         ImVec2(0, 0), ButtonStyle::secondary)) {
        more_filters_ = true;
    }
    ImGui::Dummy(ImVec2(0, ctx.mm(2)));
    draw_cities(ctx, nav);
    request.animating |= EndScrollArea(ctx, side_scroll_);
    return request;
}

}  // namespace plaza::ui
