// SPDX-License-Identifier: GPL-3.0-or-later
// The partnership grid filtered to a city, as a search result opens it: the city's chip alone,
// counted, removable by a tap, and gone with "clear filters" or a reset.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "imgui_harness.h"
#include "ui/screen_feed.h"
#include "ui/screens/partnerships_screen.h"
#include "ui/screens/screen_parts.h"

namespace {

using plaza::ui::PartnershipsScreen;

plaza::content::PartnershipCard card(std::int64_t id, std::string title,
                                     std::vector<std::int64_t> cities) {
    plaza::content::PartnershipCard c;
    c.id = id;
    c.title = std::move(title);
    c.city_ids = std::move(cities);
    return c;
}

plaza::ui::BrowseData three_partnerships() {
    plaza::ui::BrowseData data;
    data.partnerships = {card(1, "Fair garments", {1, 3}), card(2, "Repair cafés", {5, 6}),
                         card(3, "Garment value chains", {1})};
    data.facets.cities = {{1, "ghent", "Gent, Belgium", {}},
                          {3, "da-nang", "Đà Nẵng, Viet Nam", {}},
                          {5, "lodz", "Łódź, Poland", {}},
                          {6, "seoul", "서울, Republic of Korea", {}}};
    return data;
}

// The "N of M" count on screen.
bool shows_count(const plaza::test::ImGuiHarness& ui, const std::string& count) {
    for (const auto& item : ui.report().items) {
        if (item.label == count) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("partnership filter: a city matches the partnerships it takes part in") {
    plaza::ui::PartnershipFilter filter;
    CHECK(filter.empty());
    filter.cities.insert(1);
    CHECK_FALSE(filter.empty());
    CHECK(filter.matches(card(1, "a", {1, 3})));
    CHECK(filter.matches(card(3, "c", {1})));
    CHECK_FALSE(filter.matches(card(2, "b", {5, 6})));
    filter.cities.insert(5);  // within a group, any chosen city
    CHECK(filter.matches(card(2, "b", {5, 6})));
}

TEST_CASE("partnership grid: a city from search shows as a chip, counts, and can be removed") {
    plaza::test::ImGuiHarness ui(ImVec2(1920, 1080));
    const plaza::ui::BrowseData data = three_partnerships();
    PartnershipsScreen screen;
    screen.show(data);
    plaza::ui::Navigation nav;
    auto draw = [&](plaza::ui::UiContext& ctx) { screen.draw(ctx, nav); };

    screen.show_city(1);
    ui.frame(draw);
    CHECK(ui.find("partnerships/filter/city/ghent") != nullptr);
    CHECK(ui.find("partnerships/filter/city/lodz") == nullptr);  // only the chosen city
    CHECK(shows_count(ui, "2 of 3"));
    CHECK(ui.find("partnerships/item/1") != nullptr);
    CHECK(ui.find("partnerships/item/2") == nullptr);

    ui.tap("partnerships/filter/city/ghent", draw);
    CHECK(screen.filter().empty());
    CHECK(ui.find("partnerships/filter/city/ghent") == nullptr);
    CHECK(shows_count(ui, "3 of 3"));

    // Another city replaces whatever was chosen before; "clear filters" and a reset remove it.
    screen.show_city(1);
    screen.show_city(5);
    CHECK(screen.filter().cities == std::set<std::int64_t>{5});
    ui.frame(draw);
    CHECK(shows_count(ui, "1 of 3"));
    ui.tap("partnerships/clear", draw);
    CHECK(screen.filter().empty());
    CHECK(shows_count(ui, "3 of 3"));
    screen.show_city(6);
    CHECK(screen.filter().cities.count(6) == 1);
    screen.reset();
    CHECK(screen.filter().empty());
}

TEST_CASE("partnership cards name their cities with countries, as the facets call them") {
    const plaza::ui::BrowseData data = three_partnerships();
    CHECK(plaza::ui::cities_with_countries(data.facets, data.partnerships[0]) ==
          "Gent, Belgium · Đà Nẵng, Viet Nam");
    CHECK(plaza::ui::cities_with_countries(data.facets, data.partnerships[2]) == "Gent, Belgium");
    // A card without city ids, or with a city the facets lack, keeps the bundle's own line.
    plaza::content::PartnershipCard bare = card(9, "Older bundle", {});
    bare.cities = "Gent · Đà Nẵng";
    CHECK(plaza::ui::cities_with_countries(data.facets, bare) == "Gent · Đà Nẵng");
    plaza::content::PartnershipCard unknown = card(10, "Unknown city", {1, 42});
    unknown.cities = "Gent · Somewhere";
    CHECK(plaza::ui::cities_with_countries(data.facets, unknown) == "Gent · Somewhere");

    plaza::test::ImGuiHarness ui(ImVec2(1920, 1080));
    PartnershipsScreen screen;
    screen.show(data);
    ui.frame([&](plaza::ui::UiContext& ctx) {
        plaza::ui::Navigation nav;
        screen.draw(ctx, nav);
    });
    const auto* shown = ui.find("partnerships/item/1");
    REQUIRE(shown != nullptr);
    CHECK(shown->detail == "Gent, Belgium · Đà Nẵng, Viet Nam");
}
