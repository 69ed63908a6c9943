// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/world_map_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>

namespace plaza::ui {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRadians = kPi / 180.0;

// Little-endian reads from the asset, each checked against the end of the bytes.
class Reader {
  public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    bool has(std::size_t n) const { return bytes_.size() - at_ >= n; }
    std::size_t at() const { return at_; }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v |= std::uint32_t{static_cast<unsigned char>(bytes_[at_ + i])} << (8 * i);
        at_ += 4;
        return v;
    }
    std::uint16_t u16() {
        const auto v = static_cast<std::uint16_t>(static_cast<unsigned char>(bytes_[at_]) |
                                                  static_cast<unsigned char>(bytes_[at_ + 1]) << 8);
        at_ += 2;
        return v;
    }
    float f32() {
        const std::uint32_t bits = u32();
        float v = 0;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }

  private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

std::uint32_t fnv1a(std::string_view bytes) {
    std::uint32_t hash = 0x811c9dc5u;
    for (const char c : bytes)
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x01000193u;
    return hash;
}

struct Vec3 {
    double x, y, z;
};

Vec3 unit_vector(double lat, double lon) {
    const double p = lat * kRadians, l = lon * kRadians;
    return {std::cos(p) * std::cos(l), std::cos(p) * std::sin(l), std::sin(p)};
}

// Segments enough for a smooth curve at the map's closest zoom: one per three degrees.
int arc_segments(double degrees) {
    return std::clamp(static_cast<int>(std::ceil(degrees / 3.0)), 2, 60);
}

}  // namespace

MapPoint project(double latitude, double longitude) {
    constexpr double a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796;
    const double m = std::sqrt(3.0) / 2.0;
    const double l = longitude * kRadians, p = latitude * kRadians;
    const double t = std::asin(m * std::sin(p)), t2 = t * t, t6 = t2 * t2 * t2;
    const double x = l * std::cos(t) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)));
    const double y = t * (a1 + a2 * t2 + t6 * (a3 + a4 * t2));
    return {static_cast<float>(x), static_cast<float>(y)};
}

