// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/world_map.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "ui/theme.h"
#include "ui/widgets/kinetic_scroll.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

// The frame holds the inhabited world: from the southern tips of South America and New Zealand
// to the north of Greenland.
constexpr double kSouthDegrees = -57.0, kNorthDegrees = 84.0;
// A finger's reach around a tap: a city within it is the one tapped (12 mm targets).
constexpr float kFingerRadiusMm = kMinTargetMm / 2;
constexpr int kDotSegments = 10;
constexpr std::size_t kMaxLabels = 60;
constexpr float kMiniMaxZoom = 6.0f;
// How far simplified coasts and borders may stray from the 1:110m shapes on screen.
constexpr float kMaxShapeErrorPx = 2.5f;
// How much arc the map draws, in pixels of length per pixel of its frame's width and height.
constexpr float kArcInk = 12.0f;
// The longest straight piece of a line handed to the renderer (see MeshWriter::line()).
constexpr float kMaxPiecePx = 12.0f;

float world_south() {
    return project(kSouthDegrees, 0).y;
}
float world_north() {
    return project(kNorthDegrees, 0).y;
}

// Pixels per map unit at zoom 1: the inhabited world fits the frame.
float fit_scale(ImVec2 size) {
    return std::min(size.x / (2 * kMapHalfWidth), size.y / (world_north() - world_south()));
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    auto channel = [&](int shift) {
        const float x = static_cast<float>((a >> shift) & 0xFF);
        const float y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<ImU32>(x + (y - x) * t + 0.5f) << shift;
    };
    return channel(IM_COL32_R_SHIFT) | channel(IM_COL32_G_SHIFT) | channel(IM_COL32_B_SHIFT) |
           (0xFFu << IM_COL32_A_SHIFT);
}

