// SPDX-License-Identifier: GPL-3.0-or-later
// Running one query of the bundle checks on a hostile file: a query that fails is a finding, never
// a pass, and the failure says whether the file is damaged or the checks ran out of time or
// memory. Shared by bundle_check and bundle_scan.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "content/sqlite_db.h"
#include "core/deadline.h"

namespace plaza::content {

struct QueryFailure {
    enum class Kind { none, damaged, over_time, over_memory };
    Kind kind = Kind::none;
    std::string text;  // SQLite's message
    explicit operator bool() const { return kind != Kind::none; }
};

// What SQLite's code `rc` after a failed prepare or step means for the checks.
QueryFailure query_failure(sqlite3* db, int rc, const core::Deadline& deadline);

// Runs `sql`, handing each row to `row` until it returns false or the rows end.
QueryFailure each_row(const Database& db, std::string_view sql, const core::Deadline& deadline,
                      const std::function<bool(Statement&)>& row);

// The first column of the first row as a number (0 when there is no row).
QueryFailure single_number(const Database& db, std::string_view sql, const core::Deadline& deadline,
                           std::int64_t& out);

}  // namespace plaza::content
