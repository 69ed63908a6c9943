// SPDX-License-Identifier: GPL-3.0-or-later
// Thin RAII wrappers over SQLite's C API: a connection and a prepared statement. The content layer
// is the only place that includes this header or writes SQL.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/deadline.h"
#include "core/result.h"

namespace plaza::content {

class Statement;

// `text` in double quotes, with double quotes inside doubled: an SQL identifier taken from an
// untrusted file, or an FTS5 string that stays one word whatever it holds.
std::string double_quoted(std::string_view text);

class Database {
  public:
    // Opens a bundle read-only with SQLite's defensive settings: a bundle may come from a USB
    // stick, so the file is treated as hostile (https://www.sqlite.org/security.html): defensive
    // mode, no extension loading, no untrusted schema functions, no memory mapping, tight limits.
    static core::Result<Database> open_untrusted_read_only(const std::string& path);
    // The same settings on a file that may be written: the installer's own private copy of a
    // bundle, for the checks SQLite only runs as a write (FTS5's integrity-check), each inside a
    // transaction that is rolled back.
    static core::Result<Database> open_untrusted_private_copy(const std::string& path);
    // Creates (or truncates) a database for writing, used by plaza-bundle.
    static core::Result<Database> create_for_writing(const std::string& path);

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    core::Result<Statement> prepare(std::string_view sql) const;
    // Runs statements that return no rows; the message names the failing statement.
    core::Result<bool> exec(const std::string& sql) const;
    sqlite3* handle() const { return db_.get(); }
    // Every statement of this connection fails (SQLITE_INTERRUPT) once `deadline` has passed;
    // the deadline must outlive the connection or the next call. nullptr removes it.
    void interrupt_after(const core::Deadline* deadline) const;
    std::string last_error() const;

  private:
    struct Closer {
        void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    };
    explicit Database(sqlite3* db) : db_(db) {}
    static core::Result<Database> open_defensively(const std::string& path, bool writable);
    std::unique_ptr<sqlite3, Closer> db_;
};

// SQLite's memory in the whole process stays within `bytes` while this lives, then the limit
// goes back to what it was; allocations past it fail with SQLITE_NOMEM
// (https://sqlite.org/c3ref/hard_heap_limit64.html). Also measures the high-water mark.
class SqliteHeapLimit {
  public:
    explicit SqliteHeapLimit(std::int64_t bytes);
    ~SqliteHeapLimit();
    SqliteHeapLimit(const SqliteHeapLimit&) = delete;
    SqliteHeapLimit& operator=(const SqliteHeapLimit&) = delete;
    std::int64_t peak() const;  // the most SQLite held at once since this was made

  private:
    std::int64_t previous_;
};

class Statement {
  public:
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, double value);
    Statement& bind_blob(int index, const void* data, size_t size);
    Statement& bind_null(int index);
    // Returns true while a row is available.
    bool step();
    // One step, with SQLite's code: SQLITE_ROW, SQLITE_DONE or what went wrong.
    int step_code();
    core::Result<bool> run();  // steps to completion; the error names the statement
    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    double column_double(int index) const;
    std::string column_blob(int index) const;
    bool column_is_null(int index) const;
    void reset();

  private:
    friend class Database;
    struct Finalizer {
        void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
    };
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

}  // namespace plaza::content
