// SPDX-License-Identifier: GPL-3.0-or-later
// The world map drawn with Dear ImGui's draw list: land and borders, every city a dot as large
// as its partnerships are many, every pair of partner cities a great-circle arc in its theme's
// colour, as wide as the partnerships between them are many (world_map_model.h bundles them).
// Drag pans, a pinch zooms about the point between the fingers, so do MapView::zoom_by() (the
// screen's buttons); a tap chooses the nearest city within a finger's reach.
//
// Smooth at 10,000 partnerships on a software renderer: the scene is worked out when its data or
// filter changes; the map's vertices are built only when what they depend on changes (frame,
// zoom, scene, look, palette), with a margin around the frame so that a pan only moves them,
// and for the map screen on a worker thread, the frames meanwhile drawing the last build moved
// and scaled to the view; every frame copies the vertices into the draw list. The land goes as runs
// of pixels filled as rectangles, lines in short pieces, and the arcs drawn are the busiest ones a
// budget of ink allows (the scene bundles them per pair of cities).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ui/ui_context.h"
#include "ui/widgets/world_map_model.h"

namespace plaza::ui {

inline constexpr float kMapMaxZoom = 8.0f;

// Which part of the world a map shows.
struct MapView {
    MapPoint centre = default_centre();  // the map point at the middle of the frame
    float zoom = 1.0f;                   // 1: the inhabited world fits the frame
    // Zooms about the middle of the frame, within 1 and kMapMaxZoom.
    void zoom_by(float factor);
    static MapPoint default_centre();
};

struct MapLook {
    // How many arcs are drawn, in the scene's order: all when negative; with a fraction, the
    // last one partly (the attract loop draws them in one by one).
    float reveal = -1.0f;
    // Cities ringed and named whatever the zoom (indices into the scene's cities).
    std::vector<int> highlight;
    // Drag pans the map and a tap chooses a city; a mini-map only shows.
    bool interactive = true;
    // Names cities where there is room, the busiest first.
    bool labels = true;
    // Builds the vertices on UiContext::map_worker when there is one: frames never wait for
    // them; until a build is done, the last one is drawn moved and scaled to the view.
    bool background = false;
    // What spoken mode says of the map (its label); the frame is one item for it.
    std::string label;
    std::string detail;
};

class WorldMap {
  public:
    WorldMap();
    // Draws the map in a frame of `size` pixels at the cursor, recorded as the control `id`.
    // Returns the index of the city a tap chose, -1 when none was.
    int draw(UiContext& ctx, const std::string& id, const WorldShapes& shapes,
             const MapScene& scene, MapView& view, ImVec2 size, const MapLook& look);
    // True while a finger drags or two fingers pinch the map (the kiosk keeps drawing then).
    bool dragging() const { return dragging_; }
    // Where a city is drawn in the last frame, in screen pixels (headless checks, tests).
    ImVec2 city_on_screen(const MapScene& scene, int city) const;
    // How many times it has started building its vertices (tests check that unchanged frames
    // reuse them).
    std::uint64_t builds() const { return builds_; }
    // True when the vertices drawn were built for the frame as it is now, not an earlier build
    // moved and scaled while a worker builds the new one.
    bool current() const { return current_; }
    // True while it keeps a second buffer for the next build (tests check it goes).
    bool holds_spare() const { return spare_ != nullptr; }

    struct Key {
        float x = 0, y = 0, w = 0, h = 0;
        float zoom = 0, reveal = 0, px_per_mm = 0, font_size = 0;
        std::uint64_t scene = ~std::uint64_t{0};
        std::size_t highlight = 0;
        const void* shapes = nullptr;
        bool high_contrast = false, labels = false;
        bool operator==(const Key& o) const;
    };
    struct Mesh;   // one build's vertices and labels (world_map.cpp)
    struct Names;  // the cities' places and names' sizes a build reads (world_map.cpp)

  private:
    ImVec2 to_screen(MapPoint p) const;

    ImVec2 origin_;  // the frame's middle, in screen pixels
    MapPoint centre_;
    float scale_ = 1;  // pixels per map unit
    // Two buffers: the last finished build, drawn every frame (moved and scaled to the view
    // until the next one is ready), and the one the next build fills, kept only while builds
    // follow one another (a reveal, a pan) and released once the drawn build is current. A
    // worker's build comes back through `inbox_` on the main thread; the map may be gone by then.
    std::shared_ptr<Mesh> shown_, spare_;
    struct Inbox {
        std::shared_ptr<Mesh> arrived;
        bool building = false;
    };
    std::shared_ptr<Inbox> inbox_;
    std::shared_ptr<const Names> names_;
    std::uint64_t builds_ = 0;
    bool current_ = false;
    bool dragging_ = false;
    bool pinched_ = false;  // two fingers zoomed since the first came down
};

// A small map framing `scene`'s cities, every one of them named: a profile's partner cities,
// a city and the cities it works with. It neither pans nor zooms; spoken mode reads `label` and
// the cities.
void draw_mini_map(UiContext& ctx, const std::string& id, WorldMap& map, const WorldShapes& shapes,
                   const MapScene& scene, ImVec2 size, const std::string& label);

}  // namespace plaza::ui
