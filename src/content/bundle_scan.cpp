// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/bundle_scan.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "content/check_query.h"
#include "content/limits.h"
#include "content/sqlite_db.h"
#include "core/civil_time.h"
#include "core/image_decode.h"
#include "core/utf8.h"

namespace plaza::content {
namespace {

using limits::Column;
using limits::Kind;

ScanResult fail(ScanProblem problem, std::string detail) {
    ScanResult r;
    r.problem = problem;
    r.detail = std::move(detail);
    return r;
}

std::string kib(std::int64_t bytes) {
    return std::to_string(bytes / 1024) + " KiB";
}

// The day number of a YYYY-MM-DD that names a real day, or nothing.
std::optional<std::int64_t> day_number(const std::string& text) {
    int y = 0, m = 0, d = 0;
    char extra = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
        std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
        return std::nullopt;
    const std::int64_t day = core::days_from_civil(y, m, d);
    const auto back = core::civil_from_unix_ms(day * 86400000, 0);
    if (back.year != y || back.month != m || back.day != d) return std::nullopt;
    return day;
}

bool one_of(std::string_view allowed, std::string_view value) {
    for (size_t start = 0; start <= allowed.size();) {
        size_t end = allowed.find('|', start);
        if (end == std::string_view::npos) end = allowed.size();
        if (allowed.substr(start, end - start) == value) return true;
        start = end + 1;
    }
    return false;
}

class Scanner {
  public:
    Scanner(const Database& db, const core::Deadline& deadline) : db_(db), deadline_(deadline) {}

    ScanResult run();

  private:
    // The problem of one value of `column` (the table's `row`-th), or none.
    ScanResult value(const Column& column, std::int64_t bound, Statement& s, int at,
                     std::int64_t row);
    ScanResult table(const std::string& table, const std::vector<const Column*>& columns);
    ScanResult translations();
    ScanResult images();
    ScanResult failure(const QueryFailure& f, const std::string& where) const {
        if (f.kind == QueryFailure::Kind::over_time)
            return fail(ScanProblem::over_time, where + ": the checks ran out of time");
        if (f.kind == QueryFailure::Kind::over_memory)
            return fail(ScanProblem::over_memory, where + ": the checks ran out of memory");
        if (f.text.find("too big") != std::string::npos)
            return fail(ScanProblem::oversized_text,
                        where + ": a value larger than SQLite's read limit");
        return fail(ScanProblem::unreadable, where + ": " + f.text);
    }

