// SPDX-License-Identifier: GPL-3.0-or-later
// Plain data the content store hands to the UI: no SQL handles, no pointers into the database.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace plaza::content {

struct Language {
    std::string code;  // BCP 47, e.g. "ca"
    std::string name;  // in its own language, e.g. "Català"
};

// A colour from the bundle (themes, SDGs, the event's accent), 8 bits per channel.
struct Colour {
    std::uint8_t r = 0x80, g = 0x80, b = 0x80;
};

// The event's own look (event.txt's logo, accent_colour and hero); all optional.
struct EventBrand {
    bool has_accent = false;
    Colour accent;
    std::int64_t logo = 0, hero = 0;  // media ids, 0 for none
    std::string hero_credit;
};

struct EventInfo {
    std::string name, venue, city;
    std::string starts_on, ends_on;  // local dates, YYYY-MM-DD
    std::string time_zone;           // IANA name, e.g. "Europe/Brussels"
    int utc_offset_minutes = 0;
    std::vector<Language> languages;
    // Session languages other than the event's: code -> the event language -> its name there.
    std::map<std::string, std::map<std::string, std::string>> language_names;
    EventBrand brand;
};

struct PartnershipCard {
    std::int64_t id = 0;
    std::string title;
    std::string cities;
    std::string summary;  // empty in the grid's cards (not shown there)
    // For the grid: the first theme's colour, a thumbnail (media id, 0 for none), and what the
    // filter chips match against.
    Colour colour;
    std::int64_t thumbnail = 0;
    std::int64_t programme_id = 0;
    std::vector<std::int64_t> theme_ids;
    std::vector<std::int64_t> region_ids;  // as Facet numbers regions
    std::vector<std::int64_t> city_ids;
    std::uint32_t sdgs = 0;  // bit n set for SDG n
    bool featured = false;
};

struct ContentCounts {
    std::int64_t partnerships = 0;
    std::int64_t practices = 0, sessions = 0, speakers = 0, rooms = 0;
    std::int64_t cities = 0, countries = 0, programmes = 0, themes = 0, media = 0;
    std::int64_t translations = 0;
};

// One search result: what kind of record, its row id, and its title in the current language.
struct SearchHit {
    std::string kind;  // partnership, practice, session, speaker or city
    std::int64_t id = 0;
    std::string title;   // a city's is "City, Country"
    std::string detail;  // a city's romanised spelling when its name has another ("Ghent")
};

// ---- The event schedule (ContentStore's schedule queries, content_store_schedule.cpp) ----
// Instants are Unix milliseconds; ContentStore::local_offset_minutes turns them into the event's
// local time. Visitor-facing texts come in the store's current language.

struct ScheduleDayInfo {
    std::string date;  // the conference day's local date, YYYY-MM-DD
    int position = 0;  // 0 for the first day
    std::int64_t sessions = 0;
};

struct RoomInfo {
    std::int64_t id = 0;
    std::string name, floor, location;
    std::string slug;  // the organisers' id (rooms.csv), as a room sign's configuration names it
};

struct SessionSpeaker {
    std::int64_t id = 0;
    std::string name, organisation;
};

struct SessionItem {
    std::int64_t id = 0;
    std::string title;
    std::string day;  // the conference day (a session after midnight keeps its evening's day)
    std::int64_t starts_at_ms = 0, ends_at_ms = 0;  // equal when the source gave no length
    std::int64_t room_id = 0;
    std::string room;
    std::string track;     // an imported schedule's track, may be empty
    std::string theme;     // a native schedule's theme, may be empty
    std::string type;      // "talk", "workshop", ... as the organisers wrote it
    std::string language;  // a language code, empty when unknown
    std::string status;    // confirmed, cancelled or moved
    std::vector<SessionSpeaker> speakers;
};

// One room on the "Now & Next" screen: what is on at the instant asked about, and what starts
// next within the window. A cancelled session is still listed, so the kiosk can say so.
struct RoomNowNext {
    RoomInfo room;
    bool has_now = false, has_next = false;
    SessionItem now, next;
};

struct SessionLink {
    std::string url, title;
};

struct SpeakerDetail {
    std::int64_t id = 0;
    std::string name, organisation, city;
    std::string bio_md;  // Plaza Markdown
    std::vector<SessionLink> links;
    std::int64_t photo = 0;  // media id of the speaker's photo, 0 for none
};

struct SessionDetail {
    SessionItem session;
    std::string abstract_md;  // Plaza Markdown
    std::string room_floor, room_location;
    std::vector<SpeakerDetail> speakers;
    std::vector<SessionLink> links;
    std::vector<PartnershipCard> partnerships;  // what the session is about (id, title, cities)
};

// [SECTION] Browsing partnerships and good practices (content_store_browse.cpp)

// One choice of a filter: a theme, a programme, a region, an SDG or a city.
struct Facet {
    // Theme/programme/city id, SDG number; for a region the smallest id of a country in it.
    std::int64_t id = 0;
    std::string key;    // region name for regions, slug otherwise
    std::string label;  // a city's is "City, Country"
    Colour colour;
};

struct Facets {
    std::vector<Facet> themes, programmes, regions, sdgs;
    std::vector<Facet> cities;  // by id; the grid offers no chips for them, search leads there
};

struct CityRole {
    std::string city, country;
    std::string role;  // lead or partner
};

struct Contact {
    std::string organisation, person, email, url;
};

struct MediaRef {
    std::int64_t media_id = 0;
    std::string source;   // the path the organisers gave, as Markdown bodies refer to it
    std::string caption;  // a practice's caption, a partnership photo's credit
    int width = 0, height = 0;
};

struct PracticeCard {
    std::int64_t id = 0;
    std::string title;
    std::string city;  // "Ghent, Belgium"
    std::string summary;
    Colour colour;
    std::int64_t thumbnail = 0;
    std::vector<std::int64_t> theme_ids;
    bool featured = false;
};

struct KeyFigure {
    std::string value, label;
};

struct PartnershipProfile {
    std::int64_t id = 0;
    std::string title, programme, starts_on, ends_on, status;
    std::string summary, objectives, activities, results, lessons;
    std::vector<CityRole> cities;
    std::vector<Facet> themes;
    std::vector<Facet> sdgs;
    std::vector<Contact> contacts;
    std::vector<MediaRef> media;
    std::vector<PracticeCard> practices;
    std::vector<SessionItem> sessions;  // at this event, by start time
    // The language the texts are in when the visitor's is missing for this record ("" when
    // they are in the visitor's language).
    std::string fallback_language;
};

// A city on the world map: one that has partnerships, where it is, and what to call it.
struct MapCity {
    std::int64_t id = 0;
    std::string name;                    // "Gent", as the map labels it
    std::string label;                   // "Gent, Belgium", as lists name it
    double latitude = 0, longitude = 0;  // degrees, checked to be on the globe
};

struct PracticeDetail {
    std::int64_t id = 0;
    std::string title, city, summary, body_markdown;
    std::vector<Facet> themes;
    std::vector<KeyFigure> key_figures;
    std::vector<PartnershipCard> partnerships;
    std::vector<Contact> contacts;
    std::vector<MediaRef> media;
    std::string fallback_language;
};

}  // namespace plaza::content