ImU32 with_alpha(ImU32 c, unsigned alpha) {
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// The map's colours from the palette in use: pale land on a sea tinted with the accent; in high
// contrast, grey land on black with black borders, so white dots and yellow rings stand out.
struct MapColours {
    ImU32 sea, land, border, dot, dot_ring, highlight, label_back, label;
};

MapColours map_colours() {
    const Theme& t = theme();
    if (high_contrast_in_use()) {
        return {t.background, mix(t.background, t.text, 0.28f),
                t.background, t.text,
                t.background, t.accent,
                t.background, t.text};
    }
    return {mix(t.background, t.accent, 0.14f),
            t.surface,
            mix(t.surface, t.outline, 0.45f),
            t.text,
            t.surface,
            t.accent,
            with_alpha(t.surface, 225),
            t.text};
}

// Keeps the centre where the frame shows no more than the world (and the inhabited world in
// the middle when the whole of it fits). Zoomed in, it may go north up to the pole: arcs between
// cities on opposite sides of the globe (Montréal and Chengdu) pass near it.
MapPoint clamp_centre(MapPoint centre, ImVec2 size, float scale) {
    const float half_x = size.x / 2 / scale, half_y = size.y / 2 / scale;
    const float south = world_south(), north = world_north();
    centre.x = half_x >= kMapHalfWidth
                   ? 0.0f
                   : std::clamp(centre.x, -kMapHalfWidth + half_x, kMapHalfWidth - half_x);
    centre.y = half_y >= (north - south) / 2
                   ? (north + south) / 2
                   : std::clamp(centre.y, south + half_y, kMapHalfHeight - half_y);
    return centre;
}

// Vertices and indices of one build, in chunks of at most 65,536 vertices (16-bit indices).
class MeshWriter {
  public:
    MeshWriter(std::vector<ImDrawVert>& v, std::vector<ImDrawIdx>& i,
               std::vector<std::uint32_t>& chunk_starts)
        : v_(v), i_(i), starts_(chunk_starts) {}
    // Room for `n` more vertices in the current chunk, starting a new one if needed.
    void reserve(std::size_t n) {
        if (starts_.empty() || v_.size() - starts_.back() + n > 65535) {
            starts_.push_back(static_cast<std::uint32_t>(v_.size()));
            index_starts.push_back(static_cast<std::uint32_t>(i_.size()));
        }
    }
    ImDrawIdx vertex(ImVec2 p, ImU32 c) {
        v_.push_back({p, uv, c});
        return static_cast<ImDrawIdx>(v_.size() - 1 - starts_.back());
    }
    void triangle(ImDrawIdx a, ImDrawIdx b, ImDrawIdx c) {
        i_.push_back(a), i_.push_back(b), i_.push_back(c);
    }
    // An axis-aligned rectangle as ImDrawList::PrimRect writes it, which the kiosk's renderer
    // fills as a rectangle (platform/draw_data_renderer.h).
    void rect(float x0, float y0, float x1, float y1, ImU32 c) {
        reserve(4);
        const ImDrawIdx i0 = vertex(ImVec2(x0, y0), c);
        vertex(ImVec2(x1, y0), c), vertex(ImVec2(x1, y1), c), vertex(ImVec2(x0, y1), c);
        triangle(i0, static_cast<ImDrawIdx>(i0 + 1), static_cast<ImDrawIdx>(i0 + 2));
        triangle(i0, static_cast<ImDrawIdx>(i0 + 2), static_cast<ImDrawIdx>(i0 + 3));
    }
    // A straight line `width` wide, in pieces no longer than `max_piece`: SDL's software
    // renderer scans the whole bounding box of each triangle, which for a long slanted piece is
    // mostly empty.
    void line(ImVec2 a, ImVec2 b, float width, ImU32 c, float max_piece) {
        const float length = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        const int pieces = std::max(1, static_cast<int>(std::ceil(length / max_piece)));
        for (int k = 0; k < pieces; ++k) {
            const float t0 = static_cast<float>(k) / pieces,
                        t1 = static_cast<float>(k + 1) / pieces;
            segment(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                    ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), width, c);
        }
    }
    // A straight piece of line `width` wide.
    void segment(ImVec2 a, ImVec2 b, float width, ImU32 c) {
        const float dx = b.x - a.x, dy = b.y - a.y;
        const float length = std::sqrt(dx * dx + dy * dy);
        if (length < 1e-3f) return;
        // A little past each end, so the pieces of a bent line close their joints.
        const float h = width / 2, nx = -dy / length * h, ny = dx / length * h;
        const float ex = dx / length * h * 0.5f, ey = dy / length * h * 0.5f;
        reserve(4);
        const ImDrawIdx i0 = vertex(ImVec2(a.x + nx - ex, a.y + ny - ey), c);
        const ImDrawIdx i1 = vertex(ImVec2(b.x + nx + ex, b.y + ny + ey), c);
        const ImDrawIdx i2 = vertex(ImVec2(b.x - nx + ex, b.y - ny + ey), c);
        const ImDrawIdx i3 = vertex(ImVec2(a.x - nx - ex, a.y - ny - ey), c);
        triangle(i0, i1, i2), triangle(i0, i2, i3);
    }
    void disc(ImVec2 centre, float radius, ImU32 c) {
        reserve(kDotSegments + 1);
        const ImDrawIdx middle = vertex(centre, c);
        for (int k = 0; k < kDotSegments; ++k) {
            const float a = 2 * IM_PI * static_cast<float>(k) / kDotSegments;
            vertex(ImVec2(centre.x + std::cos(a) * radius, centre.y + std::sin(a) * radius), c);
        }
        for (int k = 0; k < kDotSegments; ++k)
            triangle(middle, static_cast<ImDrawIdx>(middle + 1 + k),
                     static_cast<ImDrawIdx>(middle + 1 + (k + 1) % kDotSegments));
    }
    ImVec2 uv;
    std::vector<std::uint32_t> index_starts;

  private:
    std::vector<ImDrawVert>& v_;
    std::vector<ImDrawIdx>& i_;
    std::vector<std::uint32_t>& starts_;
};

// Whether a segment or triangle with these corners can reach into the frame.
bool outside(const ImRect& frame, std::initializer_list<ImVec2> corners) {
    bool left = true, right = true, above = true, below = true;
    for (const ImVec2& p : corners) {
        left = left && p.x < frame.Min.x, right = right && p.x > frame.Max.x;
        above = above && p.y < frame.Min.y, below = below && p.y > frame.Max.y;
    }
    return left || right || above || below;
}

