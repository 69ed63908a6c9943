// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>

#include "core/csv.h"
#include "core/utf8.h"

namespace plaza::app {

namespace {

// A configuration file is a screenful of lines; anything this large is the wrong file.
constexpr size_t kMaxFileBytes = 256 * 1024;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// The value part of a line: an inline comment starts at a `#` after whitespace (so a path may
// still contain `#`), and one pair of surrounding double quotes is removed because people
// often quote values out of habit.
std::string_view strip_value(std::string_view raw) {
    bool quoted = false;
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '"') quoted = !quoted;
        if (!quoted && raw[i] == '#' && (i == 0 || is_space(raw[i - 1]))) {
            raw = raw.substr(0, i);
            break;
        }
    }
    raw = trim(raw);
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
        raw = raw.substr(1, raw.size() - 2);
    }
    return raw;
}

bool parse_int(std::string_view text, int low, int high, int& out) {
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high) return false;
    out = v;
    return true;
}

// from_chars, unlike strtof, ignores the process locale: "4.5" means the same everywhere.
bool parse_float(std::string_view text, float low, float high, float& out) {
    float v = 0.0f;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < low ||
        v > high)
        return false;
    out = v;
    return true;
}

std::optional<bool> parse_switch(std::string_view text) {
    const std::string v = lower(text);
    if (v == "on" || v == "yes" || v == "true" || v == "1") return true;
    if (v == "off" || v == "no" || v == "false" || v == "0") return false;
    return std::nullopt;
}

// BCP 47 as far as a kiosk needs it: a lower-case primary language and optional subtags
// ("en", "ca", "pt-BR", "zh-Hant").
bool is_language_tag(std::string_view tag) {
    size_t i = 0;
    while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z')
        ++i;
    if (i < 2 || i > 3) return false;
    while (i < tag.size()) {
        if (tag[i] != '-') return false;
        size_t n = 0;
        for (++i; i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i])); ++i)
            ++n;
        if (n < 2 || n > 8) return false;
    }
    return true;
}

bool is_absolute_path(std::string_view path) {
    return !path.empty() && path.front() == '/';
}

// "HH:MM" with 00:00..23:59, or 24:00 when `allow_24` (the end of the day).
bool parse_clock(std::string_view text, bool allow_24, int& minute) {
    int h = 0, m = 0;
    if (text.size() != 5 || text[2] != ':' || !parse_int(text.substr(0, 2), 0, 24, h) ||
        !parse_int(text.substr(3, 2), 0, 59, m))
        return false;
    if (h == 24 && (!allow_24 || m != 0)) return false;
    minute = h * 60 + m;
    return true;
}

