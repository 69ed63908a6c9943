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
constexpr int kDotSegments = 12;
constexpr std::size_t kMaxLabels = 60;
constexpr float kMiniMaxZoom = 6.0f;

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

// Keeps the centre where the frame shows no more than the world (and the world in the middle
// when the whole of it fits).
MapPoint clamp_centre(MapPoint centre, ImVec2 size, float scale) {
    const float half_x = size.x / 2 / scale, half_y = size.y / 2 / scale;
    const float south = world_south(), north = world_north();
    centre.x = half_x >= kMapHalfWidth
                   ? 0.0f
                   : std::clamp(centre.x, -kMapHalfWidth + half_x, kMapHalfWidth - half_x);
    centre.y = half_y >= (north - south) / 2 ? (north + south) / 2
                                             : std::clamp(centre.y, south + half_y, north - half_y);
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

float dot_radius(const UiContext& ctx, std::uint32_t partnerships, std::uint32_t most) {
    const float share = most ? std::sqrt(static_cast<float>(partnerships) / most) : 1.0f;
    return ctx.mm(1.0f) + ctx.mm(1.4f) * share;
}

}  // namespace

MapPoint MapView::default_centre() {
    return {0.0f, (world_north() + world_south()) / 2};
}

void MapView::zoom_by(float factor) {
    zoom = std::clamp(zoom * factor, 1.0f, kMapMaxZoom);
}

bool WorldMap::Key::operator==(const Key& o) const {
    return x == o.x && y == o.y && w == o.w && h == o.h && centre.x == o.centre.x &&
           centre.y == o.centre.y && zoom == o.zoom && reveal == o.reveal &&
           px_per_mm == o.px_per_mm && font_size == o.font_size && scene == o.scene &&
           highlight == o.highlight && shapes == o.shapes && high_contrast == o.high_contrast &&
           labels == o.labels;
}

ImVec2 WorldMap::to_screen(MapPoint p) const {
    return ImVec2(origin_.x + (p.x - centre_.x) * scale_, origin_.y - (p.y - centre_.y) * scale_);
}

ImVec2 WorldMap::city_on_screen(const MapScene& scene, int city) const {
    if (city < 0 || city >= static_cast<int>(scene.cities().size())) return ImVec2(-1, -1);
    return to_screen(scene.cities()[static_cast<std::size_t>(city)].at);
}

