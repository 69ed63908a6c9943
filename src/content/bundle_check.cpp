// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/bundle_check.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include "content/check_query.h"
#include "content/content_store.h"
#include "content/limits.h"
#include "content/schema.h"
#include "content/sqlite_db.h"
#include "core/civil_time.h"

namespace plaza::content {

namespace {

using Kind = CheckProblem::Kind;

// Tables added within v1: a bundle made before them may lack them (and their indexes); when one
// is there, it is exactly as schema.h has it.
const std::set<std::string> kOptionalTables = {
    "zone_offset", "track", "session_track", "link", "session_partnership", "language_name"};

struct SchemaObject {
    std::string type, name, table, sql;
};

// `sql` with comments removed and white space kept only between two words, so a schema laid out
// differently still compares equal; quoted text and identifiers are kept as they are.
std::string normalized_sql(std::string_view sql) {
    std::string out;
    const auto word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    bool space = false;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            const char close = c == '[' ? ']' : c;
            if (space && !out.empty() && word(out.back())) out += ' ';
            space = false;
            size_t end = i + 1;
            for (; end < sql.size(); ++end) {
                if (sql[end] != close) continue;
                if (close != ']' && end + 1 < sql.size() && sql[end + 1] == close) {
                    ++end;  // a doubled quote inside the quotes
                    continue;
                }
                break;
            }
            out.append(sql.substr(i, end + 1 - i));
            i = end;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i;
            space = true;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 1;
            space = true;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
        } else {
            if (space && !out.empty() && word(out.back()) && word(c)) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

// schema.h as SQLite stores it: made in memory by the SQLite this kiosk runs, once it could be.
const std::map<std::string, SchemaObject>* reference_schema() {
    static std::mutex mutex;
    static std::map<std::string, SchemaObject> objects;
    std::lock_guard<std::mutex> lock(mutex);
    if (!objects.empty()) return &objects;
    auto db = Database::create_for_writing(":memory:");
    if (!db || !db->exec(kSchemaSql)) return nullptr;
    auto rows = db->prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema");
    std::map<std::string, SchemaObject> made;
    while (rows && rows->step()) {
        SchemaObject o{rows->column_text(0), rows->column_text(1), rows->column_text(2),
                       normalized_sql(rows->column_text(3))};
        made.emplace(o.name, std::move(o));
    }
    if (made.empty()) return nullptr;
    objects = std::move(made);
    return &objects;
}

// The first column of `table` that differs between the bundle and the reference, for a message
// that names it ("column summary is generated"); empty when the columns agree.
std::string column_difference(const Database& bundle, const std::string& table) {
    static const char* kSql =
        "SELECT name, type, \"notnull\", coalesce(dflt_value, ''), pk, hidden "
        "FROM pragma_table_xinfo(?1)";
    const auto columns = [&](const Database& db) {
        std::vector<std::vector<std::string>> out;
        auto stmt = db.prepare(kSql);
        if (!stmt) return out;
        stmt->bind(1, std::string_view(table));
        while (stmt->step())
            out.push_back({stmt->column_text(0), stmt->column_text(1), stmt->column_text(2),
                           stmt->column_text(3), stmt->column_text(4), stmt->column_text(5)});
        return out;
    };
    auto reference = Database::create_for_writing(":memory:");
    if (!reference || !reference->exec(kSchemaSql)) return {};
    const auto theirs = columns(bundle), ours = columns(reference.value());
    for (size_t i = 0; i < std::max(theirs.size(), ours.size()); ++i) {
        if (i >= ours.size()) return "it has an extra column " + theirs[i][0];
        if (i >= theirs.size()) return "column " + ours[i][0] + " is missing";
        const auto& t = theirs[i];
        const auto& o = ours[i];
        if (t[0] != o[0]) return "column " + t[0] + " stands where " + o[0] + " should";
        if (t[5] != o[5])
            return "column " + t[0] + (t[5] == "2" || t[5] == "3" ? " is generated" : " is hidden");
        if (t[4] != o[4]) return "column " + t[0] + " is not in the primary key as it should be";
        if (t != o) return "column " + t[0] + " is declared differently";
    }
    return {};
}

class Checks {
  public:
    Checks(const Database& db, const std::string& path, const core::Deadline& deadline,
           std::vector<CheckProblem>& problems)
        : db_(db), path_(path), deadline_(deadline), problems_(problems) {}

    void add(Kind kind, const std::string& what) {
        problems_.push_back({kind, path_ + ": " + what});
    }

    // A failed query is a finding of its own: nothing passes because a check could not run.
    bool failed(const QueryFailure& f, const std::string& what) {
        if (!f) return false;
        switch (f.kind) {
            case QueryFailure::Kind::over_time:
                add(Kind::over_time, what + ": the checks ran out of time");
                break;
            case QueryFailure::Kind::over_memory:
                add(Kind::over_memory, what + ": the checks ran out of memory (" + f.text + ")");
                break;
            default:
                add(Kind::damaged, "damaged: " + what + ": " + f.text);
        }
        return true;
    }
    bool each(const std::string& sql, const std::string& what,
              const std::function<bool(Statement&)>& row) {
        return !failed(each_row(db_, sql, deadline_, row), what);
    }
    bool number(const std::string& sql, const std::string& what, std::int64_t& out) {
        return !failed(single_number(db_, sql, deadline_, out), what);
    }

    bool schema(std::set<std::string>& tables);
    void integrity();
    void row_counts(const std::set<std::string>& tables);
    void references(const std::set<std::string>& tables);
    void search_documents();
    void zone_offsets(const EventInfo& event);

  private:
    const Database& db_;
    const std::string& path_;
    const core::Deadline& deadline_;
    std::vector<CheckProblem>& problems_;
};

// Object by object against schema.h, before any query reads a row: a generated or hidden column,
// an extra index, trigger, view or table, a different FTS5 configuration, all are refused here.
bool Checks::schema(std::set<std::string>& tables) {
    const auto* known = reference_schema();
    if (!known) {
        // Only an allocation can fail on a fixed text: the checks' memory budget is too small.
        add(Kind::over_memory, "the checks ran out of memory to build Plaza's schema");
        return false;
    }
    const auto& reference = *known;
    std::map<std::string, SchemaObject> objects;
    const bool read = each(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema", "the schema",
        [&](Statement& s) {
            SchemaObject o{s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3)};
            objects.emplace(o.name, std::move(o));
            return true;
        });
    if (!read) return false;
    const size_t before = problems_.size();
    for (const auto& [name, o] : objects) {
        if (o.type == "view" || o.type == "trigger") {
            add(Kind::view_or_trigger,
                "contains a " + o.type + " (" + name + "); bundles hold tables and indexes only");
            continue;
        }
        auto it = reference.find(name);
        if (it == reference.end()) {
            add(Kind::unexpected_schema,
                "holds " + o.type + " " + name + ", which Plaza's schema does not have");
            continue;
        }
        const SchemaObject& r = it->second;
        if (o.type != r.type || o.table != r.table || normalized_sql(o.sql) != r.sql) {
            std::string why = o.type == "table" ? column_difference(db_, name) : "";
            add(Kind::unexpected_schema, o.type + " " + name + " differs from Plaza's schema" +
                                             (why.empty() ? "" : ": " + why));
            continue;
        }
        if (o.type == "table") tables.insert(name);
    }
    for (const auto& [name, r] : reference) {
        if (objects.count(name)) continue;
        // Tables are required unless added later in v1; an index or FTS5 table belongs to its
        // table, so it is required when that table is there.
        const bool optional = kOptionalTables.count(r.table) && !objects.count(r.table);
        if (optional) continue;
        add(r.type == "table" ? Kind::not_a_plaza_bundle : Kind::unexpected_schema,
            r.type + " " + name + " is missing");
    }
    if (problems_.size() != before) return false;

    std::string encoding;
    each("PRAGMA encoding", "the text encoding", [&](Statement& s) {
        encoding = s.column_text(0);
        return false;
    });
    if (encoding != "UTF-8") {
        add(Kind::unexpected_schema, "stores text as " + encoding + "; bundles store UTF-8");
        return false;
    }
    // The index's settings live in a table of their own: only the format version, as FTS5
    // writes it, and no ranking function or other option.
    each("SELECT k, v FROM search_config", "the search index's settings", [&](Statement& s) {
        if (s.column_text(0) != "version")
            add(Kind::unexpected_schema, "the search index has a setting '" + s.column_text(0) +
                                             "' that plaza-bundle never writes");
        return true;
    });
    return problems_.size() == before;
}

void Checks::integrity() {
    each("PRAGMA quick_check", "the integrity check", [&](Statement& s) {
        const std::string line = s.column_text(0);
        if (line != "ok") add(Kind::damaged, "damaged: " + line);
        return true;
    });
}

// The kiosk's memory and an install's time grow with the rows; content/limits.h bounds them.
void Checks::row_counts(const std::set<std::string>& tables) {
    for (const limits::Table& t : limits::kTables) {
        if (!tables.count(std::string(t.table))) continue;
        const std::string table(t.table);
        std::int64_t rows = 0;
        if (!number("SELECT count(*) FROM " + table, "the rows of " + table, rows)) return;
        if (rows > t.max_rows)
            add(Kind::not_a_plaza_bundle, table + " holds " + std::to_string(rows) +
                                              " rows, more than the " + std::to_string(t.max_rows) +
                                              " a kiosk reads");
    }
}

// Every reference the kiosk follows, by Plaza's own queries: a parent key is indexed in the
// schema (primary key or UNIQUE), so each check costs a lookup per row.
void Checks::references(const std::set<std::string>& tables) {
    struct Reference {
        const char* table;
        const char* column;
        const char* parent;
        const char* key;
    };
    static const Reference kReferences[] = {
        {"translation", "lang", "language", "code"},
        {"city", "country_code", "country", "code"},
        {"partnership", "programme_id", "programme", "id"},
        {"partnership_city", "partnership_id", "partnership", "id"},
        {"partnership_city", "city_id", "city", "id"},
        {"partnership_theme", "partnership_id", "partnership", "id"},
        {"partnership_theme", "theme_id", "theme", "id"},
        {"partnership_sdg", "partnership_id", "partnership", "id"},
        {"partnership_sdg", "sdg", "sdg", "number"},
        {"practice", "city_id", "city", "id"},
        {"practice_theme", "practice_id", "practice", "id"},
        {"practice_theme", "theme_id", "theme", "id"},
        {"practice_partnership", "practice_id", "practice", "id"},
        {"practice_partnership", "partnership_id", "partnership", "id"},
        {"key_figure", "practice_id", "practice", "id"},
        {"speaker", "city_id", "city", "id"},
        {"session", "day", "day", "date"},
        {"session", "room_id", "room", "id"},
        {"session", "theme_id", "theme", "id"},
        {"session_speaker", "session_id", "session", "id"},
        {"session_speaker", "speaker_id", "speaker", "id"},
        {"session_track", "session_id", "session", "id"},
        {"session_track", "track_id", "track", "id"},
        {"session_partnership", "session_id", "session", "id"},
        {"session_partnership", "partnership_id", "partnership", "id"},
        {"media_image", "media_id", "media", "id"},
        {"media_link", "media_id", "media", "id"},
    };
    for (const Reference& r : kReferences) {
        if (!tables.count(r.table)) continue;
        const std::string what = "references of " + std::string(r.table) + "." + r.column;
        if (!tables.count(r.parent)) {
            add(Kind::broken_reference, std::string("table ") + r.table + " refers to " + r.parent +
                                            ", which the bundle does not have");
            continue;
        }
        const std::string sql = std::string("SELECT c.") + r.column + " FROM " + r.table +
                                " c WHERE c." + r.column + " IS NOT NULL AND NOT EXISTS " +
                                "(SELECT 1 FROM " + r.parent + " p WHERE p." + r.key + " = c." +
                                r.column + ") LIMIT 1";
        each(sql, what, [&](Statement& s) {
            add(Kind::broken_reference, std::string("a row of ") + r.table +
                                            " refers to a missing row of " + r.parent + " (" +
                                            r.column + " " + s.column_text(0) + ")");
            return false;
        });
    }

    // References that name their table in a column of their own: the owners of contacts, links
    // and images, the records search results open, and the records translations belong to.
    struct Owners {
        const char* table;
        const char* kind_column;
        const char* id_column;
        std::vector<const char*> kinds;
    };
    static const Owners kOwners[] = {
        {"contact", "owner_kind", "owner_id", {"partnership", "practice"}},
        {"link", "owner_kind", "owner_id", {"session", "speaker"}},
        {"media_link", "owner_kind", "owner_id", {"partnership", "practice", "speaker"}},
        {"search_doc", "kind", "ref_id", {"partnership", "practice", "session", "speaker"}},
        {"translation",
         "entity",
         "entity_id",
         {"event", "programme", "theme", "country", "city", "partnership", "practice", "key_figure",
          "room", "speaker", "track", "session"}},
    };
    for (const Owners& o : kOwners) {
        if (!tables.count(o.table)) continue;
        std::string resolves;
        for (const char* kind : o.kinds) {
            if (!tables.count(kind)) continue;
            resolves += std::string(resolves.empty() ? "" : " OR ") + "(c." + o.kind_column +
                        " = '" + kind + "' AND EXISTS (SELECT 1 FROM " + kind +
                        " p WHERE p.id = c." + o.id_column + "))";
        }
        const std::string sql = std::string("SELECT c.") + o.kind_column + ", c." + o.id_column +
                                " FROM " + o.table + " c WHERE NOT (" + resolves + ") LIMIT 1";
        each(sql, std::string("references of ") + o.table, [&](Statement& s) {
            add(Kind::broken_reference, std::string("a row of ") + o.table + " refers to " +
                                            s.column_text(0) + " " + s.column_text(1) +
                                            ", which the bundle does not have");
            return false;
        });
    }
}

// Every record has one search document, numbered kind by kind as plaza-bundle numbers them (the
// kiosk searches each kind within its range), and every row of the index is one of them.
void Checks::search_documents() {
    std::int64_t documents = 0, records = 0, unlisted = 0;
    if (!number("SELECT count(*) FROM search_doc", "the search documents", documents) ||
        !number("SELECT (SELECT count(*) FROM partnership) + (SELECT count(*) FROM practice) + "
                "(SELECT count(*) FROM session) + (SELECT count(*) FROM speaker)",
                "the records", records))
        return;
    if (documents != records) {
        add(Kind::broken_search_index, "the search index does not cover every record");
        return;
    }
    std::int64_t last = 0;
    each(
        "SELECT kind, min(id), max(id), count(*) FROM search_doc GROUP BY kind ORDER BY min(id)",
        "the search documents", [&](Statement& s) {
            if (s.column_int(1) <= last || s.column_int(2) - s.column_int(1) + 1 != s.column_int(3))
                add(Kind::broken_search_index, "the search documents of kind " + s.column_text(0) +
                                                   " are not numbered " + "one after another");
            last = s.column_int(2);
            return true;
        });
    std::int64_t indexed = 0;
    if (!number("SELECT count(*) FROM search_docsize", "the search index", indexed) ||
        !number("SELECT count(*) FROM search_docsize d WHERE NOT EXISTS "
                "(SELECT 1 FROM search_doc s WHERE s.id = d.id)",
                "the search index", unlisted))
        return;
    if (indexed != documents || unlisted > 0)
        add(Kind::broken_search_index, "the search index holds " + std::to_string(indexed) +
                                           " documents, " + std::to_string(unlisted) +
                                           " of them not in search_doc, for " +
                                           std::to_string(documents) + " records");
}

// The offset table (added within v1, so optional) must hold sane offsets and reach back to the
// event's first day: the kiosk shows every time through it.
void Checks::zone_offsets(const EventInfo& event) {
    std::int64_t rows = 0, first = 0, insane = 0;
    if (!number("SELECT count(*) FROM zone_offset", "zone_offset", rows) ||
        !number("SELECT min(starts_at) FROM zone_offset", "zone_offset", first) ||
        !number("SELECT count(*) FROM zone_offset WHERE offset_minutes NOT BETWEEN -720 AND 840 "
                "OR typeof(offset_minutes) <> 'integer'",
                "zone_offset", insane))
        return;
    if (rows == 0) {
        add(Kind::not_a_plaza_bundle, "zone_offset is empty");
        return;
    }
    if (insane > 0)
        add(Kind::not_a_plaza_bundle, "zone_offset holds offsets outside -720 to 840 minutes");
    int y, m, d;
    if (std::sscanf(event.starts_on.c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
        // Local midnight of the first day is at most 14 hours before UTC midnight (UTC+14).
        const std::int64_t first_midnight = core::days_from_civil(y, m, d) * 86400 - 14 * 3600;
        if (first > first_midnight)
            add(Kind::not_a_plaza_bundle,
                "zone_offset starts after the event's first day (" + event.starts_on + ")");
    }
}

// Opening fails on a file that is not SQLite, or when SQLite may not allocate what it needs.
Kind opening_failed(const std::string& error) {
    return error.find(sqlite3_errstr(SQLITE_NOMEM)) != std::string::npos ? Kind::over_memory
                                                                         : Kind::not_a_database;
}

}  // namespace

std::vector<CheckProblem> check_bundle_problems(const std::string& path,
                                                const core::Deadline& deadline) {
    std::vector<CheckProblem> problems;
    auto db = Database::open_untrusted_read_only(path);
    if (!db) return {{opening_failed(db.error()), db.error()}};
    db->interrupt_after(&deadline);
    Checks checks(db.value(), path, deadline, problems);

    std::set<std::string> tables;
    if (!checks.schema(tables)) {
        // A file that is not SQLite fails at its first query, the schema's.
        for (CheckProblem& p : problems) {
            if (p.kind == Kind::damaged &&
                p.text.find("file is not a database") != std::string::npos)
                p = {Kind::not_a_database,
                     path + ": not a SQLite database (file is not a database)"};
        }
        return problems;
    }
    // Integrity next: nothing else may run on a damaged file.
    checks.integrity();
    if (!problems.empty()) return problems;
    checks.row_counts(tables);
    if (!problems.empty()) return problems;

    auto store = ContentStore::open(path);
    if (!store) return {{Kind::not_a_plaza_bundle, store.error()}};
    if (store->event().languages.empty())
        checks.add(Kind::not_a_plaza_bundle, "no language is listed");
    for (const char* key : {"bundle_id", "content_version", "build_time", "code_points"}) {
        if (store->meta(key).empty())
            checks.add(Kind::not_a_plaza_bundle, std::string("metadata ") + key + " is missing");
    }
    checks.references(tables);
    checks.each(
        "SELECT p.slug FROM partnership p WHERE (SELECT count(*) FROM partnership_city c "
        "WHERE c.partnership_id = p.id) < 2 LIMIT 10",
        "the cities of partnerships", [&](Statement& s) {
            checks.add(Kind::not_a_plaza_bundle,
                       "partnership " + s.column_text(0) + " has fewer than two cities");
            return true;
        });
    checks.search_documents();
    if (tables.count("zone_offset")) checks.zone_offsets(store->event());
    return problems;
}

std::vector<std::string> check_bundle(const std::string& path, const core::Deadline& deadline) {
    std::vector<std::string> out;
    for (const CheckProblem& p : check_bundle_problems(path, deadline))
        out.push_back(p.text);
    return out;
}

std::vector<CheckProblem> check_search_index(const std::string& path,
                                             const core::Deadline& deadline) {
    // Byte 18 of the header is 2 in WAL mode, which would make SQLite create -wal and -shm files
    // beside a writable copy; plaza-bundle writes rollback-journal files
    // (https://sqlite.org/fileformat.html).
    char header[100] = {};
    std::ifstream in(path, std::ios::binary);
    if (!in.read(header, sizeof header))
        return {{Kind::not_a_database, path + ": shorter than a SQLite header"}};
    if (header[18] != 1 || header[19] != 1)
        return {{Kind::unexpected_schema,
                 path + ": written in WAL mode, which plaza-bundle never writes"}};
    auto db = Database::open_untrusted_private_copy(path);
    if (!db) return {{opening_failed(db.error()), db.error()}};
    db->interrupt_after(&deadline);
    std::vector<CheckProblem> problems;
    Checks checks(db.value(), path, deadline, problems);
    if (!checks.failed(each_row(db.value(), "BEGIN", deadline, [](Statement&) { return false; }),
                       "the search index")) {
        const QueryFailure f =
            each_row(db.value(), "INSERT INTO search(search) VALUES ('integrity-check')", deadline,
                     [](Statement&) { return false; });
        if (f.kind == QueryFailure::Kind::damaged)
            checks.add(Kind::broken_search_index, "the search index is damaged (" + f.text + ")");
        else
            checks.failed(f, "the search index");
        db->exec("ROLLBACK");
    }
    return problems;
}

}  // namespace plaza::content
