// SPDX-License-Identifier: GPL-3.0-or-later
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
#include "bundle/source_reader_internal.h"
#include "bundle/spreadsheet_text.h"
#include "core/civil_time.h"
#include "core/csv.h"
#include "core/safe_file.h"
#include "core/utf8.h"

namespace plaza::bundle {
namespace detail {
namespace {

bool valid_date(int y, int m, int d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

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

std::string unquote(const std::string& value) {
    if (value.size() < 2 || value.front() != value.back()) return value;
    const char quote = value.front();
    if (quote != '"' && quote != '\'') return value;
    std::string out;
    for (size_t i = 1; i + 1 < value.size(); ++i) {
        const char c = value[i];
        // YAML's escapes: \" and \\ in double quotes, '' in single quotes.
        if (quote == '"' && c == '\\' && i + 2 < value.size() &&
            (value[i + 1] == '"' || value[i + 1] == '\\')) {
            out += value[++i];
        } else if (quote == '\'' && c == '\'' && i + 2 < value.size() && value[i + 1] == '\'') {
            out += value[++i];
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> items;
    // A YAML flow list, "[a, b]", as front matter elsewhere writes lists.
    const std::string whole = trim(s);
    const bool flow = whole.size() >= 2 && whole.front() == '[' && whole.back() == ']';
    const std::string_view inner = flow ? std::string_view(whole).substr(1, whole.size() - 2) : s;
    for (auto& item : split(inner, flow ? ',' : ';')) {
        item = unquote(item);
        if (!item.empty()) items.push_back(std::move(item));
    }
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

std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    // "51,05": a spreadsheet in a locale whose decimal mark is a comma writes numbers so.
    std::string s = text;
    if (std::count(s.begin(), s.end(), ',') == 1 && s.find('.') == std::string::npos)
        s[s.find(',')] = '.';
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
        out.push_back({line, trim(s.substr(0, colon)), unquote(trim(s.substr(colon + 1)))});
    }
    return out;
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
    // In this order: each file refers only to what the ones before it define.
    read_countries();
    read_cities();
    read_programmes();
    read_themes();
    read_partnerships();
    read_contacts();
    read_practices();
    if (schedule_file_.empty()) {
        read_sessions();
    } else {
        read_imported_schedule();
    }
    read_session_partnerships();
    name_session_languages();
    return std::move(b_);
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
    // As spreadsheets save it: UTF-16, another encoding, ';' or tabs (spreadsheet_text.h).
    auto decoded = decode_spreadsheet_text(text);
    if (!decoded) {
        p_.add(file, 1, "", "the file starts as UTF-16 but is not; save it as \"CSV UTF-8\"");
        unreadable_.insert(file);
        return rows;
    }
    if (const int bad = first_line_not_utf8(*decoded)) {
        p_.add(file, bad, "",
               "the file is not UTF-8 (its first such character is on this line); save it as "
               "\"CSV UTF-8\" or \"Unicode text\"");
        unreadable_.insert(file);
        return rows;
    }
    text = std::move(*decoded);
    auto table = core::parse_csv(text, file, detect_separator(text));
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
    warn_lost_characters(file, table.value());
    return rows;
}

// One warning per file, at its first cell that looks like letters the spreadsheet's encoding
// could not hold: each cell would be a cascade, and the fix (save as UTF-8) is the file's.
void Reader::warn_lost_characters(const std::string& file, const core::CsvTable& table) {
    const core::CsvRecord* first = nullptr;
    size_t first_field = 0, more = 0;
    for (const auto& record : table.records) {
        for (size_t i = 0; i < record.fields.size(); ++i) {
            if (!has_lost_characters(record.fields[i])) continue;
            if (first) {
                ++more;
            } else {
                first = &record;
                first_field = i;
            }
        }
    }
    if (!first) return;
    const std::string field =
        first_field < table.header.size() ? trim(table.header[first_field]) : "";
    std::string what = field + ": " + single_quoted(trim(first->fields[first_field])) +
                       " has question marks where letters should be";
    if (more > 0)
        what += " (and " + std::to_string(more) + " more cell" + (more > 1 ? "s" : "") + ")";
    warnings_.push_back(file + ":" + std::to_string(first->line) + ": " + what +
                        ": the spreadsheet could not encode them" + kDash +
                        "kept as written; save the file as \"CSV UTF-8\" and type the names again");
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

}  // namespace detail

SourceBundle read_source_folder(const std::string& dir, std::vector<std::string>& problems,
                                std::vector<std::string>& warnings) {
    return detail::Reader(dir, problems, warnings).read();
}

SourceBundle read_source_folder(const std::string& dir, std::vector<std::string>& problems) {
    std::vector<std::string> warnings;
    return read_source_folder(dir, problems, warnings);
}

}  // namespace plaza::bundle
