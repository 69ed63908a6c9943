// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/partnership_filter.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <vector>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

template <typename T>
void toggle(std::set<T>& set, const T& value) {
    if (!set.erase(value)) set.insert(value);
}

}  // namespace

bool PartnershipFilter::matches(const content::PartnershipCard& card) const {
    auto any_theme = [&] {
        return std::any_of(card.theme_ids.begin(), card.theme_ids.end(),
                           [&](std::int64_t id) { return themes.count(id) > 0; });
    };
    auto any_region = [&] {
        return std::any_of(card.region_ids.begin(), card.region_ids.end(),
                           [&](std::int64_t id) { return regions.count(id) > 0; });
    };
    auto any_city = [&] {
        return std::any_of(card.city_ids.begin(), card.city_ids.end(),
                           [&](std::int64_t id) { return cities.count(id) > 0; });
    };
    auto any_sdg = [&] {
        return std::any_of(sdgs.begin(), sdgs.end(),
                           [&](std::int64_t n) { return (card.sdgs >> n) & 1u; });
    };
    return (themes.empty() || any_theme()) &&
           (programmes.empty() || programmes.count(card.programme_id) > 0) &&
           (regions.empty() || any_region()) && (sdgs.empty() || any_sdg()) &&
           (cities.empty() || any_city());
}

bool PartnershipFilterChips(UiContext& ctx, const content::Facets& f, PartnershipFilter& filter,
                            const std::string& id_prefix, unsigned groups) {
    const Theme& t = theme();
    bool changed = false;
    auto group = [&](Phrase heading, const char* group_icon,
                     const std::vector<content::Facet>& facets, auto selected, auto on_tap,
                     const char* id_kind) {
        const std::string kind = id_kind;
        const unsigned of = kind == "city"    ? kCityFilters
                            : kind == "theme" ? kThemeFilters
                                              : kOtherFilters;
        if (facets.empty() || !(groups & of)) return;
        IconText(ctx, ctx.fonts.body_bold, group_icon, tr(ctx.language, heading), t.text, true);
        float line_left = ImGui::GetContentRegionAvail().x;
        for (size_t i = 0; i < facets.size(); ++i) {
            const content::Facet& facet = facets[i];
            // Chips flow left to right and wrap when the next one would not fit.
            const float width =
                ShownTextSize(ctx.fonts, ctx.fonts.body, facet.label).x + ctx.mm(14);
            if (i > 0 && width < line_left) {
                ImGui::SameLine();
            } else {
                line_left = ImGui::GetContentRegionAvail().x;
            }
            line_left -= width + ImGui::GetStyle().ItemSpacing.x;
            const bool has_colour = kind == "theme" || kind == "sdg";
            if (FilterChip(ctx, id_prefix + id_kind + "/" + facet.key, facet.label, selected(facet),
                           has_colour ? colour_of(facet.colour) : 0)) {
                on_tap(facet);
                changed = true;
            }
        }
    };
    // Only the chosen cities have chips (there may be thousands): tapping one removes it.
    std::vector<content::Facet> chosen_cities;
    for (std::int64_t id : filter.cities) {
        const auto it = std::lower_bound(
            f.cities.begin(), f.cities.end(), id,
            [](const content::Facet& facet, std::int64_t value) { return facet.id < value; });
        if (it != f.cities.end() && it->id == id) chosen_cities.push_back(*it);
    }
    group(
        Phrase::cities, icon::place, chosen_cities, [](const content::Facet&) { return true; },
        [&](const content::Facet& x) { filter.cities.erase(x.id); }, "city");
    group(
        Phrase::themes, icon::theme, f.themes,
        [&](const content::Facet& x) { return filter.themes.count(x.id) > 0; },
        [&](const content::Facet& x) { toggle(filter.themes, x.id); }, "theme");
    group(
        Phrase::programmes, icon::programmes, f.programmes,
        [&](const content::Facet& x) { return filter.programmes.count(x.id) > 0; },
        [&](const content::Facet& x) { toggle(filter.programmes, x.id); }, "programme");
    group(
        Phrase::regions, icon::region, f.regions,
        [&](const content::Facet& x) { return filter.regions.count(x.id) > 0; },
        [&](const content::Facet& x) { toggle(filter.regions, x.id); }, "region");
    group(
        Phrase::sdgs, icon::goal, f.sdgs,
        [&](const content::Facet& x) { return filter.sdgs.count(x.id) > 0; },
        [&](const content::Facet& x) { toggle(filter.sdgs, x.id); }, "sdg");
    return changed;
}

}  // namespace plaza::ui
