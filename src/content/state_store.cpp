// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/state_store.h"

#include <cstdio>

namespace plaza::content {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS install_history (
    id        INTEGER PRIMARY KEY,
    at_ms     INTEGER NOT NULL,
    result    TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    key_id    TEXT NOT NULL,
    detail    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS usage_count (
    kind  TEXT NOT NULL,
    key   TEXT NOT NULL,
    title TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
);
)sql";

core::Result<Database> open_state(const std::string& path) {
    auto db = Database::create_for_writing(path);
    if (!db) return db;
    // WAL: a crash mid-write leaves the last committed batch; FULL: a commit is on disk when
    // it returns (https://www.sqlite.org/pragma.html#pragma_synchronous).
    if (auto r = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                          "PRAGMA busy_timeout=2000;");
        !r)
        return core::Error{r.error()};
    auto check = db->prepare("PRAGMA quick_check");
    if (!check || !check->step() || check->column_text(0) != "ok")
        return core::Error{path + ": the state database is damaged"};
    if (auto r = db->exec(kSchema); !r) return core::Error{r.error()};
    return db;
}

void add_count(Database& db, const std::string& kind, const std::string& key,
               const std::string& title, std::int64_t count) {
    auto stmt = db.prepare(
        "INSERT INTO usage_count (kind, key, title, count) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (kind, key) DO UPDATE SET count = count + ?4, "
        "title = CASE WHEN ?3 = '' THEN title ELSE ?3 END");
    if (!stmt) return;
    stmt->bind(1, std::string_view(kind)).bind(2, std::string_view(key));
    stmt->bind(3, std::string_view(title)).bind(4, count);
    stmt->run();
}

std::string csv_field(const std::string& text) {
    // Quote everything that could split a field, and neutralise spreadsheet formulas
    // (a title starting with = + - @ would be evaluated when the CSV is opened).
    std::string value = text;
    if (!value.empty() &&
        (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@'))
        value = "'" + value;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

const char* usage_kind_name(UsageKind kind) {
    switch (kind) {
        case UsageKind::partnership:
            return "partnership";
        case UsageKind::practice:
            return "practice";
        case UsageKind::session:
            return "session";
    }
    return "item";
}

core::Result<StateStore> StateStore::open(const std::string& path) {
    auto db = open_state(path);
    if (!db) {
        // Keep the damaged file for a technician and start again.
        const std::string aside = path + ".damaged";
        std::rename(path.c_str(), aside.c_str());
        std::remove((path + "-wal").c_str());
        std::remove((path + "-shm").c_str());
        db = open_state(path);
        if (!db) return core::Error{db.error()};
    }
    return StateStore(std::move(db.value()));
}

core::Result<bool> StateStore::add_install(const InstallRecord& r) {
    auto stmt = db_.prepare(
        "INSERT INTO install_history (at_ms, result, bundle_id, version, key_id, detail) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!stmt) return core::Error{stmt.error()};
    stmt->bind(1, r.at_ms)
        .bind(2, std::string_view(r.result))
        .bind(3, std::string_view(r.bundle_id));
    stmt->bind(4, r.version)
        .bind(5, std::string_view(r.key_id))
        .bind(6, std::string_view(r.detail));
    return stmt->run();
}

std::vector<InstallRecord> StateStore::install_history(int limit) const {
    std::vector<InstallRecord> out;
    auto stmt = db_.prepare(
        "SELECT at_ms, result, bundle_id, version, key_id, detail FROM install_history "
        "ORDER BY id DESC LIMIT ?1");
    if (!stmt) return out;
    stmt->bind(1, static_cast<std::int64_t>(limit));
    while (stmt->step()) {
        out.push_back({stmt->column_int(0), stmt->column_text(1), stmt->column_text(2),
                       stmt->column_int(3), stmt->column_text(4), stmt->column_text(5)});
    }
    return out;
}

core::Result<bool> StateStore::add_usage(const UsageBatch& batch, const std::string& bundle_path) {
    if (batch.empty()) return true;
    std::map<std::pair<UsageKind, std::int64_t>, std::pair<std::string, std::string>> labels;
    if (!batch.views.empty()) {
        auto bundle = Database::open_untrusted_read_only(bundle_path);
        if (bundle) {
            for (const auto& [item, count] : batch.views) {
                const std::string sql = std::string("SELECT slug, title FROM ") +
                                        usage_kind_name(item.first) + " WHERE id = ?1";
                auto stmt = bundle->prepare(sql);
                if (stmt && stmt->bind(1, item.second).step())
                    labels[item] = {stmt->column_text(0), stmt->column_text(1)};
            }
        }
    }
    if (auto r = db_.exec("BEGIN IMMEDIATE"); !r) return r;
    for (const auto& [item, count] : batch.views) {
        auto label = labels.find(item);
        const std::string key =
            label != labels.end() ? label->second.first : "row-" + std::to_string(item.second);
        add_count(db_, usage_kind_name(item.first), key,
                  label != labels.end() ? label->second.second : "", count);
    }
    if (batch.searches > 0) add_count(db_, "searches", "all", "", batch.searches);
    for (const auto& [code, count] : batch.languages)
        add_count(db_, "language", code, "", count);
    for (const auto& [hour, count] : batch.sessions)
        add_count(db_, "visitor-sessions", hour, "", count);
    auto committed = db_.exec("COMMIT");
    if (!committed) db_.exec("ROLLBACK");  // a full or failing disk: the batch is dropped
    return committed;
}

std::vector<UsageRow> StateStore::usage_rows() const {
    std::vector<UsageRow> out;
    auto stmt = db_.prepare(
        "SELECT kind, key, title, count FROM usage_count ORDER BY "
        "CASE kind WHEN 'partnership' THEN 0 WHEN 'practice' THEN 1 WHEN 'session' THEN 2 "
        "WHEN 'searches' THEN 3 WHEN 'language' THEN 4 ELSE 5 END, count DESC, key");
    if (!stmt) return out;
    while (stmt->step()) {
        out.push_back({stmt->column_text(0), stmt->column_text(1), stmt->column_text(2),
                       stmt->column_int(3)});
    }
    return out;
}

std::string usage_csv(const std::vector<UsageRow>& rows) {
    std::string out = "kind,id,title,count\r\n";
    for (const UsageRow& r : rows) {
        out += csv_field(r.kind) + "," + csv_field(r.key) + "," + csv_field(r.title) + "," +
               std::to_string(r.count) + "\r\n";
    }
    return out;
}

}  // namespace plaza::content
