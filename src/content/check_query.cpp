// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/check_query.h"

namespace plaza::content {

QueryFailure query_failure(sqlite3* db, int rc, const core::Deadline& deadline) {
    QueryFailure f;
    f.text = sqlite3_errmsg(db);
    switch (rc & 0xFF) {
        case SQLITE_INTERRUPT:
            f.kind =
                deadline.passed() ? QueryFailure::Kind::over_time : QueryFailure::Kind::damaged;
            break;
        case SQLITE_NOMEM:
            f.kind = QueryFailure::Kind::over_memory;
            break;
        default:
            f.kind = QueryFailure::Kind::damaged;
    }
    return f;
}

QueryFailure each_row(const Database& db, std::string_view sql, const core::Deadline& deadline,
                      const std::function<bool(Statement&)>& row) {
    auto stmt = db.prepare(sql);
    if (!stmt) return query_failure(db.handle(), sqlite3_errcode(db.handle()), deadline);
    for (;;) {
        const int rc = stmt->step_code();
        if (rc == SQLITE_DONE) return {};
        if (rc != SQLITE_ROW) return query_failure(db.handle(), rc, deadline);
        if (!row(stmt.value())) return {};
    }
}

QueryFailure single_number(const Database& db, std::string_view sql, const core::Deadline& deadline,
                           std::int64_t& out) {
    out = 0;
    return each_row(db, sql, deadline, [&](Statement& s) {
        out = s.column_int(0);
        return false;
    });
}

}  // namespace plaza::content
