// SPDX-License-Identifier: GPL-3.0-or-later
// The world map without drawing: the Equal Earth projection, great-circle arcs, the land and
// border shapes Plaza ships (assets/map/world_110m.bin, made by tools/map/make_world_map.mjs)
// and what the map shows of a bundle: its cities as points and its partnerships bundled into
// one arc per pair of cities, worked out when the data or the filter changes, never per frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "core/result.h"

namespace plaza::ui {

// A point of the projected map on the unit sphere: x grows east, y north.
struct MapPoint {
    float x = 0, y = 0;
};

// Equal Earth (Šavrič, Patterson & Jenny 2018, doi:10.1080/13658816.2018.1504949): equal-area,
// with continents in shapes people know; the asset's shapes are projected with the same formula.
MapPoint project(double latitude, double longitude);
// Its extent on the unit sphere: x within ±kMapHalfWidth, y within ±kMapHalfHeight.
inline constexpr float kMapHalfWidth = 2.70634f;
inline constexpr float kMapHalfHeight = 1.31737f;

// The shorter great circle between two positions (degrees), projected. Where it crosses the
// 180th meridian it leaves one edge of the map and comes back at the other: it is then two
// lines, `starts` saying where each begins in `points`.
struct GeoLine {
    std::vector<MapPoint> points;
    std::vector<std::size_t> starts;
};
GeoLine great_circle(double lat0, double lon0, double lat1, double lon1);
// The angle between two positions on the globe, in degrees.
double angular_distance(double lat0, double lon0, double lat1, double lon1);

// Land as triangles and the borders between countries as lines, projected, at one level of
// detail.
struct ShapeLevel {
    std::vector<MapPoint> land;              // corners of the triangles
    std::vector<std::uint16_t> triangles;    // three indices into `land` a triangle
    std::vector<MapPoint> border_points;     // every border's points, one border after another
    std::vector<std::uint32_t> border_ends;  // one past each border's last point
    // How far this level's lines may stray from the full 1:110m shapes, in map units.
    float tolerance = 0;
};

struct WorldShapes {
    std::vector<ShapeLevel> levels;  // the coarsest first; the last has every point
    // The coarsest level that strays no more than `max_error_px` at `scale` pixels per map unit.
    const ShapeLevel& level_for(float scale, float max_error_px) const;
};

// Reads the asset's bytes; a message naming `name` and what is wrong when they are not a whole,
// intact map (truncated, another format or version, indices out of range, a wrong checksum).
core::Result<WorldShapes> parse_world_shapes(std::string_view bytes, const std::string& name);
core::Result<WorldShapes> load_world_shapes(const std::string& path);

// A city on the map, with how many of the partnerships shown link it.
struct SceneCity {
    content::MapCity city;
    MapPoint at;
    std::uint32_t partnerships = 0;
};

// The partnerships between two cities, drawn as one arc as wide as they are many, in the theme
// colour most of them share.
struct SceneArc {
    std::uint32_t a = 0, b = 0;  // indices into MapScene::cities()
    std::uint32_t partnerships = 0;
    content::Colour colour;
    std::uint32_t first = 0, count = 0;  // its points in MapScene::points()
    std::uint32_t split = 0;             // where its second line starts (0: one line)
};

// A scene's arcs and their points, shared read-only with the worker that builds a map's
// vertices: a new filter makes a new one, so a build under way keeps the one it started with.
struct SceneArcs {
    std::vector<SceneArc> arcs;
    std::vector<MapPoint> points;
    std::uint32_t most = 0;  // the busiest arc's count
};

class MapScene {
  public:
    // The cities the map can show, by id (ContentStore::map_cities()).
    void set_cities(std::vector<content::MapCity> cities);
    // Bundles the links of the partnerships `shown` picks from `cards` (all of them when null):
    // an arc from each partnership's first (lead) city to each of its other cities.
    void set_partnerships(const std::vector<content::PartnershipCard>& cards,
                          const std::vector<std::size_t>* shown = nullptr);

    const std::vector<SceneCity>& cities() const { return cities_; }
    const std::vector<SceneArc>& arcs() const { return arcs_->arcs; }
    const std::vector<MapPoint>& points() const { return arcs_->points; }
    std::shared_ptr<const SceneArcs> shared_arcs() const { return arcs_; }
    // The busiest arc's count, for widths relative to it.
    std::uint32_t most_partnerships() const { return arcs_->most; }
    // The index of the city with this id, -1 when the map does not have it.
    int city_index(std::int64_t id) const;
    // The city with partnerships shown nearest to `at`, within `radius` (map units); -1 if none.
    int nearest_city(MapPoint at, float radius) const;
    // Changes whenever cities or arcs change, so a drawing cache knows when to build again.
    std::uint64_t version() const { return version_; }

  private:
    std::vector<SceneCity> cities_;  // by id
    std::shared_ptr<const SceneArcs> arcs_ = std::make_shared<SceneArcs>();
    std::uint64_t version_ = 0;
};

// A small map's scene: one partnership's cities and arcs.
void scene_of_partnership(MapScene& scene, const std::vector<content::MapCity>& cities,
                          const content::PartnershipCard& card);
// A city, the cities it works with and the arcs of its partnerships.
void scene_of_city(MapScene& scene, const std::vector<content::MapCity>& cities,
                   const std::vector<content::PartnershipCard>& cards, std::int64_t city);

}  // namespace plaza::ui
