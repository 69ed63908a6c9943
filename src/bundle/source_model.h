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
    Texts name, venue;
    std::string city, starts_on, ends_on, time_zone;
    int utc_offset_minutes = 0;
    std::vector<LanguageSource> languages;  // the first is the default language
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
    std::string value;
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

struct SpeakerSource {
    std::string id, name, organisation, city;
    Texts bio;
    std::string photo;  // image path, may be empty
};

struct SessionSource {
    std::string id;
    Texts title, abstract;
    std::int64_t starts_at = 0, ends_at = 0;  // Unix seconds
    std::string day;                          // local date of the start
    std::string room, theme, type, language, status;
    std::vector<std::string> speakers;
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
    std::map<std::string, ProcessedImage> images;  // by ImageRef::path
};

}  // namespace plaza::bundle