double angular_distance(double lat0, double lon0, double lat1, double lon1) {
    const Vec3 a = unit_vector(lat0, lon0), b = unit_vector(lat1, lon1);
    const double cross =
        std::hypot(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
    return std::atan2(cross, a.x * b.x + a.y * b.y + a.z * b.z) / kRadians;
}

GeoLine great_circle(double lat0, double lon0, double lat1, double lon1) {
    GeoLine line;
    line.starts.push_back(0);
    const Vec3 a = unit_vector(lat0, lon0), b = unit_vector(lat1, lon1);
    const double omega = angular_distance(lat0, lon0, lat1, lon1) * kRadians;
    const int segments = arc_segments(omega / kRadians);
    double prev_lat = lat0, prev_lon = lon0;
    line.points.push_back(project(lat0, lon0));
    for (int i = 1; i <= segments; ++i) {
        const double t = static_cast<double>(i) / segments;
        double lat = lat1, lon = lon1;
        if (i < segments && omega > 1e-9) {
            // Spherical linear interpolation between the two unit vectors.
            const double s = std::sin(omega);
            const double wa = std::sin((1 - t) * omega) / s, wb = std::sin(t * omega) / s;
            const Vec3 v{wa * a.x + wb * b.x, wa * a.y + wb * b.y, wa * a.z + wb * b.z};
            lat = std::atan2(v.z, std::hypot(v.x, v.y)) / kRadians;
            lon = std::atan2(v.y, v.x) / kRadians;
        }
        if (std::abs(lon - prev_lon) > 180) {
            // Across the 180th meridian: end at this edge where it crosses, go on from the other.
            const double edge = prev_lon > 0 ? 180.0 : -180.0;
            const double unwrapped = lon + (prev_lon > 0 ? 360.0 : -360.0);
            const double f = (edge - prev_lon) / (unwrapped - prev_lon);
            const double cross_lat = prev_lat + f * (lat - prev_lat);
            line.points.push_back(project(cross_lat, edge));
            line.starts.push_back(line.points.size());
            line.points.push_back(project(cross_lat, -edge));
        }
        line.points.push_back(project(lat, lon));
        prev_lat = lat, prev_lon = lon;
    }
    return line;
}

const ShapeLevel& WorldShapes::level_for(float scale, float max_error_px) const {
    static const ShapeLevel kNone;
    if (levels.empty()) return kNone;
    for (const ShapeLevel& level : levels) {
        if (level.tolerance * scale <= max_error_px) return level;
    }
    return levels.back();
}

core::Result<WorldShapes> parse_world_shapes(std::string_view bytes, const std::string& name) {
    auto fail = [&](const std::string& what) {
        return core::Error{name + ": not a usable world map: " + what};
    };
    constexpr std::size_t kHeader = 8 + 4 * 3 + 4 * 4;
    if (bytes.size() < kHeader + 4)
        return fail("only " + std::to_string(bytes.size()) + " bytes, cut short");
    if (bytes.substr(0, 8) != "PLZWMAP1") return fail("it does not start with PLZWMAP1");
    const std::size_t body = bytes.size() - 4;
    Reader check(bytes.substr(body));
    const bool intact = check.u32() == fnv1a(bytes.substr(0, body));
    Reader r(bytes.substr(8, body - 8));
    const std::uint32_t version = r.u32(), projection = r.u32();
    if (version != 2) return fail("format version " + std::to_string(version) + ", not 2");
    if (projection != 1) return fail("projection " + std::to_string(projection) + ", not 1");
    float extent[4];
    for (float& v : extent)
        v = r.f32();
    if (!(extent[0] < extent[2] && extent[1] < extent[3]) ||
        !std::all_of(std::begin(extent), std::end(extent),
                     [](float v) { return std::abs(v) < 10.0f; }))
        return fail("its extent is not a rectangle on the map");
    const std::uint32_t levels = r.u32();
    if (levels < 1 || levels > 4)
        return fail(std::to_string(levels) + " levels of detail, not 1 to 4");
    // Every count is checked against the bytes left before anything is read or reserved.
    auto cut_short = [&](const std::string& where) {
        return fail("cut short in " + where + " (" + std::to_string(bytes.size()) + " bytes)");
    };
    auto point = [&] {
        const float u = r.u16() / 65535.0f, v = r.u16() / 65535.0f;
        return MapPoint{extent[0] + u * (extent[2] - extent[0]),
                        extent[1] + v * (extent[3] - extent[1])};
    };
    WorldShapes shapes;
    for (std::uint32_t l = 0; l < levels; ++l) {
        const std::string where = "level " + std::to_string(l);
        if (!r.has(20)) return cut_short(where);
        ShapeLevel level;
        level.tolerance = r.f32();
        if (!(level.tolerance >= 0 && level.tolerance < 1))
            return fail(where + " has no plausible tolerance");
        const std::uint64_t vertices = r.u32(), triangles = r.u32(), border_points = r.u32(),
                            borders = r.u32();
        if (vertices > 65535)
            return fail(where + " has " + std::to_string(vertices) + " land vertices, over 65,535");
        if (!r.has(vertices * 4 + triangles * 6 + borders * 2 + border_points * 4))
            return cut_short(where);
        level.land.reserve(vertices);
        for (std::uint64_t i = 0; i < vertices; ++i)
            level.land.push_back(point());
        level.triangles.reserve(triangles * 3);
        for (std::uint64_t i = 0; i < triangles * 3; ++i) {
            const std::uint16_t index = r.u16();
            if (index >= vertices)
                return fail(where + ": triangle " + std::to_string(i / 3) + " names vertex " +
                            std::to_string(index) + " of " + std::to_string(vertices));
            level.triangles.push_back(index);
        }
        std::uint64_t total = 0;
        for (std::uint64_t i = 0; i < borders; ++i) {
            const std::uint16_t n = r.u16();
            if (n < 2)
                return fail(where + ": border " + std::to_string(i) + " has fewer than two points");
            total += n;
            level.border_ends.push_back(static_cast<std::uint32_t>(total));
        }
        if (total != border_points) {
            return fail(where + ": its borders have " + std::to_string(total) +
                        " points, its header says " + std::to_string(border_points));
        }
        level.border_points.reserve(border_points);
        for (std::uint64_t i = 0; i < border_points; ++i)
            level.border_points.push_back(point());
        shapes.levels.push_back(std::move(level));
    }
    if (r.at() != body - 8)
        return fail(std::to_string(body - 8 - r.at()) + " bytes after its last level");
    if (!intact) return fail("its checksum does not match its contents (damaged)");
    return shapes;
}

core::Result<WorldShapes> load_world_shapes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error{path + ": the world map cannot be opened"};
    // The asset is under a hundred kilobytes; anything far larger is not it.
    constexpr std::streamsize kMaxBytes = 4 << 20;
    std::string bytes(static_cast<std::size_t>(kMaxBytes) + 1, '\0');
    in.read(bytes.data(), kMaxBytes + 1);
    if (in.gcount() > kMaxBytes) return core::Error{path + ": not a world map: over 4 MB"};
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return parse_world_shapes(bytes, path);
}

