// SPDX-License-Identifier: GPL-3.0-or-later
// The world map of the partnerships: every partner city a dot, every pair of partner cities an
// arc in its theme's colour; drag pans, Zoom in and Zoom out zoom, a tap on a city opens the
// grid filtered to it. The grid's theme, programme, region and SDG chips filter the map too,
// and beside it every city is listed, so the map is not the only way to reach them.
#pragma once

#include <cstddef>
#include <vector>

#include "ui/screens/partnership_filter.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"
#include "ui/widgets/world_map.h"

namespace plaza::ui {

class MapScreen final : public Screen {
  public:
    static constexpr const char* kId = "map";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override;

  private:
    // The partnerships the filter lets through, bundled into the scene's arcs, and the cities
    // they link in the order the list shows them.
    void refilter();
    void draw_cities(UiContext& ctx, Navigation& nav);

    const BrowseData* data_ = nullptr;
    const WorldShapes* world_ = nullptr;
    MapScene scene_;
    WorldMap map_;
    MapView view_;
    PartnershipFilter filter_;
    bool more_filters_ = false;  // programme, region and SDG chips shown
    bool dirty_ = true;
    std::size_t shown_partnerships_ = 0;
    std::vector<int> listed_;  // scene city indices, by label
    KineticScrollState side_scroll_;
};

}  // namespace plaza::ui
