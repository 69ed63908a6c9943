// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's own small state database, apart from the read-only bundles: install history and
// anonymous usage counters (views per item, how many searches — never what was typed —, language
// choices, visitor sessions per hour). WAL with synchronous=FULL, so a committed batch survives a
// power cut; the app batches counts in memory (UsageBatch) and writes a few times an hour at
// most, because SD cards wear.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "content/sqlite_db.h"
#include "core/result.h"

namespace plaza::content {

enum class UsageKind { partnership, practice, session };
const char* usage_kind_name(UsageKind kind);

// Counts gathered in memory between writes (plain data, no SQL).
struct UsageBatch {
    std::map<std::pair<UsageKind, std::int64_t>, std::int64_t> views;  // by bundle row id
    std::int64_t searches = 0;
    std::map<std::string, std::int64_t> languages;  // language code -> choices
    std::map<std::string, std::int64_t> sessions;   // "YYYY-MM-DD HH:00" local -> sessions
    bool empty() const {
        return views.empty() && searches == 0 && languages.empty() && sessions.empty();
    }
};

struct InstallRecord {
    std::int64_t at_ms = 0;
    std::string result;  // "installed", "refused", "rolled back"
    std::string bundle_id;
    std::int64_t version = 0;
    std::string key_id;
    std::string detail;
};

// One row of the usage export: kind (partnership, practice, session, searches, language,
// visitor-sessions), key (the organisers' id, language code, hour), title, count.
struct UsageRow {
    std::string kind, key, title;
    std::int64_t count = 0;
};

class StateStore {
  public:
    // Opens or creates the state database; a damaged one is set aside (renamed *.damaged) and
    // a fresh one started, so a bad SD sector never keeps the kiosk from running.
    static core::Result<StateStore> open(const std::string& path);

    core::Result<bool> add_install(const InstallRecord& record);
    std::vector<InstallRecord> install_history(int limit) const;  // newest first

    // Adds a batch in one transaction. Item ids are resolved to the organisers' ids and titles
    // through `bundle_path`, so counts survive a new bundle version with new row ids.
    core::Result<bool> add_usage(const UsageBatch& batch, const std::string& bundle_path);
    std::vector<UsageRow> usage_rows() const;

  private:
    explicit StateStore(Database db) : db_(std::move(db)) {}
    Database db_;
};

// The usage rows as RFC 4180 CSV with a header row: one row per item.
std::string usage_csv(const std::vector<UsageRow>& rows);

}  // namespace plaza::content
