#include "content/bundle_scan.h"

#include <vector>

#include "content/sqlite_db.h"
#include "core/utf8.h"

namespace plaza::content {
namespace {

ScanResult fail(ScanProblem problem, std::string detail) {
    ScanResult r;
    r.problem = problem;
    r.detail = std::move(detail);
    return r;
}

std::string mib(std::int64_t bytes) {
    return std::to_string(bytes / 1024) + " KiB";
}

}  // namespace

ScanResult scan_bundle_values(const std::string& path, const ScanLimits& limits) {
    auto db = Database::open_untrusted_read_only(path);
    if (!db) return fail(ScanProblem::unreadable, db.error());
    sqlite3* h = db->handle();

    std::vector<std::string> tables;
    {
        auto list = db->prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
            "coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
        if (!list) return fail(ScanProblem::unreadable, list.error());
        while (list->step())
            tables.push_back(list->column_text(0));
    }
    for (const std::string& table : tables) {
        std::vector<std::string> columns;
        auto info = db->prepare("SELECT name FROM pragma_table_info(?1)");
        if (!info) return fail(ScanProblem::unreadable, info.error());
        info->bind(1, std::string_view(table));
        while (info->step())
            columns.push_back(info->column_text(0));
        for (const std::string& column : columns) {
            // Names come from the file itself, so they are quoted, never trusted.
            const std::string c = double_quoted(column);
            // length() of a blob is answered from the record header without reading the blob.
            const std::string sql = "SELECT typeof(" + c + "), CASE WHEN typeof(" + c +
                                    ") = 'blob' THEN length(" + c + ") ELSE " + c + " END FROM " +
                                    double_quoted(table);
            sqlite3_stmt* raw = nullptr;
            if (sqlite3_prepare_v2(h, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
                return fail(ScanProblem::unreadable,
                            "table " + table + ": " + std::string(sqlite3_errmsg(h)));
            }
            std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
            const std::string where = "table " + table + ", column " + column;
            std::int64_t row = 0;
            int rc;
            while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
                ++row;
                const auto* type = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
                const std::string_view kind = type ? type : "";
                if (kind == "blob") {
                    const std::int64_t size = sqlite3_column_int64(raw, 1);
                    if (size > limits.max_blob_bytes) {
                        return fail(ScanProblem::oversized_blob,
                                    where + ", row " + std::to_string(row) + ": a value of " +
                                        mib(size) + " (the limit is " + mib(limits.max_blob_bytes) +
                                        ")");
                    }
                } else if (kind == "text") {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, 1));
                    const std::int64_t size = sqlite3_column_bytes(raw, 1);
                    if (size > limits.max_text_bytes) {
                        return fail(ScanProblem::oversized_text,
                                    where + ", row " + std::to_string(row) + ": a text of " +
                                        mib(size) + " (the limit is " + mib(limits.max_text_bytes) +
                                        ")");
                    }
                    if (text && !core::is_valid_utf8(std::string_view(text, size))) {
                        return fail(ScanProblem::invalid_utf8, where + ", row " +
                                                                   std::to_string(row) +
                                                                   ": the text is not valid UTF-8");
                    }
                }
            }
            if (rc == SQLITE_TOOBIG) {
                return fail(ScanProblem::oversized_text,
                            where + ", row " + std::to_string(row + 1) +
                                ": a value larger than SQLite's read limit");
            }
            if (rc != SQLITE_DONE)
                return fail(ScanProblem::unreadable, where + ": " + sqlite3_errmsg(h));
        }
    }

    ScanResult result;
    auto images = db->prepare("SELECT media_id, variant, data FROM media_image ORDER BY media_id");
    if (!images) return result;  // a bundle without images
    while (images->step()) {
        const std::string bytes = images->column_blob(2);
        auto decoded = core::decode_image(bytes, limits.image);
        if (!decoded) {
            return fail(ScanProblem::bad_image, "image " + std::to_string(images->column_int(0)) +
                                                    " (" + images->column_text(1) +
                                                    "): " + decoded.error());
        }
        ++result.images_checked;
    }
    if (sqlite3_errcode(h) != SQLITE_OK && sqlite3_errcode(h) != SQLITE_DONE &&
        sqlite3_errcode(h) != SQLITE_ROW) {
        return fail(ScanProblem::unreadable, std::string("media_image: ") + sqlite3_errmsg(h));
    }
    return result;
}

}  // namespace plaza::content