    const Database& db_;
    const core::Deadline& deadline_;
    std::set<std::string> tables_;
    std::int64_t event_day_ = 0;
    std::int64_t media_bytes_ = 0;
};

ScanResult Scanner::value(const Column& c, std::int64_t bound, Statement& s, int at,
                          std::int64_t row) {
    const std::string type = s.column_text(at);
    const std::string where = "table " + std::string(c.table) + ", column " +
                              std::string(c.column) + ", row " + std::to_string(row);
    if (type == "null") {
        if (c.nullable) return {};
        return fail(ScanProblem::out_of_range, where + ": no value");
    }
    const auto wrong_kind = [&](const char* expected) {
        return fail(ScanProblem::out_of_range,
                    where + ": " + type + " where " + expected + " belongs");
    };
    switch (c.kind) {
        case Kind::integer:
        case Kind::instant: {
            if (type != "integer") return wrong_kind("a whole number");
            const std::int64_t v = s.column_int(at + 1);
            if (c.kind == Kind::instant) {
                const std::int64_t range = limits::kInstantRangeDays * 86400;
                const std::int64_t event = event_day_ * 86400;
                if (v < event - range || v > event + range)
                    return fail(ScanProblem::out_of_range,
                                where + ": " + std::to_string(v) +
                                    " is more than ten years from the event");
            } else if (v < c.min || v > c.max) {
                return fail(ScanProblem::out_of_range, where + ": " + std::to_string(v) +
                                                           " is outside " + std::to_string(c.min) +
                                                           " to " + std::to_string(c.max));
            }
            return {};
        }
        case Kind::real: {
            if (type != "real" && type != "integer") return wrong_kind("a number");
            const double v = s.column_double(at + 1);
            if (!std::isfinite(v) || v < static_cast<double>(c.min) ||
                v > static_cast<double>(c.max))
                return fail(ScanProblem::out_of_range, where + ": " + std::to_string(v) +
                                                           " is outside " + std::to_string(c.min) +
                                                           " to " + std::to_string(c.max));
            return {};
        }
        case Kind::blob: {
            if (type != "blob") return wrong_kind("binary data");
            const std::int64_t size = s.column_int(at + 1);
            if (size > c.max)
                return fail(ScanProblem::oversized_blob, where + ": a value of " + kib(size) +
                                                             " (the limit is " + kib(c.max) + ")");
            media_bytes_ += size;
            return {};
        }
        case Kind::text:
        case Kind::date: {
            if (type != "text") return wrong_kind("text");
            const std::string text = s.column_text(at + 1);
            if (c.kind == Kind::date) {
                const auto day = day_number(text);
                if (!day || *day < event_day_ - limits::kInstantRangeDays ||
                    *day > event_day_ + limits::kInstantRangeDays)
                    return fail(ScanProblem::out_of_range,
                                where + ": '" + text.substr(0, 40) +
                                    "' is not a day within ten years of the event");
                return {};
            }
            if (!core::is_valid_utf8(text))
                return fail(ScanProblem::invalid_utf8, where + ": the text is not valid UTF-8");
            const auto length = static_cast<std::int64_t>(core::utf8_length(text));
            if (length > bound)
                return fail(ScanProblem::oversized_text,
                            where + ": a text of " + std::to_string(length) +
                                " characters (the limit is " + std::to_string(bound) + ")");
            if (length < c.min)
                return fail(ScanProblem::out_of_range,
                            where + ": a text of " + std::to_string(length) +
                                " characters, at least " + std::to_string(c.min) + " are needed");
            if (!c.one_of.empty() && !one_of(c.one_of, text))
                return fail(ScanProblem::out_of_range,
                            where + ": '" + text + "' is not one of " + std::string(c.one_of));
            return {};
        }
    }
    return {};
}

// One pass over a table for all its listed columns: a bundle's pages are read once.
ScanResult Scanner::table(const std::string& table, const std::vector<const Column*>& columns) {
    // Names come from Plaza's own table, never from the file. length() of a blob is answered
    // from the record header without reading the blob.
    std::string sql = "SELECT ";
    for (const Column* c : columns) {
        const std::string name = double_quoted(c->column);
        sql += std::string(c == columns.front() ? "" : ", ") + "typeof(" + name +
               "), CASE WHEN typeof(" + name + ") = 'blob' THEN length(" + name + ") ELSE " + name +
               " END";
    }
    sql += " FROM " + double_quoted(table);
    ScanResult problem;
    std::int64_t row = 0;
    const QueryFailure f = each_row(db_, sql, deadline_, [&](Statement& s) {
        ++row;
        for (size_t i = 0; i < columns.size(); ++i) {
            problem = value(*columns[i], columns[i]->max, s, static_cast<int>(2 * i), row);
            if (problem.problem != ScanProblem::none) return false;
        }
        return true;
    });
    if (problem.problem != ScanProblem::none) return problem;
    if (f) return failure(f, "table " + table + ", row " + std::to_string(row + 1));
    return {};
}

// A translation is bounded as the column it translates: `entity` names the table and `field`
// the column, both of them visitor-facing texts.
ScanResult Scanner::translations() {
    const Column* value_column = limits::find_column("translation", "value");
    ScanResult problem;
    std::int64_t row = 0;
    const QueryFailure f = each_row(
        db_,
        "SELECT entity, field, typeof(value), CASE WHEN typeof(value) = 'blob' THEN "
        "length(value) ELSE value END FROM translation",
        deadline_, [&](Statement& s) {
            ++row;
            const std::string entity = s.column_text(0), field = s.column_text(1);
            const Column* translated = limits::find_column(entity, field);
            if (!translated || translated->kind != Kind::text) {
                problem = fail(ScanProblem::out_of_range,
                               "table translation, row " + std::to_string(row) +
                                   ": a translation of " + entity.substr(0, 40) + "." +
                                   field.substr(0, 40) + ", which is not a text Plaza shows");
                return false;
            }
            problem = value(*value_column, translated->max, s, 2, row);
            return problem.problem == ScanProblem::none;
        });
    if (problem.problem != ScanProblem::none) return problem;
    if (f) return failure(f, "table translation, row " + std::to_string(row + 1));
    return {};
}

ScanResult Scanner::images() {
    ScanResult result;
    std::int64_t row = 0;
    const QueryFailure f = each_row(
        db_, "SELECT media_id, variant, width, height, data FROM media_image", deadline_,
        [&](Statement& s) {
            ++row;
            const bool thumb = s.column_text(1) == "thumb";
            const int side = thumb ? limits::kThumbSide : limits::kLargeSide;
            core::ImageLimits image;
            image.max_width = image.max_height = side;
            image.max_pixels = static_cast<std::int64_t>(side) * side;
            const std::string where =
                "image " + std::to_string(s.column_int(0)) + " (" + s.column_text(1) + ")";
            // Thumbnails, which the grid shows by the hundred, and PNGs (whose chunks stb_image
            // trusts) are decoded whole. A large JPEG, what plaza-bundle writes, has its header
            // and Huffman tables checked: decoding 4,000 of 1600 x 1600 pixels takes minutes of a
            // Pi's core, and the kiosk decodes one when it is shown, within the same limits, a
            // failure there costing that one picture.
            const std::string bytes = s.column_blob(4);
            core::Result<core::ImageSize> size = core::read_image_header(bytes, image);
            if (size && (thumb || core::sniff_image_format(bytes) == core::ImageFormat::png)) {
                auto decoded = core::decode_image(bytes, image);
                size = decoded ? core::Result<core::ImageSize>(
                                     core::ImageSize{decoded->width, decoded->height})
                               : core::Result<core::ImageSize>(core::Error{decoded.error()});
            }
            if (!size) {
                result = fail(ScanProblem::bad_image, where + ": " + size.error());
                return false;
            }
            if (size->width != s.column_int(2) || size->height != s.column_int(3)) {
                result = fail(ScanProblem::bad_image, where + ": " + std::to_string(size->width) +
                                                          "x" + std::to_string(size->height) +
                                                          " pixels, recorded as " +
                                                          std::to_string(s.column_int(2)) + "x" +
                                                          std::to_string(s.column_int(3)));
                return false;
            }
            ++result.images_checked;
            // Decoding is the slow part of a scan, and no SQLite step runs meanwhile.
            if (deadline_.passed()) {
                result = fail(ScanProblem::over_time, where + ": the checks ran out of time");
                return false;
            }
            return true;
        });
    if (result.problem != ScanProblem::none) return result;
    if (f) return failure(f, "table media_image, row " + std::to_string(row + 1));
    return result;
}

ScanResult Scanner::run() {
    QueryFailure f = each_row(db_, "SELECT name FROM sqlite_schema WHERE type = 'table'", deadline_,
                              [&](Statement& s) {
                                  tables_.insert(s.column_text(0));
                                  return true;
                              });
    if (f) return failure(f, "the schema");
    std::string starts_on, ends_on;
    f = each_row(db_, "SELECT starts_on, ends_on FROM event", deadline_, [&](Statement& s) {
        starts_on = s.column_text(0);
        ends_on = s.column_text(1);
        return false;
    });
    if (f) return failure(f, "table event");
    const auto first = day_number(starts_on), last = day_number(ends_on);
    if (!first || !last || *last < *first || *last - *first >= limits::max_rows("day"))
        return fail(ScanProblem::out_of_range,
                    "table event: '" + starts_on.substr(0, 40) + "' to '" + ends_on.substr(0, 40) +
                        "' is not a period of at most " + std::to_string(limits::max_rows("day")) +
                        " days");
    event_day_ = *first;

    std::map<std::string, std::vector<const Column*>> by_table;
    for (const Column& c : limits::kColumns) {
        // Translations are bounded by what they translate, below.
        if (c.table == "translation" && c.column == "value") continue;
        if (tables_.count(std::string(c.table))) by_table[std::string(c.table)].push_back(&c);
    }
    for (const auto& [name, columns] : by_table) {
        ScanResult r = table(name, columns);
        if (r.problem != ScanProblem::none) {
            if (name == "bundle_meta" && r.problem == ScanProblem::oversized_text)
                r.detail += "; the census of characters (code_points) may list " +
                            std::to_string(limits::kCensusCodePoints);
            return r;
        }
    }
    if (ScanResult r = translations(); r.problem != ScanProblem::none) return r;
    if (media_bytes_ > limits::kMediaBytes)
        return fail(ScanProblem::oversized_blob, "table media_image: images of " +
                                                     kib(media_bytes_) + " in all (the limit is " +
                                                     kib(limits::kMediaBytes) + ")");
    std::int64_t crowded = 0;
    f = single_number(db_,
                      "SELECT count(*) FROM (SELECT partnership_id FROM partnership_city "
                      "GROUP BY partnership_id HAVING count(*) > " +
                          std::to_string(limits::kCitiesPerPartnership) + ")",
                      deadline_, crowded);
    if (f) return failure(f, "table partnership_city");
    if (crowded > 0)
        return fail(ScanProblem::out_of_range,
                    "table partnership_city: " + std::to_string(crowded) +
                        " partnerships list more than " +
                        std::to_string(limits::kCitiesPerPartnership) + " cities");
    std::int64_t ends_before = 0;
    f = single_number(db_, "SELECT count(*) FROM session WHERE ends_at < starts_at", deadline_,
                      ends_before);
    if (f) return failure(f, "table session");
    if (ends_before > 0)
        return fail(ScanProblem::out_of_range, "table session: " + std::to_string(ends_before) +
                                                   " sessions end before they start");
    ScanResult result = images();
    result.media_bytes = media_bytes_;
    return result;
}

}  // namespace

ScanResult scan_bundle_values(const std::string& path, const core::Deadline& deadline) {
    auto db = Database::open_untrusted_read_only(path);
    if (!db) return fail(ScanProblem::unreadable, db.error());
    db->interrupt_after(&deadline);
    return Scanner(db.value(), deadline).run();
}

}  // namespace plaza::content
