// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/practices_screen.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

void PracticesScreen::load(ScreenFeed& feed, std::int64_t) {
    data_ = &feed.browse();
}

core::FrameRequest PracticesScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    Text(ctx, ctx.fonts.title, tr(ctx.language, Phrase::good_practices), t.text);
    // Only themes some practice has are offered.
    bool first = true;
    for (const content::Facet& theme_facet : data_->facets.themes) {
        const bool used = std::any_of(
            data_->practices.begin(), data_->practices.end(), [&](const content::PracticeCard& c) {
                return std::count(c.theme_ids.begin(), c.theme_ids.end(), theme_facet.id) > 0;
            });
        if (!used) continue;
        if (!first) ImGui::SameLine();
        first = false;
        const bool selected = themes_.count(theme_facet.id) > 0;
        if (FilterChip(ctx, "practices/filter/theme/" + theme_facet.key, theme_facet.label,
                       selected, colour_of(theme_facet.colour))) {
            if (selected)
                themes_.erase(theme_facet.id);
            else
                themes_.insert(theme_facet.id);
        }
    }
    core::FrameRequest request;
    BeginScrollArea("list", scroll_);
    std::vector<const content::PracticeCard*> shown;
    for (const content::PracticeCard& card : data_->practices) {
        if (themes_.empty() ||
            std::any_of(card.theme_ids.begin(), card.theme_ids.end(),
                        [&](std::int64_t id) { return themes_.count(id) > 0; })) {
            shown.push_back(&card);
        }
    }
    // Only the cards on screen are built.
    const float width = ImGui::GetContentRegionAvail().x;
    const float row_height = CardHeight(ctx, 34) + ImGui::GetStyle().ItemSpacing.y;
    if (ctx.spoken && ctx.spoken->list == "practices" && ctx.spoken->list_index >= 0)
        ImGui::SetScrollY(static_cast<float>(ctx.spoken->list_index) * row_height);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const content::PracticeCard& card = *shown[static_cast<size_t>(i)];
            CardLook look;
            look.accent = colour_of(card.colour);
            look.thumbnail = card.thumbnail;
            look.icon = icon::practice;
            look.role = tr(ctx.language, Phrase::good_practice);
            look.position = i + 1;
            look.count = static_cast<int>(shown.size());
            look.list = "practices";
            if (TapCard(ctx, "practices/item/" + std::to_string(card.id), card.title,
                        card.city + " — " + card.summary, width, 34, look)) {
                nav.open("practice", card.id);
            }
        }
    }
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
