// SPDX-License-Identifier: GPL-3.0-or-later
// Signed but hostile bundles (issue 20), as someone holding the organisers' key or a careless
// export script could make them: a schema that is not exactly Plaza's, values beyond what
// plaza-bundle writes, references that lead nowhere, a damaged search index, checks that would
// run past their time or memory budget. Each is refused and the live bundle stays.
#include <doctest/doctest.h>

#include <filesystem>

#include "content/limits.h"
#include "content/schema.h"
#include "install/bundle_installer.h"
#include "install_test_support.h"
#include "test_images.h"

using plaza::install::Candidate;
using plaza::install::Outcome;
using plaza::install::Refusal;
using plaza::test::KioskFixture;

namespace {

// The CREATE TABLE statement of `table` in schema.h.
std::string schema_statement(const std::string& table) {
    const std::string all = plaza::content::kSchemaSql;
    const size_t at = all.find("CREATE TABLE " + table + " (");
    REQUIRE(at != std::string::npos);
    const size_t end = all.find(";", at);
    return all.substr(at, end - at);
}

// SQL that rebuilds `table` with `from` replaced by `to` in its definition, keeping the rows of
// `columns` and the table's `indexes`: what a key holder could do to a bundle before signing.
std::string rebuild(const std::string& table, const std::string& from, const std::string& to,
                    const std::string& columns, const std::string& indexes = "") {
    std::string create = schema_statement(table);
    const size_t at = create.find(from);
    REQUIRE(at != std::string::npos);
    create.replace(at, from.size(), to);
    create.replace(0, ("CREATE TABLE " + table).size(), "CREATE TABLE " + table + "_new");
    return create + "; INSERT INTO " + table + "_new (" + columns + ") SELECT " + columns +
           " FROM " + table + "; DROP TABLE " + table + "; ALTER TABLE " + table +
           "_new RENAME TO " + table + "; " + indexes;
}

void check_refused(KioskFixture& k, const Outcome& o, Refusal expected, const std::string& detail) {
    INFO(o.reason << " / " << o.detail);
    CHECK(o.refusal == expected);
    CHECK(o.detail.find(detail) != std::string::npos);
    CHECK(k.live_version() == "1");
    if (std::filesystem::exists(k.data + "/staging"))
        CHECK(std::filesystem::is_empty(k.data + "/staging"));
}

const char* kPartnershipColumns =
    "id, slug, title, programme_id, starts_on, ends_on, status, objectives, activities, results, "
    "lessons, cities, featured";
const char* kPartnershipCard =
    "CREATE INDEX partnership_card ON partnership(title, id, cities, programme_id, featured);";

}  // namespace

TEST_CASE("hostile bundle: a generated summary of seven million characters is refused") {
    KioskFixture k;
    const Candidate c = k.offer(
        2, rebuild("partnership", "summary      TEXT NOT NULL,",
                   "summary TEXT GENERATED ALWAYS AS (printf('%.*c', 7000000, 'x')) VIRTUAL,",
                   kPartnershipColumns, kPartnershipCard));
    check_refused(k, k.installer().install(c, 1), Refusal::unexpected_schema,
                  "table partnership differs from Plaza's schema: column summary is generated");
}

TEST_CASE("hostile bundle: a generated city name of invalid UTF-8 is refused") {
    KioskFixture k;
    const Candidate c =
        k.offer(2, rebuild("city", "name         TEXT NOT NULL,",
                           "name TEXT GENERATED ALWAYS AS (CAST(X'C328FF41' AS TEXT)) STORED,",
                           "id, slug, name_latin, country_code, latitude, longitude"));
    check_refused(k, k.installer().install(c, 1), Refusal::unexpected_schema,
                  "column name is generated");
}

TEST_CASE("hostile bundle: an extra index, table or trigger is refused") {
    KioskFixture k;
    SUBCASE("an index") {
        const Candidate c = k.offer(2, "CREATE INDEX slow ON translation(value);");
        check_refused(k, k.installer().install(c, 1), Refusal::unexpected_schema,
                      "holds index slow, which Plaza's schema does not have");
    }
    SUBCASE("a table") {
        const Candidate c = k.offer(2, "CREATE TABLE notes (text TEXT);");
        check_refused(k, k.installer().install(c, 1), Refusal::unexpected_schema,
                      "holds table notes");
    }
    SUBCASE("statistics that steer the query planner") {
        const Candidate c = k.offer(2, "ANALYZE;");
        check_refused(k, k.installer().install(c, 1), Refusal::unexpected_schema,
                      "holds table sqlite_stat1");
    }
    SUBCASE("a trigger") {
        const Candidate c =
            k.offer(2, "CREATE TRIGGER t AFTER INSERT ON language BEGIN SELECT 1; END;");
        check_refused(k, k.installer().install(c, 1), Refusal::view_or_trigger, "trigger (t)");
    }
    SUBCASE("a missing index") {
        const Candidate c = k.offer(2, "DROP INDEX partnership_card;");
        check_refused(k, k.installer().install(c, 1), Refusal::unexpected_schema,
                      "index partnership_card is missing");
    }
}

