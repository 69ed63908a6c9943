// SPDX-License-Identifier: GPL-3.0-or-later
// Search with the on-screen keyboard: the typed text, results grouped by kind (best group
// first), updated with every key. A city result opens the partnership grid filtered to it.
#pragma once

#include <string>
#include <vector>

#include "content/model.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"
#include "ui/widgets/world_map.h"

namespace plaza::ui {

class SearchScreen final : public Screen {
  public:
    static constexpr const char* kId = "search";
    const char* id() const override { return kId; }
    // Runs the search a keystroke asked for, before the frame that saw the key is presented.
    void load(ScreenFeed& feed, std::int64_t record) override;
    bool answer_pending() const override { return text_changed_; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override;

  private:
    std::string text_;
    bool text_changed_ = false;
    std::vector<content::SearchHit> hits_;
    KineticScrollState scroll_;
    // The first city results on small maps, with the cities they work with.
    struct CityMap {
        std::int64_t city = 0;
        MapScene scene;
        WorldMap map;
    };
    const WorldShapes* world_ = nullptr;
    std::vector<CityMap> city_maps_;
};

}  // namespace plaza::ui