// Splits "a, b,c" into trimmed items; false if an item is empty ("a,,b" or a trailing comma),
// which is almost always a typing mistake worth pointing at.
bool split_list(std::string_view value, std::vector<std::string>& items) {
    items.clear();
    while (true) {
        const size_t comma = value.find(',');
        const std::string_view item = trim(value.substr(0, comma));
        if (item.empty()) return false;
        items.emplace_back(item);
        if (comma == std::string_view::npos) return true;
        value.remove_prefix(comma + 1);
    }
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// Applies a value to the config; returns what is wrong with it, or an empty string.
using Apply = std::function<std::string(std::string_view value, Config& config)>;

struct Key {
    const char* name;
    const char* default_text;  // for "; using ..." in warnings
    Apply apply;
};

std::string in_quotes(std::string_view value) {
    return "'" + std::string(value) + "'";
}

std::string apply_path_list(std::string_view value, std::vector<std::string>& out) {
    std::vector<std::string> items;
    if (!split_list(value, items)) return "an entry in the comma list is empty";
    for (const auto& item : items) {
        if (!is_absolute_path(item)) return in_quotes(item) + " is not an absolute path";
    }
    out = std::move(items);
    return {};
}

std::string apply_switch(std::string_view value, bool& out) {
    const auto v = parse_switch(value);
    if (!v) return in_quotes(value) + " is neither on nor off";
    out = *v;
    return {};
}

const std::vector<Key>& keys() {
    static const std::vector<Key> table = {
        {"rotation", "0",
         [](std::string_view v, Config& c) -> std::string {
             const auto r = core::parse_rotation(v);
             if (!r) return in_quotes(v) + " is not 0, 90, 180 or 270";
             c.rotation = *r;
             return {};
         }},
        {"px_per_mm", "4.0",
         [](std::string_view v, Config& c) -> std::string {
             if (!parse_float(v, 1.0f, 40.0f, c.px_per_mm))
                 return in_quotes(v) + " is not a number between 1 and 40";
             return {};
         }},
        {"languages", "every language in the bundle",
         [](std::string_view v, Config& c) -> std::string {
             std::vector<std::string> items;
             if (!split_list(v, items)) return "an entry in the comma list is empty";
             for (const auto& item : items) {
                 if (!is_language_tag(item))
                     return in_quotes(item) + " is not a language code like en, ca or pt-BR";
             }
             c.languages = std::move(items);
             return {};
         }},
        {"default_language", "the bundle's default",
         [](std::string_view v, Config& c) -> std::string {
             if (!is_language_tag(v)) return in_quotes(v) + " is not a language code like en or ca";
             c.default_language = std::string(v);
             return {};
         }},
        {"idle_timeout_seconds", "90",
         [](std::string_view v, Config& c) -> std::string {
             if (!parse_int(v, 20, 3600, c.idle_timeout_seconds))
                 return in_quotes(v) + " is not a whole number of seconds between 20 and 3600";
             return {};
         }},
        {"display_hours", "always on",
         [](std::string_view v, Config& c) -> std::string {
             const size_t dash = v.find('-');
             DisplayHours h;
             if (dash == std::string_view::npos ||
                 !parse_clock(trim(v.substr(0, dash)), false, h.start_minute) ||
                 !parse_clock(trim(v.substr(dash + 1)), true, h.end_minute))
                 return in_quotes(v) + " is not a range like 07:30-20:00";
             if (h.start_minute == h.end_minute)
                 return in_quotes(v) + " starts and ends at the same time";
             c.display_hours = h;
             return {};
         }},
        {"low_reach", "off",
         [](std::string_view v, Config& c) { return apply_switch(v, c.low_reach); }},
        {"low_reach_top_percent", "40",
         [](std::string_view v, Config& c) -> std::string {
             if (!parse_int(v, 0, 70, c.low_reach_top_percent))
                 return in_quotes(v) + " is not a whole number from 0 to 70";
             return {};
         }},
        {"high_contrast", "off",
         [](std::string_view v, Config& c) { return apply_switch(v, c.high_contrast); }},
        {"reduced_motion", "off",
         [](std::string_view v, Config& c) { return apply_switch(v, c.reduced_motion); }},
        {"admin_pin", "no PIN, the admin panel stays locked",
         [](std::string_view v, Config& c) -> std::string {
             bool digits = v.size() >= 4 && v.size() <= 8;
             for (char ch : v)
                 digits = digits && ch >= '0' && ch <= '9';
             if (!digits) return "the PIN must be 4 to 8 digits";
             c.admin_pin = std::string(v);
             return {};
         }},
        {"trusted_keys", "no trusted key, USB bundles are refused",
         [](std::string_view v, Config& c) { return apply_path_list(v, c.trusted_keys); }},
        {"watch_folders", "/media/plaza, /run/media and the inbox in the data folder",
         [](std::string_view v, Config& c) { return apply_path_list(v, c.watch_folders); }},
        {"data_folder", "/var/lib/plaza",
         [](std::string_view v, Config& c) -> std::string {
             if (!is_absolute_path(v) || v == "/") return in_quotes(v) + " is not an absolute path";
             c.data_folder = std::string(v);
             return {};
         }},
        {"mode", "kiosk",
         [](std::string_view v, Config& c) -> std::string {
             if (v == "kiosk") {
                 c.mode = KioskMode::kiosk;
             } else if (v == "room") {
                 c.mode = KioskMode::room;
             } else {
                 return in_quotes(v) + " is neither kiosk nor room";
             }
             return {};
         }},
        {"room", "no room",
         [](std::string_view v, Config& c) -> std::string {
             bool ok = v.size() <= 64;
             for (char ch : v) {
                 ok = ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' ||
                             ch == '_' || ch == '.');
             }
             if (!ok) return in_quotes(v) + " is not a room id (letters, digits, - _ . up to 64)";
             c.room = std::string(v);
             return {};
         }},
        {"usage_export", "on",
         [](std::string_view v, Config& c) { return apply_switch(v, c.usage_export); }},
        {"admin_quit", "off",
         [](std::string_view v, Config& c) { return apply_switch(v, c.admin_quit); }},
        {"fullscreen", "on",
         [](std::string_view v, Config& c) { return apply_switch(v, c.fullscreen); }},
        {"kmsdrm_device_index", "SDL's choice",
         [](std::string_view v, Config& c) -> std::string {
             int index = 0;
             if (!parse_int(v, 0, 15, index)) return in_quotes(v) + " is not a number from 0 to 15";
             c.kmsdrm_device_index = index;
             return {};
         }},
        {"renderer", "auto",
         [](std::string_view v, Config& c) -> std::string {
             if (v != "auto" && v != "software" && v != "opengl" && v != "opengles2")
                 return in_quotes(v) + " is not auto, software, opengl or opengles2";
             c.renderer = v == "auto" ? std::string() : std::string(v);
             return {};
         }},
        {"touch_calibration", "none",
         [](std::string_view v, Config& c) -> std::string {
             const auto calibration = core::parse_touch_calibration(v);
             if (!calibration)
                 return in_quotes(v) +
                        " is not none, swap_xy, invert_x, invert_y (comma separated) or six "
                        "numbers of a matrix that can be inverted";
             c.touch_calibration = *calibration;
             return {};
         }},
        {"kiosk_id", "the host name",
         [](std::string_view v, Config& c) -> std::string {
             bool ok = v.size() <= 64;
             for (char ch : v)
                 ok =
                     ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_');
             if (!ok) return in_quotes(v) + " is not a kiosk id (letters, digits, - _ up to 64)";
             c.kiosk_id = std::string(v);
             return {};
         }},
        {"kiosk_name", "the kiosk id",
         [](std::string_view v, Config& c) -> std::string {
             if (v.size() > 100) return "the name is longer than 100 bytes";
             c.kiosk_name = std::string(v);
             return {};
         }},
        {"status_folder", "the status folder in the data folder",
         [](std::string_view v, Config& c) -> std::string {
             if (v == "off") {
                 c.status_folder.clear();
                 return {};
             }
             if (!is_absolute_path(v) || v == "/")
                 return in_quotes(v) + " is neither off nor an absolute path";
             c.status_folder = std::string(v);
             return {};
         }},
    };
    return table;
}

