// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/sqlite_db.h"

namespace plaza::content {

std::string double_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

namespace {

// "file:" URI of a path with every byte but unreserved ones and '/' percent-encoded, so a '?',
// '#' or '%' in a folder name stays part of the path (https://sqlite.org/uri.html).
std::string file_uri(const std::string& path) {
    static const char* kHex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : path) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.' || c == '_' ||
                           c == '~';
        if (plain) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 0xF];
        }
    }
    return uri;
}

}  // namespace

core::Result<Database> Database::open_defensively(const std::string& path, bool writable) {
    sqlite3* raw = nullptr;
    // immutable=1: a bundle never changes while Plaza reads it (an install renames a new file
    // into place), so SQLite takes no locks and never creates -wal or -shm files beside it, even
    // when a crafted header asks for WAL mode. The private copy is Plaza's own file.
    const int rc =
        sqlite3_open_v2((file_uri(path) + (writable ? "" : "?immutable=1")).c_str(), &raw,
                        (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
                            SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                        nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return core::Error{
            path + ": cannot open as SQLite: " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))};
    }
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_limit(raw, SQLITE_LIMIT_LENGTH, 8 * 1024 * 1024);
    sqlite3_limit(raw, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(raw, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(raw, SQLITE_LIMIT_EXPR_DEPTH, 50);
    sqlite3_limit(raw, SQLITE_LIMIT_COMPOUND_SELECT, 10);
    sqlite3_limit(raw, SQLITE_LIMIT_VDBE_OP, 25000);
    sqlite3_limit(raw, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(raw, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
    sqlite3_limit(raw, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    if (auto r =
            db.exec(writable ? "PRAGMA mmap_size=0;" : "PRAGMA mmap_size=0; PRAGMA query_only=1;");
        !r)
        return core::Error{r.error()};
    // A page cache of 512 KiB rather than SQLite's 2 MB per connection: pages read again come
    // from the system's file cache, and a kiosk's memory is small (issue #16). Setting it reads
    // the schema, so on a file that is not a database it fails: that file keeps the default, and
    // the first real read says what is wrong with it, where the bundle checks expect to say it.
    (void)db.exec("PRAGMA cache_size=-512;");
    return db;
}

core::Result<Database> Database::open_untrusted_read_only(const std::string& path) {
    return open_defensively(path, false);
}

core::Result<Database> Database::open_untrusted_private_copy(const std::string& path) {
    return open_defensively(path, true);
}

void Database::interrupt_after(const core::Deadline* deadline) const {
    // SQLite calls the handler every 1,000 virtual machine instructions; a non-zero answer
    // interrupts the statement (https://sqlite.org/c3ref/progress_handler.html).
    sqlite3_progress_handler(
        db_.get(), deadline ? 1000 : 0,
        [](void* d) { return static_cast<const core::Deadline*>(d)->passed() ? 1 : 0; },
        const_cast<core::Deadline*>(deadline));
}

core::Result<Database> Database::create_for_writing(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return core::Error{path +
                           ": cannot create: " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))};
    }
    return db;
}

core::Result<Statement> Database::prepare(std::string_view sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
        return core::Error{"SQL prepare failed (" + last_error() + "): " + std::string(sql)};
    }
    return Statement(stmt);
}

core::Result<bool> Database::exec(const std::string& sql) const {
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string error = message ? message : "unknown error";
        sqlite3_free(message);
        return core::Error{"SQL failed (" + error + "): " + sql.substr(0, 120)};
    }
    return true;
}

std::string Database::last_error() const {
    return sqlite3_errmsg(db_.get());
}

SqliteHeapLimit::SqliteHeapLimit(std::int64_t bytes)
    : previous_(sqlite3_hard_heap_limit64(bytes > 0 ? bytes : -1)) {
    sqlite3_memory_highwater(1);
}

SqliteHeapLimit::~SqliteHeapLimit() {
    sqlite3_hard_heap_limit64(previous_);
}

std::int64_t SqliteHeapLimit::peak() const {
    return sqlite3_memory_highwater(0);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_.get(), index, value);
    return *this;
}

Statement& Statement::bind_blob(int index, const void* data, size_t size) {
    sqlite3_bind_blob64(stmt_.get(), index, data, size, SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_.get(), index);
    return *this;
}

bool Statement::step() {
    return sqlite3_step(stmt_.get()) == SQLITE_ROW;
}

int Statement::step_code() {
    return sqlite3_step(stmt_.get());
}

core::Result<bool> Statement::run() {
    int rc;
    while ((rc = sqlite3_step(stmt_.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
        return core::Error{std::string("SQL step failed (") +
                           sqlite3_errmsg(sqlite3_db_handle(stmt_.get())) +
                           "): " + sqlite3_sql(stmt_.get())};
    }
    sqlite3_reset(stmt_.get());
    return true;
}

std::int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(stmt_.get(), index);
}

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_.get(), index);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), index)))
                : std::string();
}

double Statement::column_double(int index) const {
    return sqlite3_column_double(stmt_.get(), index);
}

std::string Statement::column_blob(int index) const {
    const void* data = sqlite3_column_blob(stmt_.get(), index);
    return data ? std::string(static_cast<const char*>(data),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), index)))
                : std::string();
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(stmt_.get(), index) == SQLITE_NULL;
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

}  // namespace plaza::content
