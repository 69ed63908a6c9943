// SPDX-License-Identifier: GPL-3.0-or-later
// content::Database::open_untrusted_read_only on files as they may come: a header that asks for
// WAL mode, and folder names with the characters a URI gives meaning to.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "bundle_test_support.h"
#include "content/sqlite_db.h"

namespace fs = std::filesystem;

namespace {

// A small database in WAL mode at `path`, closed (its header keeps saying WAL).
void make_wal_database(const fs::path& path) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw,
                       "PRAGMA journal_mode=WAL; CREATE TABLE t (v TEXT); "
                       "INSERT INTO t VALUES ('Đà Nẵng');",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
}

}  // namespace

TEST_CASE("sqlite: a WAL-mode file is read without creating -wal or -shm beside it") {
    plaza::test::TempDir dir;
    const fs::path folder = dir.path() / "stick ?#% 50%";
    fs::create_directories(folder);
    const fs::path file = folder / "content.plaza";
    make_wal_database(file);
    {
        auto db = plaza::content::Database::open_untrusted_read_only(file.string());
        REQUIRE_MESSAGE(db.ok(), db.error());
        auto stmt = db->prepare("SELECT v FROM t");
        REQUIRE(stmt.ok());
        REQUIRE(stmt->step());
        CHECK(stmt->column_text(0) == "Đà Nẵng");
        CHECK_FALSE(fs::exists(file.string() + "-wal"));
        CHECK_FALSE(fs::exists(file.string() + "-shm"));
    }
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder))
        ++entries;
    CHECK(entries == 1);
}

TEST_CASE("sqlite: a missing file is an error naming it, and nothing is created") {
    plaza::test::TempDir dir;
    const fs::path file = dir.path() / "a?b" / "missing.plaza";
    auto db = plaza::content::Database::open_untrusted_read_only(file.string());
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().find(file.string()) == 0);
    CHECK_FALSE(fs::exists(file));
}
