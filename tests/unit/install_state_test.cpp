// SPDX-License-Identifier: GPL-3.0-or-later
// The state database (issue 7): install history and usage counters survive a restart, and the
// usage export is CSV with one row per item.
#include <doctest/doctest.h>

#include "content/state_store.h"
#include "core/csv.h"
#include "install_test_support.h"

using plaza::content::StateStore;
using plaza::content::UsageBatch;
using plaza::content::UsageKind;

TEST_CASE("usage counters and install history survive a restart") {
    plaza::test::TempDir dir;
    const std::string bundle = dir / "b.plaza";
    plaza::test::build_test_bundle(dir, bundle, 1);
    const std::string path = dir / "state.db";
    {
        auto state = StateStore::open(path);
        REQUIRE(state.ok());
        UsageBatch batch;
        batch.views[{UsageKind::partnership, 1}] = 3;
        batch.views[{UsageKind::practice, 1}] = 1;
        batch.searches = 2;
        batch.languages["es"] = 4;
        batch.sessions["2024-03-19 10:00"] = 5;
        REQUIRE(state->add_usage(batch, bundle).ok());
        REQUIRE(state->add_usage(batch, bundle).ok());  // counts add up
        REQUIRE(state->add_install({1000, "installed", "abc", 2, "KEY", "ok"}).ok());
    }
    auto state = StateStore::open(path);
    REQUIRE(state.ok());
    const auto rows = state->usage_rows();
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].kind == "partnership");
    CHECK(rows[0].key == "ghent-lodz");
    CHECK(rows[0].title == "Clean air in Łódź");
    CHECK(rows[0].count == 6);
    CHECK(rows[1].kind == "practice");
    CHECK(rows[2].kind == "searches");
    CHECK(rows[2].count == 4);
    const auto history = state->install_history(10);
    REQUIRE(history.size() == 1);
    CHECK(history[0].bundle_id == "abc");
    CHECK(history[0].version == 2);

    // The export parses as CSV: a header and one row per item.
    const std::string csv = plaza::content::usage_csv(rows);
    auto table = plaza::core::parse_csv(csv, "usage.csv");
    REQUIRE(table.ok());
    CHECK(table->header == std::vector<std::string>{"kind", "id", "title", "count"});
    CHECK(table->records.size() == rows.size());
    CHECK(table->records[0].fields[3] == "6");
}

TEST_CASE("a title that looks like a spreadsheet formula is exported as text") {
    const std::string csv =
        plaza::content::usage_csv({{"partnership", "x", "=HYPERLINK(\"a\")", 1}});
    CHECK(csv.find("\"'=HYPERLINK(\"\"a\"\")\"") != std::string::npos);
}

TEST_CASE("a damaged state database is set aside and a fresh one started") {
    plaza::test::TempDir dir;
    const std::string path = dir / "state.db";
    plaza::test::write_file(path, std::string(4096, 'z'));
    auto state = StateStore::open(path);
    REQUIRE(state.ok());
    CHECK(state->usage_rows().empty());
    CHECK(std::filesystem::exists(path + ".damaged"));
}