const Key* find_key(std::string_view name) {
    for (const auto& k : keys()) {
        if (name == k.name) return &k;
    }
    return nullptr;
}

// Where a key was last set: a file and a line in it.
struct Place {
    std::string file;
    int line = 0;
};

class Parser {
  public:
    void begin_file(const std::string& file_name) {
        file_ = file_name;
        lines_in_file_.clear();
    }

    void line(int number, std::string_view text) {
        const std::string_view content = trim(text);
        if (content.empty() || content.front() == '#') return;
        if (!core::is_valid_utf8(content)) {
            warn({file_, number}, "", "the line is not valid UTF-8; ignored");
            return;
        }
        const size_t eq = content.find('=');
        if (eq == std::string_view::npos) {
            warn({file_, number}, "", "expected `key = value`; ignored");
            return;
        }
        const std::string name(trim(content.substr(0, eq)));
        const std::string_view value = strip_value(content.substr(eq + 1));
        const Key* key = find_key(name);
        if (!key) {
            warn({file_, number}, name, "unknown key" + suggestion(name) + "; ignored");
            return;
        }
        // Twice in one file is a slip worth naming; a later file setting a key again is what
        // drop-ins are for.
        const auto seen = lines_in_file_.find(name);
        if (seen != lines_in_file_.end()) {
            warn({file_, number}, name,
                 "also set on line " + std::to_string(seen->second) + "; this later line wins");
        }
        lines_in_file_[name] = number;
        set_at_[name] = {file_, number};
        // An empty value asks for the default, which also undoes an earlier line.
        Config& c = loaded_.config;
        const std::string problem = value.empty() ? std::string() : key->apply(value, c);
        if (value.empty() || !problem.empty()) reset_to_default(name, c);
        if (!problem.empty()) warn({file_, number}, name, problem + "; using " + key->default_text);
        if (name == "watch_folders") watch_folders_given_ = !value.empty() && problem.empty();
        if (name == "status_folder") status_folder_given_ = !value.empty() && problem.empty();
    }

