#include "content/bundle_check.h"

#include <cstdio>
#include <set>

#include "content/content_store.h"
#include "content/schema.h"
#include "content/sqlite_db.h"
#include "core/civil_time.h"

namespace plaza::content {

namespace {

// The offset table (added within v1, so optional) must hold sane offsets and reach back to the
// event's first day: the kiosk shows every time through it.
void check_zone_offsets(const Database& db, const EventInfo& event, const std::string& path,
                        std::vector<std::string>& problems) {
    auto stmt = db.prepare(
        "SELECT count(*), min(starts_at), "
        "sum(offset_minutes NOT BETWEEN -720 AND 840 OR typeof(offset_minutes) <> 'integer') "
        "FROM zone_offset");
    if (!stmt || !stmt->step()) return;
    if (stmt->column_int(0) == 0) {
        problems.push_back(path + ": zone_offset is empty");
        return;
    }
    if (stmt->column_int(2) > 0)
        problems.push_back(path + ": zone_offset holds offsets outside -720 to 840 minutes");
    // The kiosk keeps the table in memory; a zone changes its offset a few times a year.
    if (stmt->column_int(0) > kMaxZoneOffsets)
        problems.push_back(path + ": zone_offset holds " + std::to_string(stmt->column_int(0)) +
                           " rows, more than the " + std::to_string(kMaxZoneOffsets) +
                           " a kiosk reads");
    int y, m, d;
    if (std::sscanf(event.starts_on.c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
        // Local midnight of the first day is at most 14 hours before UTC midnight (UTC+14).
        const std::int64_t first_midnight = core::days_from_civil(y, m, d) * 86400 - 14 * 3600;
        if (stmt->column_int(1) > first_midnight)
            problems.push_back(path + ": zone_offset starts after the event's first day (" +
                               event.starts_on + ")");
    }
}

}  // namespace

std::vector<std::string> check_bundle(const std::string& path) {
    std::vector<std::string> problems;
    auto db = Database::open_untrusted_read_only(path);
    if (!db) return {db.error()};

    // Integrity first: nothing else may run on a damaged file.
    auto quick = db->prepare("PRAGMA quick_check");
    if (!quick) return {path + ": not a SQLite database (" + quick.error() + ")"};
    while (quick->step()) {
        const std::string line = quick->column_text(0);
        if (line != "ok") problems.push_back(path + ": damaged: " + line);
    }
    const int code = sqlite3_errcode(db->handle());
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW && problems.empty())
        problems.push_back(path + ": damaged: " + db->last_error());
    if (!problems.empty()) return problems;

    std::set<std::string> tables;
    auto objects = db->prepare("SELECT type, name FROM sqlite_schema");
    if (!objects) return {path + ": " + objects.error()};
    while (objects->step()) {
        const std::string type = objects->column_text(0), name = objects->column_text(1);
        if (type == "view" || type == "trigger")
            problems.push_back(path + ": contains a " + type + " (" + name +
                               "); bundles hold tables and indexes only");
        if (type == "table") tables.insert(name);
    }
    for (const char* table : kRequiredTables) {
        if (!tables.count(table)) problems.push_back(path + ": table " + table + " is missing");
    }
    if (!problems.empty()) return problems;

    auto store = ContentStore::open(path);
    if (!store) return {store.error()};

    auto fk = db->prepare("PRAGMA foreign_key_check");
    if (fk) {
        while (fk->step()) {
            problems.push_back(path + ": a row of " + fk->column_text(0) +
                               " refers to a missing row of " + fk->column_text(2));
        }
    }
    if (store->event().languages.empty()) problems.push_back(path + ": no language is listed");
    for (const char* key : {"bundle_id", "content_version", "build_time", "code_points"}) {
        if (store->meta(key).empty())
            problems.push_back(path + ": metadata " + key + " is missing");
    }
    auto lonely = db->prepare(
        "SELECT p.slug FROM partnership p WHERE (SELECT count(*) FROM partnership_city c "
        "WHERE c.partnership_id = p.id) < 2 LIMIT 10");
    if (lonely) {
        while (lonely->step())
            problems.push_back(path + ": partnership " + lonely->column_text(0) +
                               " has fewer than two cities");
    }
    auto docs = db->prepare(
        "SELECT (SELECT count(*) FROM search_doc), (SELECT count(*) FROM partnership) + "
        "(SELECT count(*) FROM practice) + (SELECT count(*) FROM session) + "
        "(SELECT count(*) FROM speaker)");
    if (docs && docs->step() && docs->column_int(0) != docs->column_int(1))
        problems.push_back(path + ": the search index does not cover every record");
    if (tables.count("zone_offset")) check_zone_offsets(db.value(), store->event(), path, problems);
    return problems;
}

}  // namespace plaza::content
