#include "bundle/source_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "bundle/image_processing.h"
#include "bundle/imported_schedule.h"
#include "bundle/schedule/schedule_import.h"
#include "bundle/schedule/time_zone_db.h"
#include "content/limits.h"
#include "core/civil_time.h"
#include "core/csv.h"
#include "core/safe_file.h"
#include "core/utf8.h"

namespace plaza::bundle {
namespace fs = std::filesystem;
namespace {

// Length limits in characters (code points): the kiosk's own table (content/limits.h), so a
// folder that builds is a bundle every kiosk accepts. A CSV abstract is shorter than the column
// allows: an export's abstract and description together fill it.
using namespace content::limits;
constexpr size_t kAbstractChars = 2000;
// A schedule export bigger than this is not one: the biggest real export is 2.3 MB.
constexpr std::uintmax_t kScheduleFileBytes = 32 * 1024 * 1024;
// No file of a content folder is read past this (photos are refused past 25 MB).
constexpr std::int64_t kFileBytes = 64 * 1024 * 1024;
const char* const kDash = " \xE2\x80\x94 ";  // " — " between a warning and what was done
// The files of a schedule written as CSV; a folder takes its schedule from them or an export.
const char* const kNativeScheduleFiles[] = {"sessions.csv", "rooms.csv", "speakers.csv"};

// Names of languages in their own language, so organisers only list codes.
const std::map<std::string, std::string> kAutonyms = {
    {"ar", "العربية"},    {"ca", "Català"},     {"cs", "Čeština"},  {"da", "Dansk"},
    {"de", "Deutsch"},    {"el", "Ελληνικά"},   {"en", "English"},  {"es", "Español"},
    {"eu", "Euskara"},    {"fi", "Suomi"},      {"fr", "Français"}, {"gl", "Galego"},
    {"hi", "हिन्दी"},      {"hu", "Magyar"},     {"it", "Italiano"}, {"ja", "日本語"},
    {"ko", "한국어"},     {"nl", "Nederlands"}, {"pl", "Polski"},   {"pt", "Português"},
    {"ro", "Română"},     {"ru", "Русский"},    {"sv", "Svenska"},  {"tr", "Türkçe"},
    {"uk", "Українська"}, {"vi", "Tiếng Việt"}, {"zh", "中文"},
};

std::string trim(std::string_view s) {
    const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r'; };
    while (!s.empty() && !not_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && !not_space(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> split(std::string_view s, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(separator, start);
        if (end == std::string_view::npos) end = s.size();
        parts.push_back(trim(s.substr(start, end - start)));
        start = end + 1;
    }
    return parts;
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> items;
    for (auto& item : split(s, ';'))
        if (!item.empty()) items.push_back(std::move(item));
    return items;
}

bool is_valid_id(const std::string& id) {
    if (id.empty() || id.front() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool is_language_code(const std::string& code) {
    if (code.size() < 2 || code.size() > 3) return false;
    return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool valid_date(int y, int m, int d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// YYYY-MM-DD only, with a real calendar day.
bool is_date(const std::string& s) {
    int y, m, d;
    char extra;
    return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
           std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 && valid_date(y, m, d);
}

// A period boundary: YYYY, YYYY-MM or YYYY-MM-DD.
bool is_period_date(const std::string& s) {
    int y, m;
    char extra;
    if (s.size() == 4) return std::sscanf(s.c_str(), "%4d%c", &y, &extra) == 1 && y >= 1900;
    if (s.size() == 7)
        return s[4] == '-' && std::sscanf(s.c_str(), "%4d-%2d%c", &y, &m, &extra) == 2 &&
               valid_date(y, m, 1);
    return is_date(s);
}

bool is_colour(const std::string& s) {
    return s.size() == 7 && s[0] == '#' &&
           std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(c); });
}

bool is_email(const std::string& s) {
    const auto at = s.find('@');
    return at != std::string::npos && at > 0 && at + 1 < s.size() &&
           s.find('@', at + 1) == std::string::npos && s.find(' ') == std::string::npos &&
           s.find('.', at) != std::string::npos;
}

bool is_url(const std::string& s) {
    return (s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0) && s.size() > 10 &&
           s.find(' ') == std::string::npos;
}

std::optional<double> parse_number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<long> parse_integer(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    if (*end != '\0') return std::nullopt;
    return v;
}

std::string single_quoted(const std::string& s) {
    return "'" + s + "'";
}

class Problems {
  public:
    explicit Problems(std::vector<std::string>& out) : out_(out) {}
    void add(const std::string& file, int line, const std::string& field, const std::string& what) {
        out_.push_back(file + ":" + std::to_string(line) + ": " +
                       (field.empty() ? "" : field + ": ") + what);
    }
    // A message that already names its file and line.
    void add_line(const std::string& message) { out_.push_back(message); }

  private:
    std::vector<std::string>& out_;
};

// Checks a text value the same way wherever it comes from: valid UTF-8, within its limit.
bool check_text(Problems& p, const std::string& file, int line, const std::string& field,
                const std::string& value, size_t limit) {
    if (!core::is_valid_utf8(value)) {
        p.add(file, line, field, "invalid UTF-8 (save the file as UTF-8)");
        return false;
    }
    const size_t length = core::utf8_length(value);
    if (length > limit) {
        p.add(file, line, field,
              std::to_string(length) + " characters, the limit is " + std::to_string(limit));
        return false;
    }
    return true;
}

struct Column {
    const char* name;
    bool required;
    bool translatable;
    size_t limit;
};

// One CSV row with its values by column, and translations by field and language.
struct Row {
    std::string file;
    int line = 0;
    std::map<std::string, std::string> values;
    std::map<std::string, std::map<std::string, std::string>> translations;

    const std::string& get(const std::string& name) const {
        static const std::string empty;
        auto it = values.find(name);
        return it == values.end() ? empty : it->second;
    }
    Texts texts(const std::string& name) const {
        Texts t{get(name), {}};
        if (auto it = translations.find(name); it != translations.end()) {
            for (const auto& [lang, value] : it->second)
                if (!value.empty()) t.by_lang[lang] = value;
        }
        return t;
    }
};

class Reader {
  public:
    Reader(fs::path dir, std::vector<std::string>& problems, std::vector<std::string>& warnings)
        : dir_(std::move(dir)), p_(problems), problems_(problems), warnings_(warnings) {}
    SourceBundle read();

  private:
    void read_event();
    std::vector<Row> read_table(const std::string& file, const std::vector<Column>& columns,
                                bool required_file);
    // Checks the id column of each row: valid, unique. Returns the ids seen (even invalid ones,
    // so that references to them do not cascade into more complaints).
    std::set<std::string> check_ids(const std::vector<Row>& rows, const char* column = "id");
    void check_ref(const Row& row, const std::string& field, const std::string& value,
                   const std::set<std::string>& known, const char* kind, const char* where);
    std::string image(const std::string& file, int line, const std::string& field,
                      const std::string& path);
    void read_practices();
    void read_sessions();
    void read_imported_schedule();
    void read_session_partnerships();
    // A `partnerships` cell: partnership ids separated by ';', each checked; unknown ids and
    // repeats are reported and left out.
    std::vector<std::string> partnership_list(const Row& row);
    // The instant of a local "YYYY-MM-DD HH:MM" in the event's zone (its fixed offset when the
    // zone could not be loaded); reports a time that daylight-saving time skips or repeats.
    std::optional<std::int64_t> local_instant(const std::string& text, const std::string& file,
                                              int line, const std::string& field);
    int offset_at(std::int64_t unix_seconds) const;
    // Reads a file of the folder without blocking on a FIFO or device, and only when it resolves
    // inside the folder: a symbolic link may point within it, not out of it. On failure
    // read_error_ says why.
    bool read_whole_file(const fs::path& path, std::string& out);
    std::string languages_list() const;
    bool is_event_language(const std::string& code) const;

    fs::path dir_;
    Problems p_;
    std::vector<std::string>& problems_;  // what p_ adds to, for the schedule mapping
    std::vector<std::string>& warnings_;
    SourceBundle b_;
    std::optional<schedule::TimeZone> zone_;  // the event's, when the tz database has it
    std::string schedule_file_;               // event.txt `schedule:`, relative to dir_
    int schedule_line_ = 0;
    std::set<std::string> unreadable_;  // files whose rows could not be read at all
    std::string read_error_;            // why read_whole_file last failed
    std::set<std::string> countries_, cities_, programmes_, themes_, partnerships_, rooms_,
        speakers_;
    // The bundle id of every session by the ids organisers may write for it: its id in
    // sessions.csv, or in an export its id there (and the bundle id it was given).
    std::map<std::string, std::string> session_ids_;
};

std::string Reader::languages_list() const {
    std::string list;
    for (const auto& l : b_.event.languages)
        list += (list.empty() ? "" : ", ") + l.code;
    return list;
}

bool Reader::is_event_language(const std::string& code) const {
    return std::any_of(b_.event.languages.begin(), b_.event.languages.end(),
                       [&](const LanguageSource& l) { return l.code == code; });
}

struct KeyValue {
    int line;
    std::string key, value;
};

// "key: value" lines, as in event.txt and a practice's front matter. Blank lines and lines
// starting with '#' are skipped.
std::vector<KeyValue> parse_key_values(const std::string& text, int first_line,
                                       const std::string& file, Problems& p) {
    std::vector<KeyValue> out;
    int line = first_line;
    std::istringstream in(text);
    for (std::string raw; std::getline(in, raw); ++line) {
        const std::string s = trim(raw);
        if (s.empty() || s[0] == '#') continue;
        const auto colon = s.find(':');
        if (colon == std::string::npos || colon == 0) {
            p.add(file, line, "", "expected 'key: value'");
            continue;
        }
        out.push_back({line, trim(s.substr(0, colon)), trim(s.substr(colon + 1))});
    }
    return out;
}

bool Reader::read_whole_file(const fs::path& path, std::string& out) {
    if (!core::resolves_inside(dir_.string(), path.string())) {
        std::error_code ec;
        const fs::path target = fs::canonical(path, ec);
        read_error_ =
            ec ? "no such file" : "leads outside the content folder (to " + target.string() + ")";
        return false;
    }
    auto text = core::read_regular_file(path.string(), kFileBytes, core::Links::follow);
    if (!text) {
        const std::string& error = text.error();
        const size_t colon = error.rfind(": ");
        read_error_ = colon == std::string::npos ? error : error.substr(colon + 2);
        return false;
    }
    out = std::move(text.value());
    return true;
}

void Reader::read_event() {
    const std::string file = "event.txt";
    std::string text;
    if (!read_whole_file(dir_ / file, text)) {
        p_.add(file, 1, "",
               "cannot be read (every content folder needs its event file): " + read_error_);
        return;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
    const auto entries = parse_key_values(text, 1, file, p_);
    std::map<std::string, KeyValue> by_key;
    for (const auto& kv : entries) {
        if (!by_key.emplace(kv.key, kv).second)
            p_.add(file, kv.line, kv.key,
                   "appears twice (first on line " + std::to_string(by_key.at(kv.key).line) + ")");
    }
    EventSource& e = b_.event;
    // Languages first: every other key may be a translation into one of them.
    if (auto it = by_key.find("languages"); it != by_key.end()) {
        for (const auto& code : split(it->second.value, ',')) {
            if (!is_language_code(code)) {
                p_.add(file, it->second.line, "languages",
                       single_quoted(code) +
                           " is not a language code (two or three letters, e.g. ca)");
                continue;
            }
            if (is_event_language(code)) {
                p_.add(file, it->second.line, "languages",
                       single_quoted(code) + " is listed twice");
                continue;
            }
            LanguageSource l{code, "", {}};
            if (auto name = by_key.find("language_name." + code); name != by_key.end()) {
                l.name = name->second.value;
            } else if (auto known = kAutonyms.find(code); known != kAutonyms.end()) {
                l.name = known->second;
            } else {
                p_.add(file, it->second.line, "languages",
                       "no name is known for " + single_quoted(code) + "; add 'language_name." +
                           code + ": <its name in that language>'");
            }
            e.languages.push_back(std::move(l));
        }
    }
    const char* required[] = {
        "name",     "venue", "city", "starts_on", "ends_on", "time_zone", "utc_offset_minutes",
        "languages"};
    for (const char* key : required) {
        auto it = by_key.find(key);
        if (it == by_key.end() || it->second.value.empty())
            p_.add(file, it == by_key.end() ? 1 : it->second.line, key,
                   "required value is missing");
    }
    for (const auto& kv : entries) {
        const std::string& key = kv.key;
        if (!check_text(p_, file, kv.line, key, kv.value, kTitleChars)) continue;
        const auto dot = key.find('.');
        const std::string base = key.substr(0, dot);
        const std::string lang = dot == std::string::npos ? "" : key.substr(dot + 1);
        if (base == "language_name") continue;
        if (base == "fallback" && !lang.empty()) {
            auto target = std::find_if(e.languages.begin(), e.languages.end(),
                                       [&](const LanguageSource& l) { return l.code == lang; });
            if (target == e.languages.end()) {
                p_.add(file, kv.line, key,
                       single_quoted(lang) + " is not one of the event's languages (" +
                           languages_list() + ")");
                continue;
            }
            for (const auto& code : split(kv.value, ',')) {
                if (!is_event_language(code)) {
                    p_.add(file, kv.line, key,
                           single_quoted(code) + " is not one of the event's languages (" +
                               languages_list() + ")");
                } else {
                    target->fallback.push_back(code);
                }
            }
            continue;
        }
        if (!lang.empty()) {
            if (base != "name" && base != "venue") {
                p_.add(file, kv.line, key, "unknown key");
            } else if (!is_event_language(lang)) {
                p_.add(file, kv.line, key,
                       single_quoted(lang) + " is not one of the event's languages (" +
                           languages_list() + ")");
            } else if (lang == e.languages.front().code) {
                p_.add(file, kv.line, key,
                       single_quoted(lang) + " is the default language; write that text under '" +
                           base + "'");
            } else {
                (base == "name" ? e.name : e.venue).by_lang[lang] = kv.value;
            }
            continue;
        }
        if (key == "name") {
            e.name.base = kv.value;
        } else if (key == "venue") {
            e.venue.base = kv.value;
        } else if (key == "city") {
            e.city = kv.value;
        } else if (key == "starts_on" || key == "ends_on") {
            if (!kv.value.empty() && !is_date(kv.value)) {
                p_.add(file, kv.line, key, single_quoted(kv.value) + " is not a date (YYYY-MM-DD)");
            } else {
                (key == "starts_on" ? e.starts_on : e.ends_on) = kv.value;
            }
        } else if (key == "time_zone") {
            const bool looks_right =
                kv.value == "UTC" || (kv.value.find('/') != std::string::npos &&
                                      kv.value.find(' ') == std::string::npos);
            if (!kv.value.empty() && !looks_right) {
                p_.add(file, kv.line, key,
                       single_quoted(kv.value) +
                           " is not an IANA time zone name (e.g. Europe/Madrid)");
            }
            e.time_zone = kv.value;
            if (!kv.value.empty() && looks_right) {
                auto zone = schedule::TimeZone::load(kv.value);
                if (zone) {
                    zone_ = std::move(zone.value());
                } else {
                    p_.add(file, kv.line, key,
                           single_quoted(kv.value) +
                               " is not in this computer's time zone database (" + zone.error() +
                               ")");
                }
            }
        } else if (key == "schedule") {
            const fs::path relative = fs::path(kv.value).lexically_normal();
            if (kv.value.empty() || relative.is_absolute() || *relative.begin() == "..") {
                p_.add(file, kv.line, key,
                       single_quoted(kv.value) + " must be a path inside the content folder");
            } else {
                schedule_file_ = relative.generic_string();
                schedule_line_ = kv.line;
            }
        } else if (key == "utc_offset_minutes") {
            const auto minutes = parse_integer(kv.value);
            if (!kv.value.empty() && (!minutes || *minutes < -720 || *minutes > 840)) {
                p_.add(file, kv.line, key,
                       single_quoted(kv.value) + " is not a UTC offset in minutes (-720 to 840)");
            } else if (minutes) {
                e.utc_offset_minutes = static_cast<int>(*minutes);
            }
        } else if (key != "languages") {
            p_.add(file, kv.line, key, "unknown key");
        }
    }
    if (!e.starts_on.empty() && !e.ends_on.empty() && e.ends_on < e.starts_on) {
        p_.add(file, by_key.at("ends_on").line, "ends_on", "is before starts_on");
    } else if (zone_ && !e.starts_on.empty() && !e.ends_on.empty()) {
        b_.zone_offsets = event_zone_offsets(*zone_, e.starts_on, e.ends_on);
        // The fixed offset is what a kiosk without the offset table shows: it must be one the
        // zone really has during the event.
        const auto given = by_key.find("utc_offset_minutes");
        const bool used = std::any_of(
            b_.zone_offsets.begin(), b_.zone_offsets.end(),
            [&](const ZoneOffsetSource& z) { return z.offset_minutes == e.utc_offset_minutes; });
        if (given != by_key.end() && parse_integer(given->second.value) && !used) {
            std::string list;
            for (const auto& z : b_.zone_offsets)
                list += (list.empty() ? "" : ", ") + std::to_string(z.offset_minutes);
            p_.add(file, given->second.line, "utc_offset_minutes",
                   std::to_string(e.utc_offset_minutes) + " is not an offset of " + e.time_zone +
                       " during the event (" + list + ")");
        }
    }
}

std::vector<Row> Reader::read_table(const std::string& file, const std::vector<Column>& columns,
                                    bool required_file) {
    std::vector<Row> rows;
    std::string text;
    if (!fs::exists(dir_ / file)) {
        if (required_file) {
            p_.add(file, 1, "", "the file is missing");
            unreadable_.insert(file);
        }
        return rows;
    }
    if (!read_whole_file(dir_ / file, text)) {
        p_.add(file, 1, "", "cannot be read: " + read_error_);
        unreadable_.insert(file);
        return rows;
    }
    auto table = core::parse_csv(text, file);
    if (!table) {
        p_.add_line(table.error());
        unreadable_.insert(file);
        return rows;
    }
    const std::string default_language =
        b_.event.languages.empty() ? "" : b_.event.languages.front().code;
    // What each header cell means: a column, or a translation of one.
    struct Cell {
        const Column* column = nullptr;
        std::string lang;
    };
    std::vector<Cell> cells(table->header.size());
    std::set<std::string> seen;
    bool header_ok = true;
    for (size_t i = 0; i < table->header.size(); ++i) {
        const std::string name = trim(table->header[i]);
        if (!seen.insert(name).second) {
            p_.add(file, 1, name, "column appears twice");
            header_ok = false;
            continue;
        }
        const auto dot = name.find('.');
        const std::string base = name.substr(0, dot);
        const std::string lang = dot == std::string::npos ? "" : name.substr(dot + 1);
        auto column = std::find_if(columns.begin(), columns.end(),
                                   [&](const Column& c) { return base == c.name; });
        if (column == columns.end() || (!lang.empty() && !column->translatable)) {
            p_.add(file, 1, name, "unknown column");
            header_ok = false;
            continue;
        }
        if (!lang.empty() && !is_event_language(lang)) {
            p_.add(file, 1, name,
                   single_quoted(lang) + " is not one of the event's languages (" +
                       languages_list() + ")");
            header_ok = false;
            continue;
        }
        if (!lang.empty() && lang == default_language) {
            p_.add(file, 1, name,
                   single_quoted(lang) + " is the default language; write that text in column '" +
                       base + "'");
            header_ok = false;
            continue;
        }
        cells[i] = {&*column, lang};
    }
    for (const auto& c : columns) {
        if (c.required && !seen.count(c.name)) {
            p_.add(file, 1, c.name, "column is missing");
            header_ok = false;
        }
    }
    if (!header_ok) {
        // Its rows are unknown, so references to them must not each be reported as well.
        unreadable_.insert(file);
        return rows;
    }
    for (const auto& record : table->records) {
        if (record.fields.size() != table->header.size()) {
            p_.add(file, record.line, "",
                   "row has " + std::to_string(record.fields.size()) + " fields, the header has " +
                       std::to_string(table->header.size()));
            unreadable_.insert(file);
            continue;
        }
        Row row{file, record.line, {}, {}};
        for (size_t i = 0; i < record.fields.size(); ++i) {
            const Cell& cell = cells[i];
            const std::string value = trim(record.fields[i]);
            const std::string field = table->header[i];
            if (!check_text(p_, file, record.line, trim(field), value, cell.column->limit))
                continue;
            if (cell.lang.empty()) {
                if (cell.column->required && value.empty()) {
                    p_.add(file, record.line, cell.column->name, "required value is missing");
                }
                row.values[cell.column->name] = value;
            } else {
                row.translations[cell.column->name][cell.lang] = value;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::set<std::string> Reader::check_ids(const std::vector<Row>& rows, const char* column) {
    std::map<std::string, int> first_line;
    for (const auto& row : rows) {
        const std::string& id = row.get(column);
        if (id.empty()) continue;  // reported as a missing required value
        if (!is_valid_id(id) || core::utf8_length(id) > kIdChars) {
            p_.add(row.file, row.line, column,
                   single_quoted(id) + " is not a valid id (up to 64 of a-z, 0-9 and -)");
        }
        auto [it, fresh] = first_line.emplace(id, row.line);
        if (!fresh) {
            p_.add(row.file, row.line, column,
                   "duplicate id " + single_quoted(id) + " (first on line " +
                       std::to_string(it->second) + ")");
        }
    }
    std::set<std::string> ids;
    for (const auto& [id, line] : first_line)
        ids.insert(id);
    return ids;
}

void Reader::check_ref(const Row& row, const std::string& field, const std::string& value,
                       const std::set<std::string>& known, const char* kind, const char* where) {
    if (!value.empty() && !known.count(value) && !unreadable_.count(where))
        p_.add(row.file, row.line, field,
               std::string("unknown ") + kind + " " + single_quoted(value) + " (not in " + where +
                   ")");
}

// Loads, checks and re-encodes one image; returns the key to refer to it, or "" on a problem.
std::string Reader::image(const std::string& file, int line, const std::string& field,
                          const std::string& path) {
    const fs::path relative = fs::path(path).lexically_normal();
    if (path.empty() || relative.is_absolute() || *relative.begin() == "..") {
        p_.add(file, line, field,
               single_quoted(path) + " must be a path inside the content folder");
        return "";
    }
    const std::string key = relative.generic_string();
    if (b_.images.count(key)) return key;
    std::string bytes;
    if (!read_whole_file(dir_ / relative, bytes)) {
        p_.add(file, line, field, key + ": cannot be read: " + read_error_);
        return "";
    }
    auto processed = process_image(bytes);
    if (!processed) {
        p_.add(file, line, field, key + ": " + processed.error());
        return "";
    }
    b_.images.emplace(key, std::move(processed.value()));
    return key;
}

std::optional<ContactSource> parse_contact(Problems& p, const std::string& file, int line,
                                           const std::string& field, const std::string& org,
                                           const std::string& person, const std::string& email,
                                           const std::string& url) {
    bool ok = true;
    if (org.empty()) {
        p.add(file, line, field, "organisation is missing");
        ok = false;
    }
    if (!email.empty() && !is_email(email)) {
        p.add(file, line, field, single_quoted(email) + " is not an e-mail address");
        ok = false;
    }
    if (!url.empty() && !is_url(url)) {
        p.add(file, line, field, single_quoted(url) + " is not a web address (https://...)");
        ok = false;
    }
    if (!ok) return std::nullopt;
    return ContactSource{org, person, email, url};
}

SourceBundle Reader::read() {
    read_event();
    if (b_.event.languages.empty()) return std::move(b_);  // nothing else can be checked

    for (const auto& row : read_table("countries.csv",
                                      {{"code", true, false, 2},
                                       {"name", true, true, kNameChars},
                                       {"region", true, false, kShortChars}},
                                      true)) {
        const std::string& code = row.get("code");
        const bool valid = code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
                           std::isupper(static_cast<unsigned char>(code[1]));
        if (!code.empty() && !valid)
            p_.add(row.file, row.line, "code",
                   single_quoted(code) + " is not an ISO 3166 country code (two capital letters)");
        if (!countries_.insert(code).second)
            p_.add(row.file, row.line, "code", "duplicate country " + single_quoted(code));
        b_.countries.push_back({code, row.texts("name"), row.get("region")});
    }

    const auto city_rows = read_table("cities.csv",
                                      {{"id", true, false, kIdChars},
                                       {"name", true, false, kNameChars},
                                       {"latin", false, false, kNameChars},
                                       {"country", true, false, 2},
                                       {"latitude", true, false, kShortChars},
                                       {"longitude", true, false, kShortChars}},
                                      true);
    cities_ = check_ids(city_rows);
    for (const auto& row : city_rows) {
        check_ref(row, "country", row.get("country"), countries_, "country", "countries.csv");
        CitySource c{row.get("id"), row.get("name"), row.get("country"), row.get("latin"), 0, 0};
        const std::pair<const char*, double> axes[] = {{"latitude", 90}, {"longitude", 180}};
        for (const auto& [field, limit] : axes) {
            const std::string& text = row.get(field);
            if (text.empty()) continue;
            const auto v = parse_number(text);
            if (!v) {
                p_.add(row.file, row.line, field, single_quoted(text) + " is not a number");
            } else if (std::fabs(*v) > limit) {
                const std::string l = std::to_string(static_cast<int>(limit));
                p_.add(row.file, row.line, field,
                       single_quoted(text) + " is out of range (-" + l + " to " + l + ")");
            } else {
                (field[1] == 'a' ? c.latitude : c.longitude) = *v;
            }
        }
        b_.cities.push_back(std::move(c));
    }

    const auto programme_rows = read_table("programmes.csv",
                                           {{"id", true, false, kIdChars},
                                            {"name", true, true, kTitleChars},
                                            {"description", false, true, kLongChars},
                                            {"url", false, false, kLinkChars}},
                                           false);
    programmes_ = check_ids(programme_rows);
    for (const auto& row : programme_rows) {
        const std::string& url = row.get("url");
        if (!url.empty() && !is_url(url))
            p_.add(row.file, row.line, "url",
                   single_quoted(url) + " is not a web address (https://...)");
        b_.programmes.push_back({row.get("id"), row.texts("name"), row.texts("description"), url});
    }

    const auto theme_rows = read_table("themes.csv",
                                       {{"id", true, false, kIdChars},
                                        {"name", true, true, kNameChars},
                                        {"colour", true, false, kShortChars}},
                                       false);
    themes_ = check_ids(theme_rows);
    for (const auto& row : theme_rows) {
        const std::string& colour = row.get("colour");
        if (!colour.empty() && !is_colour(colour))
            p_.add(row.file, row.line, "colour",
                   single_quoted(colour) + " is not a colour (#RRGGBB)");
        b_.themes.push_back({row.get("id"), row.texts("name"), colour});
    }

    const auto partnership_rows = read_table("partnerships.csv",
                                             {{"id", true, false, kIdChars},
                                              {"title", true, true, kTitleChars},
                                              {"lead", true, false, kLinkChars},
                                              {"partners", true, false, kLongChars},
                                              {"programme", false, false, kIdChars},
                                              {"themes", false, false, kLinkChars},
                                              {"sdgs", false, false, kShortChars},
                                              {"starts_on", false, false, kShortChars},
                                              {"ends_on", false, false, kShortChars},
                                              {"status", true, false, kShortChars},
                                              {"summary", true, true, kSummaryChars},
                                              {"objectives", false, true, kLongChars},
                                              {"activities", false, true, kLongChars},
                                              {"results", false, true, kLongChars},
                                              {"lessons", false, true, kLongChars},
                                              {"images", false, false, kLinkChars},
                                              {"featured", false, false, kShortChars}},
                                             true);
    partnerships_ = check_ids(partnership_rows);
    for (const auto& row : partnership_rows) {
        PartnershipSource ps;
        ps.id = row.get("id");
        ps.title = row.texts("title");
        ps.summary = row.texts("summary");
        ps.objectives = row.texts("objectives");
        ps.activities = row.texts("activities");
        ps.results = row.texts("results");
        ps.lessons = row.texts("lessons");
        ps.programme = row.get("programme");
        check_ref(row, "programme", ps.programme, programmes_, "programme", "programmes.csv");
        ps.lead_cities = split_list(row.get("lead"));
        ps.partner_cities = split_list(row.get("partners"));
        std::set<std::string> listed;
        for (const char* field : {"lead", "partners"}) {
            for (const auto& city : field[0] == 'l' ? ps.lead_cities : ps.partner_cities) {
                check_ref(row, field, city, cities_, "city", "cities.csv");
                if (!listed.insert(city).second)
                    p_.add(row.file, row.line, field,
                           "city " + single_quoted(city) + " is listed twice");
            }
        }
        if (!row.get("lead").empty() && !row.get("partners").empty() && listed.size() < 2)
            p_.add(row.file, row.line, "partners", "a partnership needs at least two cities");
        if (static_cast<std::int64_t>(listed.size()) > kCitiesPerPartnership)
            p_.add(row.file, row.line, "partners",
                   std::to_string(listed.size()) + " cities, the limit is " +
                       std::to_string(kCitiesPerPartnership));
        ps.themes = split_list(row.get("themes"));
        for (const auto& t : ps.themes)
            check_ref(row, "themes", t, themes_, "theme", "themes.csv");
        for (const auto& n : split_list(row.get("sdgs"))) {
            const auto number = parse_integer(n);
            if (!number || *number < 1 || *number > 17) {
                p_.add(row.file, row.line, "sdgs",
                       single_quoted(n) + " is not an SDG number (1 to 17)");
            } else if (std::find(ps.sdgs.begin(), ps.sdgs.end(), *number) == ps.sdgs.end()) {
                ps.sdgs.push_back(static_cast<int>(*number));
            }
        }
        ps.starts_on = row.get("starts_on");
        ps.ends_on = row.get("ends_on");
        bool dates_ok = true;
        for (const char* field : {"starts_on", "ends_on"}) {
            const std::string& value = row.get(field);
            if (!value.empty() && !is_period_date(value)) {
                p_.add(row.file, row.line, field,
                       single_quoted(value) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
                dates_ok = false;
            }
        }
        if (dates_ok && !ps.starts_on.empty() && !ps.ends_on.empty() &&
            ps.ends_on.substr(0, ps.starts_on.size()) < ps.starts_on.substr(0, ps.ends_on.size()))
            p_.add(row.file, row.line, "ends_on", "is before starts_on");
        ps.status = row.get("status");
        if (!ps.status.empty() && ps.status != "planned" && ps.status != "active" &&
            ps.status != "completed")
            p_.add(row.file, row.line, "status",
                   single_quoted(ps.status) + " is not a status (planned, active or completed)");
        const std::string& featured = row.get("featured");
        if (!featured.empty() && featured != "0" && featured != "1")
            p_.add(row.file, row.line, "featured", single_quoted(featured) + " is not 1 or 0");
        ps.featured = featured == "1";
        for (const auto& path : split_list(row.get("images"))) {
            const std::string key = image(row.file, row.line, "images", path);
            if (!key.empty()) ps.images.push_back({key, ""});
        }
        b_.partnerships.push_back(std::move(ps));
    }

    for (const auto& row : read_table("contacts.csv",
                                      {{"partnership", true, false, kIdChars},
                                       {"organisation", true, false, kTitleChars},
                                       {"person", false, false, kNameChars},
                                       {"email", false, false, kLinkChars},
                                       {"url", false, false, kLinkChars}},
                                      false)) {
        const std::string& id = row.get("partnership");
        check_ref(row, "partnership", id, partnerships_, "partnership", "partnerships.csv");
        const std::string& email = row.get("email");
        const std::string& url = row.get("url");
        bool ok = true;
        if (!email.empty() && !is_email(email)) {
            p_.add(row.file, row.line, "email", single_quoted(email) + " is not an e-mail address");
            ok = false;
        }
        if (!url.empty() && !is_url(url)) {
            p_.add(row.file, row.line, "url",
                   single_quoted(url) + " is not a web address (https://...)");
            ok = false;
        }
        if (!ok || row.get("organisation").empty()) continue;
        for (auto& ps : b_.partnerships) {
            if (ps.id == id)
                ps.contacts.push_back({row.get("organisation"), row.get("person"), email, url});
        }
    }

    read_practices();
    if (schedule_file_.empty()) {
        read_sessions();
    } else {
        read_imported_schedule();
    }
    read_session_partnerships();
    return std::move(b_);
}

void Reader::read_practices() {
    const fs::path folder = dir_ / "practices";
    if (!fs::is_directory(folder)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".md")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    // Splits "---\nfront matter\n---\nbody" and reports a missing block.
    struct Document {
        std::vector<KeyValue> keys;
        std::string body;
        bool ok = false;
    };
    auto parse = [&](const std::string& file, std::string text) {
        Document doc;
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
        if (text.rfind("---\n", 0) != 0 && text.rfind("---\r\n", 0) != 0) {
            p_.add(file, 1, "",
                   "the file must start with a front matter block between '---' lines");
            return doc;
        }
        const size_t start = text.find('\n') + 1;
        size_t end = text.find("\n---", start - 1);
        if (end == std::string::npos) {
            p_.add(file, 1, "", "the front matter block is never closed with '---'");
            return doc;
        }
        doc.keys = parse_key_values(text.substr(start, end + 1 - start), 2, file, p_);
        const size_t body_start = text.find('\n', end + 1);
        doc.body = body_start == std::string::npos ? "" : trim(text.substr(body_start + 1));
        while (!doc.body.empty() && (doc.body.front() == '\n'))
            doc.body.erase(0, 1);
        doc.ok = true;
        return doc;
    };

    std::map<std::string, size_t> index;
    std::vector<std::pair<fs::path, std::string>> translations;  // path, language
    for (const auto& path : files) {
        const std::string stem = path.stem().string();
        const std::string file = "practices/" + path.filename().string();
        const auto dot = stem.find('.');
        if (dot != std::string::npos) {
            translations.push_back({path, stem.substr(dot + 1)});
            continue;
        }
        std::string text;
        if (!read_whole_file(path, text)) {
            p_.add(file, 1, "", "cannot be read: " + read_error_);
            continue;
        }
        if (!is_valid_id(stem) || stem.size() > kIdChars) {
            p_.add(file, 1, "id",
                   single_quoted(stem) +
                       " is not a valid id (up to 64 of a-z, 0-9 and -; the file name "
                       "without .md is the id)");
        }
        Document doc = parse(file, text);
        if (!doc.ok) {
            unreadable_.insert(file);
            continue;
        }
        PracticeSource ps;
        ps.id = stem;
        std::map<std::string, int> lines;
        for (const auto& kv : doc.keys) {
            const std::string& k = kv.key;
            const bool repeatable = k == "figure" || k == "contact" || k == "image";
            if (!repeatable && !lines.emplace(k, kv.line).second) {
                p_.add(file, kv.line, k, "appears twice");
                continue;
            }
            const size_t limit = k == "summary" ? kSummaryChars : kTitleChars + kLinkChars;
            if (!check_text(p_, file, kv.line, k, kv.value, k == "title" ? kTitleChars : limit))
                continue;
            if (k == "title") {
                ps.title.base = kv.value;
            } else if (k == "summary") {
                ps.summary.base = kv.value;
            } else if (k == "city") {
                ps.city = kv.value;
                if (!cities_.count(kv.value) && !unreadable_.count("cities.csv"))
                    p_.add(file, kv.line, k,
                           "unknown city " + single_quoted(kv.value) + " (not in cities.csv)");
            } else if (k == "themes") {
                ps.themes = split_list(kv.value);
                for (const auto& t : ps.themes)
                    if (!themes_.count(t) && !unreadable_.count("themes.csv"))
                        p_.add(file, kv.line, k,
                               "unknown theme " + single_quoted(t) + " (not in themes.csv)");
            } else if (k == "partnerships") {
                ps.partnerships = split_list(kv.value);
                for (const auto& t : ps.partnerships)
                    if (!partnerships_.count(t) && !unreadable_.count("partnerships.csv"))
                        p_.add(file, kv.line, k,
                               "unknown partnership " + single_quoted(t) +
                                   " (not in partnerships.csv)");
            } else if (k == "figure") {
                const auto parts = split(kv.value, '|');
                if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
                    p_.add(file, kv.line, k, "expected 'value | label', e.g. '57 | partnerships'");
                } else {
                    ps.figures.push_back({parts[0], {parts[1], {}}});
                }
            } else if (k == "contact") {
                auto parts = split(kv.value, '|');
                parts.resize(std::max<size_t>(parts.size(), 4));
                if (auto c =
                        parse_contact(p_, file, kv.line, k, parts[0], parts[1], parts[2], parts[3]))
                    ps.contacts.push_back(*c);
            } else if (k == "image") {
                auto parts = split(kv.value, '|');
                parts.resize(std::max<size_t>(parts.size(), 2));
                const std::string key = image(file, kv.line, k, parts[0]);
                if (!key.empty()) ps.images.push_back({key, parts[1]});
            } else if (k == "featured") {
                if (kv.value != "0" && kv.value != "1")
                    p_.add(file, kv.line, k, single_quoted(kv.value) + " is not 1 or 0");
                ps.featured = kv.value == "1";
            } else {
                p_.add(file, kv.line, k, "unknown key");
            }
        }
        const std::pair<const char*, const std::string*> required[] = {
            {"title", &ps.title.base}, {"summary", &ps.summary.base}, {"city", &ps.city}};
        for (const auto& [key, value] : required) {
            if (value->empty() && !lines.count(key))
                p_.add(file, 1, key, "required value is missing");
            else if (value->empty())
                p_.add(file, lines.at(key), key, "required value is missing");
        }
        if (doc.body.empty()) {
            p_.add(file, 1, "body", "required text is missing (write it below the front matter)");
        } else {
            check_text(p_, file, 1, "body", doc.body, kBodyChars);
            ps.body.base = doc.body;
        }
        index.emplace(stem, b_.practices.size());
        b_.practices.push_back(std::move(ps));
    }

    for (const auto& [path, lang] : translations) {
        const std::string file = "practices/" + path.filename().string();
        const std::string id = path.stem().string().substr(0, path.stem().string().find('.'));
        if (!is_event_language(lang)) {
            p_.add(file, 1, "",
                   single_quoted(lang) + " is not one of the event's languages (" +
                       languages_list() + ")");
            continue;
        }
        if (lang == b_.event.languages.front().code) {
            p_.add(file, 1, "",
                   single_quoted(lang) +
                       " is the default language; that text belongs in practices/" + id + ".md");
            continue;
        }
        auto original = index.find(id);
        if (unreadable_.count("practices/" + id + ".md")) continue;
        if (original == index.end()) {
            p_.add(file, 1, "", "there is no practices/" + id + ".md to translate");
            continue;
        }
        std::string text;
        if (!read_whole_file(path, text)) {
            p_.add(file, 1, "", "cannot be read: " + read_error_);
            continue;
        }
        Document doc = parse(file, text);
        if (!doc.ok) continue;
        PracticeSource& ps = b_.practices[original->second];
        size_t figure = 0;
        for (const auto& kv : doc.keys) {
            if (!check_text(p_, file, kv.line, kv.key, kv.value,
                            kv.key == "summary" ? kSummaryChars : kTitleChars))
                continue;
            if (kv.key == "title") {
                ps.title.by_lang[lang] = kv.value;
            } else if (kv.key == "summary") {
                ps.summary.by_lang[lang] = kv.value;
            } else if (kv.key == "figure") {
                // Figures are translated by position: the same figures, in the same order.
                if (figure >= ps.figures.size()) {
                    p_.add(file, kv.line, "figure",
                           "more figures than practices/" + id + ".md has (" +
                               std::to_string(ps.figures.size()) + ")");
                } else {
                    const auto parts = split(kv.value, '|');
                    ps.figures[figure].label.by_lang[lang] = parts.back();
                }
                ++figure;
            } else {
                p_.add(file, kv.line, kv.key, "cannot be translated (use title, summary, figure)");
            }
        }
        if (!doc.body.empty() && check_text(p_, file, 1, "body", doc.body, kBodyChars))
            ps.body.by_lang[lang] = doc.body;
    }
}

void Reader::read_sessions() {
    const auto room_rows = read_table("rooms.csv",
                                      {{"id", true, false, kIdChars},
                                       {"name", true, true, kNameChars},
                                       {"floor", false, false, kNameChars},
                                       {"location", false, false, kTitleChars}},
                                      false);
    rooms_ = check_ids(room_rows);
    for (const auto& row : room_rows)
        b_.rooms.push_back(
            {row.get("id"), row.texts("name"), row.get("floor"), row.get("location")});

    const auto speaker_rows = read_table("speakers.csv",
                                         {{"id", true, false, kIdChars},
                                          {"name", true, false, kNameChars},
                                          {"organisation", false, false, kTitleChars},
                                          {"city", false, false, kIdChars},
                                          {"bio", false, true, kBioChars},
                                          {"photo", false, false, kLinkChars}},
                                         false);
    speakers_ = check_ids(speaker_rows);
    for (const auto& row : speaker_rows) {
        check_ref(row, "city", row.get("city"), cities_, "city", "cities.csv");
        std::string photo;
        if (!row.get("photo").empty()) photo = image(row.file, row.line, "photo", row.get("photo"));
        b_.speakers.push_back({row.get("id"),
                               row.get("name"),
                               row.get("organisation"),
                               row.get("city"),
                               row.texts("bio"),
                               photo,
                               {}});
    }

    const auto session_rows = read_table("sessions.csv",
                                         {{"id", true, false, kIdChars},
                                          {"title", true, true, kTitleChars},
                                          {"start", true, false, kShortChars},
                                          {"end", true, false, kShortChars},
                                          {"room", true, false, kIdChars},
                                          {"theme", false, false, kIdChars},
                                          {"type", false, false, kShortChars},
                                          {"language", false, false, kShortChars},
                                          {"speakers", false, false, kLinkChars},
                                          {"partnerships", false, false, kLongChars},
                                          {"abstract", false, true, kAbstractChars},
                                          {"status", false, false, kShortChars}},
                                         false);
    check_ids(session_rows);
    const EventSource& e = b_.event;
    for (const auto& row : session_rows) {
        SessionSource s;
        s.id = row.get("id");
        s.title = row.texts("title");
        s.abstract = row.texts("abstract");
        s.room = row.get("room");
        check_ref(row, "room", s.room, rooms_, "room", "rooms.csv");
        s.theme = row.get("theme");
        check_ref(row, "theme", s.theme, themes_, "theme", "themes.csv");
        s.type = row.get("type").empty() ? "session" : row.get("type");
        s.language = row.get("language").empty() ? e.languages.front().code : row.get("language");
        if (!is_language_code(s.language))
            p_.add(row.file, row.line, "language",
                   single_quoted(s.language) +
                       " is not a language code (two or three letters, e.g. ca)");
        s.status = row.get("status").empty() ? "confirmed" : row.get("status");
        if (s.status != "confirmed" && s.status != "cancelled" && s.status != "moved")
            p_.add(row.file, row.line, "status",
                   single_quoted(s.status) + " is not a status (confirmed, cancelled or moved)");
        s.speakers = split_list(row.get("speakers"));
        for (const auto& sp : s.speakers)
            check_ref(row, "speakers", sp, speakers_, "speaker", "speakers.csv");
        s.partnerships = partnership_list(row);
        // Times are local to the event unless they carry their own offset.
        bool times_ok = true;
        for (const char* field : {"start", "end"}) {
            const std::string& text = row.get(field);
            if (text.empty()) {
                times_ok = false;
                continue;
            }
            std::optional<std::int64_t> ms;
            if (text.size() == 16 && is_date(text.substr(0, 10))) {
                ms = local_instant(text, row.file, row.line, field);
            } else if (text.size() > 16 && is_date(text.substr(0, 10))) {
                ms = core::parse_iso8601_instant(text);
            }
            if (!ms) {
                p_.add(row.file, row.line, field,
                       single_quoted(text) +
                           " is not a time (YYYY-MM-DD HH:MM, in the event's time zone)");
                times_ok = false;
                continue;
            }
            (field[0] == 's' ? s.starts_at : s.ends_at) = *ms / 1000;
        }
        if (times_ok) {
            const auto local = core::civil_from_unix_ms(s.starts_at * 1000, offset_at(s.starts_at));
            char day[16];
            std::snprintf(day, sizeof day, "%04d-%02d-%02d", local.year, local.month, local.day);
            s.day = day;
            if (s.ends_at <= s.starts_at) {
                p_.add(row.file, row.line, "end", "is not after start");
            } else if (!e.starts_on.empty() && e.starts_on <= e.ends_on &&
                       (s.day < e.starts_on || s.day > e.ends_on)) {
                p_.add(row.file, row.line, "start",
                       s.day + " is not one of the event's days (" + e.starts_on + " to " +
                           e.ends_on + ")");
            }
        }
        session_ids_.emplace(s.id, s.id);
        b_.sessions.push_back(std::move(s));
    }
}

std::vector<std::string> Reader::partnership_list(const Row& row) {
    std::vector<std::string> out;
    for (auto& id : split_list(row.get("partnerships"))) {
        check_ref(row, "partnerships", id, partnerships_, "partnership", "partnerships.csv");
        if (std::find(out.begin(), out.end(), id) != out.end()) {
            p_.add(row.file, row.line, "partnerships",
                   "partnership " + single_quoted(id) + " is listed twice");
        } else if (partnerships_.count(id)) {
            out.push_back(std::move(id));
        }
    }
    return out;
}

// session-partnerships.csv links sessions to partnerships by the sessions' ids: an export has
// no column for it. It works beside sessions.csv too, adding to its `partnerships` column.
void Reader::read_session_partnerships() {
    const auto rows = read_table(
        "session-partnerships.csv",
        {{"session", true, false, kLinkChars}, {"partnerships", true, false, kLongChars}}, false);
    if (rows.empty()) return;
    const std::string schedule = schedule_file_.empty() ? "sessions.csv" : schedule_file_;
    std::set<std::string> known;
    for (const auto& [written, id] : session_ids_)
        known.insert(written);
    std::map<std::string, SessionSource*> sessions;
    for (SessionSource& s : b_.sessions)
        sessions.emplace(s.id, &s);
    std::map<std::string, int> first_line;  // by bundle session id
    for (const auto& row : rows) {
        const std::string& written = row.get("session");
        check_ref(row, "session", written, known, "session", schedule.c_str());
        const std::vector<std::string> partnerships = partnership_list(row);
        const auto id = session_ids_.find(written);
        if (id == session_ids_.end()) continue;
        const auto [first, fresh] = first_line.emplace(id->second, row.line);
        if (!fresh) {
            p_.add(row.file, row.line, "session",
                   "session " + single_quoted(written) + " is listed twice (first on line " +
                       std::to_string(first->second) + ")");
            continue;
        }
        std::vector<std::string>& links = sessions.at(id->second)->partnerships;
        for (const std::string& p : partnerships)
            if (std::find(links.begin(), links.end(), p) == links.end()) links.push_back(p);
    }
}

std::optional<std::int64_t> Reader::local_instant(const std::string& text, const std::string& file,
                                                  int line, const std::string& field) {
    // Read as if it were UTC to check it and to get its wall-clock fields.
    const auto wall_ms = core::parse_iso8601_instant(text + "+00:00");
    if (!wall_ms) return std::nullopt;
    if (!zone_) return *wall_ms - std::int64_t{b_.event.utc_offset_minutes} * 60000;
    const auto r = zone_->to_unix(core::civil_from_unix_ms(*wall_ms, 0));
    if (r.skipped)
        warnings_.push_back(file + ":" + std::to_string(line) + ": " + field + ": " + text +
                            " does not exist in " + zone_->name() + " (the clocks go forward)" +
                            kDash + "read with the offset before the change");
    if (r.repeated)
        warnings_.push_back(file + ":" + std::to_string(line) + ": " + field + ": " + text +
                            " happens twice in " + zone_->name() + " (the clocks go back)" + kDash +
                            "took the first");
    return r.unix_seconds * 1000;
}

int Reader::offset_at(std::int64_t unix_seconds) const {
    int offset = b_.event.utc_offset_minutes;
    for (const ZoneOffsetSource& z : b_.zone_offsets)
        if (z.starts_at <= unix_seconds) offset = z.offset_minutes;
    return offset;
}

void Reader::read_imported_schedule() {
    const std::string where = "event.txt:" + std::to_string(schedule_line_) + ": schedule: ";
    // Until it has been read, references to its sessions cannot be checked (and are not).
    unreadable_.insert(schedule_file_);
    std::vector<std::string> native;
    for (const char* name : kNativeScheduleFiles)
        if (fs::exists(dir_ / name)) native.push_back(name);
    if (!native.empty()) {
        std::string list;
        for (size_t i = 0; i < native.size(); ++i)
            list += (i == 0 ? "" : i + 1 == native.size() ? " and " : ", ") + native[i];
        p_.add_line(where + "the schedule comes from " + schedule_file_ + ", but " + list +
                    (native.size() == 1 ? " holds" : " hold") +
                    " a schedule too; keep one of them (remove " + list + ", or this line)");
        return;
    }
    const fs::path path = dir_ / schedule_file_;
    std::string data;
    if (!read_whole_file(path, data)) {
        p_.add_line(where + schedule_file_ + " cannot be read: " + read_error_);
        return;
    }
    const auto size = data.size();
    if (size > kScheduleFileBytes) {
        p_.add_line(where + schedule_file_ + " is " + std::to_string(size / (1024 * 1024)) +
                    " MB; schedule exports are far smaller, so this is not one");
        return;
    }
    // Without the event's zone the export's local times cannot be placed; that is reported.
    if (!zone_) return;
    schedule::ImportOptions options;
    options.tz = zone_->name();
    options.tz_origin = "event.txt time_zone";
    auto imported = schedule::import_schedule_data(data, schedule_file_, options);
    if (!imported) {
        const std::string& error = imported.error();
        p_.add_line(error.rfind(schedule_file_ + ":", 0) == 0 ? error : where + error);
        return;
    }
    const auto ids =
        add_imported_schedule(imported.value(), schedule_file_, b_, problems_, warnings_);
    // Both the export's ids and the bundle's work; where one session's export id is another's
    // bundle id, the export's (what organisers see in their tool) wins.
    for (const SessionSource& s : b_.sessions)
        session_ids_.emplace(s.id, s.id);
    for (const auto& [written, id] : ids)
        session_ids_[written] = id;
    unreadable_.erase(schedule_file_);
}

}  // namespace

SourceBundle read_source_folder(const std::string& dir, std::vector<std::string>& problems,
                                std::vector<std::string>& warnings) {
    return Reader(dir, problems, warnings).read();
}

SourceBundle read_source_folder(const std::string& dir, std::vector<std::string>& problems) {
    std::vector<std::string> warnings;
    return read_source_folder(dir, problems, warnings);
}

}  // namespace plaza::bundle
