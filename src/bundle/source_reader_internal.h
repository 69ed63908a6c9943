// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the source reader's files (source_reader.cpp and source_*.cpp, one per kind of
// record): the limits, the value checks, the CSV row, and the Reader that collects problems.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/schedule/time_zone_db.h"
#include "bundle/source_model.h"
#include "content/limits.h"
#include "core/csv.h"

namespace plaza::bundle::detail {
namespace fs = std::filesystem;

// Length limits in characters (code points): the kiosk's own table (content/limits.h), so a
// folder that builds is a bundle every kiosk accepts. A CSV abstract is shorter than the column
// allows: an export's abstract and description together fill it.
using namespace content::limits;
inline constexpr size_t kAbstractChars = 2000;
// A schedule export bigger than this is not one: the biggest real export is 2.3 MB.
inline constexpr std::uintmax_t kScheduleFileBytes = 32 * 1024 * 1024;
// No file of a content folder is read past this (photos are refused past 25 MB).
inline constexpr std::int64_t kFileBytes = 64 * 1024 * 1024;
inline const char* const kDash = " \xE2\x80\x94 ";  // " — " between a warning and what was done
// The files of a schedule written as CSV; a folder takes its schedule from them or an export.
inline const char* const kNativeScheduleFiles[] = {"sessions.csv", "rooms.csv", "speakers.csv"};

std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char separator);
// Items separated by ';', or a YAML flow list "[a, b]"; trimmed, unquoted, empty ones left out.
std::vector<std::string> split_list(std::string_view s);
// A value without the matching quotes YAML puts around it ("a: b", 'it''s'); others as they are.
std::string unquote(const std::string& value);
bool is_valid_id(const std::string& id);
bool is_language_code(const std::string& code);
// YYYY-MM-DD only, with a real calendar day.
bool is_date(const std::string& s);
// A period boundary: YYYY, YYYY-MM or YYYY-MM-DD.
bool is_period_date(const std::string& s);
bool is_colour(const std::string& s);
bool is_email(const std::string& s);
bool is_url(const std::string& s);
// A decimal number; "51,05" (a decimal comma, as spreadsheets in many locales write) too.
std::optional<double> parse_number(const std::string& text);
std::optional<long> parse_integer(const std::string& s);
std::string single_quoted(const std::string& s);

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
                const std::string& value, size_t limit);

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

struct KeyValue {
    int line;
    std::string key, value;
};

// "key: value" lines, as in event.txt and a practice's front matter. Blank lines and lines
// starting with '#' are skipped; a value in matching quotes loses them (unquote()).
std::vector<KeyValue> parse_key_values(const std::string& text, int first_line,
                                       const std::string& file, Problems& p);

std::optional<ContactSource> parse_contact(Problems& p, const std::string& file, int line,
                                           const std::string& field, const std::string& org,
                                           const std::string& person, const std::string& email,
                                           const std::string& url);

class Reader {
  public:
    Reader(fs::path dir, std::vector<std::string>& problems, std::vector<std::string>& warnings)
        : dir_(std::move(dir)), p_(problems), problems_(problems), warnings_(warnings) {}
    SourceBundle read();

  private:
    // One method per file or entity, each in the source file named after it.
    void read_event();      // source_event.cpp
    void read_countries();  // source_places.cpp
    void read_cities();
    void read_programmes();  // source_partnerships.cpp
    void read_themes();
    void read_partnerships();
    void read_contacts();
    std::vector<Row> read_table(const std::string& file, const std::vector<Column>& columns,
                                bool required_file);
    void warn_lost_characters(const std::string& file, const core::CsvTable& table);
    // Checks the id column of each row: valid, unique. Returns the ids seen (even invalid ones,
    // so that references to them do not cascade into more complaints).
    std::set<std::string> check_ids(const std::vector<Row>& rows, const char* column = "id");
    void check_ref(const Row& row, const std::string& field, const std::string& value,
                   const std::set<std::string>& known, const char* kind, const char* where);
    std::string image(const std::string& file, int line, const std::string& field,
                      const std::string& path);
    void read_practices();  // source_practices.cpp
    void read_sessions();   // source_sessions.cpp
    void read_imported_schedule();
    void read_session_partnerships();
    void name_session_languages();  // source_event.cpp
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

}  // namespace plaza::bundle::detail