// The land as runs of whole pixels, row by row: a triangle covers the pixels whose centres it
// covers (the rasteriser's rule), marked in a bitmap of the area, whose runs of set bits are
// filled as rectangles. They cost the software renderer a fraction of what the triangles would,
// whose bounding boxes it scans pixel by pixel. `cover` is the bitmap, kept between builds.
void land_spans(const std::vector<ImVec2>& corners, const std::vector<std::uint16_t>& triangles,
                const ImRect& area, std::vector<std::uint64_t>& cover, MeshWriter& mesh,
                ImU32 colour) {
    const int top = static_cast<int>(std::floor(area.Min.y));
    const int rows = std::max(0, static_cast<int>(std::ceil(area.Max.y)) - top);
    const float min_x = std::floor(area.Min.x);
    const int columns = std::max(0, static_cast<int>(std::ceil(area.Max.x) - min_x));
    const std::size_t words = (static_cast<std::size_t>(columns) + 63) / 64;
    cover.assign(words * static_cast<std::size_t>(rows), 0);
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
        const ImVec2 p[3] = {corners[triangles[t]], corners[triangles[t + 1]],
                             corners[triangles[t + 2]]};
        if (std::max({p[0].x, p[1].x, p[2].x}) < min_x ||
            std::min({p[0].x, p[1].x, p[2].x}) > min_x + static_cast<float>(columns))
            continue;
        const float y_min = std::min({p[0].y, p[1].y, p[2].y});
        const float y_max = std::max({p[0].y, p[1].y, p[2].y});
        const int first = std::max(0, static_cast<int>(std::ceil(y_min - 0.5f)) - top);
        const int last = std::min(rows - 1, static_cast<int>(std::ceil(y_max - 0.5f)) - 1 - top);
        for (int row = first; row <= last; ++row) {
            const float y = static_cast<float>(row + top) + 0.5f;
            float x0 = FLT_MAX, x1 = -FLT_MAX;
            for (int e = 0; e < 3; ++e) {
                const ImVec2 a = p[e], b = p[(e + 1) % 3];
                if ((a.y <= y) == (b.y <= y)) continue;  // the row does not cross this edge
                const float x = a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x);
                x0 = std::min(x0, x), x1 = std::max(x1, x);
            }
            const int left = std::max(0, static_cast<int>(std::ceil(x0 - 0.5f - min_x)));
            const int right = std::min(columns, static_cast<int>(std::ceil(x1 - 0.5f - min_x)));
            if (right <= left) continue;
            std::uint64_t* line = cover.data() + static_cast<std::size_t>(row) * words;
            const int lw = left / 64, rw = (right - 1) / 64;
            const std::uint64_t lmask = ~std::uint64_t{0} << (left % 64);
            const std::uint64_t rmask = ~std::uint64_t{0} >> (63 - (right - 1) % 64);
            if (lw == rw) {
                line[lw] |= lmask & rmask;
                continue;
            }
            line[lw] |= lmask;
            for (int w = lw + 1; w < rw; ++w)
                line[w] = ~std::uint64_t{0};
            line[rw] |= rmask;
        }
    }
    for (int row = 0; row < rows; ++row) {
        const std::uint64_t* line = cover.data() + static_cast<std::size_t>(row) * words;
        const float y = static_cast<float>(row + top);
        int x = 0;
        while (x < columns) {
            // The next set bit, then the next clear one after it.
            std::size_t w = static_cast<std::size_t>(x) / 64;
            std::uint64_t bits = line[w] & (~std::uint64_t{0} << (x % 64));
            while (!bits && ++w < words)
                bits = line[w];
            if (!bits) break;
            const int start = static_cast<int>(w * 64) + __builtin_ctzll(bits);
            bits = ~line[w] & (~std::uint64_t{0} << (start % 64));
            while (!bits && ++w < words)
                bits = ~line[w];
            const int end =
                bits ? std::min(columns, static_cast<int>(w * 64) + __builtin_ctzll(bits))
                     : columns;
            mesh.rect(min_x + static_cast<float>(start), y, min_x + static_cast<float>(end), y + 1,
                      colour);
            x = end;
        }
    }
}

float dot_radius(float px_per_mm, std::uint32_t partnerships, std::uint32_t most) {
    const float share = most ? std::sqrt(static_cast<float>(partnerships) / most) : 1.0f;
    return px_per_mm * (1.0f + 1.4f * share);
}

}  // namespace

// The cities as a build reads them: where they are, how busy, and how large their names are in
// the body font (measured on the main thread, which owns the fonts).
struct WorldMap::Names {
    std::uint64_t scene = ~std::uint64_t{0};
    const void* font = nullptr;
    float font_size = 0;
    struct City {
        MapPoint at;
        std::uint32_t partnerships = 0;
        ImVec2 text;
        std::string name;
    };
    std::vector<City> cities;
};

struct WorldMap::Mesh {
    struct Chunk {
        std::uint32_t first_vertex, vertices, first_index, indices;
    };
    struct Label {
        ImVec2 dot;  // the city, in the build's screen pixels
        ImVec2 box;  // the label's corner, from the dot
        ImVec2 size;
        std::string name;
        bool strong;
    };
    // What it was built for.
    Key key;
    MapPoint centre;
    float scale = 1;
    ImVec2 origin;
    ImVec2 margin;  // built beyond the frame on each side, for pans
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;  // relative to their chunk's first vertex
    std::vector<Chunk> chunks;
    std::vector<Label> labels;
    std::vector<ImRect> dots;  // each city's dot and its ring, as drawn
    // Kept between builds so that building again allocates nothing: the land's corners on
    // screen and its pixels (see land_spans()).
    std::vector<ImVec2> corners;
    std::vector<std::uint64_t> cover;

    ImVec2 to_screen(MapPoint p) const {
        return ImVec2(origin.x + (p.x - centre.x) * scale, origin.y - (p.y - centre.y) * scale);
    }
};

