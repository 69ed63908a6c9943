// SPDX-License-Identifier: GPL-3.0-or-later
// synth, inspect, the structural bundle check and image re-encoding.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "bundle/image_processing.h"
#include "bundle/inspect.h"
#include "bundle/synth.h"
#include "bundle_test_support.h"
#include "content/bundle_check.h"
#include "content/content_store.h"
#include "content/sqlite_db.h"

using plaza::test::TempDir;

TEST_CASE("synth: the same seed gives the same file, counts follow the options") {
    TempDir dir;
    plaza::bundle::SynthOptions options{300, 20, 40, 7};
    REQUIRE(plaza::bundle::write_synthetic_bundle(options, dir / "a.plaza").ok());
    REQUIRE(plaza::bundle::write_synthetic_bundle(options, dir / "b.plaza").ok());
    options.seed = 8;
    REQUIRE(plaza::bundle::write_synthetic_bundle(options, dir / "c.plaza").ok());
    const auto a = plaza::test::read_file(dir.path() / "a.plaza");
    CHECK(a == plaza::test::read_file(dir.path() / "b.plaza"));
    CHECK(a != plaza::test::read_file(dir.path() / "c.plaza"));

    CHECK(plaza::content::check_bundle(dir / "a.plaza").empty());
    auto store = plaza::content::ContentStore::open(dir / "a.plaza");
    REQUIRE(store.ok());
    const auto counts = store->counts();
    CHECK(counts.partnerships == 300);
    CHECK(counts.practices == 20);
    CHECK(counts.sessions == 40);
    CHECK(counts.media > 0);
    const auto points = store->code_points();
    for (char32_t cp : {U'Đ', U'서', U'北', U'Ł', U'Θ', U'ї'})
        CHECK(points.count(cp) == 1);
    CHECK_FALSE(store->search("da nang", 5).empty());

    // Benchmarks walk sessions with partnerships and speakers with photos.
    int linked = 0, photos = 0;
    for (const auto& day : store->schedule_days()) {
        for (const auto& session : store->sessions_on(day.date)) {
            plaza::content::SessionDetail detail;
            REQUIRE(store->session_detail(session.id, detail));
            linked += !detail.partnerships.empty();
            for (const auto& speaker : detail.speakers)
                photos += speaker.photo != 0;
        }
    }
    CHECK(linked == 14);  // every third of 40 sessions
    CHECK(photos > 0);
}

TEST_CASE("inspect: counts, languages and warnings, as text and JSON") {
    TempDir dir;
    REQUIRE(plaza::bundle::write_synthetic_bundle({50, 5, 10, 1}, dir / "s.plaza").ok());
    auto report = plaza::bundle::inspect_bundle(dir / "s.plaza");
    REQUIRE(report.ok());
    CHECK(report->counts.partnerships == 50);
    CHECK(report->languages.size() == 4);
    CHECK(report->meta.at("schema_version") == "1");
    const auto json = nlohmann::json::parse(plaza::bundle::format_report_json(report.value()));
    CHECK(json["counts"]["practices"] == 5);
    CHECK(json["warnings"][0] == "not signed (no " + (dir / "s.plaza") + ".minisig)");
    CHECK(plaza::bundle::format_report_text(report.value()).find("sessions:") != std::string::npos);
}

TEST_CASE("check: views, triggers and damage are reported, non-bundles are refused") {
    TempDir dir;
    REQUIRE(plaza::bundle::write_synthetic_bundle({10, 1, 1, 1}, dir / "s.plaza").ok());
    {
        auto db = plaza::content::Database::create_for_writing(dir / "s.plaza");
        REQUIRE(db.ok());
        REQUIRE(db->exec("CREATE VIEW sneaky AS SELECT * FROM partnership").ok());
    }
    CHECK(
        plaza::content::check_bundle(dir / "s.plaza") ==
        std::vector<std::string>{
            dir / "s.plaza" + ": contains a view (sneaky); bundles hold tables and indexes only"});
    plaza::test::write_file(dir.path() / "junk.plaza", std::string(8192, 'x'));
    const auto junk = plaza::content::check_bundle(dir / "junk.plaza");
    REQUIRE(junk.size() == 1);
    CHECK(junk[0].find("not a SQLite database") != std::string::npos);
    CHECK_FALSE(plaza::content::ContentStore::open(dir / "junk.plaza").ok());
}

TEST_CASE("images: EXIF orientation is applied and sizes are bounded") {
    std::vector<unsigned char> rgb(40 * 20 * 3, 90);
    const std::string jpeg = plaza::bundle::encode_jpeg(rgb.data(), 40, 20, 90).data;
    // An APP1 Exif segment, big-endian TIFF, one IFD entry: Orientation (0x0112) = 6.
    const std::string tiff = std::string("MM\0\x2A\0\0\0\x08", 8) + std::string("\0\x01", 2) +
                             std::string("\x01\x12\0\x03\0\0\0\x01\0\x06\0\0", 12) +
                             std::string(4, '\0');
    const std::string body = std::string("Exif\0\0", 6) + tiff;
    const size_t length = body.size() + 2;
    const std::string app1 = std::string("\xFF\xE1") + static_cast<char>(length >> 8) +
                             static_cast<char>(length & 0xFF) + body;
    const std::string rotated = jpeg.substr(0, 2) + app1 + jpeg.substr(2);
    CHECK(plaza::bundle::exif_orientation(rotated) == 6);
    CHECK(plaza::bundle::exif_orientation(jpeg) == 1);
    auto processed = plaza::bundle::process_image(rotated);
    REQUIRE(processed.ok());
    CHECK(processed->width == 20);
    CHECK(processed->height == 40);

    std::vector<unsigned char> big(2000 * 1000 * 3, 128);
    auto large =
        plaza::bundle::process_image(plaza::bundle::encode_jpeg(big.data(), 2000, 1000, 80).data);
    REQUIRE(large.ok());
    CHECK(large->large.width == 1600);
    CHECK(large->large.height == 800);
    CHECK(large->thumb.width == 320);
    CHECK(large->thumb.height == 160);
}
