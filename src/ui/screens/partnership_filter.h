// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor's choice of partnerships, shared by the grid and the map: filter chips for theme,
// programme, region and SDG (and the cities a search or a map tap chose). Within a group any
// chosen value matches, across groups all must.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "content/model.h"
#include "ui/ui_context.h"

namespace plaza::ui {

struct PartnershipFilter {
    std::set<std::int64_t> themes, programmes, sdgs, cities;
    std::set<std::int64_t> regions;  // as Facet numbers them
    bool empty() const {
        return themes.empty() && programmes.empty() && sdgs.empty() && regions.empty() &&
               cities.empty();
    }
    std::size_t count() const {
        return themes.size() + programmes.size() + sdgs.size() + regions.size() + cities.size();
    }
    bool matches(const content::PartnershipCard& card) const;
};

// Which groups of chips to draw.
enum FilterGroups : unsigned {
    kCityFilters = 1,   // the chosen cities, each a chip that a tap removes
    kThemeFilters = 2,  // themes, each with its colour
    kOtherFilters = 4,  // programmes, regions and SDGs
    kAllFilters = 7,
};

// The chips of the groups the facets offer, ids under `id_prefix` ("partnerships/filter/").
// True when a tap changed `filter`.
bool PartnershipFilterChips(UiContext& ctx, const content::Facets& facets,
                            PartnershipFilter& filter, const std::string& id_prefix,
                            unsigned groups = kAllFilters);

}  // namespace plaza::ui
