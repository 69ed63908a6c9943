// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the kiosks' status files (`<kiosk_id>.json` in the fleet's status folder, format in
// docs/fleet.md) into one table for the organiser, as text or as one self-contained HTML page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plaza::bundle {

// A kiosk is stale after this long without a new status (kiosks write one every minute).
inline constexpr std::int64_t kStaleAfterSeconds = 180;

struct KioskStatus {
    std::string file;     // the status file's name
    std::string problem;  // non-empty: the file could not be read as a status; the rest is empty
    std::string kiosk_id, kiosk_name, mode, room;
    std::string bundle_id, built;
    std::int64_t version = 0;  // 0: no bundle live
    std::string install_result, install_message, install_file, install_at;
    std::int64_t frames_failing = 0, free_disk_mb = 0;
    std::string watchdog;
    bool clock_sane = true;
    std::int64_t uptime_s = 0, touches_today = 0;
    std::string written_at;
    std::int64_t written_epoch = 0;  // seconds since 1970, from written_at
};

// One status file's text; never throws: anything malformed comes back with `problem` set.
KioskStatus parse_status(const std::string& text, const std::string& file);

// Every `*.json` status file in `folder` (names starting with '.' are temporary), by kiosk id.
std::vector<KioskStatus> read_status_folder(const std::string& folder);

// "2026-12-06T10:56:00Z" as seconds since 1970, or -1.
std::int64_t parse_utc_time(const std::string& text);

struct StatusRow {
    KioskStatus status;
    std::int64_t age_s = 0;
    bool stale = false;
    bool older = false;  // runs an older version than the one published
    std::string health;  // "ok" or what is wrong, in a few words
};

// The rows as the table shows them, at `now` (seconds since 1970); `published_version` 0 when
// nothing is published.
std::vector<StatusRow> status_rows(const std::vector<KioskStatus>& statuses, std::int64_t now,
                                   std::int64_t published_version);

std::string format_status_text(const std::vector<StatusRow>& rows, std::int64_t published_version,
                               const std::string& published_file);
std::string format_status_html(const std::vector<StatusRow>& rows, std::int64_t published_version,
                               const std::string& published_file, const std::string& now_text);

}  // namespace plaza::bundle