    LoadedConfig finish() {
        Config& c = loaded_.config;
        // The default inbox follows data_folder wherever it is set.
        if (!watch_folders_given_) c.watch_folders = default_watch_folders(c.data_folder);
        if (!status_folder_given_) c.status_folder = default_status_folder(c.data_folder);
        if (!c.default_language.empty() && !c.languages.empty()) {
            bool offered = false;
            for (const auto& l : c.languages)
                offered = offered || l == c.default_language;
            if (!offered) {
                warn(set_at_["default_language"], "default_language",
                     in_quotes(c.default_language) + " is not among languages; using " +
                         find_key("default_language")->default_text);
                c.default_language.clear();
            }
        }
        if (c.mode == KioskMode::room && c.room.empty()) {
            warn(set_at_["mode"], "mode", "room needs `room = <id>` too; using kiosk");
            c.mode = KioskMode::kiosk;
        }
        for (const auto& key_file : c.trusted_keys) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(key_file, ec)) {
                warn(set_at_["trusted_keys"], "trusted_keys",
                     in_quotes(key_file) +
                         " is not a readable file; bundles signed with it will be "
                         "refused");
            }
        }
        return std::move(loaded_);
    }

    void warn(const Place& place, const std::string& key, const std::string& what) {
        std::string text = place.file;
        if (place.line > 0) text += ":" + std::to_string(place.line);
        text += ": ";
        if (!key.empty()) text += key + ": ";
        loaded_.warnings.push_back({place.file, place.line, key, text + what});
    }

  private:
    static void reset_to_default(const std::string& name, Config& c) {
        const Config d;
        if (name == "rotation") c.rotation = d.rotation;
        if (name == "px_per_mm") c.px_per_mm = d.px_per_mm;
        if (name == "languages") c.languages = d.languages;
        if (name == "default_language") c.default_language = d.default_language;
        if (name == "idle_timeout_seconds") c.idle_timeout_seconds = d.idle_timeout_seconds;
        if (name == "display_hours") c.display_hours = d.display_hours;
        if (name == "low_reach") c.low_reach = d.low_reach;
        if (name == "low_reach_top_percent") c.low_reach_top_percent = d.low_reach_top_percent;
        if (name == "reduced_motion") c.reduced_motion = d.reduced_motion;
        if (name == "high_contrast") c.high_contrast = d.high_contrast;
        if (name == "admin_pin") c.admin_pin = d.admin_pin;
        if (name == "trusted_keys") c.trusted_keys = d.trusted_keys;
        if (name == "watch_folders") c.watch_folders = d.watch_folders;
        if (name == "data_folder") c.data_folder = d.data_folder;
        if (name == "mode") c.mode = d.mode;
        if (name == "room") c.room = d.room;
        if (name == "usage_export") c.usage_export = d.usage_export;
        if (name == "admin_quit") c.admin_quit = d.admin_quit;
        if (name == "fullscreen") c.fullscreen = d.fullscreen;
        if (name == "kmsdrm_device_index") c.kmsdrm_device_index = d.kmsdrm_device_index;
        if (name == "renderer") c.renderer = d.renderer;
        if (name == "touch_calibration") c.touch_calibration = d.touch_calibration;
        if (name == "kiosk_id") c.kiosk_id = d.kiosk_id;
        if (name == "kiosk_name") c.kiosk_name = d.kiosk_name;
        if (name == "status_folder") c.status_folder = d.status_folder;
    }

    static std::string suggestion(const std::string& name) {
        // Case slips, typos and shortened names ("rotate") all get a hint.
        const std::string l = lower(name);
        for (const auto& k : keys()) {
            const std::string key = k.name;
            size_t common = 0;
            while (common < l.size() && common < key.size() && l[common] == key[common])
                ++common;
            if (common >= 5 || edit_distance(l, key) <= 2)
                return " (did you mean " + std::string(k.name) + "?)";
        }
        return {};
    }

    std::string file_;
    LoadedConfig loaded_;
    std::map<std::string, int> lines_in_file_;  // key -> the line of this file that set it
    std::map<std::string, Place> set_at_;       // key -> where it was last set, in any file
    bool watch_folders_given_ = false;
    bool status_folder_given_ = false;
};

