// SPDX-License-Identifier: GPL-3.0-or-later
// The world map: the Equal Earth projection, great circles, the shipped shapes and what a
// damaged copy of them gets, partnerships bundled into arcs per pair of cities, and the widget
// building its vertices only when what they depend on changes and choosing the city tapped.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "core/background_worker.h"
#include "imgui_harness.h"
#include "ui/widgets/world_map.h"
#include "ui/widgets/world_map_model.h"

namespace {

using namespace plaza::ui;

const std::string kAsset = std::string(PLAZA_SOURCE_DIR) + "/assets/map/world_110m.bin";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

plaza::content::MapCity city(std::int64_t id, std::string name, double lat, double lon) {
    plaza::content::MapCity c;
    c.id = id;
    c.name = name;
    c.label = name;
    c.latitude = lat;
    c.longitude = lon;
    return c;
}

plaza::content::PartnershipCard card(std::int64_t id, std::vector<std::int64_t> cities,
                                     std::uint8_t red) {
    plaza::content::PartnershipCard c;
    c.id = id;
    c.city_ids = std::move(cities);
    c.colour = {red, 0, 0};
    return c;
}

// Gent, Đà Nẵng, Dakar and Montréal; Gent works with Đà Nẵng twice and with Dakar once.
const std::vector<plaza::content::MapCity> kCities = {
    city(1, "Gent", 51.05, 3.72), city(2, "Đà Nẵng", 16.05, 108.2), city(3, "Dakar", 14.69, -17.44),
    city(4, "Montréal", 45.5, -73.57)};
const std::vector<plaza::content::PartnershipCard> kCards = {
    card(10, {1, 2}, 200), card(11, {2, 1}, 200), card(12, {1, 3}, 50)};

// The shipped shapes and the four cities on a map 1000x600 in a 1280x800 window.
struct MapFixture {
    plaza::core::Result<WorldShapes> shapes = load_world_shapes(kAsset);
    MapScene scene;
    plaza::test::ImGuiHarness ui{ImVec2(1280, 800)};
    WorldMap map;
    MapView view;
    MapLook look;
    MapFixture() {
        scene.set_cities(kCities);
        scene.set_partnerships(kCards);
    }
};

}  // namespace

TEST_CASE("Equal Earth: the equator's ends and the poles are the map's extent") {
    CHECK(project(0, 0).x == doctest::Approx(0));
    CHECK(project(0, 0).y == doctest::Approx(0));
    CHECK(project(0, 180).x == doctest::Approx(kMapHalfWidth).epsilon(1e-4));
    CHECK(project(0, -180).x == doctest::Approx(-kMapHalfWidth).epsilon(1e-4));
    CHECK(project(90, 0).y == doctest::Approx(kMapHalfHeight).epsilon(1e-4));
    CHECK(project(-90, 0).y == doctest::Approx(-kMapHalfHeight).epsilon(1e-4));
    CHECK(project(10, 20).x > 0);  // east
    CHECK(project(10, 20).y > 0);  // north
    CHECK(angular_distance(0, 0, 0, 90) == doctest::Approx(90));
}

TEST_CASE("a great circle across the 180th meridian leaves one edge and comes back at the other") {
    // Tokyo to San Francisco: the shorter way is over the Pacific.
    const GeoLine pacific = great_circle(35.68, 139.69, 37.77, -122.42);
    REQUIRE(pacific.starts.size() == 2);
    const std::size_t second = pacific.starts[1];
    const MapPoint east = pacific.points[second - 1], west = pacific.points[second];
    CHECK(east.x > 0);
    CHECK(west.x == doctest::Approx(-east.x));
    CHECK(west.y == doctest::Approx(east.y));
    for (const MapPoint& p : pacific.points)
        CHECK(std::abs(p.x) <= east.x + 1e-5f);  // nothing beyond the edge

    // Gent to Dakar stays one line, from one city to the other.
    const GeoLine atlantic = great_circle(51.05, 3.72, 14.69, -17.44);
    CHECK(atlantic.starts.size() == 1);
    CHECK(atlantic.points.front().y == doctest::Approx(project(51.05, 3.72).y));
    CHECK(atlantic.points.back().x == doctest::Approx(project(14.69, -17.44).x));

    // Montréal to Chengdu, nearly opposite in longitude, goes over the Arctic.
    const GeoLine arctic = great_circle(45.5, -73.57, 30.66, 104.06);
    float top = -kMapHalfHeight;
    for (const MapPoint& p : arctic.points)
        top = std::max(top, p.y);
    CHECK(top > project(84, 0).y);
}

