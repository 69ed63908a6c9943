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
};

}  // namespace plaza::content