// Reads a whole file of at most kMaxFileBytes. nullopt with `error` set when it cannot be read
// (errno in `error_number`).
std::optional<std::string> read_config_file(const std::string& path, std::string& error,
                                            int& error_number) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error_number = errno;
        error = path + ": cannot be read (" + std::strerror(error_number) + ")";
        return std::nullopt;
    }
    std::string text;
    char buffer[8192];
    size_t n = 0;
    bool too_large = false;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        text.append(buffer, n);
        if (text.size() > kMaxFileBytes) {
            too_large = true;
            break;
        }
    }
    const bool failed = std::ferror(f) != 0;
    error_number = errno;
    std::fclose(f);
    if (too_large) {
        error_number = 0;
        error = path + ": larger than 256 KiB; this is not a Plaza configuration file";
        return std::nullopt;
    }
    if (failed) {
        error = path + ": cannot be read (" + std::strerror(error_number) + ")";
        return std::nullopt;
    }
    return text;
}

// Editors on other systems (Notepad on the boot partition) may start a file with a byte order
// mark; it is not part of the first key.
std::string_view without_bom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
    return text;
}

// The drop-ins: regular files (or links to them) named *.conf, not hidden, in byte order of their
// names, as systemd orders its own drop-ins. Editor backups (plaza.conf~) and dpkg's leftovers
// (.dpkg-old, .dpkg-dist) do not end in .conf and are skipped.
std::vector<std::string> drop_in_files(const std::string& folder, std::vector<ConfigWarning>& out) {
    std::vector<std::string> files;
    std::error_code ec;
    if (folder.empty() || !std::filesystem::exists(folder, ec)) return files;
    std::filesystem::directory_iterator it(folder, ec), end;
    if (ec) {
        out.push_back(
            {folder, 0, "",
             folder + ": cannot be read (" + ec.message() + "); its drop-ins are ignored"});
        return files;
    }
    for (; it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= 5 || name.front() == '.' ||
            name.compare(name.size() - 5, 5, ".conf") != 0)
            continue;
        std::error_code type_ec;
        if (!std::filesystem::is_regular_file(it->path(), type_ec)) continue;
        files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

bool DisplayHours::contains(int minute_of_day) const {
    if (start_minute < end_minute)
        return minute_of_day >= start_minute && minute_of_day < end_minute;
    return minute_of_day >= start_minute || minute_of_day < end_minute;
}

core::Result<FleetValues> fleet_row(std::string_view csv, const std::string& kiosk_id) {
    const std::string_view first_line = csv.substr(0, csv.find('\n'));
    const bool semicolons = first_line.find(';') != std::string_view::npos &&
                            first_line.find(',') == std::string_view::npos;
    auto table = core::parse_csv(csv, "fleet.csv", semicolons ? ';' : ',');
    if (!table) return core::Error{table.error()};
    static const char* const kColumns[] = {"kiosk_id", "mode", "room", "rotation", "display_hours"};
    for (const char* column : kColumns) {
        if (table->column(column) < 0)
            return core::Error{std::string("fleet.csv: no column ") + column +
                               " (the header is kiosk_id,mode,room,rotation,display_hours)"};
    }
    const int id = table->column("kiosk_id");
    for (const core::CsvRecord& record : table->records) {
        if (id >= static_cast<int>(record.fields.size()) ||
            std::string(trim(record.fields[id])) != kiosk_id)
            continue;
        FleetValues values;
        Config scratch;
        for (size_t c = 1; c < std::size(kColumns); ++c) {
            const int at = table->column(kColumns[c]);
            const std::string_view value =
                at < static_cast<int>(record.fields.size()) ? trim(record.fields[at]) : "";
            if (value.empty()) continue;
            const std::string problem = find_key(kColumns[c])->apply(value, scratch);
            if (!problem.empty())
                return core::Error{"fleet.csv:" + std::to_string(record.line) + ": " + kColumns[c] +
                                   ": " + problem};
            values.emplace_back(kColumns[c], std::string(value));
        }
        if (scratch.mode == KioskMode::room && scratch.room.empty())
            return core::Error{"fleet.csv:" + std::to_string(record.line) +
                               ": mode: room needs a room in the same row"};
        return values;
    }
    return FleetValues{};
}

void apply_fleet_values(const FleetValues& values, Config& config) {
    // Only the fleet's keys: the file in the data folder never sets keys, PINs or folders.
    for (const auto& [key, value] : values) {
        if (key == "mode" || key == "room" || key == "rotation" || key == "display_hours")
            find_key(key)->apply(value, config);
    }
}

std::string format_fleet_values(const FleetValues& values) {
    std::string out =
        "# Applied from the venue's signed fleet.csv; replaced when a new one arrives.\n";
    for (const auto& [key, value] : values)
        out += key + " = " + value + "\n";
    return out;
}

FleetValues parse_fleet_values(std::string_view text) {
    FleetValues values;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        const size_t eq = line.find('=');
        if (line.empty() || line.front() == '#' || eq == std::string_view::npos) continue;
        values.emplace_back(std::string(trim(line.substr(0, eq))),
                            std::string(trim(line.substr(eq + 1))));
    }
    return values;
}