TEST_CASE("the shipped world map is whole: triangles and borders within their points") {
    const auto shapes = load_world_shapes(kAsset);
    REQUIRE_MESSAGE(shapes.ok(), shapes.error());
    REQUIRE(shapes->levels.size() >= 2);
    for (const ShapeLevel& level : shapes->levels) {
        CHECK(level.triangles.size() % 3 == 0);
        CHECK(level.triangles.size() > 1000);
        CHECK(std::all_of(level.triangles.begin(), level.triangles.end(),
                          [&](std::uint16_t i) { return i < level.land.size(); }));
        REQUIRE(!level.border_ends.empty());
        CHECK(std::is_sorted(level.border_ends.begin(), level.border_ends.end()));
        CHECK(level.border_ends.back() == level.border_points.size());
    }
    // The coarsest first: it strays further and has fewer points.
    const ShapeLevel& coarse = shapes->levels.front();
    const ShapeLevel& full = shapes->levels.back();
    CHECK(coarse.tolerance > full.tolerance);
    CHECK(coarse.land.size() < full.land.size());
    CHECK(&shapes->level_for(50.0f, 2.5f) == &coarse);
    CHECK(&shapes->level_for(1e6f, 2.5f) == &full);
}

TEST_CASE("a damaged world map is refused, naming the file and what is wrong") {
    const std::string bytes = read_all(kAsset);
    REQUIRE(bytes.size() > 1000);

    const auto other = parse_world_shapes(
        "PNG and then some bytes that are not a map at all "
        "but long enough to have a header",
        "other.bin");
    REQUIRE_FALSE(other.ok());
    CHECK(other.error() == "other.bin: not a usable world map: it does not start with PLZWMAP1");

    const auto cut = parse_world_shapes(bytes.substr(0, bytes.size() / 2), "cut.bin");
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().rfind("cut.bin: not a usable world map: ", 0) == 0);

    std::string flipped = bytes;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
    const auto changed = parse_world_shapes(flipped, "changed.bin");
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().rfind("changed.bin: not a usable world map: ", 0) == 0);

    const auto missing = load_world_shapes(kAsset + ".missing");
    CHECK_FALSE(missing.ok());
}

TEST_CASE("partnerships between the same two cities are one arc, as wide as they are many") {
    MapScene scene;
    scene.set_cities(kCities);
    const std::uint64_t empty = scene.version();
    scene.set_partnerships(kCards);
    CHECK(scene.version() != empty);
    REQUIRE(scene.arcs().size() == 2);
    CHECK(scene.most_partnerships() == 2);
    const int gent = scene.city_index(1), danang = scene.city_index(2), dakar = scene.city_index(3);
    const int montreal = scene.city_index(4);
    CHECK(scene.city_index(99) == -1);
    CHECK(scene.cities()[static_cast<std::size_t>(gent)].partnerships == 3);
    CHECK(scene.cities()[static_cast<std::size_t>(danang)].partnerships == 2);
    CHECK(scene.cities()[static_cast<std::size_t>(dakar)].partnerships == 1);
    CHECK(scene.cities()[static_cast<std::size_t>(montreal)].partnerships == 0);
    for (const SceneArc& arc : scene.arcs()) {
        const bool pair = (static_cast<int>(arc.a) == gent && static_cast<int>(arc.b) == danang) ||
                          (static_cast<int>(arc.a) == danang && static_cast<int>(arc.b) == gent);
        CHECK(arc.partnerships == (pair ? 2u : 1u));
        CHECK(arc.colour.r == (pair ? 200 : 50));
        CHECK(arc.count >= 2);
        CHECK(arc.first + arc.count <= scene.points().size());
    }

    // Only the partnership with Dakar shown: Đà Nẵng has none, and a tap near it chooses nothing.
    const std::vector<std::size_t> shown = {2};
    scene.set_partnerships(kCards, &shown);
    REQUIRE(scene.arcs().size() == 1);
    CHECK(scene.cities()[static_cast<std::size_t>(danang)].partnerships == 0);
    const MapPoint at_danang = scene.cities()[static_cast<std::size_t>(danang)].at;
    CHECK(scene.nearest_city(at_danang, 0.05f) == -1);
    const MapPoint at_dakar = scene.cities()[static_cast<std::size_t>(dakar)].at;
    CHECK(scene.nearest_city({at_dakar.x + 0.01f, at_dakar.y}, 0.05f) == dakar);
}

