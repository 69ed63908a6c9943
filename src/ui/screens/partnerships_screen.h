// SPDX-License-Identifier: GPL-3.0-or-later
// All partnerships as a grid of cards with filter chips (theme, programme, region, SDG, and a
// city chosen in search): within a group any chosen value matches, across groups all must. Only
// the rows on screen are built, so the grid stays smooth with tens of thousands of cards.
#pragma once

#include <cstdint>
#include <vector>

#include "ui/screens/partnership_filter.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class PartnershipsScreen final : public Screen {
  public:
    static constexpr const char* kId = "partnerships";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    // A city from search opens the grid filtered to it.
    void open(std::int64_t city_id) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override;
    // The cards and facets to show (from the feed, or a test's own): filters them again and
    // keeps the visitor's choices.
    void show(const BrowseData& data);
    // The partnerships of one city (a search result): that city's chip alone, from the top.
    void show_city(std::int64_t city_id);
    const PartnershipFilter& filter() const { return filter_; }

  private:
    void draw_filters(UiContext& ctx);
    void refilter();

    const BrowseData* data_ = nullptr;
    PartnershipFilter filter_;
    std::vector<std::size_t> shown_;  // indices into data_.partnerships
    bool dirty_ = true;
    bool filters_open_ = false;  // portrait: the filter band is open
    KineticScrollState grid_scroll_, filter_scroll_;
};

}  // namespace plaza::ui
