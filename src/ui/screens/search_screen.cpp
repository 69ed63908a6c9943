// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/search_screen.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/onscreen_keyboard.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

constexpr int kResults = 60;
constexpr std::size_t kCityMaps = 3;

Phrase group_heading(const std::string& kind) {
    if (kind == "partnership") return Phrase::partnerships;
    if (kind == "practice") return Phrase::good_practices;
    if (kind == "session") return Phrase::sessions;
    if (kind == "city") return Phrase::cities;
    return Phrase::speakers;
}

}  // namespace

void SearchScreen::reset() {
    text_.clear();
    hits_.clear();
    city_maps_.clear();
    text_changed_ = false;
    scroll_ = {};
}

void SearchScreen::load(ScreenFeed& feed, std::int64_t) {
    world_ = feed.world();
    // The same text again in another language finds other titles.
    const bool relanguaged = feed_changed(feed) && !text_.empty();
    if (!text_changed_ && !relanguaged) return;
    text_changed_ = false;
    hits_ = feed.search(text_, kResults);
    scroll_ = {};
    city_maps_.clear();
    city_maps_.reserve(kCityMaps);
    for (const content::SearchHit& hit : hits_) {
        if (hit.kind != "city" || city_maps_.size() == kCityMaps || !world_) continue;
        city_maps_.emplace_back();
        city_maps_.back().city = hit.id;
        scene_of_city(city_maps_.back().scene, feed.map_cities(), feed.browse().partnerships,
                      hit.id);
    }
}

core::FrameRequest SearchScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    core::FrameRequest request;

    // The field only shows the text; the keyboard below edits it.
    const ImVec2 field_min = ImGui::GetCursorScreenPos();
    const float field_width = std::min(ImGui::GetContentRegionAvail().x, ctx.mm(200));
    ImFont* font = ctx.fonts.heading;
    const float field_height = std::max(ctx.mm(16), font->FontSize + ctx.mm(4));
    ImGui::Dummy(ImVec2(field_width, field_height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 field_max(field_min.x + field_width, field_min.y + field_height);
    draw->AddRectFilled(field_min, field_max, t.surface, ImGui::GetStyle().FrameRounding);
    draw->AddRect(field_min, field_max, t.accent, ImGui::GetStyle().FrameRounding, 0, ctx.mm(0.6f));
    const ImVec2 text_pos(field_min.x + ctx.mm(4),
                          field_min.y + (field_height - font->FontSize) / 2);
    if (text_.empty()) {
        draw->AddText(
            ctx.fonts.body, ctx.fonts.body->FontSize,
            ImVec2(text_pos.x, field_min.y + (field_height - ctx.fonts.body->FontSize) / 2),
            t.text_muted, tr(ctx.language, Phrase::search_prompt));
        ctx.report.items.push_back({core::VisibleItem::Kind::text,
                                    "search/prompt",
                                    tr(ctx.language, Phrase::search_prompt),
                                    {field_min.x, field_min.y, field_width, field_height}});
    } else {
        draw->AddText(font, font->FontSize, text_pos, t.text, text_.c_str());
        ctx.report.items.push_back({core::VisibleItem::Kind::text,
                                    "search/text",
                                    text_,
                                    {field_min.x, field_min.y, field_width, field_height}});
    }
    const float caret_x = text_pos.x +
                          font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text_.c_str()).x +
                          ctx.mm(0.5f);
    draw->AddLine(ImVec2(caret_x, text_pos.y), ImVec2(caret_x, text_pos.y + font->FontSize),
                  t.accent, ctx.mm(0.5f));

    // Results above the keyboard.
    const KeyboardLayout& layout = keyboard_layout(ctx.language);
    const float key_row = ctx.mm(14) + ImGui::GetStyle().ItemSpacing.y;
    const float keyboard_height = key_row * static_cast<float>(layout.rows.size() + 1);
    const float results_height =
        std::max(ctx.mm(30), ImGui::GetContentRegionAvail().y - keyboard_height);
    BeginScrollArea("results", scroll_, results_height);
    if (!text_.empty() && hits_.empty()) {
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::no_results), t.text_muted);
    }
    // Groups in the order of their best hit; hits within a group keep their rank.
    std::vector<std::string> kinds;
    for (const content::SearchHit& hit : hits_) {
        if (std::find(kinds.begin(), kinds.end(), hit.kind) == kinds.end())
            kinds.push_back(hit.kind);
    }
    // On a wide screen each group's name stands in a column to the left of its results, so
    // that the best of every kind fits above the keyboard; else names go above the results.
    float names = 0;
    for (const std::string& kind : kinds) {
        const char* name = tr(ctx.language, group_heading(kind));
        names = std::max(
            names,
            ctx.fonts.heading->CalcTextSizeA(ctx.fonts.heading->FontSize, FLT_MAX, 0, name).x);
    }
    names += ImGui::GetStyle().ItemSpacing.x;
    const bool side_by_side = names < ImGui::GetContentRegionAvail().x / 4;
    const float width = ImGui::GetContentRegionAvail().x - (side_by_side ? names : 0.0f);
    for (const std::string& kind : kinds) {
        Heading(ctx, ctx.fonts.heading, tr(ctx.language, group_heading(kind)), t.text);
        if (side_by_side) {
            ImGui::SameLine(names);
            ImGui::BeginGroup();
        }
        const int in_group = static_cast<int>(
            std::count_if(hits_.begin(), hits_.end(),
                          [&](const content::SearchHit& h) { return h.kind == kind; }));
        int position = 0;
        for (const content::SearchHit& hit : hits_) {
            if (hit.kind != kind) continue;
            ++position;
            const std::string id = "search/result/" + kind + "/" + std::to_string(hit.id);
            CardLook look;
            look.whole_title = true;
            look.role = tr(ctx.language, kind == "city"          ? Phrase::role_city
                                         : kind == "partnership" ? Phrase::role_partnership
                                         : kind == "practice"    ? Phrase::good_practice
                                                                 : Phrase::role_session);
            look.position = position;
            look.count = in_group;
            if (kind == "city") {
                // A city leads to its partnerships: the grid, filtered to it. Its romanised
                // name, if any, goes under it.
                // Beside it, the city and those it works with on a small map.
                const auto map = std::find_if(city_maps_.begin(), city_maps_.end(),
                                              [&](const CityMap& m) { return m.city == hit.id; });
                float card_width = width;
                if (world_ && map != city_maps_.end()) {
                    const ImVec2 size(ctx.mm(60), ctx.mm(30));
                    draw_mini_map(ctx, id + "/map", map->map, *world_, map->scene, size,
                                  tr(ctx.language, Phrase::map));
                    ImGui::SameLine();
                    card_width -= size.x + ImGui::GetStyle().ItemSpacing.x;
                }
                if (TapCard(ctx, id, hit.title, hit.detail, card_width, 14, look))
                    nav.open("partnerships", hit.id);
            } else if (kind == "partnership" || kind == "practice" || kind == "session") {
                if (TapCard(ctx, id, hit.title, "", width, 14, look)) {
                    nav.open(kind == "partnership" ? "partnership"
                             : kind == "practice"  ? "practice"
                                                   : "session",
                             hit.id);
                }
            } else {
                Text(ctx, ctx.fonts.body, hit.title, t.text);
            }
        }
        if (side_by_side) ImGui::EndGroup();
    }
    request.animating = EndScrollArea(ctx, scroll_);

    if (OnScreenKeyboard(ctx, text_)) text_changed_ = true;
    return request;
}

}  // namespace plaza::ui