TEST_CASE_FIXTURE(MapFixture, "the map builds its vertices only when what they depend on changes") {
    REQUIRE_MESSAGE(shapes.ok(), shapes.error());
    look.label = "World map";
    int tapped = -1;
    auto draw = [&](UiContext& ctx) {
        const int t = map.draw(ctx, "map", shapes.value(), scene, view, ImVec2(1000, 600), look);
        if (t >= 0) tapped = t;
    };
    ui.frame(draw);
    const std::uint64_t first = map.builds();
    CHECK(first > 0);
    // What a frame of the whole world costs the renderer.
    MESSAGE("draw-list vertices, whole world in 1000x600: " << ImGui::GetDrawData()->TotalVtxCount);
    ui.frame(draw);
    ui.frame(draw);
    CHECK(map.builds() == first);

    // A filter changes the scene: built again, once.
    const std::vector<std::size_t> shown = {2};
    scene.set_partnerships(kCards, &shown);
    ui.frame(draw);
    const std::uint64_t second = map.builds();
    CHECK(second > first);
    ui.frame(draw);
    CHECK(map.builds() == second);

    // The map is one item for spoken mode, and each city with partnerships shown a tap target.
    const plaza::core::VisibleItem* item = ui.find("map");
    REQUIRE(item != nullptr);
    CHECK(item->label == "World map");
    CHECK(item->kind == plaza::core::VisibleItem::Kind::text);
    CHECK(ui.find("map/city/1") != nullptr);
    CHECK(ui.find("map/city/3") != nullptr);
    CHECK(ui.find("map/city/2") == nullptr);  // Đà Nẵng: none of its partnerships shown

    // Zoomed in: built again.
    view.zoom_by(2);
    ui.frame(draw);
    CHECK(map.builds() > second);
    MESSAGE("draw-list vertices, zoomed in twice: " << ImGui::GetDrawData()->TotalVtxCount);

    // A tap on Dakar's dot chooses Dakar.
    ui.tap("map/city/3", draw);
    CHECK(tapped == scene.city_index(3));
}

TEST_CASE_FIXTURE(MapFixture,
                  "the spare vertex buffer is kept while builds follow one another and released "
                  "once the drawn build is current") {
    REQUIRE_MESSAGE(shapes.ok(), shapes.error());
    auto draw = [&](UiContext& ctx) {
        map.draw(ctx, "map", shapes.value(), scene, view, ImVec2(1000, 600), look);
    };
    // Arcs revealed one frame after another (the attract loop): each build reuses the buffer
    // the one before it drew from.
    look.reveal = 1.5f;
    ui.frame(draw);
    const int half = ImGui::GetDrawData()->TotalVtxCount;
    look.reveal = 2.5f;
    ui.frame(draw);
    CHECK(map.builds() == 2);
    CHECK(map.holds_spare());
    // Nothing changes: the drawn build is current and the spare goes.
    ui.frame(draw);
    CHECK(map.builds() == 2);
    CHECK(map.current());
    CHECK_FALSE(map.holds_spare());
    // A change builds again into a new buffer: the same picture as before.
    look.reveal = 1.5f;
    ui.frame(draw);
    CHECK(map.builds() == 3);
    CHECK(map.current());
    CHECK(ImGui::GetDrawData()->TotalVtxCount == half);
}

