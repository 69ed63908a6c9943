// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the schedule-into-bundle tests: a content folder made from the repository's sample
// content/ with its schedule taken from an export, built into a bundle and opened in the store;
// sessions found by title and their local times read through the bundle's own offset table.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundle/bundle_builder.h"
#include "bundle_test_support.h"
#include "content/bundle_check.h"
#include "content/content_store.h"
#include "core/civil_time.h"

namespace plaza::test {

namespace fs = std::filesystem;

struct EventDates {
    std::string starts_on, ends_on, time_zone;
    int utc_offset_minutes = 0;
    std::string languages = "en, es, ca, fr";
};

// Replaces the value of `key: ...` in an event.txt text.
inline std::string with_event_value(std::string text, const std::string& key,
                                    const std::string& value) {
    const auto at = text.find("\n" + key + ":");
    REQUIRE(at != std::string::npos);
    const auto end = text.find('\n', at + 1);
    return text.replace(at + 1, end - at - 1, key + ": " + value);
}

// Copies content/ into `dir`/src with `dates` in event.txt. With `export_path`, the native
// schedule (rooms, speakers, sessions CSV) is replaced by that file as schedule/<name>.
inline fs::path sample_folder(const TempDir& dir, const EventDates& dates,
                              const std::string& export_path = "") {
    const fs::path src = dir.path() / "src";
    fs::copy(fs::path(PLAZA_SOURCE_DIR) / "content", src, fs::copy_options::recursive);
    std::string event = read_file(src / "event.txt");
    event = with_event_value(event, "starts_on", dates.starts_on);
    event = with_event_value(event, "ends_on", dates.ends_on);
    event = with_event_value(event, "time_zone", dates.time_zone);
    event = with_event_value(event, "utc_offset_minutes", std::to_string(dates.utc_offset_minutes));
    event = with_event_value(event, "languages", dates.languages);
    if (!export_path.empty()) {
        for (const char* name : {"rooms.csv", "speakers.csv", "sessions.csv"})
            fs::remove(src / name);
        const std::string name = fs::path(export_path).filename().string();
        fs::create_directories(src / "schedule");
        fs::copy_file(export_path, src / "schedule" / name);
        event += "schedule: schedule/" + name + "\n";
    }
    write_file(src / "event.txt", event);
    return src;
}

struct Built {
    std::vector<std::string> problems, warnings;
    std::optional<content::ContentStore> store;
    std::vector<std::string> check;  // what `verify` finds wrong with the bundle
};

inline Built build_folder(const TempDir& dir, const fs::path& src) {
    Built b;
    const std::string out = dir / "out.plaza";
    auto result = bundle::build_bundle({src.string(), out, 1}, b.problems, &b.warnings);
    if (!result) return b;
    b.check = content::check_bundle(out);
    auto store = content::ContentStore::open(out);
    REQUIRE(store.ok());
    b.store.emplace(std::move(store.value()));
    return b;
}

inline std::vector<content::SessionItem> all_sessions(const content::ContentStore& store) {
    std::vector<content::SessionItem> out;
    for (const auto& day : store.schedule_days())
        for (auto& s : store.sessions_on(day.date))
            out.push_back(std::move(s));
    return out;
}

inline std::optional<content::SessionItem> session_titled(const content::ContentStore& store,
                                                          const std::string& title) {
    for (auto& s : all_sessions(store))
        if (s.title == title) return s;
    return std::nullopt;
}

// "2023-08-18 09:00", through the bundle's offsets (what the kiosk shows).
inline std::string local_time(const content::ContentStore& store, std::int64_t ms) {
    const core::CivilTime t = core::civil_from_unix_ms(ms, store.local_offset_minutes(ms));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute);
    return buf;
}

}  // namespace plaza::test
