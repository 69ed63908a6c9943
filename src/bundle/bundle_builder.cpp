#include "bundle/bundle_builder.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "content/schema.h"
#include "content/sqlite_db.h"
#include "core/csv.h"
#include "core/utf8.h"

namespace plaza::bundle {
namespace fs = std::filesystem;
namespace {

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

struct Source {
    nlohmann::json event;
    core::CsvTable partnerships;
};

void load_event(const fs::path& dir, Source& src, std::vector<std::string>& problems) {
    const fs::path path = dir / "event.json";
    std::string text;
    if (!read_file(path, text)) {
        problems.push_back(path.string() + ":1: cannot be read (the event file is required)");
        return;
    }
    try {
        src.event = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        problems.push_back(path.string() + ":1: not valid JSON: " + e.what());
        return;
    }
    for (const char* key : {"name", "venue", "city", "starts_on", "ends_on", "time_zone"}) {
        if (!src.event.contains(key) || !src.event[key].is_string() ||
            src.event[key].get<std::string>().empty()) {
            problems.push_back(path.string() + ":1: " + key + ": required text is missing");
        }
    }
    if (!src.event.contains("utc_offset_minutes") ||
        !src.event["utc_offset_minutes"].is_number_integer()) {
        problems.push_back(path.string() + ":1: utc_offset_minutes: required whole number is missing");
    }
}

void load_partnerships(const fs::path& dir, Source& src, std::vector<std::string>& problems) {
    const fs::path path = dir / "partnerships.csv";
    std::string text;
    if (!read_file(path, text)) return;  // a bundle without partnerships is allowed
    auto table = core::parse_csv(text, path.string());
    if (!table) {
        problems.push_back(table.error());
        return;
    }
    for (const char* column : {"slug", "title", "cities", "summary"}) {
        if (table->column(column) < 0) {
            problems.push_back(path.string() + ":1: " + column + ": column is missing");
        }
    }
    std::set<std::string> slugs;
    const int slug_col = table->column("slug");
    for (const auto& record : table->records) {
        const std::string where = path.string() + ":" + std::to_string(record.line) + ": ";
        if (record.fields.size() != table->header.size()) {
            problems.push_back(where + "row has " + std::to_string(record.fields.size()) +
                               " fields, the header has " + std::to_string(table->header.size()));
            continue;
        }
        for (size_t i = 0; i < record.fields.size(); ++i) {
            if (!core::is_valid_utf8(record.fields[i]))
                problems.push_back(where + table->header[i] + ": invalid UTF-8");
        }
        if (slug_col >= 0 && !slugs.insert(record.fields[slug_col]).second)
            problems.push_back(where + "slug: duplicate id '" + record.fields[slug_col] + "'");
    }
    src.partnerships = std::move(table.value());
}

core::Result<bool> write_bundle(const Source& src, const BuildOptions& options,
                                const std::string& path) {
    auto db = content::Database::create_for_writing(path);
    if (!db) return core::Error{db.error()};
    if (auto r = db->exec(std::string("PRAGMA journal_mode=OFF; BEGIN;") + content::kSchemaSql); !r)
        return r;

    std::set<char32_t> code_points;
    auto text = [&](const std::string& s) -> const std::string& {
        core::collect_code_points(s, code_points);
        return s;
    };
    const auto& e = src.event;
    auto event = db->prepare(
        "INSERT INTO event (id, name, venue, city, starts_on, ends_on, time_zone, "
        "utc_offset_minutes) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!event) return core::Error{event.error()};
    event->bind(1, text(e["name"].get<std::string>()))
        .bind(2, text(e["venue"].get<std::string>()))
        .bind(3, text(e["city"].get<std::string>()))
        .bind(4, e["starts_on"].get<std::string>())
        .bind(5, e["ends_on"].get<std::string>())
        .bind(6, e["time_zone"].get<std::string>())
        .bind(7, e["utc_offset_minutes"].get<std::int64_t>());
    if (auto r = event->run(); !r) return r;

    auto language = db->prepare("INSERT INTO language (code, name, position) VALUES (?1, ?2, ?3)");
    if (!language) return core::Error{language.error()};
    std::int64_t position = 0;
    for (const auto& l : e.value("languages", nlohmann::json::array())) {
        language->bind(1, l.value("code", "")).bind(2, text(l.value("name", ""))).bind(3, position++);
        if (auto r = language->run(); !r) return r;
    }

    auto partnership = db->prepare(
        "INSERT INTO partnership (slug, title, cities, summary, featured) VALUES (?1,?2,?3,?4,?5)");
    if (!partnership) return core::Error{partnership.error()};
    const auto& t = src.partnerships;
    const int featured_col = t.column("featured");
    for (const auto& r : t.records) {
        partnership->bind(1, r.fields[t.column("slug")])
            .bind(2, text(r.fields[t.column("title")]))
            .bind(3, text(r.fields[t.column("cities")]))
            .bind(4, text(r.fields[t.column("summary")]))
            .bind(5, std::int64_t{featured_col >= 0 && r.fields[featured_col] == "1"});
        if (auto res = partnership->run(); !res) return res;
    }

    std::string all_code_points;
    for (char32_t cp : code_points) core::append_utf8(all_code_points, cp);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const std::pair<std::string, std::string> meta[] = {
        {"schema_version", std::to_string(content::kSchemaVersion)},
        {"content_version", std::to_string(options.content_version)},
        {"build_time_unix",
         std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count())},
        {"tool_version", PLAZA_VERSION},
        {"code_points", all_code_points},
    };
    auto insert_meta = db->prepare("INSERT INTO bundle_meta (key, value) VALUES (?1, ?2)");
    if (!insert_meta) return core::Error{insert_meta.error()};
    for (const auto& [key, value] : meta) {
        insert_meta->bind(1, key).bind(2, value);
        if (auto r = insert_meta->run(); !r) return r;
    }
    return db->exec("COMMIT;");
}

}  // namespace

core::Result<bool> build_bundle(const BuildOptions& options, std::vector<std::string>& problems) {
    Source src;
    const fs::path dir(options.source_dir);
    if (!fs::is_directory(dir)) {
        problems.push_back(options.source_dir + ": not a folder");
        return core::Error{"nothing was written"};
    }
    load_event(dir, src, problems);
    load_partnerships(dir, src, problems);
    if (!problems.empty()) return core::Error{"nothing was written"};

    const std::string temp = options.output_path + ".partial";
    std::error_code ignored;
    fs::remove(temp, ignored);
    auto written = write_bundle(src, options, temp);
    if (!written) {
        fs::remove(temp, ignored);
        return written;
    }
    std::error_code ec;
    fs::rename(temp, options.output_path, ec);
    if (ec) {
        fs::remove(temp, ignored);
        return core::Error{options.output_path + ": cannot be written: " + ec.message()};
    }
    return true;
}

}  // namespace plaza::bundle
