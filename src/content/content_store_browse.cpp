// SPDX-License-Identifier: GPL-3.0-or-later
// ContentStore's queries for browsing partnerships and good practices: grid cards with what the
// filters need, filter choices, whole profiles and practice pages, all in the current language.
#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "content/content_store.h"

namespace plaza::content {
namespace {

Colour parse_colour(const std::string& hex) {
    Colour c;
    if (hex.size() != 7 || hex[0] != '#') return c;
    const unsigned long v = std::strtoul(hex.c_str() + 1, nullptr, 16);
    c.r = static_cast<std::uint8_t>(v >> 16);
    c.g = static_cast<std::uint8_t>(v >> 8);
    c.b = static_cast<std::uint8_t>(v);
    return c;
}

template <typename Card>
std::unordered_map<std::int64_t, Card*> index_by_id(std::vector<Card>& cards) {
    std::unordered_map<std::int64_t, Card*> index;
    index.reserve(cards.size());
    for (Card& card : cards)
        index[card.id] = &card;
    return index;
}

// " AND `column` IN (`owners`)": the links of the cards `owners` selects; none when it is empty
// (every card's).
std::string owned_by(const std::string& column, const std::string& owners) {
    return owners.empty() ? std::string() : " AND " + column + " IN (" + owners + ")";
}

// The links of partnership or practice cards, each in one whole-table pass rather than a
// subquery per card, which keeps loading 50,000 cards in the tens of milliseconds: their themes
// (the first theme's colour is the card's) and their first image as thumbnail. `owners`: a
// query of the cards' ids when they are not all (see owned_by).
template <typename Card>
void attach_themes_and_thumbnails(const Database& db,
                                  const std::unordered_map<std::int64_t, Card*>& by_id,
                                  const std::string& kind, const std::string& owners = {}) {
    auto themes =
        db.prepare("SELECT l." + kind + "_id, t.id, t.colour FROM " + kind +
                   "_theme l JOIN theme t ON t.id = l.theme_id WHERE 1" +
                   owned_by("l." + kind + "_id", owners) + " ORDER BY l." + kind + "_id, t.id");
    while (themes && themes->step()) {
        const auto it = by_id.find(themes->column_int(0));
        if (it == by_id.end()) continue;
        if (it->second->theme_ids.empty())
            it->second->colour = parse_colour(themes->column_text(2));
        it->second->theme_ids.push_back(themes->column_int(1));
    }
    auto thumbs = db.prepare("SELECT owner_id, media_id FROM media_link WHERE owner_kind = ?1" +
                             owned_by("owner_id", owners) + " ORDER BY owner_id, position DESC");
    if (!thumbs) return;
    thumbs->bind(1, kind);
    while (thumbs->step()) {
        const auto it = by_id.find(thumbs->column_int(0));
        if (it != by_id.end()) it->second->thumbnail = thumbs->column_int(1);  // first wins last
    }
}

}  // namespace

void ContentStore::load_brand() {
    // A bundle made before the table existed has none: Plaza's own look serves.
    auto stmt = db_.prepare(
        "SELECT accent_colour, coalesce(logo_media, 0), coalesce(hero_media, 0), hero_credit "
        "FROM event_brand WHERE id = 1");
    if (!stmt || !stmt->step()) return;
    EventBrand& brand = event_.brand;
    const std::string accent = stmt->column_text(0);
    brand.has_accent = accent.size() == 7 && accent[0] == '#';
    brand.accent = parse_colour(accent);
    brand.logo = stmt->column_int(1);
    brand.hero = stmt->column_int(2);
    brand.hero_credit = stmt->column_text(3);
}

EventInfo ContentStore::localized_event() const {
    EventInfo e = event_;
    auto stmt = db_.prepare("SELECT " + localized("event", "e.id", "name", "e.name") + ", " +
                            localized("event", "e.id", "venue", "e.venue") + ", " +
                            localized("event", "e.id", "city", "e.city") + " FROM event e");
    if (stmt && stmt->step()) {
        e.name = stmt->column_text(0);
        e.venue = stmt->column_text(1);
        e.city = stmt->column_text(2);
    }
    return e;
}

std::vector<PartnershipCard> ContentStore::partnership_cards() const {
    return partnership_cards_where("1");
}

std::vector<PartnershipCard> ContentStore::featured_partnership_cards() const {
    return partnership_cards_where("p.featured");
}

std::vector<PartnershipCard> ContentStore::partnership_cards_where(
    const std::string& condition) const {
    const std::string where = " FROM partnership p WHERE " + condition;
    // The links are read for the chosen cards only (a handful of featured ones read in well under
    // a millisecond); for all of them, by whole-table passes.
    const std::string owners = condition == "1" ? std::string() : "SELECT p.id" + where;
    std::vector<PartnershipCard> cards;
    if (auto count = db_.prepare("SELECT count(*)" + where); count && count->step()) {
        cards.reserve(static_cast<size_t>(count->column_int(0)));
    }
    // A card shows its cities on one line: the first 120 characters of the label are plenty, and
    // 50,000 cards in memory stay small however long a bundle's labels are (issue 20).
    auto stmt =
        db_.prepare("SELECT p.id, " + localized("partnership", "p.id", "title", "p.title") +
                    " AS t, substr(p.cities, 1, 120), coalesce(p.programme_id, 0), p.featured" +
                    where + " ORDER BY t");
    if (!stmt) return cards;
    while (stmt->step()) {
        PartnershipCard card;
        card.id = stmt->column_int(0);
        card.title = stmt->column_text(1);
        card.cities = stmt->column_text(2);
        card.programme_id = stmt->column_int(3);
        card.featured = stmt->column_int(4) != 0;
        cards.push_back(std::move(card));
    }
    const auto by_id = index_by_id(cards);
    attach_themes_and_thumbnails(db_, by_id, "partnership", owners);
    auto sdgs = db_.prepare("SELECT partnership_id, sdg FROM partnership_sdg WHERE 1" +
                            owned_by("partnership_id", owners));
    while (sdgs && sdgs->step()) {
        const auto it = by_id.find(sdgs->column_int(0));
        if (it != by_id.end()) it->second->sdgs |= 1u << sdgs->column_int(1);
    }
    // Cities are few and links many: map each city to its region once, then walk the links. A
    // region is known by a number (the smallest id of a country in it, as partnership_facets
    // numbers them): 50,000 cards hold numbers, not copies of its name (issue 20).
    std::unordered_map<std::string, std::int64_t> region_ids;
    std::unordered_map<std::string, std::int64_t> region_of_country;
    auto countries = db_.prepare("SELECT id, code, region FROM country ORDER BY id");
    while (countries && countries->step()) {
        const auto region = region_ids.emplace(countries->column_text(2), countries->column_int(0));
        region_of_country[countries->column_text(1)] = region.first->second;
    }
    std::unordered_map<std::int64_t, std::int64_t> region_of_city;
    auto city_regions = db_.prepare("SELECT id, country_code FROM city");
    while (city_regions && city_regions->step()) {
        const auto region = region_of_country.find(city_regions->column_text(1));
        if (region != region_of_country.end())
            region_of_city[city_regions->column_int(0)] = region->second;
    }
    // The links come in key order (partnership, city), which needs no sort; each card's few
    // cities are put in the partnership's own order (leads first) here.
    std::vector<std::pair<std::int64_t, std::int64_t>> positioned;  // (position, city) of one card
    PartnershipCard* current = nullptr;
    auto flush = [&] {
        if (!current) return;
        std::sort(positioned.begin(), positioned.end());
        for (const auto& city : positioned)
            current->city_ids.push_back(city.second);
        positioned.clear();
    };
    auto links =
        db_.prepare("SELECT partnership_id, city_id, position FROM partnership_city WHERE 1" +
                    owned_by("partnership_id", owners) + " ORDER BY partnership_id");
    while (links && links->step()) {
        const auto card = by_id.find(links->column_int(0));
        const auto region = region_of_city.find(links->column_int(1));
        if (card == by_id.end()) continue;
        if (card->second != current) flush(), current = card->second;
        positioned.push_back({links->column_int(2), links->column_int(1)});
        if (region == region_of_city.end()) continue;
        std::vector<std::int64_t>& regions = card->second->region_ids;
        if (std::find(regions.begin(), regions.end(), region->second) == regions.end()) {
            regions.push_back(region->second);
        }
    }
    flush();
    return cards;
}

std::vector<PracticeCard> ContentStore::practice_cards() const {
    std::vector<PracticeCard> cards;
    auto stmt = db_.prepare(
        "SELECT p.id, " + localized("practice", "p.id", "title", "p.title") + " AS t, " +
        city_label() + ", " + localized("practice", "p.id", "summary", "p.summary") +
        ", p.featured FROM practice p JOIN city c ON c.id = p.city_id "
        "JOIN country co ON co.code = c.country_code ORDER BY p.featured DESC, t");
    if (!stmt) return cards;
    while (stmt->step()) {
        PracticeCard card;
        card.id = stmt->column_int(0);
        card.title = stmt->column_text(1);
        card.city = stmt->column_text(2);
        card.summary = stmt->column_text(3);
        card.featured = stmt->column_int(4) != 0;
        cards.push_back(std::move(card));
    }
    attach_themes_and_thumbnails(db_, index_by_id(cards), "practice");
    return cards;
}

Facets ContentStore::partnership_facets() const {
    Facets f;
    auto themes =
        db_.prepare("SELECT t.id, t.slug, " + localized("theme", "t.id", "name", "t.name") +
                    " AS n, t.colour FROM theme t WHERE EXISTS (SELECT 1 FROM "
                    "partnership_theme pt WHERE pt.theme_id = t.id) ORDER BY n");
    while (themes && themes->step()) {
        f.themes.push_back({themes->column_int(0), themes->column_text(1), themes->column_text(2),
                            parse_colour(themes->column_text(3))});
    }
    auto programmes =
        db_.prepare("SELECT g.id, g.slug, " + localized("programme", "g.id", "name", "g.name") +
                    " AS n FROM programme g WHERE EXISTS (SELECT 1 FROM partnership p WHERE "
                    "p.programme_id = g.id) ORDER BY n");
    while (programmes && programmes->step()) {
        f.programmes.push_back({programmes->column_int(0),
                                programmes->column_text(1),
                                programmes->column_text(2),
                                {}});
    }
    // Through the index on partnership_city(city_id): the linked cities, not every link.
    auto regions = db_.prepare(
        "SELECT min(id), region FROM country WHERE region IN (SELECT DISTINCT co.region "
        "FROM country co JOIN city c ON c.country_code = co.code "
        "WHERE c.id IN (SELECT DISTINCT city_id FROM partnership_city)) "
        "GROUP BY region ORDER BY region");
    while (regions && regions->step()) {
        f.regions.push_back(
            {regions->column_int(0), regions->column_text(1), regions->column_text(1), {}});
    }
    // Cities get no chips of their own (there may be thousands); a search result leads to one.
    auto cities = db_.prepare("SELECT c.id, c.slug, " + city_label() +
                              " FROM city c JOIN country co ON co.code = c.country_code "
                              "WHERE c.id IN (SELECT DISTINCT city_id FROM partnership_city) "
                              "ORDER BY c.id");
    while (cities && cities->step()) {
        f.cities.push_back(
            {cities->column_int(0), cities->column_text(1), cities->column_text(2), {}});
    }
    auto sdgs = db_.prepare("SELECT s.number, " + localized("sdg", "s.number", "name", "s.name") +
                            ", s.colour FROM sdg s WHERE EXISTS (SELECT 1 FROM partnership_sdg "
                            "ps WHERE ps.sdg = s.number) ORDER BY s.number");
    while (sdgs && sdgs->step()) {
        const std::int64_t n = sdgs->column_int(0);
        f.sdgs.push_back({n, std::to_string(n), std::to_string(n) + " · " + sdgs->column_text(1),
                          parse_colour(sdgs->column_text(2))});
    }
    return f;
}

std::string ContentStore::fallback_for(const char* entity, std::int64_t id,
                                       const char* field) const {
    if (chain_.empty()) return {};
    // The first language of the chain that has the text; the default language when none has.
    for (const std::string& lang : chain_) {
        auto stmt = db_.prepare(
            "SELECT 1 FROM translation WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 AND "
            "lang = ?4");
        if (!stmt) return {};
        stmt->bind(1, std::string_view(entity))
            .bind(2, id)
            .bind(3, std::string_view(field))
            .bind(4, lang);
        if (stmt->step()) return lang == language_ ? std::string() : lang;
    }
    auto first = db_.prepare("SELECT code FROM language ORDER BY position LIMIT 1");
    return first && first->step() ? first->column_text(0) : std::string();
}

std::vector<Contact> ContentStore::contacts_of(const char* owner_kind, std::int64_t id) const {
    std::vector<Contact> contacts;
    auto stmt = db_.prepare(
        "SELECT organisation, person, email, url FROM contact WHERE owner_kind = ?1 AND "
        "owner_id = ?2 ORDER BY position");
    if (!stmt) return contacts;
    stmt->bind(1, std::string_view(owner_kind)).bind(2, id);
    while (stmt->step()) {
        contacts.push_back({stmt->column_text(0), stmt->column_text(1), stmt->column_text(2),
                            stmt->column_text(3)});
    }
    return contacts;
}

std::vector<MediaRef> ContentStore::media_of(const char* owner_kind, std::int64_t id) const {
    std::vector<MediaRef> media;
    auto stmt = db_.prepare(
        "SELECT l.media_id, l.caption, m.width, m.height, m.source FROM media_link l "
        "JOIN media m ON m.id = l.media_id WHERE l.owner_kind = ?1 AND l.owner_id = ?2 "
        "ORDER BY l.position");
    if (!stmt) return media;
    stmt->bind(1, std::string_view(owner_kind)).bind(2, id);
    while (stmt->step()) {
        media.push_back({stmt->column_int(0), stmt->column_text(4), stmt->column_text(1),
                         static_cast<int>(stmt->column_int(2)),
                         static_cast<int>(stmt->column_int(3))});
    }
    return media;
}

std::vector<PartnershipCard> ContentStore::partnerships_linked(const char* link_table,
                                                               const char* owner_column,
                                                               std::int64_t id,
                                                               const char* order) const {
    std::vector<PartnershipCard> cards;
    // Fails to prepare when the link table is missing (a bundle made before it existed).
    auto stmt = db_.prepare("SELECT p.id, " + localized("partnership", "p.id", "title", "p.title") +
                            ", p.cities FROM " + link_table +
                            " l JOIN partnership p ON p.id = l.partnership_id WHERE l." +
                            owner_column + " = ?1" + (*order ? " ORDER BY " : "") + order);
    if (!stmt) return cards;
    stmt->bind(1, id);
    while (stmt->step()) {
        PartnershipCard card;
        card.id = stmt->column_int(0);
        card.title = stmt->column_text(1);
        card.cities = stmt->column_text(2);
        cards.push_back(std::move(card));
    }
    if (cards.empty()) return cards;
    // A few cards on a page: their cities with countries in the visitor's language, leads
    // first, as the grid's cards name them.
    auto cities = db_.prepare("SELECT " + city_label() +
                              " FROM partnership_city pc JOIN city c ON c.id = pc.city_id "
                              "JOIN country co ON co.code = c.country_code "
                              "WHERE pc.partnership_id = ?1 ORDER BY pc.position");
    for (PartnershipCard& card : cards) {
        if (!cities) break;  // a bundle without the link tables' expected columns
        cities->reset();
        cities->bind(1, card.id);
        std::string line;
        while (cities->step())
            line += (line.empty() ? "" : " · ") + cities->column_text(0);
        if (!line.empty()) card.cities = std::move(line);
    }
    return cards;
}

std::vector<Facet> ContentStore::themes_of(const char* link_table, const char* owner_column,
                                           std::int64_t id) const {
    std::vector<Facet> themes;
    auto stmt = db_.prepare("SELECT t.id, t.slug, " + localized("theme", "t.id", "name", "t.name") +
                            ", t.colour FROM " + link_table +
                            " l JOIN theme t ON t.id = "
                            "l.theme_id WHERE l." +
                            owner_column + " = ?1 ORDER BY t.id");
    if (!stmt) return themes;
    stmt->bind(1, id);
    while (stmt->step()) {
        themes.push_back({stmt->column_int(0), stmt->column_text(1), stmt->column_text(2),
                          parse_colour(stmt->column_text(3))});
    }
    return themes;
}

PartnershipProfile ContentStore::partnership_profile(std::int64_t id) const {
    PartnershipProfile p;
    auto stmt = db_.prepare(
        "SELECT p.id, " + localized("partnership", "p.id", "title", "p.title") + ", " +
        "coalesce((SELECT " + localized("programme", "g.id", "name", "g.name") +
        " FROM programme g WHERE g.id = p.programme_id), ''), p.starts_on, p.ends_on, p.status, " +
        localized("partnership", "p.id", "summary", "p.summary") + ", " +
        localized("partnership", "p.id", "objectives", "p.objectives") + ", " +
        localized("partnership", "p.id", "activities", "p.activities") + ", " +
        localized("partnership", "p.id", "results", "p.results") + ", " +
        localized("partnership", "p.id", "lessons", "p.lessons") +
        " FROM partnership p WHERE p.id = ?1");
    if (!stmt) return p;
    stmt->bind(1, id);
    if (!stmt->step()) return p;
    p.id = stmt->column_int(0);
    p.title = stmt->column_text(1);
    p.programme = stmt->column_text(2);
    p.starts_on = stmt->column_text(3);
    p.ends_on = stmt->column_text(4);
    p.status = stmt->column_text(5);
    p.summary = stmt->column_text(6);
    p.objectives = stmt->column_text(7);
    p.activities = stmt->column_text(8);
    p.results = stmt->column_text(9);
    p.lessons = stmt->column_text(10);
    p.fallback_language = fallback_for("partnership", id, "summary");

    auto cities =
        db_.prepare("SELECT " + localized("city", "c.id", "name", "c.name") + ", " +
                    localized("country", "co.id", "name", "co.name") +
                    ", pc.role FROM partnership_city pc JOIN city c ON c.id = pc.city_id "
                    "JOIN country co ON co.code = c.country_code WHERE pc.partnership_id = ?1 "
                    "ORDER BY pc.position");
    if (cities) {
        cities->bind(1, id);
        while (cities->step()) {
            p.cities.push_back(
                {cities->column_text(0), cities->column_text(1), cities->column_text(2)});
        }
    }
    p.themes = themes_of("partnership_theme", "partnership_id", id);
    auto sdgs = db_.prepare("SELECT s.number, " + localized("sdg", "s.number", "name", "s.name") +
                            ", s.colour FROM partnership_sdg ps JOIN sdg s ON s.number = ps.sdg "
                            "WHERE ps.partnership_id = ?1 ORDER BY s.number");
    if (sdgs) {
        sdgs->bind(1, id);
        while (sdgs->step()) {
            const std::int64_t n = sdgs->column_int(0);
            p.sdgs.push_back(
                {n, std::to_string(n), sdgs->column_text(1), parse_colour(sdgs->column_text(2))});
        }
    }
    p.contacts = contacts_of("partnership", id);
    p.media = media_of("partnership", id);
    std::vector<PracticeCard> all = practice_cards();
    auto related =
        db_.prepare("SELECT practice_id FROM practice_partnership WHERE partnership_id = ?1");
    if (related) {
        related->bind(1, id);
        while (related->step()) {
            const std::int64_t pid = related->column_int(0);
            const auto it = std::find_if(all.begin(), all.end(),
                                         [pid](const PracticeCard& c) { return c.id == pid; });
            if (it != all.end()) p.practices.push_back(*it);
        }
    }
    // Fails to prepare on a bundle made before session_partnership existed: then there are none.
    if (auto sessions =
            db_.prepare(schedule_columns() + "JOIN session_partnership sp ON sp.session_id = s.id "
                                             "WHERE sp.partnership_id = ?1 "
                                             "ORDER BY s.starts_at, r.position, s.id")) {
        sessions->bind(1, id);
        read_sessions(sessions.value(), p.sessions);
    }
    return p;
}

PracticeDetail ContentStore::practice_detail(std::int64_t id) const {
    PracticeDetail d;
    auto stmt =
        db_.prepare("SELECT p.id, " + localized("practice", "p.id", "title", "p.title") + ", " +
                    city_label() + ", " + localized("practice", "p.id", "summary", "p.summary") +
                    ", " + localized("practice", "p.id", "body_md", "p.body_md") +
                    " FROM practice p JOIN city c ON c.id = p.city_id "
                    "JOIN country co ON co.code = c.country_code WHERE p.id = ?1");
    if (!stmt) return d;
    stmt->bind(1, id);
    if (!stmt->step()) return d;
    d.id = stmt->column_int(0);
    d.title = stmt->column_text(1);
    d.city = stmt->column_text(2);
    d.summary = stmt->column_text(3);
    d.body_markdown = stmt->column_text(4);
    d.fallback_language = fallback_for("practice", id, "body_md");
    d.themes = themes_of("practice_theme", "practice_id", id);
    auto figures = db_.prepare("SELECT " + localized("key_figure", "k.id", "value", "k.value") +
                               ", " + localized("key_figure", "k.id", "label", "k.label") +
                               " FROM key_figure k WHERE k.practice_id = ?1 ORDER BY k.position");
    if (figures) {
        figures->bind(1, id);
        while (figures->step())
            d.key_figures.push_back({figures->column_text(0), figures->column_text(1)});
    }
    d.partnerships = partnerships_linked("practice_partnership", "practice_id", id, "");
    d.contacts = contacts_of("practice", id);
    d.media = media_of("practice", id);
    return d;
}

}  // namespace plaza::content