TEST_CASE_FIXTURE(MapFixture,
                  "on a worker, frames draw the last build moved and scaled until the next one "
                  "is back") {
    REQUIRE_MESSAGE(shapes.ok(), shapes.error());
    plaza::core::MainThreadQueue main_thread;
    plaza::core::BackgroundWorker worker;
    look.background = true;
    auto draw = [&](UiContext& ctx) {
        ctx.map_worker = &worker;
        ctx.main_thread = &main_thread;
        map.draw(ctx, "map", shapes.value(), scene, view, ImVec2(1000, 600), look);
    };
    // What the frame loop does between frames: the worker's result comes back through the queue.
    auto back = [&] {
        while (!worker.idle())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        main_thread.run_pending();
    };
    auto dakar_label = [&]() -> const plaza::core::VisibleItem* {
        for (const plaza::core::VisibleItem& item : ui.report().items)
            if (item.id == "map/label" && item.label == "Dakar") return &item;
        return nullptr;
    };
    const int dakar = scene.city_index(3);

    // The first frame has nothing built yet: the sea alone, and a build under way.
    ui.frame(draw);
    CHECK(map.builds() == 1);
    CHECK_FALSE(map.current());
    const int sea = ImGui::GetDrawData()->TotalVtxCount;
    ui.frame(draw);
    CHECK(map.builds() == 1);  // no second build while one is under way
    back();
    ui.frame(draw);
    CHECK(map.current());
    const int whole = ImGui::GetDrawData()->TotalVtxCount;
    CHECK(whole > sea + 1000);
    const plaza::core::VisibleItem* label = dakar_label();
    REQUIRE(label != nullptr);
    CHECK(label->rect.y + label->rect.height / 2 ==
          doctest::Approx(map.city_on_screen(scene, dakar).y).epsilon(0.01));

    // Zoomed in: the same vertices scaled to the new view while the new build is made, the
    // names still beside their cities.
    view.zoom_by(2);
    ui.frame(draw);
    CHECK(map.builds() == 2);
    CHECK_FALSE(map.current());
    // (Names the zoom pushed past the frame's edge lose glyphs to clipping, so not exactly as
    // many.)
    CHECK(ImGui::GetDrawData()->TotalVtxCount > whole - 200);
    label = dakar_label();
    REQUIRE(label != nullptr);
    CHECK(label->rect.y + label->rect.height / 2 ==
          doctest::Approx(map.city_on_screen(scene, dakar).y).epsilon(0.01));
    back();
    ui.frame(draw);
    CHECK(map.current());
    CHECK(map.builds() == 2);
    // Only the build drawn is kept once it is back.
    CHECK_FALSE(map.holds_spare());
}

TEST_CASE_FIXTURE(
    MapFixture,
    "a pinch zooms about the point between the fingers, and lifting them chooses no city") {
    REQUIRE_MESSAGE(shapes.ok(), shapes.error());
    const int dakar = scene.city_index(3);
    int tapped = -1, frame = 0;
    bool pinching = true;
    ImVec2 dakar_at;
    auto draw = [&](UiContext& ctx) {
        // From the second frame of the first finger on Dakar, a second finger spreads away from
        // it: the pinch's centre stays on Dakar, each frame 1.25 times wider.
        if (pinching && frame++ >= 2 && ImGui::GetIO().MouseDown[0]) {
            ctx.pinch.active = true;
            ctx.pinch.scale = 1.25f;
            ctx.pinch.centre = {dakar_at.x, dakar_at.y};
        }
        const int t = map.draw(ctx, "map", shapes.value(), scene, view, ImVec2(1000, 600), look);
        if (t >= 0) tapped = t;
    };
    ui.frame(draw);
    dakar_at = map.city_on_screen(scene, dakar);
    frame = 0;
    ui.tap("map/city/3", draw);
    CHECK(view.zoom > 1.5f);
    CHECK(tapped == -1);
    // Across, Dakar stays under the fingers; up and down the inhabited world stays in the middle
    // while the frame still holds all of its height.
    const ImVec2 after = map.city_on_screen(scene, dakar);
    CHECK(after.x == doctest::Approx(dakar_at.x).epsilon(0.01));

    // The next tap, with one finger, chooses Dakar again.
    pinching = false;
    ui.tap("map/city/3", draw);
    CHECK(tapped == dakar);
}