namespace {

// Everything a build reads, copied or shared read-only, so that it can run on a worker while
// the main thread draws and the visitor changes the filter.
struct BuildInput {
    const WorldShapes* world = nullptr;
    std::shared_ptr<const SceneArcs> arcs;
    std::shared_ptr<const WorldMap::Names> names;
    std::vector<int> highlight;
    float reveal = -1;
    bool labels = true;
    float px_per_mm = 4;
    ImVec2 uv;
    MapColours colours;
};

void build_mesh(const BuildInput& in, WorldMap::Mesh& m) {
    m.vertices.clear(), m.indices.clear(), m.chunks.clear(), m.labels.clear(), m.dots.clear();
    std::vector<std::uint32_t> starts;
    MeshWriter mesh(m.vertices, m.indices, starts);
    mesh.uv = in.uv;
    const MapColours& colours = in.colours;
    auto mm = [&](float millimetres) { return millimetres * in.px_per_mm; };
    const ImRect frame(m.key.x, m.key.y, m.key.x + m.key.w, m.key.y + m.key.h);

    // The coarsest shapes that look right at this scale, over the frame and a margin around it
    // that a pan can bring into view without building again.
    const WorldShapes& world = *in.world;
    const ShapeLevel& shapes = world.level_for(m.scale, kMaxShapeErrorPx);
    const ImRect area(frame.Min.x - m.margin.x, frame.Min.y - m.margin.y, frame.Max.x + m.margin.x,
                      frame.Max.y + m.margin.y);
    m.corners.clear();
    for (const MapPoint& p : shapes.land)
        m.corners.push_back(m.to_screen(p));
    land_spans(m.corners, shapes.triangles, area, m.cover, mesh, colours.land);
    // Borders once the visitor zooms in: at a glance the continents say enough, and the
    // borders' thousands of pieces would cost more than the whole land.
    if (&shapes != &world.levels.front()) {
        const float border_width = std::max(1.0f, mm(0.25f));
        std::uint32_t begin = 0;
        for (const std::uint32_t end : shapes.border_ends) {
            ImVec2 a = m.to_screen(shapes.border_points[begin]);
            for (std::uint32_t i = begin + 1; i < end; ++i) {
                const ImVec2 b = m.to_screen(shapes.border_points[i]);
                if (i + 1 < end && std::abs(b.x - a.x) + std::abs(b.y - a.y) < 3.0f) continue;
                if (!outside(area, {a, b}))
                    mesh.line(a, b, border_width, colours.border, kMaxPiecePx);
                a = b;
            }
            begin = end;
        }
    }

    // Arcs, thin ones first; the busiest ones as far as the ink budget goes (a thousand links
    // drawn whole are a tangle no one reads, and cost a frame each); with `reveal`, only the
    // first of them and part of the next.
    const std::vector<SceneArc>& arcs = in.arcs->arcs;
    const std::vector<MapPoint>& points = in.arcs->points;
    std::size_t first = arcs.size();
    for (float ink = 0; first > 0 && ink < kArcInk * (m.key.w + m.key.h);) {
        const SceneArc& arc = arcs[--first];
        for (std::uint32_t i = 1; i < arc.count; ++i) {
            if (i == arc.split) continue;
            const MapPoint a = points[arc.first + i - 1], b = points[arc.first + i];
            ink += (std::abs(b.x - a.x) + std::abs(b.y - a.y)) * m.scale;
        }
    }
    const float shown = in.reveal < 0 ? static_cast<float>(arcs.size()) : in.reveal;
    const float most = static_cast<float>(std::max(1u, in.arcs->most));
    for (std::size_t n = first; n < arcs.size() && static_cast<float>(n - first) < shown; ++n) {
        const SceneArc& arc = arcs[n];
        const float part = std::min(1.0f, shown - static_cast<float>(n - first));
        const float width =
            mm(0.45f) + mm(1.6f) * std::sqrt(static_cast<float>(arc.partnerships) / most);
        const ImU32 colour = IM_COL32(arc.colour.r, arc.colour.g, arc.colour.b, 255);
        const auto drawn = static_cast<std::uint32_t>(std::ceil(part * (arc.count - 1)));
        ImVec2 a = m.to_screen(points[arc.first]);
        for (std::uint32_t i = 1; i <= drawn; ++i) {
            const ImVec2 b = m.to_screen(points[arc.first + i]);
            if (i != arc.split && !outside(area, {a, b}))
                mesh.line(a, b, width, colour, kMaxPiecePx);
            a = b;
        }
    }

    // Cities with partnerships shown, each on a ring of the land's colour.
    const auto& cities = in.names->cities;
    std::uint32_t busiest = 1;
    for (const WorldMap::Names::City& c : cities)
        busiest = std::max(busiest, c.partnerships);
    for (const WorldMap::Names::City& c : cities) {
        if (c.partnerships == 0) continue;
        const ImVec2 p = m.to_screen(c.at);
        const float r = dot_radius(in.px_per_mm, c.partnerships, busiest);
        if (outside(area, {ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r)})) continue;
        mesh.disc(p, r + mm(0.5f), colours.dot_ring);
        mesh.disc(p, r, colours.dot);
        const float ringed = r + mm(0.5f);
        m.dots.emplace_back(p.x - ringed, p.y - ringed, p.x + ringed, p.y + ringed);
    }
    for (const int i : in.highlight) {
        if (i < 0 || i >= static_cast<int>(cities.size())) continue;
        const WorldMap::Names::City& c = cities[static_cast<std::size_t>(i)];
        const ImVec2 p = m.to_screen(c.at);
        const float r = dot_radius(in.px_per_mm, c.partnerships, busiest);
        mesh.disc(p, r + mm(1.6f), colours.dot_ring);
        mesh.disc(p, r + mm(1.1f), colours.highlight);
        mesh.disc(p, r, colours.dot);
        const float ringed = r + mm(1.6f);
        m.dots.emplace_back(p.x - ringed, p.y - ringed, p.x + ringed, p.y + ringed);
    }
    for (std::size_t c = 0; c < starts.size(); ++c) {
        const std::uint32_t v_end =
            c + 1 < starts.size() ? starts[c + 1] : static_cast<std::uint32_t>(m.vertices.size());
        const std::uint32_t i_end = c + 1 < starts.size()
                                        ? mesh.index_starts[c + 1]
                                        : static_cast<std::uint32_t>(m.indices.size());
        m.chunks.push_back(
            {starts[c], v_end - starts[c], mesh.index_starts[c], i_end - mesh.index_starts[c]});
    }

