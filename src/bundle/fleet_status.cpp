// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosks' status files read into the organiser's table; see fleet_status.h.
#include "bundle/fleet_status.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/safe_file.h"

namespace plaza::bundle {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::int64_t kMaxStatusBytes = 64 * 1024;

// Reads `key` of `object` into `out` when it has the expected kind; otherwise names the problem.
bool read_string(const json& object, const char* key, std::string& out, std::string& problem) {
    if (!object.contains(key) || object[key].is_null()) return true;
    if (!object[key].is_string()) {
        problem = std::string("\"") + key + "\" is not a text";
        return false;
    }
    out = object[key].get<std::string>();
    return true;
}
bool read_number(const json& object, const char* key, std::int64_t& out, std::string& problem) {
    if (!object.contains(key) || object[key].is_null()) return true;
    if (!object[key].is_number_integer()) {
        problem = std::string("\"") + key + "\" is not a whole number";
        return false;
    }
    out = object[key].get<std::int64_t>();
    return true;
}
bool read_object(const json& object, const char* key, const json*& out, std::string& problem) {
    out = nullptr;
    if (!object.contains(key) || object[key].is_null()) return true;
    if (!object[key].is_object()) {
        problem = std::string("\"") + key + "\" is not an object";
        return false;
    }
    out = &object[key];
    return true;
}

bool fill(const json& j, KioskStatus& s, std::string& problem) {
    std::int64_t format = 0;
    if (!read_number(j, "format", format, problem)) return false;
    if (format != 1) {
        problem = "format " + std::to_string(format) + " is not the status format 1";
        return false;
    }
    if (!read_string(j, "kiosk_id", s.kiosk_id, problem) ||
        !read_string(j, "kiosk_name", s.kiosk_name, problem) ||
        !read_string(j, "mode", s.mode, problem) || !read_string(j, "room", s.room, problem) ||
        !read_number(j, "uptime_s", s.uptime_s, problem) ||
        !read_number(j, "touches_today", s.touches_today, problem) ||
        !read_string(j, "written_at", s.written_at, problem))
        return false;
    if (s.kiosk_id.empty()) {
        problem = "no \"kiosk_id\"";
        return false;
    }
    const json *bundle = nullptr, *install = nullptr, *health = nullptr;
    if (!read_object(j, "bundle", bundle, problem) ||
        !read_object(j, "last_install", install, problem) ||
        !read_object(j, "health", health, problem))
        return false;
    if (bundle && (!read_string(*bundle, "id", s.bundle_id, problem) ||
                   !read_number(*bundle, "version", s.version, problem) ||
                   !read_string(*bundle, "built", s.built, problem)))
        return false;
    if (install && (!read_string(*install, "result", s.install_result, problem) ||
                    !read_string(*install, "message", s.install_message, problem) ||
                    !read_string(*install, "bundle_file", s.install_file, problem) ||
                    !read_string(*install, "at", s.install_at, problem)))
        return false;
    if (health) {
        if (!read_number(*health, "frames_failing", s.frames_failing, problem) ||
            !read_string(*health, "watchdog", s.watchdog, problem) ||
            !read_number(*health, "free_disk_mb", s.free_disk_mb, problem))
            return false;
        if (health->contains("clock_sane")) {
            if (!(*health)["clock_sane"].is_boolean()) {
                problem = "\"clock_sane\" is not true or false";
                return false;
            }
            s.clock_sane = (*health)["clock_sane"].get<bool>();
        }
    }
    s.written_epoch = parse_utc_time(s.written_at);
    if (s.written_epoch < 0) {
        problem = "\"written_at\" is not a UTC time such as 2026-12-06T10:56:00Z";
        return false;
    }
    return true;
}

std::string age_text(std::int64_t seconds) {
    if (seconds < 0) return "in the future";
    if (seconds < 120) return std::to_string(seconds) + " s";
    if (seconds < 2 * 3600) return std::to_string(seconds / 60) + " min";
    if (seconds < 2 * 86400) return std::to_string(seconds / 3600) + " h";
    return std::to_string(seconds / 86400) + " days";
}

std::string mode_text(const KioskStatus& s) {
    return s.mode == "room" ? "room " + s.room : s.mode;
}

std::string version_text(const StatusRow& r) {
    if (r.status.version == 0) return "none";
    return std::to_string(r.status.version) + (r.older ? " OLDER" : "");
}

std::string install_text(const KioskStatus& s) {
    if (s.install_result.empty() || s.install_result == "none") return "none yet";
    std::string text = s.install_result;
    if (!s.install_file.empty()) text += " " + s.install_file;
    if (s.install_result != "installed" && !s.install_message.empty())
        text += ": " + s.install_message;
    return text;
}

// Display width counts code points, not bytes (names may be in any script).
size_t width_of(const std::string& text) {
    size_t shown = 0;
    for (unsigned char c : text)
        shown += (c & 0xC0) != 0x80;
    return shown;
}

std::string pad(std::string text, size_t width) {
    const size_t shown = width_of(text);
    if (shown < width) text.append(width - shown, ' ');
    return text;
}

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::vector<std::string> cells(const StatusRow& r) {
    const KioskStatus& s = r.status;
    return {s.kiosk_id,
            s.kiosk_name,
            mode_text(s),
            version_text(r),
            install_text(s),
            r.health,
            age_text(r.age_s) + (r.stale ? " STALE" : "")};
}

const std::vector<std::string> kHeadings = {"KIOSK",        "NAME",   "MODE", "VERSION",
                                            "LAST INSTALL", "HEALTH", "AGE"};

std::string published_line(std::int64_t version, const std::string& file) {
    if (version == 0) return "Published: nothing yet\n";
    return "Published: version " + std::to_string(version) + " (" + file + ")\n";
}

}  // namespace