TEST_CASE("hostile bundle: a partnership_city without its key (a quadratic check) is refused") {
    KioskFixture k;
    const Candidate c =
        k.offer(2, rebuild("partnership_city",
                           "    position       INTEGER NOT NULL,\n"
                           "    PRIMARY KEY (partnership_id, city_id)\n"
                           ") WITHOUT ROWID",
                           "    position       INTEGER NOT NULL\n)",
                           "partnership_id, city_id, role, position",
                           "CREATE INDEX partnership_city_by_city ON partnership_city(city_id);"));
    const Outcome o = k.installer().install(c, 1);
    check_refused(k, o, Refusal::unexpected_schema,
                  "event.plaza: table partnership_city differs from Plaza's schema");
    // The report names the bundle on the stick, not the kiosk's staging copy of it.
    CHECK(o.detail.find("staging") == std::string::npos);
}

TEST_CASE("hostile bundle: a ranking setting in the search index is refused") {
    KioskFixture k;
    const Candidate c =
        k.offer(2, "INSERT INTO search(search, rank) VALUES ('rank', 'bm25(10.0, 5.0)');");
    check_refused(k, k.installer().install(c, 1), Refusal::unexpected_schema,
                  "the search index has a setting 'rank'");
}

TEST_CASE("hostile bundle: references are checked by Plaza's own queries") {
    KioskFixture k;
    SUBCASE("a city in a country the bundle does not have") {
        const Candidate c = k.offer(2, "UPDATE city SET country_code = 'ZZ' WHERE slug = 'lodz';");
        check_refused(k, k.installer().install(c, 1), Refusal::broken_reference,
                      "a row of city refers to a missing row of country (country_code ZZ)");
    }
    SUBCASE("a partnership's city that does not exist") {
        const Candidate c = k.offer(2,
                                    "UPDATE partnership_city SET city_id = 99999 WHERE "
                                    "position = 1;");
        check_refused(k, k.installer().install(c, 1), Refusal::broken_reference,
                      "a row of partnership_city refers to a missing row of city (city_id 99999)");
    }
    SUBCASE("a search result that leads nowhere") {
        const Candidate c =
            k.offer(2, "UPDATE search_doc SET ref_id = 99999 WHERE kind = 'partnership';");
        check_refused(k, k.installer().install(c, 1), Refusal::broken_reference,
                      "a row of search_doc refers to partnership 99999");
    }
    SUBCASE("a search index row without a search document") {
        const Candidate c = k.offer(2, "UPDATE search_doc SET id = id + 100;");
        check_refused(k, k.installer().install(c, 1), Refusal::broken_search_index,
                      "not in search_doc");
    }
    SUBCASE("a translation of a record that does not exist") {
        const Candidate c = k.offer(2, "UPDATE translation SET entity_id = 4242;");
        check_refused(k, k.installer().install(c, 1), Refusal::broken_reference,
                      "a row of translation refers to");
    }
}

TEST_CASE("hostile bundle: a damaged full-text index is refused") {
    KioskFixture k;
    const Candidate c =
        k.offer(2,
                "UPDATE search_data SET block = substr(block, 1, length(block) - 3) || X'FFFFFF' "
                "WHERE id = (SELECT max(id) FROM search_data);");
    check_refused(k, k.installer().install(c, 1), Refusal::broken_search_index,
                  "the search index is damaged");
}

TEST_CASE("hostile bundle: values are bounded as plaza-bundle bounds them") {
    KioskFixture k;
    SUBCASE("a summary of 20,000 characters") {
        const Candidate c = k.offer(
            2,
            "UPDATE partnership SET summary = substr(replace(printf('%.*c', 4000, 'x'), 'x', "
            "'word word '), 1, 20000);");
        check_refused(k, k.installer().install(c, 1), Refusal::oversized_value,
                      "column summary, row 1: a text of 20000 characters (the limit is 600)");
    }
    SUBCASE("an event name of 50,000 characters") {
        const Candidate c = k.offer(2, "UPDATE event SET name = printf('%.*c', 50000, 'E');");
        check_refused(k, k.installer().install(c, 1), Refusal::oversized_value,
                      "table event, column name");
    }
    SUBCASE("a translation longer than the text it translates may be") {
        const Candidate c =
            k.offer(2,
                    "UPDATE translation SET value = printf('%.*c', 601, 't') WHERE entity = "
                    "'partnership' AND field = 'title';");
        check_refused(k, k.installer().install(c, 1), Refusal::oversized_value, "the limit is 200");
    }
    SUBCASE("a session at INT64_MIN") {
        const Candidate c = k.offer(2, "UPDATE session SET starts_at = -9223372036854775807 - 1;");
        check_refused(k, k.installer().install(c, 1), Refusal::value_out_of_range,
                      "is more than ten years from the event");
    }
    SUBCASE("a session time that is text") {
        const Candidate c = k.offer(2, "UPDATE session SET ends_at = 'soon';");
        check_refused(k, k.installer().install(c, 1), Refusal::value_out_of_range,
                      "column ends_at, row 1: text where a whole number belongs");
    }
    SUBCASE("a day in 1970") {
        const Candidate c =
            k.offer(2, "INSERT INTO day (date, position) VALUES ('1970-01-01', 9);");
        check_refused(k, k.installer().install(c, 1), Refusal::value_out_of_range,
                      "'1970-01-01' is not a day within ten years of the event");
    }
    SUBCASE("a status plaza-bundle never writes") {
        const Candidate c = k.offer(2,
                                    "PRAGMA ignore_check_constraints = ON; "
                                    "UPDATE partnership SET status = 'secret';");
        check_refused(k, k.installer().install(c, 1), Refusal::value_out_of_range,
                      "'secret' is not one of planned|active|completed");
    }
    SUBCASE("more languages than a kiosk offers") {
        const Candidate c = k.offer(
            2,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
            "INSERT INTO language (code, name, position) SELECT char(97 + i / 26, 97 + i % 26), "
            "'x', 10 + i FROM n;");
        check_refused(k, k.installer().install(c, 1), Refusal::not_a_plaza_bundle,
                      "language holds 42 rows, more than the 32 a kiosk reads");
    }
}