    // Names where they fit without covering each other or any city's dot: the highlighted
    // cities, then the busiest; to the right of their dot, else to the left, above or below;
    // else not at all (the list beside the map names every city).
    std::vector<int> order(in.highlight);
    if (in.labels) {
        std::vector<int> rest;
        for (std::size_t i = 0; i < cities.size(); ++i)
            if (cities[i].partnerships > 0) rest.push_back(static_cast<int>(i));
        std::stable_sort(rest.begin(), rest.end(), [&](int a, int b) {
            return cities[static_cast<std::size_t>(a)].partnerships >
                   cities[static_cast<std::size_t>(b)].partnerships;
        });
        order.insert(order.end(), rest.begin(), rest.end());
    }
    const float pad = mm(0.8f);
    std::vector<ImRect> taken(m.dots);
    std::vector<int> named;
    for (const int i : order) {
        if (i < 0 || i >= static_cast<int>(cities.size()) || m.labels.size() >= kMaxLabels)
            continue;
        if (std::find(named.begin(), named.end(), i) != named.end()) continue;
        const WorldMap::Names::City& city = cities[static_cast<std::size_t>(i)];
        const ImVec2 p = m.to_screen(city.at);
        const ImVec2 size(city.text.x + 2 * pad, city.text.y + 2 * pad);
        const float gap = dot_radius(in.px_per_mm, city.partnerships, busiest) + mm(1.8f);
        const bool strong =
            std::find(in.highlight.begin(), in.highlight.end(), i) != in.highlight.end();
        const ImVec2 corners[] = {
            ImVec2(p.x + gap, p.y - size.y / 2), ImVec2(p.x - gap - size.x, p.y - size.y / 2),
            ImVec2(p.x - size.x / 2, p.y - gap - size.y), ImVec2(p.x - size.x / 2, p.y + gap)};
        for (const ImVec2& corner : corners) {
            const ImRect box(corner, ImVec2(corner.x + size.x, corner.y + size.y));
            if (!area.Contains(box)) continue;
            if (std::any_of(taken.begin(), taken.end(),
                            [&](const ImRect& r) { return r.Overlaps(box); }))
                continue;
            taken.push_back(box);
            named.push_back(i);
            m.labels.push_back(
                {p, ImVec2(box.Min.x - p.x, box.Min.y - p.y), size, city.name, strong});
            break;
        }
    }
}

void emit(const WorldMap::Mesh& m, ImDrawList* draw, ImVec2 scale, ImVec2 shift) {
    for (const WorldMap::Mesh::Chunk& chunk : m.chunks) {
        if (chunk.indices == 0) continue;
        draw->PrimReserve(static_cast<int>(chunk.indices), static_cast<int>(chunk.vertices));
        const ImDrawVert* from_vertex = m.vertices.data() + chunk.first_vertex;
        for (std::uint32_t k = 0; k < chunk.vertices; ++k) {
            draw->_VtxWritePtr[k] = from_vertex[k];
            draw->_VtxWritePtr[k].pos.x = from_vertex[k].pos.x * scale.x + shift.x;
            draw->_VtxWritePtr[k].pos.y = from_vertex[k].pos.y * scale.y + shift.y;
        }
        const auto base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
        const ImDrawIdx* from = m.indices.data() + chunk.first_index;
        for (std::uint32_t k = 0; k < chunk.indices; ++k)
            draw->_IdxWritePtr[k] = static_cast<ImDrawIdx>(base + from[k]);
        draw->_VtxWritePtr += chunk.vertices;
        draw->_IdxWritePtr += chunk.indices;
        draw->_VtxCurrentIdx += chunk.vertices;
    }
}

}  // namespace