std::int64_t parse_utc_time(const std::string& text) {
    std::tm tm{};
    int y, mo, d, h, mi, s;
    char z = 0;
    if (text.size() != 20 ||
        std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
        z != 'Z')
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return -1;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return static_cast<std::int64_t>(::timegm(&tm));
}

KioskStatus parse_status(const std::string& text, const std::string& file) {
    KioskStatus s;
    s.file = file;
    const json j = json::parse(text, nullptr, false);
    std::string problem;
    if (j.is_discarded()) {
        problem = "not JSON (a half-written or damaged file?)";
    } else if (!j.is_object()) {
        problem = "not a JSON object";
    } else {
        fill(j, s, problem);
    }
    if (!problem.empty()) {
        s = KioskStatus{};
        s.file = file;
        s.problem = problem;
    }
    return s;
}

std::vector<KioskStatus> read_status_folder(const std::string& folder) {
    std::vector<KioskStatus> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.' || entry.path().extension() != ".json") continue;
        auto text = core::read_regular_file(entry.path().string(), kMaxStatusBytes);
        if (!text) {
            KioskStatus s;
            s.file = name;
            s.problem = text.error();
            out.push_back(s);
            continue;
        }
        out.push_back(parse_status(text.value(), name));
    }
    std::sort(out.begin(), out.end(), [](const KioskStatus& a, const KioskStatus& b) {
        return a.kiosk_id != b.kiosk_id ? a.kiosk_id < b.kiosk_id : a.file < b.file;
    });
    return out;
}