void WorldMap::build(const UiContext& ctx, const WorldShapes& shapes, const MapScene& scene,
                     const MapLook& look) {
    ++builds_;
    vertices_.clear(), indices_.clear(), chunks_.clear(), labels_.clear();
    std::vector<std::uint32_t> starts;
    MeshWriter mesh(vertices_, indices_, starts);
    mesh.uv = ImGui::GetDrawListSharedData()->TexUvWhitePixel;
    const MapColours colours = map_colours();
    const ImRect frame(key_.x, key_.y, key_.x + key_.w, key_.y + key_.h);

    // Land: every corner once, then the triangles that reach into the frame.
    mesh.reserve(shapes.land.size());
    const std::size_t land_base = vertices_.size();
    for (const MapPoint& p : shapes.land)
        mesh.vertex(to_screen(p), colours.land);
    for (std::size_t t = 0; t + 2 < shapes.triangles.size(); t += 3) {
        const ImVec2& a = vertices_[land_base + shapes.triangles[t]].pos;
        const ImVec2& b = vertices_[land_base + shapes.triangles[t + 1]].pos;
        const ImVec2& c = vertices_[land_base + shapes.triangles[t + 2]].pos;
        if (outside(frame, {a, b, c})) continue;
        mesh.triangle(shapes.triangles[t], shapes.triangles[t + 1], shapes.triangles[t + 2]);
    }
    const float border_width = std::max(1.0f, ctx.mm(0.25f));
    std::uint32_t begin = 0;
    for (const std::uint32_t end : shapes.border_ends) {
        for (std::uint32_t i = begin + 1; i < end; ++i) {
            const ImVec2 a = to_screen(shapes.border_points[i - 1]);
            const ImVec2 b = to_screen(shapes.border_points[i]);
            if (!outside(frame, {a, b})) mesh.segment(a, b, border_width, colours.border);
        }
        begin = end;
    }

    // Arcs, thin ones first; with `reveal`, only the first ones and part of the next.
    const std::vector<SceneArc>& arcs = scene.arcs();
    const float shown = look.reveal < 0 ? static_cast<float>(arcs.size()) : look.reveal;
    const float most = static_cast<float>(std::max(1u, scene.most_partnerships()));
    for (std::size_t n = 0; n < arcs.size() && static_cast<float>(n) < shown; ++n) {
        const SceneArc& arc = arcs[n];
        const float part = std::min(1.0f, shown - static_cast<float>(n));
        const float width =
            ctx.mm(0.45f) + ctx.mm(1.6f) * std::sqrt(static_cast<float>(arc.partnerships) / most);
        const ImU32 colour =
            with_alpha(IM_COL32(arc.colour.r, arc.colour.g, arc.colour.b, 255), 230);
        const std::uint32_t segments = arc.count - 1;
        const auto drawn = static_cast<std::uint32_t>(std::ceil(part * segments));
        for (std::uint32_t i = 1; i <= drawn; ++i) {
            if (arc.split && i == arc.split) continue;  // the jump between the map's edges
            const ImVec2 a = to_screen(scene.points()[arc.first + i - 1]);
            const ImVec2 b = to_screen(scene.points()[arc.first + i]);
            if (!outside(frame, {a, b})) mesh.segment(a, b, width, colour);
        }
    }

    // Cities with partnerships shown, each on a ring of the land's colour.
    std::uint32_t busiest = 1;
    for (const SceneCity& c : scene.cities())
        busiest = std::max(busiest, c.partnerships);
    const auto& cities = scene.cities();
    for (std::size_t i = 0; i < cities.size(); ++i) {
        if (cities[i].partnerships == 0) continue;
        const ImVec2 p = to_screen(cities[i].at);
        const float r = dot_radius(ctx, cities[i].partnerships, busiest);
        if (outside(frame, {ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r)})) continue;
        mesh.disc(p, r + ctx.mm(0.5f), colours.dot_ring);
        mesh.disc(p, r, colours.dot);
    }
    for (const int i : look.highlight) {
        if (i < 0 || i >= static_cast<int>(cities.size())) continue;
        const ImVec2 p = to_screen(cities[static_cast<std::size_t>(i)].at);
        const float r = dot_radius(ctx, cities[static_cast<std::size_t>(i)].partnerships, busiest);
        mesh.disc(p, r + ctx.mm(1.6f), colours.dot_ring);
        mesh.disc(p, r + ctx.mm(1.1f), colours.highlight);
        mesh.disc(p, r, colours.dot);
    }
    for (std::size_t c = 0; c < starts.size(); ++c) {
        const std::uint32_t v_end =
            c + 1 < starts.size() ? starts[c + 1] : static_cast<std::uint32_t>(vertices_.size());
        const std::uint32_t i_end = c + 1 < starts.size()
                                        ? mesh.index_starts[c + 1]
                                        : static_cast<std::uint32_t>(indices_.size());
        chunks_.push_back(
            {starts[c], v_end - starts[c], mesh.index_starts[c], i_end - mesh.index_starts[c]});
    }

    // Names where they fit without covering each other: the highlighted cities, then the
    // busiest, to the right of their dot or else to the left.
    std::vector<int> order(look.highlight);
    if (look.labels) {
        std::vector<int> rest;
        for (std::size_t i = 0; i < cities.size(); ++i)
            if (cities[i].partnerships > 0) rest.push_back(static_cast<int>(i));
        std::stable_sort(rest.begin(), rest.end(), [&](int a, int b) {
            return cities[static_cast<std::size_t>(a)].partnerships >
                   cities[static_cast<std::size_t>(b)].partnerships;
        });
        order.insert(order.end(), rest.begin(), rest.end());
    }
    ImFont* font = ctx.fonts.body;
    const float pad = ctx.mm(0.8f);
    std::vector<ImRect> taken;
    for (const int i : order) {
        if (i < 0 || i >= static_cast<int>(cities.size()) || labels_.size() >= kMaxLabels) continue;
        if (std::any_of(labels_.begin(), labels_.end(),
                        [&](const Label& l) { return l.city == i; }))
            continue;
        const SceneCity& city = cities[static_cast<std::size_t>(i)];
        const ImVec2 p = to_screen(city.at);
        const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, city.city.name.c_str());
        const float gap = dot_radius(ctx, city.partnerships, busiest) + ctx.mm(1.8f);
        const bool strong =
            std::find(look.highlight.begin(), look.highlight.end(), i) != look.highlight.end();
        for (const float side : {1.0f, -1.0f}) {
            const float left = side > 0 ? p.x + gap : p.x - gap - text.x - 2 * pad;
            const ImRect box(left, p.y - text.y / 2 - pad, left + text.x + 2 * pad,
                             p.y + text.y / 2 + pad);
            if (!frame.Contains(box)) continue;
            if (std::any_of(taken.begin(), taken.end(),
                            [&](const ImRect& r) { return r.Overlaps(box); }))
                continue;
            taken.push_back(box);
            labels_.push_back({box.Min, i, strong});
            break;
        }
    }
}

