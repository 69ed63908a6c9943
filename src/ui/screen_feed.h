// SPDX-License-Identifier: GPL-3.0-or-later
// What the screens read, and the one way it reaches them: between frames, KioskUi hands the
// feed to the screen about to be drawn (Screen::load), which keeps what it shows as plain data.
// The feed reads the content store in the visitor's language: the lists (event, cards, facets)
// once per language, the programme when first needed, a page when a screen asks for its record.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
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
    // Every partnership's card, in title order: complete in ScreenFeed::browse(), possibly still
    // being read in ScreenFeed::browse_first().
    std::vector<content::PartnershipCard> partnerships;
    std::vector<content::PartnershipCard> featured_partnerships;  // title order
    std::vector<content::PracticeCard> practices;                 // featured first
    content::Facets facets;

    // The partnerships home and the attract loop show: the featured ones, or every one when none
    // is (the list is then read with the rest).
    const std::vector<content::PartnershipCard>& showcase() const {
        return featured_partnerships.empty() ? partnerships : featured_partnerships;
    }
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

    ~ScreenFeed();

    // Reads the lists again in the store's current language; every partnership's card and the
    // programme follow when next needed, and screens see a new generation().
    void reload();
    // Changes with every reload(): a screen that kept something from the feed reads it again
    // when this is not what it read it at (Screen::feed_changed()).
    std::uint64_t generation() const { return generation_; }

    // The lists, with every partnership's card: read now when prepare_partnerships() has not
    // started reading them, else waited for.
    const BrowseData& browse();
    // The lists as they are: enough for home and the attract loop (event, counts, showcase,
    // practices); `partnerships` may still be being read.
    const BrowseData& browse_first() const { return browse_; }
    // Starts reading every partnership's card on a worker, through its own connection to the
    // bundle, if they are not read yet: 10,000 cards take tens of milliseconds that the first
    // frame, home and the attract loop do not need (issue 16). Call between frames.
    void prepare_partnerships();
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
    bool partnerships_read_ = false;  // browse_.partnerships is complete
    // The worker's cards; nullopt when its connection could not read them.
    std::future<std::optional<std::vector<content::PartnershipCard>>> reading_;
    ProgrammeFeed programme_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<const WorldShapes> world_;
    std::vector<content::MapCity> map_cities_;
    std::uint64_t map_cities_generation_ = ~std::uint64_t{0};
};

}  // namespace plaza::ui
