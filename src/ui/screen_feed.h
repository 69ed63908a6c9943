// SPDX-License-Identifier: GPL-3.0-or-later
// What the screens read, and the one way it reaches them: between frames, KioskUi hands the
// feed to the screen about to be drawn (Screen::load), which keeps what it shows as plain data.
// The feed reads the content store in the visitor's language: the lists (event, cards, facets)
// once per language, the programme when first needed, a page when a screen asks for its record.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "content/content_store.h"
#include "content/model.h"
#include "ui/programme_data.h"
#include "ui/widgets/world_map_model.h"

namespace plaza::ui {

// What the browsing screens show, replaced as a whole when the language or the bundle changes.
struct BrowseData {
    content::EventInfo event;
    content::ContentCounts counts;
    std::vector<content::PartnershipCard> partnerships;  // title order
    std::vector<content::PracticeCard> practices;        // featured first
    content::Facets facets;
};

// A partnership's profile with its sessions at their local times (see programme_session()).
struct PartnershipPage {
    content::PartnershipProfile profile;
    std::vector<ProgrammeSession> sessions;
};

// A session's page: `starts`/`ends` local "HH:MM" at each instant's own offset; `calendar` the
// VEVENT text its QR code holds.
struct SessionPage {
    content::SessionDetail detail;
    std::string starts, ends, calendar;
};

class ScreenFeed {
  public:
    explicit ScreenFeed(content::ContentStore& store) : store_(store), programme_(store) {}
    ScreenFeed(const ScreenFeed&) = delete;
    ScreenFeed& operator=(const ScreenFeed&) = delete;

    // Reads the lists again in the store's current language; the programme follows when next
    // needed, and screens see a new generation().
    void reload();
    // Changes with every reload(): a screen that kept something from the feed reads it again
    // when this is not what it read it at (Screen::feed_changed()).
    std::uint64_t generation() const { return generation_; }

    const BrowseData& browse() const { return browse_; }
    ProgrammeFeed& programme() { return programme_; }
    const ProgrammeFeed& programme() const { return programme_; }
    PartnershipPage partnership(std::int64_t id);
    content::PracticeDetail practice(std::int64_t id);
    // False when the bundle has no such session.
    bool session(std::int64_t id, SessionPage& page);
    std::vector<content::SearchHit> search(const std::string& text, int limit);

    // The world map's shapes the kiosk ships; null when they could not be read (the kiosk then
    // shows no map, and said why when it started).
    const WorldShapes* world() const { return world_.get(); }
    void set_world(std::shared_ptr<const WorldShapes> world) { world_ = std::move(world); }
    // The cities partnerships link, with their positions, read on first use after reload().
    const std::vector<content::MapCity>& map_cities();

  private:
    content::ContentStore& store_;
    BrowseData browse_;
    ProgrammeFeed programme_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<const WorldShapes> world_;
    std::vector<content::MapCity> map_cities_;
    std::uint64_t map_cities_generation_ = ~std::uint64_t{0};
};

}  // namespace plaza::ui
