// SPDX-License-Identifier: GPL-3.0-or-later
// The content of a bundle in memory, between reading (a source folder, or synth) and writing
// (bundle_writer). Records refer to each other by their source ids (slugs); the writer turns
// those into row ids. Everything here has already been validated when it reaches the writer.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace plaza::bundle {

// A visitor-facing text in the bundle's default language plus its translations by language code.
struct Texts {
    std::string base;
    std::map<std::string, std::string> by_lang;
};

struct LanguageSource {
    std::string code, name;
    std::vector<std::string> fallback;  // tried in order before the default language
};

struct EventSource {
    Texts name, venue, city;
    std::string starts_on, ends_on, time_zone;
    int utc_offset_minutes = 0;
    std::vector<LanguageSource> languages;  // the first is the default language
    // `language_name.xx` for languages other than the event's: the name a session in `xx` shows.
    std::map<std::string, std::string> other_language_names;
    // The event's brand: image keys into SourceBundle::images (empty: none), the hero's credit
    // and the accent colour (#RRGGBB or empty).
    std::string logo, hero, hero_credit, accent_colour;
};

struct ProgrammeSource {
    std::string id;
    Texts name, description;
    std::string url;
};

struct ThemeSource {
    std::string id;
    Texts name;
    std::string colour;  // #RRGGBB
};

struct CountrySource {
    std::string code;  // ISO 3166-1 alpha-2
    Texts name;
    std::string region;
};

struct CitySource {
    std::string id, name, country;
    std::string name_latin;  // a romanised spelling when `name` is in another script, for search
    double latitude = 0, longitude = 0;
};

struct ContactSource {
    std::string organisation, person, email, url;
};

struct ImageRef {
    std::string path;  // relative to the source folder; the key into SourceBundle::images
    std::string caption;
};

struct PartnershipSource {
    std::string id;
    Texts title, summary, objectives, activities, results, lessons;
    std::string programme;  // may be empty
    std::string starts_on, ends_on;
    std::string status;  // planned, active, completed
    std::vector<std::string> lead_cities, partner_cities;
    std::vector<std::string> themes;
    std::vector<int> sdgs;
    std::vector<ContactSource> contacts;
    std::vector<ImageRef> images;
    bool featured = false;
};

struct KeyFigure {
    Texts value;  // usually a number, but "1 fare" or "2018" need words in each language too
    Texts label;
};

struct PracticeSource {
    std::string id;
    Texts title, summary, body;  // body is Markdown
    std::string city;
    std::vector<std::string> themes, partnerships;
    std::vector<KeyFigure> figures;
    std::vector<ContactSource> contacts;
    std::vector<ImageRef> images;
    bool featured = false;
};

struct RoomSource {
    std::string id;
    Texts name;
    std::string floor, location;
};

// A web address shown with a session or speaker (as a QR code: the kiosk has no browser).
struct LinkSource {
    std::string url, title;
};

struct SpeakerSource {
    std::string id, name, organisation, city;
    Texts bio;
    std::string photo;  // image path, may be empty
    std::vector<LinkSource> links;
};

// A schedule track ("Security", "Art & Beauty"): imported schedules have them; partnership
// themes are a separate list, so hundreds of conference tracks never crowd the theme filters.
struct TrackSource {
    std::string id;
    Texts name;
};

struct SessionSource {
    std::string id;
    Texts title, abstract;                    // abstract is Plaza Markdown
    std::int64_t starts_at = 0, ends_at = 0;  // Unix seconds; equal for a zero-length session
    std::string day;                          // the conference day's local date
    std::string room, theme, type, language, status;
    std::vector<std::string> speakers;
    std::string track;  // may be empty
    std::vector<LinkSource> links;
    std::vector<std::string> partnerships;  // the partnerships it is about, in the given order
};

// How a session language other than the event's is named on screens in language `lang`.
struct LanguageNameSource {
    std::string code, lang, name;
};

// From `starts_at` (Unix seconds) until the next entry, local time is UTC + offset_minutes.
struct ZoneOffsetSource {
    std::int64_t starts_at = 0;
    int offset_minutes = 0;
    std::string abbreviation;
};

// An image after re-encoding: what the bundle stores.
struct EncodedImage {
    int width = 0, height = 0;
    std::string mime;
    std::string data;
};

struct ProcessedImage {
    int width = 0, height = 0;  // of the original, after orientation
    EncodedImage large, thumb;
};

struct SourceBundle {
    EventSource event;
    std::vector<ProgrammeSource> programmes;
    std::vector<ThemeSource> themes;
    std::vector<CountrySource> countries;
    std::vector<CitySource> cities;
    std::vector<PartnershipSource> partnerships;
    std::vector<PracticeSource> practices;
    std::vector<RoomSource> rooms;
    std::vector<SpeakerSource> speakers;
    std::vector<SessionSource> sessions;
    std::vector<TrackSource> tracks;
    std::vector<LanguageNameSource> language_names;  // for each event language
    // The event zone's offsets from the day before starts_on to the day after ends_on.
    std::vector<ZoneOffsetSource> zone_offsets;
    std::map<std::string, ProcessedImage> images;  // by ImageRef::path
};

}  // namespace plaza::bundle
