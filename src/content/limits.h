// SPDX-License-Identifier: GPL-3.0-or-later
// What a bundle may hold, in one table: every column's kind and bound, every table's row count,
// the code-point census, images and media bytes. plaza-bundle checks what it writes against it
// and the kiosk refuses a bundle that holds more (bundle_scan), so nothing the tool would not
// write reaches the screen, and the screens only have to cope with what is listed here.
// docs/bundle-format.md lists the same numbers for organisers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/schema.h"

namespace plaza::content::limits {

// Lengths in characters (Unicode code points), as organisers count them.
inline constexpr std::size_t kIdChars = 64;        // slugs
inline constexpr std::size_t kShortChars = 40;     // types, colours, language names of sessions
inline constexpr std::size_t kNameChars = 120;     // names of people, cities, rooms, themes
inline constexpr std::size_t kTitleChars = 200;    // titles, organisations, the event's name
inline constexpr std::size_t kLinkChars = 300;     // web addresses, e-mail, captions
inline constexpr std::size_t kSummaryChars = 600;  // a card's summary
inline constexpr std::size_t kBioChars = 1000;     // a speaker's biography
inline constexpr std::size_t kLongChars = 4000;    // a profile's sections; session abstracts
inline constexpr std::size_t kBodyChars = 40000;   // a good practice's Markdown page
inline constexpr std::size_t kFigureChars = kTitleChars + kLinkChars;  // a key figure's line
// A partnership lists at most this many cities (a cluster of cities, not a network of hundreds);
// its card line (`partnership.cities`, the names joined by " · ") is bounded by it, and so is what
// each of 50,000 cards in the grid holds for the filters.
inline constexpr std::int64_t kCitiesPerPartnership = 12;
inline constexpr std::size_t kCityLineChars = kCitiesPerPartnership * (kNameChars + 3);

// The kiosk reads at most this many language_name rows (a session language's name in one event
// language each): a programme in many languages, translated into a few, stays far below.
inline constexpr std::int64_t kLanguageNameRows = 4096;

// Session times and zone offsets lie within this many days of the event's first day.
inline constexpr std::int64_t kInstantRangeDays = 3653;  // ten years
// The distinct characters the content uses (bundle_meta.code_points): the kiosk builds its font
// atlas from them, and this many Han characters still fit it at the largest text size
// (ui/fonts.h). Everyday Chinese text uses about 3,500; Chinese, Japanese and Korean together
// about 6,000.
inline constexpr std::int64_t kCensusCodePoints = 8192;

// Images: the builder stores a large rendition and a thumbnail of each photo (JPEG); the kiosk
// decodes nothing bigger, and the original's size (media.width/height) is only recorded.
inline constexpr int kLargeSide = 1600;
inline constexpr int kThumbSide = 320;
inline constexpr int kOriginalSide = 12000;
inline constexpr std::int64_t kImageBytes = 4 * 1024 * 1024;        // one stored rendition
inline constexpr std::int64_t kMediaBytes = 768ll * 1024 * 1024;    // all of them together
inline constexpr std::int64_t kBundleBytes = 1024ll * 1024 * 1024;  // the whole file

enum class Kind {
    integer,  // an INTEGER value, within [min, max]
    real,     // a REAL (or INTEGER) value, within [min, max]
    text,     // valid UTF-8 of at most max code points
    date,     // YYYY-MM-DD, a real day within kInstantRangeDays of the event
    instant,  // Unix seconds within kInstantRangeDays of the event
    blob,     // at most max bytes
};

struct Column {
    std::string_view table, column;
    Kind kind;
    bool nullable;
    std::int64_t min, max;      // a value range (integer, real) or a length (text, blob)
    std::string_view one_of{};  // for a text: the values it may take, separated by '|'
};

inline constexpr std::int64_t kAny = INT64_MAX;

// Every column of every table in schema.h except the full-text index's own tables (checked by
// FTS5's integrity-check). Columns of a translated text name the same bound as the base column:
// `translation.value` is bounded by the column its (entity, field) names.
inline constexpr Column kColumns[] = {
    {"bundle_meta", "key", Kind::text, false, 1, 32},
    {"bundle_meta", "value", Kind::text, false, 0, kCensusCodePoints},
    {"language", "code", Kind::text, false, 2, 3},
    {"language", "name", Kind::text, false, 0, kNameChars},
    {"language", "position", Kind::integer, false, 0, 63},
    {"language", "fallback", Kind::text, false, 0, kNameChars},
    {"translation", "entity", Kind::text, false, 1, 16},
    {"translation", "entity_id", Kind::integer, false, 1, kAny},
    {"translation", "field", Kind::text, false, 1, 16},
    {"translation", "lang", Kind::text, false, 2, 3},
    {"translation", "value", Kind::text, false, 0, kBodyChars},
    {"event", "id", Kind::integer, false, 1, 1},
    {"event", "name", Kind::text, false, 0, kTitleChars},
    {"event", "venue", Kind::text, false, 0, kTitleChars},
    {"event", "city", Kind::text, false, 0, kTitleChars},
    {"event", "starts_on", Kind::date, false, 0, 0},
    {"event", "ends_on", Kind::date, false, 0, 0},
    {"event", "time_zone", Kind::text, false, 0, kIdChars},
    {"event", "utc_offset_minutes", Kind::integer, false, -720, 840},
    {"programme", "id", Kind::integer, false, 1, kAny},
    {"programme", "slug", Kind::text, false, 1, kIdChars},
    {"programme", "name", Kind::text, false, 0, kTitleChars},
    {"programme", "description", Kind::text, false, 0, kLongChars},
    {"programme", "url", Kind::text, false, 0, kLinkChars},
    {"theme", "id", Kind::integer, false, 1, kAny},
    {"theme", "slug", Kind::text, false, 1, kIdChars},
    {"theme", "name", Kind::text, false, 0, kNameChars},
    {"theme", "colour", Kind::text, false, 7, 7},
    {"sdg", "number", Kind::integer, false, 1, 17},
    {"sdg", "name", Kind::text, false, 0, kNameChars},
    {"sdg", "colour", Kind::text, false, 7, 7},
    {"country", "id", Kind::integer, false, 1, kAny},
    {"country", "code", Kind::text, false, 2, 3},
    {"country", "name", Kind::text, false, 0, kNameChars},
    {"country", "region", Kind::text, false, 0, kShortChars},
    {"city", "id", Kind::integer, false, 1, kAny},
    {"city", "slug", Kind::text, false, 1, kIdChars},
    {"city", "name", Kind::text, false, 0, kNameChars},
    {"city", "name_latin", Kind::text, false, 0, kNameChars},
    {"city", "country_code", Kind::text, false, 2, 3},
    {"city", "latitude", Kind::real, false, -90, 90},
    {"city", "longitude", Kind::real, false, -180, 180},
    {"partnership", "id", Kind::integer, false, 1, kAny},
    {"partnership", "slug", Kind::text, false, 1, kIdChars},
    {"partnership", "title", Kind::text, false, 0, kTitleChars},
    {"partnership", "programme_id", Kind::integer, true, 1, kAny},
    {"partnership", "starts_on", Kind::text, false, 0, 10},
    {"partnership", "ends_on", Kind::text, false, 0, 10},
    {"partnership", "status", Kind::text, false, 1, 16, "planned|active|completed"},
    {"partnership", "summary", Kind::text, false, 0, kSummaryChars},
    {"partnership", "objectives", Kind::text, false, 0, kLongChars},
    {"partnership", "activities", Kind::text, false, 0, kLongChars},
    {"partnership", "results", Kind::text, false, 0, kLongChars},
    {"partnership", "lessons", Kind::text, false, 0, kLongChars},
    {"partnership", "cities", Kind::text, false, 0, kCityLineChars},
    {"partnership", "featured", Kind::integer, false, 0, 1},
    {"partnership_city", "partnership_id", Kind::integer, false, 1, kAny},
    {"partnership_city", "city_id", Kind::integer, false, 1, kAny},
    {"partnership_city", "role", Kind::text, false, 1, 16, "lead|partner"},
    {"partnership_city", "position", Kind::integer, false, 0, kCitiesPerPartnership - 1},
    {"partnership_theme", "partnership_id", Kind::integer, false, 1, kAny},
    {"partnership_theme", "theme_id", Kind::integer, false, 1, kAny},
    {"partnership_sdg", "partnership_id", Kind::integer, false, 1, kAny},
    {"partnership_sdg", "sdg", Kind::integer, false, 1, 17},
    {"practice", "id", Kind::integer, false, 1, kAny},
    {"practice", "slug", Kind::text, false, 1, kIdChars},
    {"practice", "title", Kind::text, false, 0, kTitleChars},
    {"practice", "city_id", Kind::integer, false, 1, kAny},
    {"practice", "summary", Kind::text, false, 0, kSummaryChars},
    {"practice", "body_md", Kind::text, false, 0, kBodyChars},
    {"practice", "featured", Kind::integer, false, 0, 1},
    {"practice_theme", "practice_id", Kind::integer, false, 1, kAny},
    {"practice_theme", "theme_id", Kind::integer, false, 1, kAny},
    {"practice_partnership", "practice_id", Kind::integer, false, 1, kAny},
    {"practice_partnership", "partnership_id", Kind::integer, false, 1, kAny},
    {"key_figure", "id", Kind::integer, false, 1, kAny},
    {"key_figure", "practice_id", Kind::integer, false, 1, kAny},
    {"key_figure", "position", Kind::integer, false, 0, 999},
    {"key_figure", "value", Kind::text, false, 0, kFigureChars},
    {"key_figure", "label", Kind::text, false, 0, kFigureChars},
    {"contact", "owner_kind", Kind::text, false, 1, 16, "partnership|practice"},
    {"contact", "owner_id", Kind::integer, false, 1, kAny},
    {"contact", "position", Kind::integer, false, 0, 999},
    {"contact", "organisation", Kind::text, false, 0, kTitleChars},
    {"contact", "person", Kind::text, false, 0, kNameChars},
    {"contact", "email", Kind::text, false, 0, kLinkChars},
    {"contact", "url", Kind::text, false, 0, kLinkChars},
    {"day", "date", Kind::date, false, 0, 0},
    {"day", "position", Kind::integer, false, 0, 999},
    {"room", "id", Kind::integer, false, 1, kAny},
    {"room", "slug", Kind::text, false, 1, kIdChars},
    {"room", "name", Kind::text, false, 0, kNameChars},
    {"room", "floor", Kind::text, false, 0, kNameChars},
    {"room", "location", Kind::text, false, 0, kTitleChars},
    {"room", "position", Kind::integer, false, 0, kAny},
    {"speaker", "id", Kind::integer, false, 1, kAny},
    {"speaker", "slug", Kind::text, false, 1, kIdChars},
    {"speaker", "name", Kind::text, false, 0, kNameChars},
    {"speaker", "organisation", Kind::text, false, 0, kTitleChars},
    {"speaker", "city_id", Kind::integer, true, 1, kAny},
    {"speaker", "bio", Kind::text, false, 0, kBioChars},
    {"session", "id", Kind::integer, false, 1, kAny},
    {"session", "slug", Kind::text, false, 1, kIdChars},
    {"session", "title", Kind::text, false, 0, kTitleChars},
    {"session", "day", Kind::date, false, 0, 0},
    {"session", "starts_at", Kind::instant, false, 0, 0},
    {"session", "ends_at", Kind::instant, false, 0, 0},
    {"session", "room_id", Kind::integer, false, 1, kAny},
    {"session", "theme_id", Kind::integer, true, 1, kAny},
    {"session", "type", Kind::text, false, 0, kShortChars},
    {"session", "language", Kind::text, false, 0, kShortChars},
    {"session", "abstract", Kind::text, false, 0, kLongChars},
    {"session", "status", Kind::text, false, 1, 16, "confirmed|cancelled|moved"},
    {"session_speaker", "session_id", Kind::integer, false, 1, kAny},
    {"session_speaker", "speaker_id", Kind::integer, false, 1, kAny},
    {"session_speaker", "position", Kind::integer, false, 0, 999},
    {"zone_offset", "starts_at", Kind::instant, false, 0, 0},
    {"zone_offset", "offset_minutes", Kind::integer, false, -720, 840},
    {"zone_offset", "abbreviation", Kind::text, false, 0, kShortChars},
    {"track", "id", Kind::integer, false, 1, kAny},
    {"track", "slug", Kind::text, false, 1, kIdChars},
    {"track", "name", Kind::text, false, 0, kNameChars},
    {"track", "position", Kind::integer, false, 0, kAny},
    {"session_track", "session_id", Kind::integer, false, 1, kAny},
    {"session_track", "track_id", Kind::integer, false, 1, kAny},
    {"link", "owner_kind", Kind::text, false, 1, 16, "session|speaker"},
    {"link", "owner_id", Kind::integer, false, 1, kAny},
    {"link", "position", Kind::integer, false, 0, 999},
    {"link", "url", Kind::text, false, 1, kLinkChars},
    {"link", "title", Kind::text, false, 0, kTitleChars},
    {"session_partnership", "session_id", Kind::integer, false, 1, kAny},
    {"session_partnership", "partnership_id", Kind::integer, false, 1, kAny},
    {"session_partnership", "position", Kind::integer, false, 0, 9999},
    {"media", "id", Kind::integer, false, 1, kAny},
    {"media", "source", Kind::text, false, 1, kLinkChars},
    {"media", "width", Kind::integer, false, 1, kOriginalSide},
    {"media", "height", Kind::integer, false, 1, kOriginalSide},
    {"media", "credit", Kind::text, false, 0, kLinkChars},
    {"media_image", "id", Kind::integer, false, 1, kAny},
    {"media_image", "media_id", Kind::integer, false, 1, kAny},
    {"media_image", "variant", Kind::text, false, 1, 8, "large|thumb"},
    {"media_image", "width", Kind::integer, false, 1, kLargeSide},
    {"media_image", "height", Kind::integer, false, 1, kLargeSide},
    {"media_image", "mime", Kind::text, false, 1, 16, "image/jpeg|image/png"},
    {"media_image", "data", Kind::blob, false, 1, kImageBytes},
    {"media_link", "owner_kind", Kind::text, false, 1, 16, "partnership|practice|speaker"},
    {"media_link", "owner_id", Kind::integer, false, 1, kAny},
    {"media_link", "position", Kind::integer, false, 0, 999},
    {"media_link", "media_id", Kind::integer, false, 1, kAny},
    {"media_link", "caption", Kind::text, false, 0, kLinkChars},
    {"search_doc", "id", Kind::integer, false, 1, kAny},
    {"search_doc", "kind", Kind::text, false, 1, 16, "partnership|practice|session|speaker"},
    {"search_doc", "ref_id", Kind::integer, false, 1, kAny},
};

struct Table {
    std::string_view table;
    std::int64_t max_rows;
};

// Row counts. The kiosk's memory and an install's time grow with them; the worst bundle within
// all of them is what the service's memory limit is measured against (README, "Benchmarks").
inline constexpr Table kTables[] = {
    {"bundle_meta", 32},
    {"language", 32},
    {"translation", 2'000'000},
    {"event", 1},
    {"programme", 1'000},
    {"theme", 200},
    {"sdg", 17},
    {"country", 300},
    {"city", 50'000},
    {"partnership", 50'000},
    {"partnership_city", 50'000 * kCitiesPerPartnership},
    {"partnership_theme", 500'000},
    {"partnership_sdg", 50'000 * 17},
    {"practice", 10'000},
    {"practice_theme", 100'000},
    {"practice_partnership", 100'000},
    {"key_figure", 100'000},
    {"contact", 200'000},
    {"day", 366},
    {"room", 1'000},
    {"speaker", 20'000},
    {"session", 20'000},
    {"session_speaker", 200'000},
    {"zone_offset", kMaxZoneOffsets},
    {"track", 500},
    {"session_track", 20'000},
    {"link", 100'000},
    {"session_partnership", 200'000},
    {"media", 2'000},
    {"media_image", 4'000},
    {"media_link", 200'000},
    {"search_doc", 100'000},
};

// The bound of one column, or nullptr for a column this table does not list.
inline constexpr const Column* find_column(std::string_view table, std::string_view column) {
    for (const Column& c : kColumns) {
        if (c.table == table && c.column == column) return &c;
    }
    return nullptr;
}

inline constexpr std::int64_t max_rows(std::string_view table) {
    for (const Table& t : kTables) {
        if (t.table == table) return t.max_rows;
    }
    return 0;
}

}  // namespace plaza::content::limits