std::string default_status_folder(const std::string& data_folder) {
    return data_folder + "/status";
}

std::vector<std::string> default_watch_folders(const std::string& data_folder) {
    return {"/media/plaza", "/run/media", data_folder + "/inbox"};
}

LoadedConfig parse_config(const std::vector<ConfigText>& files) {
    Parser parser;
    for (const ConfigText& file : files) {
        parser.begin_file(file.file_name);
        std::string_view text = without_bom(file.text);
        int number = 0;
        while (!text.empty()) {
            const size_t end = text.find('\n');
            parser.line(++number, text.substr(0, end));
            if (end == std::string_view::npos) break;
            text.remove_prefix(end + 1);
        }
    }
    return parser.finish();
}

LoadedConfig parse_config(std::string_view text, const std::string& file_name) {
    return parse_config({ConfigText{file_name, std::string(text)}});
}

ConfigSources config_sources(const std::string& file) {
    return {file, file + ".d", kBootConfigFile};
}

core::Result<LoadedConfig> load_config(const ConfigSources& sources) {
    std::vector<ConfigText> files;
    std::vector<ConfigWarning> read_warnings;
    std::string error;
    int error_number = 0;
    if (auto text = read_config_file(sources.file, error, error_number)) {
        files.push_back({sources.file, std::move(*text)});
    } else if (error_number == ENOENT) {
        read_warnings.push_back(
            {sources.file, 0, "", sources.file + ": not found; using the defaults for every key"});
    } else {
        return core::Error{error};
    }
    std::vector<std::string> optional_files = drop_in_files(sources.drop_in_folder, read_warnings);
    std::error_code ec;
    if (!sources.boot_file.empty() && std::filesystem::exists(sources.boot_file, ec))
        optional_files.push_back(sources.boot_file);
    for (const std::string& path : optional_files) {
        if (auto text = read_config_file(path, error, error_number)) {
            files.push_back({path, std::move(*text)});
        } else {
            read_warnings.push_back({path, 0, "", error + "; ignored"});
        }
    }
    LoadedConfig loaded = parse_config(files);
    loaded.warnings.insert(loaded.warnings.begin(), read_warnings.begin(), read_warnings.end());
    return loaded;
}

core::Result<LoadedConfig> load_config(const std::string& path) {
    return load_config(config_sources(path));
}

std::string sample_bundle_beside(const std::string& executable) {
    const std::filesystem::path bin = std::filesystem::path(executable).parent_path();
    return (bin / PLAZA_SAMPLE_FROM_BINDIR).lexically_normal().string();
}

std::string packaged_sample_bundle() {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    // Without /proc (a bare chroot) the package's own place is the best guess.
    return sample_bundle_beside(ec ? "/usr/bin/plaza" : self.string());
}

}  // namespace plaza::app