void MapScene::set_cities(std::vector<content::MapCity> cities) {
    cities_.clear();
    cities_.reserve(cities.size());
    for (content::MapCity& c : cities) {
        SceneCity city;
        city.at = project(c.latitude, c.longitude);
        city.city = std::move(c);
        cities_.push_back(std::move(city));
    }
    std::sort(cities_.begin(), cities_.end(),
              [](const SceneCity& a, const SceneCity& b) { return a.city.id < b.city.id; });
    arcs_ = std::make_shared<SceneArcs>();
    ++version_;
}

int MapScene::city_index(std::int64_t id) const {
    const auto it =
        std::lower_bound(cities_.begin(), cities_.end(), id,
                         [](const SceneCity& c, std::int64_t value) { return c.city.id < value; });
    return it != cities_.end() && it->city.id == id ? static_cast<int>(it - cities_.begin()) : -1;
}

int MapScene::nearest_city(MapPoint at, float radius) const {
    int best = -1;
    float best_d2 = radius * radius;
    for (std::size_t i = 0; i < cities_.size(); ++i) {
        if (cities_[i].partnerships == 0) continue;
        const float dx = cities_[i].at.x - at.x, dy = cities_[i].at.y - at.y;
        const float d2 = dx * dx + dy * dy;
        if (d2 <= best_d2) best_d2 = d2, best = static_cast<int>(i);
    }
    return best;
}