MapPoint MapView::default_centre() {
    return {0.0f, (world_north() + world_south()) / 2};
}

void MapView::zoom_by(float factor) {
    zoom = std::clamp(zoom * factor, 1.0f, kMapMaxZoom);
}

bool WorldMap::Key::operator==(const Key& o) const {
    return x == o.x && y == o.y && w == o.w && h == o.h && zoom == o.zoom && reveal == o.reveal &&
           px_per_mm == o.px_per_mm && font_size == o.font_size && scene == o.scene &&
           highlight == o.highlight && shapes == o.shapes && high_contrast == o.high_contrast &&
           labels == o.labels;
}

WorldMap::WorldMap() : inbox_(std::make_shared<Inbox>()) {}

ImVec2 WorldMap::to_screen(MapPoint p) const {
    return ImVec2(origin_.x + (p.x - centre_.x) * scale_, origin_.y - (p.y - centre_.y) * scale_);
}

ImVec2 WorldMap::city_on_screen(const MapScene& scene, int city) const {
    if (city < 0 || city >= static_cast<int>(scene.cities().size())) return ImVec2(-1, -1);
    return to_screen(scene.cities()[static_cast<std::size_t>(city)].at);
}

int WorldMap::draw(UiContext& ctx, const std::string& id, const WorldShapes& shapes,
                   const MapScene& scene, MapView& view, ImVec2 size, const MapLook& look) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    size.x = std::max(size.x, ctx.mm(kMinTargetMm)),
    size.y = std::max(size.y, ctx.mm(kMinTargetMm));
    ImGui::PushID(id.c_str());
    const bool released = ImGui::InvisibleButton("##map", size);
    // Controls drawn over the map afterwards (zoom) take the touches that land on them.
    ImGui::SetItemAllowOverlap();
    const bool active = ImGui::IsItemActive();
    ImGui::PopID();
    const ImGuiIO& io = ImGui::GetIO();
    const float slop = ctx.mm(kTapSlopMm);
    const bool moved = io.MouseDragMaxDistanceSqr[0] > slop * slop;

    origin_ = ImVec2(min.x + size.x / 2, min.y + size.y / 2);
    if (look.interactive && active && ctx.pinch.active) {
        // Two fingers, the first on the map: the point of the map between them stays between
        // them as they spread, close and move. Their lifting chooses no city.
        pinched_ = true;
        const core::PinchFrame& pinch = ctx.pinch;
        const float before = fit_scale(size) * view.zoom;
        const MapPoint held{view.centre.x + (pinch.centre.x - pinch.shift.x - origin_.x) / before,
                            view.centre.y - (pinch.centre.y - pinch.shift.y - origin_.y) / before};
        view.zoom = std::clamp(view.zoom * pinch.scale, 1.0f, kMapMaxZoom);
        const float after = fit_scale(size) * view.zoom;
        view.centre = {held.x - (pinch.centre.x - origin_.x) / after,
                       held.y + (pinch.centre.y - origin_.y) / after};
    }
    scale_ = fit_scale(size) * view.zoom;
    if (look.interactive && active && moved && !pinched_) {
        dragging_ = true;
        view.centre.x -= io.MouseDelta.x / scale_;
        view.centre.y += io.MouseDelta.y / scale_;
    }
    dragging_ = active && (dragging_ || pinched_);
    view.centre = clamp_centre(view.centre, size, scale_);
    centre_ = view.centre;

    int tapped = -1;
    if (look.interactive && released && !moved && !pinched_) {
        const MapPoint at{centre_.x + (io.MousePos.x - origin_.x) / scale_,
                          centre_.y - (io.MousePos.y - origin_.y) / scale_};
        tapped = scene.nearest_city(at, ctx.mm(kFingerRadiusMm) / scale_);
    }
    if (!active) pinched_ = false;

    Key key;
    key.x = min.x, key.y = min.y, key.w = size.x, key.h = size.y;
    key.zoom = view.zoom, key.reveal = look.reveal;
    key.px_per_mm = ctx.px_per_mm, key.font_size = ctx.fonts.body->FontSize;
    key.scene = scene.version(), key.shapes = &shapes;
    key.high_contrast = high_contrast_in_use(), key.labels = look.labels;
    for (const int i : look.highlight)
        key.highlight = key.highlight * 31 + static_cast<std::size_t>(i) + 1;

    // A build the worker finished since the last frame: drawn from now on.
    if (inbox_->arrived) {
        spare_ = std::move(shown_);
        shown_ = std::move(inbox_->arrived);
        inbox_->building = false;
    }
    // Where the last build's pixels are now: a pan moves them, a zoom scales them too. In whole
    // pixels when only moved: the land's runs stay on whole rows, which the renderer fills
    // exactly.
    ImVec2 scale(1, 1), shift(0, 0);
    bool stale = true;
    if (shown_) {
        const Mesh& m = *shown_;
        const float k = scale_ / m.scale;
        scale = ImVec2(k, k);
        shift = ImVec2(origin_.x + (m.centre.x - centre_.x) * scale_ - m.origin.x * k,
                       origin_.y - (m.centre.y - centre_.y) * scale_ - m.origin.y * k);
        const ImVec2 offset(shift.x + m.origin.x * (k - 1), shift.y + m.origin.y * (k - 1));
        stale = !(m.key == key) || std::abs(offset.x) > m.margin.x / 2 ||
                std::abs(offset.y) > m.margin.y / 2;
        if (k == 1) shift = ImVec2(std::round(shift.x), std::round(shift.y));
    }
    current_ = !stale;
    if (stale && !inbox_->building) {
        // The cities' places and names' sizes, measured again when the scene or font changes.
        if (!names_ || names_->scene != scene.version() || names_->font != ctx.fonts.body ||
            names_->font_size != ctx.fonts.body->FontSize) {
            auto names = std::make_shared<Names>();
            names->scene = scene.version();
            names->font = ctx.fonts.body;
            names->font_size = ctx.fonts.body->FontSize;
            ImFont* font = ctx.fonts.body;
            for (const SceneCity& c : scene.cities()) {
                const bool named = c.partnerships > 0 || !look.highlight.empty();
                // As the fonts draw it (shaped, in visual order), measured here on the main
                // thread: the worker only places the boxes.
                const std::string& text = named ? shown(ctx.fonts, c.city.name) : std::string();
                names->cities.push_back(
                    {c.at, c.partnerships,
                     named ? font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str())
                           : ImVec2(0, 0),
                     text});
            }
            names_ = std::move(names);
        }
        std::shared_ptr<Mesh> mesh = spare_ ? std::move(spare_) : std::make_shared<Mesh>();
        mesh->key = key;
        mesh->centre = centre_;
        mesh->scale = scale_;
        mesh->origin = origin_;
        // Built beyond the frame, so that a pan only moves it: built again when the pan nears
        // the edge of the margin. Every frame copies and the renderer clips what lies in the
        // margin, so a worker, which can build again without holding up a frame, keeps it
        // narrow.
        const bool background = look.background && ctx.map_worker && ctx.main_thread;
        const float margin = background ? 0.125f : 0.5f;
        mesh->margin = look.interactive && view.zoom > 1 ? ImVec2(size.x * margin, size.y * margin)
                                                         : ImVec2(0, 0);
        BuildInput in;
        in.world = &shapes;
        in.arcs = scene.shared_arcs();
        in.names = names_;
        in.highlight = look.highlight;
        in.reveal = look.reveal;
        in.labels = look.labels;
        in.px_per_mm = ctx.px_per_mm;
        in.uv = ImGui::GetDrawListSharedData()->TexUvWhitePixel;
        in.colours = map_colours();
        ++builds_;
        if (background) {
            inbox_->building = true;
            core::MainThreadQueue* main_thread = ctx.main_thread;
            std::weak_ptr<Inbox> inbox = inbox_;
            ctx.map_worker->post([in = std::move(in), mesh, main_thread, inbox]() mutable {
                build_mesh(in, *mesh);
                main_thread->post([inbox, mesh]() mutable {
                    if (auto box = inbox.lock()) box->arrived = std::move(mesh);
                });
            });
        } else {
            build_mesh(in, *mesh);
            spare_ = std::move(shown_);
            shown_ = std::move(mesh);
            scale = ImVec2(1, 1), shift = ImVec2(0, 0);
            current_ = true;
        }
    } else if (!stale && spare_) {
        // Nothing to build: the spare buffer (megabytes at 10,000 partnerships) waits for no
        // one. Freed on the worker when there is one: its thousands of pieces would take the
        // frame's time. Issue #16: memory after browsing.
        if (look.background && ctx.map_worker)
            ctx.map_worker->post([unused = std::move(spare_)] {});
        spare_.reset();
    }

    const MapColours colours = map_colours();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    draw->PushClipRect(min, max, true);
    draw->AddRectFilled(min, max, colours.sea);
    if (shown_) {
        // No texture: SDL's software renderer then fills the triangles instead of sampling the
        // font atlas's white pixel for each of their pixels.
        draw->PushTextureID(ImTextureID{});
        emit(*shown_, draw, scale, shift);
        draw->PopTextureID();
        ImFont* font = ctx.fonts.body;
        const float pad = ctx.mm(0.8f);
        for (const Mesh::Label& label : shown_->labels) {
            const ImVec2 at(label.dot.x * scale.x + shift.x + label.box.x,
                            label.dot.y * scale.y + shift.y + label.box.y);
            const ImVec2 end(at.x + label.size.x, at.y + label.size.y);
            draw->AddRectFilled(at, end, label.strong ? colours.dot_ring : colours.label_back,
                                ctx.mm(1.0f));
            if (label.strong)
                draw->AddRect(at, end, colours.highlight, ctx.mm(1.0f), 0, ctx.mm(0.4f));
            draw->AddText(font, font->FontSize, ImVec2(at.x + pad, at.y + pad), colours.label,
                          label.name.c_str());
            // In the frame's report, so that checks can measure where the names went; not for
            // spoken mode, which reads the screen's list of cities.
            if (!ctx.spoken && ImRect(min, max).Overlaps(ImRect(at, end))) {
                ctx.report.items.push_back({core::VisibleItem::Kind::text,
                                            id + "/label",
                                            label.name,
                                            {at.x, at.y, label.size.x, label.size.y}});
            }
        }
        // The dots too, unnamed (spoken mode passes over them), for the same checks.
        if (!ctx.spoken && look.labels) {
            for (const ImRect& dot : shown_->dots) {
                const ImVec2 a(dot.Min.x * scale.x + shift.x, dot.Min.y * scale.y + shift.y);
                const ImVec2 b(dot.Max.x * scale.x + shift.x, dot.Max.y * scale.y + shift.y);
                if (!ImRect(min, max).Overlaps(ImRect(a, b))) continue;
                ctx.report.items.push_back({core::VisibleItem::Kind::text,
                                            id + "/dot",
                                            "",
                                            {a.x, a.y, b.x - a.x, b.y - a.y}});
            }
        }
    }
    draw->PopClipRect();

    // For spoken mode the map is a description, not a control: a blind visitor reaches the
    // cities through the screen's list of them.
    core::VisibleItem item;
    item.kind = core::VisibleItem::Kind::text;
    item.id = id;
    item.label = look.label;
    item.detail = look.detail;
    RecordItem(ctx, std::move(item));
    if (look.interactive) {
        // Where each city can be tapped, for headless scripts and checks: unlabelled, so spoken
        // mode passes over them (it reads the screen's list of cities instead).
        const float reach = ctx.mm(kFingerRadiusMm);
        for (const SceneCity& city : scene.cities()) {
            if (city.partnerships == 0) continue;
            const ImVec2 p = to_screen(city.at);
            if (p.x < min.x || p.y < min.y || p.x > min.x + size.x || p.y > min.y + size.y)
                continue;
            core::VisibleItem dot;
            dot.kind = core::VisibleItem::Kind::control;
            dot.id = id + "/city/" + std::to_string(city.city.id);
            dot.rect = {p.x - reach, p.y - reach, 2 * reach, 2 * reach};
            ctx.report.items.push_back(std::move(dot));
        }
    }
    return tapped;
}