std::vector<StatusRow> status_rows(const std::vector<KioskStatus>& statuses, std::int64_t now,
                                   std::int64_t published_version) {
    std::vector<StatusRow> rows;
    for (const KioskStatus& s : statuses) {
        StatusRow r;
        r.status = s;
        if (!s.problem.empty()) {
            rows.push_back(r);
            continue;
        }
        r.age_s = now - s.written_epoch;
        r.stale = r.age_s > kStaleAfterSeconds;
        r.older = published_version > 0 && s.version < published_version;
        std::vector<std::string> wrong;
        if (s.frames_failing > 0)
            wrong.push_back(std::to_string(s.frames_failing) + " frames failing");
        if (!s.watchdog.empty() && s.watchdog != "ok" && s.watchdog != "off")
            wrong.push_back("watchdog " + s.watchdog);
        if (!s.clock_sane) wrong.push_back("clock wrong");
        if (s.free_disk_mb > 0 && s.free_disk_mb < 200)
            wrong.push_back(std::to_string(s.free_disk_mb) + " MB free");
        for (const auto& w : wrong)
            r.health += (r.health.empty() ? "" : ", ") + w;
        if (r.health.empty()) r.health = "ok";
        rows.push_back(r);
    }
    return rows;
}

std::string format_status_text(const std::vector<StatusRow>& rows, std::int64_t published_version,
                               const std::string& published_file) {
    std::vector<size_t> widths;
    for (const auto& h : kHeadings)
        widths.push_back(h.size());
    for (const auto& r : rows) {
        if (!r.status.problem.empty()) continue;
        const auto c = cells(r);
        for (size_t i = 0; i < c.size(); ++i)
            widths[i] = std::max(widths[i], width_of(c[i]));
    }
    auto line = [&](const std::vector<std::string>& c) {
        std::string out;
        for (size_t i = 0; i < c.size(); ++i)
            out += i + 1 < c.size() ? pad(c[i], widths[i]) + "  " : c[i];
        return out + "\n";
    };
    std::string out = published_line(published_version, published_file) + line(kHeadings);
    int stale = 0, older = 0, unreadable = 0, kiosks = 0;
    for (const auto& r : rows) {
        if (!r.status.problem.empty()) {
            ++unreadable;
            continue;
        }
        ++kiosks;
        stale += r.stale;
        older += r.older;
        out += line(cells(r));
    }
    for (const auto& r : rows) {
        if (!r.status.problem.empty())
            out += r.status.file + ": not read as a kiosk status: " + r.status.problem + "\n";
    }
    out += std::to_string(kiosks) + " kiosk(s); " + std::to_string(stale) +
           " stale (no status for over " + std::to_string(kStaleAfterSeconds / 60) + " minutes); " +
           std::to_string(older) + " on an older version; " + std::to_string(unreadable) +
           " unreadable status file(s)\n";
    return out;
}

std::string format_status_html(const std::vector<StatusRow>& rows, std::int64_t published_version,
                               const std::string& published_file, const std::string& now_text) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width\">\n"
        "<title>Plaza fleet status</title>\n<style>\n"
        "body{font-family:sans-serif;margin:1.5em;color:#1b1b1b}\n"
        "table{border-collapse:collapse}th,td{padding:.35em .8em;border-bottom:1px solid #ccc;"
        "text-align:left;vertical-align:top}\n"
        "th{background:#eee}.warn{background:#fff1c2}.bad{background:#ffd6d6}\n"
        "</style></head><body>\n<h1>Plaza fleet status</h1>\n<p>" +
        html_escape(published_line(published_version, published_file)) + "<br>Read at " +
        html_escape(now_text) + "</p>\n<table>\n<tr>";
    for (const auto& h : kHeadings)
        out += "<th>" + html_escape(h) + "</th>";
    out += "</tr>\n";
    for (const auto& r : rows) {
        if (!r.status.problem.empty()) continue;
        const bool refused = r.status.install_result == "refused";
        const char* css = r.stale || refused ? " class=\"bad\"" : r.older ? " class=\"warn\"" : "";
        out += "<tr" + std::string(css) + ">";
        for (const auto& c : cells(r))
            out += "<td>" + html_escape(c) + "</td>";
        out += "</tr>\n";
    }
    out += "</table>\n";
    for (const auto& r : rows) {
        if (!r.status.problem.empty())
            out += "<p class=\"bad\">" + html_escape(r.status.file) +
                   ": not read as a kiosk status: " + html_escape(r.status.problem) + "</p>\n";
    }
    return out + "</body></html>\n";
}

}  // namespace plaza::bundle