void MapScene::set_partnerships(const std::vector<content::PartnershipCard>& cards,
                                const std::vector<std::size_t>* shown) {
    for (SceneCity& c : cities_)
        c.partnerships = 0;
    struct Bundle {
        std::uint32_t a, b, count = 0;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> colours;  // (packed colour, count)
    };
    std::vector<Bundle> bundles;
    std::unordered_map<std::uint64_t, std::size_t> by_pair;
    std::vector<int> linked;
    auto add = [&](const content::PartnershipCard& card) {
        linked.clear();
        for (const std::int64_t id : card.city_ids) {
            const int index = city_index(id);
            if (index >= 0 && std::find(linked.begin(), linked.end(), index) == linked.end())
                linked.push_back(index);
        }
        for (const int index : linked)
            ++cities_[index].partnerships;
        const std::uint32_t packed =
            std::uint32_t{card.colour.r} << 16 | std::uint32_t{card.colour.g} << 8 | card.colour.b;
        for (std::size_t i = 1; i < linked.size(); ++i) {
            const auto a = static_cast<std::uint32_t>(std::min(linked[0], linked[i]));
            const auto b = static_cast<std::uint32_t>(std::max(linked[0], linked[i]));
            const auto [it, added] = by_pair.emplace(std::uint64_t{a} << 32 | b, bundles.size());
            if (added) bundles.push_back({a, b, 0, {}});
            Bundle& bundle = bundles[it->second];
            ++bundle.count;
            auto colour = std::find_if(bundle.colours.begin(), bundle.colours.end(),
                                       [&](const auto& c) { return c.first == packed; });
            if (colour == bundle.colours.end())
                bundle.colours.push_back({packed, 1});
            else
                ++colour->second;
        }
    };
    if (shown) {
        for (const std::size_t i : *shown)
            if (i < cards.size()) add(cards[i]);
    } else {
        for (const content::PartnershipCard& card : cards)
            add(card);
    }
    // Thin arcs first, so the busiest are drawn over them.
    std::stable_sort(bundles.begin(), bundles.end(),
                     [](const Bundle& x, const Bundle& y) { return x.count < y.count; });
    auto made = std::make_shared<SceneArcs>();
    for (const Bundle& bundle : bundles) {
        SceneArc arc;
        arc.a = bundle.a, arc.b = bundle.b, arc.partnerships = bundle.count;
        // The colour most of them share; the first seen among equals.
        const auto top =
            std::max_element(bundle.colours.begin(), bundle.colours.end(),
                             [](const auto& x, const auto& y) { return x.second < y.second; });
        arc.colour = {static_cast<std::uint8_t>(top->first >> 16),
                      static_cast<std::uint8_t>(top->first >> 8),
                      static_cast<std::uint8_t>(top->first)};
        const content::MapCity& from = cities_[bundle.a].city;
        const content::MapCity& to = cities_[bundle.b].city;
        const GeoLine line = great_circle(from.latitude, from.longitude, to.latitude, to.longitude);
        arc.first = static_cast<std::uint32_t>(made->points.size());
        arc.count = static_cast<std::uint32_t>(line.points.size());
        arc.split = line.starts.size() > 1 ? static_cast<std::uint32_t>(line.starts[1]) : 0;
        made->points.insert(made->points.end(), line.points.begin(), line.points.end());
        made->most = std::max(made->most, bundle.count);
        made->arcs.push_back(arc);
    }
    arcs_ = std::move(made);
    ++version_;
}

namespace {

// The cities of `all` (by id) whose ids `wanted` lists.
std::vector<content::MapCity> cities_named(const std::vector<content::MapCity>& all,
                                           std::vector<std::int64_t> wanted) {
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<content::MapCity> found;
    for (const std::int64_t id : wanted) {
        const auto it = std::lower_bound(
            all.begin(), all.end(), id,
            [](const content::MapCity& c, std::int64_t value) { return c.id < value; });
        if (it != all.end() && it->id == id) found.push_back(*it);
    }
    return found;
}

}  // namespace

void scene_of_partnership(MapScene& scene, const std::vector<content::MapCity>& cities,
                          const content::PartnershipCard& card) {
    scene.set_cities(cities_named(cities, card.city_ids));
    scene.set_partnerships({card});
}

void scene_of_city(MapScene& scene, const std::vector<content::MapCity>& cities,
                   const std::vector<content::PartnershipCard>& cards, std::int64_t city) {
    std::vector<std::size_t> linked;
    std::vector<std::int64_t> ids{city};
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const std::vector<std::int64_t>& c = cards[i].city_ids;
        if (std::find(c.begin(), c.end(), city) == c.end()) continue;
        linked.push_back(i);
        ids.insert(ids.end(), c.begin(), c.end());
    }
    scene.set_cities(cities_named(cities, std::move(ids)));
    scene.set_partnerships(cards, &linked);
}

}  // namespace plaza::ui
