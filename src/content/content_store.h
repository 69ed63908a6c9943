// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's read side of a bundle: one read-only, defensive SQLite connection and typed
// queries returning plain data. Nothing outside this folder sees SQL.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/model.h"
#include "content/sqlite_db.h"
#include "core/result.h"

namespace plaza::content {

class ContentStore {
  public:
    // Opens a bundle and checks that it is one Plaza can read (schema version, required rows).
    static core::Result<ContentStore> open(const std::string& path);
    ~ContentStore();
    ContentStore(ContentStore&&) noexcept;
    ContentStore& operator=(ContentStore&&) noexcept;

    const EventInfo& event() const { return event_; }
    ContentCounts counts() const;
    std::vector<PartnershipCard> featured_partnerships(int limit) const;
    std::vector<PartnershipCard> partnerships() const;  // all, by title
    // Full-text search as the visitor types (content_store_search.cpp): diacritic-insensitive,
    // every word a prefix ("sao pa" finds São Paulo, "lodz" finds Łódź), grouped by kind
    // (partnerships, practices, sessions, speakers, and cities that have partnerships), the
    // kind with the best match first, best matches first within a kind.
    std::vector<SearchHit> search(const std::string& typed, int limit) const;
    // The language visitor-facing texts come back in; a text missing in it follows the
    // language's fallback list, then the bundle's default language. Unknown codes are ignored.
    void set_language(const std::string& code);
    const std::string& language() const { return language_; }
    // How many records of `entity` have `field` translated into `lang` (for coverage reports).
    std::int64_t translated_count(const std::string& entity, const std::string& field,
                                  const std::string& lang) const;
    // Every code point the bundle's visitor-facing text uses (recorded by plaza-bundle).
    std::set<char32_t> code_points() const;
    std::string meta(const std::string& key) const;

    // ---- The event schedule (content_store_schedule.cpp) ----
    // Minutes to add to UTC for the event's local time at `instant_ms`, from the bundle's
    // zone_offset table (the build machine's tz database), so neither the device's zone data
    // nor its settings matter; event().utc_offset_minutes for a bundle without that table.
    int local_offset_minutes(std::int64_t instant_ms) const;
    std::vector<ScheduleDayInfo> schedule_days() const;
    std::vector<RoomInfo> rooms() const;  // in the organisers' order
    // Every session's title in the current language (the attract loop's Now & Next shows them
    // in its poster type, whose glyphs are built for its own texts only).
    std::vector<std::string> session_titles() const;
    // Sessions of one conference day (YYYY-MM-DD), by start time then room.
    std::vector<SessionItem> sessions_on(const std::string& day) const;
    // Per room: the session on at `instant_ms` and the next one starting within
    // `window_minutes` after it. Rooms with neither are left out.
    std::vector<RoomNowNext> now_and_next(std::int64_t instant_ms, int window_minutes) const;
    // False when there is no session `session_id`.
    bool session_detail(std::int64_t session_id, SessionDetail& out) const;

    // [SECTION] Browsing partnerships and good practices (content_store_browse.cpp)
    // The event's texts in the current language.
    EventInfo localized_event() const;
    // Every partnership as a grid card (no summary), in title order, with its filter data.
    std::vector<PartnershipCard> partnership_cards() const;
    // The same cards of the featured partnerships only (what home and the attract loop show).
    std::vector<PartnershipCard> featured_partnership_cards() const;
    std::vector<PracticeCard> practice_cards() const;
    // The choices the filter chips offer, each used by at least one partnership.
    Facets partnership_facets() const;
    // A whole profile; an empty title means there is no such partnership.
    PartnershipProfile partnership_profile(std::int64_t id) const;
    PracticeDetail practice_detail(std::int64_t id) const;
    // Every city with a partnership, by id, for the world map (content_store_map.cpp); the
    // partnerships' links and theme colours are in their cards (city_ids, colour).
    std::vector<MapCity> map_cities() const;

    // The file the store reads, for a second connection on another thread.
    const std::string& path() const { return path_; }

  private:
    explicit ContentStore(Database db);
    // The cards of the partnerships `condition` (SQL over `p`, the partnership row) selects.
    std::vector<PartnershipCard> partnership_cards_where(const std::string& condition) const;
    std::vector<PartnershipCard> query_cards(const std::string& order_and_limit, int limit) const;
    // SQL for a translated column: the text in the first language of the chain that has one.
    std::string localized(const char* entity, const char* id_column, const char* field,
                          const char* base_column) const;
    // ---- Schedule helpers (content_store_schedule.cpp) ----
    bool has_table(const char* name) const;
    void load_zone_offsets();  // zone_offset into zone_offsets_, at open
    void load_brand();         // event_brand into event_.brand, at open
    // "SELECT <a session's columns> FROM <session and its joins> ", for a WHERE to follow.
    std::string schedule_columns() const;
    // Steps a query built on schedule_columns(), appending its sessions with their speakers.
    void read_sessions(Statement& stmt, std::vector<SessionItem>& out) const;
    // The language a record's texts fall back to when the current one lacks them ("" if none).
    std::string fallback_for(const char* entity, std::int64_t id, const char* field) const;
    std::vector<Contact> contacts_of(const char* owner_kind, std::int64_t id) const;
    std::vector<MediaRef> media_of(const char* owner_kind, std::int64_t id) const;
    std::vector<Facet> themes_of(const char* link_table, const char* owner_column,
                                 std::int64_t id) const;
    // Partnerships (as cards with id, title and cities) that `link_table` links to record `id`
    // through `owner_column`, ordered by `order` ("" for the table's own order).
    std::vector<PartnershipCard> partnerships_linked(const char* link_table,
                                                     const char* owner_column, std::int64_t id,
                                                     const char* order) const;
    // ---- Search helpers (content_store_search.cpp) ----
    struct SearchIndex;
    struct SearchCandidate;
    using CandidatesByKind = std::vector<std::vector<SearchCandidate>>;
    SearchIndex& search_index() const;  // made on the first search
    // The FTS5 expression for the typed words; "" when one of them starts no indexed word.
    std::string fts_query(const std::vector<std::string>& words) const;
    std::string index_words_starting(const std::string& term) const;
    void record_candidates(const std::string& query, const std::string& first_word, int per_kind,
                           CandidatesByKind& out) const;
    void city_candidates(const std::string& typed, int per_kind, CandidatesByKind& out) const;
    // SQL for "City, Country" in the current language, from a city `c` joined to its country
    // `co`.
    std::string city_label() const;
    Database db_;
    std::string path_;
    EventInfo event_;
    std::string language_;
    std::vector<std::string> chain_;  // the languages to try before the base column
    struct ZoneOffset {
        std::int64_t starts_at;  // Unix seconds from which the offset holds
        int offset_minutes;      // checked to be one a zone can have
    };
    std::vector<ZoneOffset> zone_offsets_;  // by starts_at
    // After db_, so that its statements are finalized before the connection closes.
    mutable std::unique_ptr<SearchIndex> search_;
};

}  // namespace plaza::content