void WorldMap::emit(ImDrawList* draw) const {
    for (const Chunk& chunk : chunks_) {
        if (chunk.indices == 0) continue;
        draw->PrimReserve(static_cast<int>(chunk.indices), static_cast<int>(chunk.vertices));
        std::memcpy(draw->_VtxWritePtr, vertices_.data() + chunk.first_vertex,
                    chunk.vertices * sizeof(ImDrawVert));
        const auto base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
        const ImDrawIdx* from = indices_.data() + chunk.first_index;
        for (std::uint32_t k = 0; k < chunk.indices; ++k)
            draw->_IdxWritePtr[k] = static_cast<ImDrawIdx>(base + from[k]);
        draw->_VtxWritePtr += chunk.vertices;
        draw->_IdxWritePtr += chunk.indices;
        draw->_VtxCurrentIdx += chunk.vertices;
    }
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

    scale_ = fit_scale(size) * view.zoom;
    origin_ = ImVec2(min.x + size.x / 2, min.y + size.y / 2);
    if (look.interactive && active && moved) {
        dragging_ = true;
        view.centre.x -= io.MouseDelta.x / scale_;
        view.centre.y += io.MouseDelta.y / scale_;
    }
    if (!active) dragging_ = false;
    view.centre = clamp_centre(view.centre, size, scale_);
    centre_ = view.centre;

    int tapped = -1;
    if (look.interactive && released && !moved) {
        const MapPoint at{centre_.x + (io.MousePos.x - origin_.x) / scale_,
                          centre_.y - (io.MousePos.y - origin_.y) / scale_};
        tapped = scene.nearest_city(at, ctx.mm(kFingerRadiusMm) / scale_);
    }

    Key key;
    key.x = min.x, key.y = min.y, key.w = size.x, key.h = size.y;
    key.centre = centre_, key.zoom = view.zoom, key.reveal = look.reveal;
    key.px_per_mm = ctx.px_per_mm, key.font_size = ctx.fonts.body->FontSize;
    key.scene = scene.version(), key.shapes = &shapes;
    key.high_contrast = high_contrast_in_use(), key.labels = look.labels;
    for (const int i : look.highlight)
        key.highlight = key.highlight * 31 + static_cast<std::size_t>(i) + 1;
    if (!(key == key_)) {
        key_ = key;
        build(ctx, shapes, scene, look);
    }

    const MapColours colours = map_colours();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    draw->PushClipRect(min, max, true);
    draw->AddRectFilled(min, max, colours.sea);
    // No texture: SDL's software renderer fills untextured triangles without sampling one.
    draw->PushTextureID(ImTextureID{});
    emit(draw);
    draw->PopTextureID();
    ImFont* font = ctx.fonts.body;
    const float pad = ctx.mm(0.8f);
    for (const Label& label : labels_) {
        const std::string& name = scene.cities()[static_cast<std::size_t>(label.city)].city.name;
        const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, name.c_str());
        const ImVec2 end(label.at.x + text.x + 2 * pad, label.at.y + text.y + 2 * pad);
        draw->AddRectFilled(label.at, end, label.strong ? colours.dot_ring : colours.label_back,
                            ctx.mm(1.0f));
        if (label.strong)
            draw->AddRect(label.at, end, colours.highlight, ctx.mm(1.0f), 0, ctx.mm(0.4f));
        draw->AddText(font, font->FontSize, ImVec2(label.at.x + pad, label.at.y + pad),
                      colours.label, name.c_str());
    }
    draw->PopClipRect();

    core::VisibleItem item;
    item.kind = core::VisibleItem::Kind::control;
    item.id = id;
    item.label = look.label;
    item.detail = look.detail;
    RecordItem(ctx, std::move(item));
    return tapped;
}

void draw_mini_map(UiContext& ctx, const std::string& id, WorldMap& map, const WorldShapes& shapes,
                   const MapScene& scene, ImVec2 size, const std::string& label) {
    // Frames the cities with room around them for their names, no closer than a region.
    MapLook look;
    look.interactive = false;
    look.labels = false;
    look.label = label;
    float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
    for (std::size_t i = 0; i < scene.cities().size(); ++i) {
        const MapPoint p = scene.cities()[i].at;
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y),
        y1 = std::max(y1, p.y);
        look.highlight.push_back(static_cast<int>(i));
    }
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