void draw_mini_map(UiContext& ctx, const std::string& id, WorldMap& map, const WorldShapes& shapes,
                   const MapScene& scene, ImVec2 size, const std::string& label) {
    // Frames the cities and their arcs (one over the pole rises far above both ends) with room
    // around them for the names, no closer than a region.
    MapLook look;
    look.interactive = false;
    look.labels = false;
    look.label = label;
    for (const SceneCity& city : scene.cities())
        look.detail += (look.detail.empty() ? "" : " · ") + city.city.label;
    float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
    auto take = [&](MapPoint p) {
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y),
        y1 = std::max(y1, p.y);
    };
    for (std::size_t i = 0; i < scene.cities().size(); ++i) {
        take(scene.cities()[i].at);
        look.highlight.push_back(static_cast<int>(i));
    }
    for (const MapPoint& p : scene.points())
        take(p);
    MapView view;
    if (!scene.cities().empty()) {
        const float margin = 0.25f;
        const float w = std::max(x1 - x0, 0.3f) + 2 * margin;
        const float h = std::max(y1 - y0, 0.15f) + 2 * margin;
        const float fit = std::min(size.x / w, size.y / h);
        view.zoom = std::clamp(fit / fit_scale(size), 1.0f, kMiniMaxZoom);
        view.centre = {(x0 + x1) / 2, (y0 + y1) / 2};
    }
    map.draw(ctx, id, shapes, scene, view, size, look);
}

}  // namespace plaza::ui
