// Plain data the content store hands to the UI: no SQL handles, no pointers into the database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plaza::content {

struct Language {
    std::string code;  // BCP 47, e.g. "ca"
    std::string name;  // in its own language, e.g. "Català"
};

struct EventInfo {
    std::string name, venue, city;
    std::string starts_on, ends_on;  // local dates, YYYY-MM-DD
    std::string time_zone;           // IANA name, e.g. "Europe/Brussels"
    int utc_offset_minutes = 0;
    std::vector<Language> languages;
};

struct PartnershipCard {
    std::int64_t id = 0;
    std::string title;
    std::string cities;
    std::string summary;
};

struct ContentCounts {
    std::int64_t partnerships = 0;
    std::int64_t practices = 0, sessions = 0, speakers = 0, rooms = 0;
    std::int64_t cities = 0, countries = 0, programmes = 0, themes = 0, media = 0;
    std::int64_t translations = 0;
};

// One search result: what kind of record, its row id, and its title in the current language.
struct SearchHit {
    std::string kind;  // partnership, practice, session or speaker
    std::int64_t id = 0;
    std::string title;
};

}  // namespace plaza::content