TEST_CASE("hostile bundle: a census of every character of the BMP is refused") {
    // 190 KB of code points would build a 4096 x 32768 font atlas (1.6 GB) on every start.
    KioskFixture k;
    const Candidate c =
        k.offer(2,
                "WITH RECURSIVE n(i) AS (SELECT 32 UNION ALL SELECT i + 1 FROM n WHERE i < 65533) "
                "UPDATE bundle_meta SET value = (SELECT group_concat(char(i), '') FROM n "
                "WHERE i NOT BETWEEN 55296 AND 57343) WHERE key = 'code_points';");
    const Outcome o = k.installer().install(c, 1);
    check_refused(k, o, Refusal::oversized_value, "code_points) may list 8192");
}

TEST_CASE("hostile bundle: forty 4096 x 4096 PNGs are refused from the first one") {
    KioskFixture k;
    const std::string png = plaza::test::solid_image(4096, 4096, 0x336699FF);
    CHECK(png.size() < 1024 * 1024);  // small on the stick, 64 MB each once decoded
    std::string sql =
        "INSERT INTO media (id, source, width, height) VALUES (900, 'x900.png', 4096, 4096);"
        "INSERT INTO media_image (media_id, variant, width, height, mime, data) VALUES (900, "
        "'large', 4096, 4096, 'image/png', X'" +
        plaza::test::hex(png) +
        "');"
        "WITH RECURSIVE n(i) AS (SELECT 901 UNION ALL SELECT i + 1 FROM n WHERE i < 939) "
        "INSERT INTO media (id, source, width, height) SELECT i, 'x' || i || '.png', 4096, 4096 "
        "FROM n;"
        "INSERT INTO media_image (media_id, variant, width, height, mime, data) SELECT id, "
        "'large', 4096, 4096, 'image/png', (SELECT data FROM media_image WHERE media_id = 900) "
        "FROM media WHERE id > 900;";
    const Outcome o = k.installer().install(k.offer(2, sql), 1);
    check_refused(k, o, Refusal::value_out_of_range, "4096 is outside 1 to 1600");
}

TEST_CASE("hostile bundle: an image recorded smaller than it decodes is refused") {
    KioskFixture k;
    const std::string png = plaza::test::solid_image(1600, 1200, 0x336699FF);
    const Outcome o = k.installer().install(
        k.offer(2,
                "INSERT INTO media (id, source, width, height) VALUES (901, 'x.png', 1600, "
                "1200); INSERT INTO media_image (media_id, variant, width, height, mime, "
                "data) VALUES (901, 'thumb', 320, 240, 'image/png', X'" +
                    plaza::test::hex(png) + "');"),
        1);
    check_refused(k, o, Refusal::bad_image, "image 901 (thumb)");
}

TEST_CASE("install budget: checks that run out of time or memory refuse the bundle") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    SUBCASE("no time at all") {
        k.config.check_seconds = 0;
        check_refused(k, k.installer().install(c, 1), Refusal::over_budget, "ran out of time");
    }
    SUBCASE("less memory than SQLite needs to read the schema") {
        k.config.sqlite_heap_bytes = 64 * 1024;
        check_refused(k, k.installer().install(c, 1), Refusal::over_budget, "out of memory");
    }
    SUBCASE("within the budget, the same bundle installs and says what the checks cost") {
        const Outcome o = k.installer().install(c, 1);
        REQUIRE(o.ok());
        CHECK(o.cost.seconds > 0);
        CHECK(o.cost.sqlite_peak_bytes > 0);
        CHECK(o.cost.sqlite_peak_bytes <= k.config.sqlite_heap_bytes);
    }
}
