// SPDX-License-Identifier: GPL-3.0-or-later
// The status writer (issue 18) on clocks the test sets: written at once on an update, again each
// period with what the main thread answers, "late" when it does not answer within the watchdog's
// interval, and a folder that cannot be written never stops it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/status_writer.h"
#include "bundle_test_support.h"

namespace {

// Waits (real time, bounded) until the file holds `text`.
bool eventually_holds(const std::string& path, const std::string& text) {
    for (int i = 0; i < 2000; ++i) {
        if (plaza::test::read_file(path).find(text) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

struct Clocks {
    std::atomic<std::int64_t> wall{1796551200000};  // 2026-12-06T10:00:00Z
    std::atomic<double> monotonic{500.0};
    plaza::app::StatusClock clock() {
        return {[this] { return wall.load(); }, [this] { return monotonic.load(); }};
    }
};

plaza::app::KioskStatus door_a1() {
    plaza::app::KioskStatus s;
    s.kiosk_id = "door-a1";
    s.kiosk_name = "Room A1 door";
    s.mode = "room";
    s.room = "A1";
    s.has_bundle = true;
    s.bundle_id = "event";
    s.version = 3;
    s.built = "2026-12-06T09:00:00+01:00";
    s.last_install = {"refused", "signature does not match", "event.plaza", 1796551100000};
    s.touches_today = 42;
    return s;
}

}  // namespace

TEST_CASE("status: the contract's keys, times in UTC with Z") {
    const std::string json = plaza::app::status_json(door_a1(), "ok", 1234, 3600, 1796551260000);
    CHECK(json ==
          "{\n"
          "  \"format\": 1,\n"
          "  \"kiosk_id\": \"door-a1\",\n"
          "  \"kiosk_name\": \"Room A1 door\",\n"
          "  \"mode\": \"room\",\n"
          "  \"room\": \"A1\",\n"
          "  \"bundle\": {\n"
          "    \"id\": \"event\",\n"
          "    \"version\": 3,\n"
          "    \"built\": \"2026-12-06T08:00:00Z\"\n"
          "  },\n"
          "  \"last_install\": {\n"
          "    \"result\": \"refused\",\n"
          "    \"message\": \"signature does not match\",\n"
          "    \"bundle_file\": \"event.plaza\",\n"
          "    \"at\": \"2026-12-06T09:58:20Z\"\n"
          "  },\n"
          "  \"health\": {\n"
          "    \"frames_failing\": 0,\n"
          "    \"watchdog\": \"ok\",\n"
          "    \"free_disk_mb\": 1234,\n"
          "    \"clock_sane\": true\n"
          "  },\n"
          "  \"uptime_s\": 3600,\n"
          "  \"touches_today\": 42,\n"
          "  \"written_at\": \"2026-12-06T10:01:00Z\"\n"
          "}\n");
    plaza::app::KioskStatus none;
    CHECK(plaza::app::status_json(none, "off", 1, 0, 0).find("\"bundle\": null") !=
          std::string::npos);
}

TEST_CASE("status: written at once, again each period, late when the main thread is silent") {
    plaza::test::TempDir dir;
    Clocks clocks;
    plaza::app::StatusSettings settings;
    settings.folder = dir / "status";
    settings.kiosk_id = "door-a1";
    settings.data_folder = dir.path().string();
    settings.period_seconds = 0.05;
    settings.watchdog_seconds = 0.05;
    std::atomic<bool> answer{true};
    std::atomic<int> asked{0};
    plaza::app::StatusWriter* writer = nullptr;
    plaza::app::StatusWriter status(settings, clocks.clock(), [&] {
        ++asked;
        if (answer) writer->update(door_a1());
    });
    writer = &status;
    const std::string file = settings.folder + "/door-a1.json";
    clocks.monotonic = 560.0;
    status.update(door_a1());
    REQUIRE(eventually_holds(file, "\"written_at\": \"2026-12-06T10:00:00Z\""));
    CHECK(plaza::test::read_file(file).find("\"uptime_s\": 60,") != std::string::npos);
    CHECK(plaza::test::read_file(file).find("\"watchdog\": \"ok\"") != std::string::npos);
    // A period later, from the main thread's answer, with the clock as it is then.
    clocks.wall = 1796551260000;
    REQUIRE(eventually_holds(file, "\"written_at\": \"2026-12-06T10:01:00Z\""));
    CHECK(asked > 0);
    // No answer within the watchdog's interval: the last status again, marked late.
    answer = false;
    REQUIRE(eventually_holds(file, "\"watchdog\": \"late\""));
    status.usage("kind,id,title,count\r\n");
    answer = true;
    REQUIRE(eventually_holds(settings.folder + "/door-a1.usage.csv", "kind,id,title,count"));
}

TEST_CASE("status: a folder that cannot be written never stops the writer") {
    plaza::test::TempDir dir;
    plaza::test::write_file(dir.path() / "file", "");
    Clocks clocks;
    plaza::app::StatusSettings settings;
    settings.folder = dir / "file";  // a file, not a folder
    settings.kiosk_id = "door-a1";
    settings.data_folder = dir.path().string();
    settings.period_seconds = 0.05;
    {
        plaza::app::StatusWriter status(settings, clocks.clock(), nullptr);
        status.update(door_a1());
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        status.update(door_a1());
    }
    CHECK(plaza::test::read_file(dir / "file").empty());
}
