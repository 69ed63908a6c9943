// SPDX-License-Identifier: GPL-3.0-or-later
// app::load_config: every key with a good value, bad values (a warning naming file, line and key;
// the key keeps its default; the rest of the file still applies), the file as a whole, the
// drop-ins and the boot partition's file layered over it, the packaged sample's place, and the
// shipped platform/debian/plaza.conf, whose documented defaults must be the code's.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/config.h"
#include "bundle_test_support.h"

using plaza::app::Config;
using plaza::app::KioskMode;
using plaza::app::LoadedConfig;
using plaza::app::parse_config;
using plaza::core::Rotation;

namespace {

LoadedConfig parse(const std::string& text) {
    return parse_config(text, "plaza.conf");
}

// Parses one `key = value` line that must be accepted without a warning.
Config good(const std::string& line) {
    const LoadedConfig loaded = parse(line + "\n");
    INFO(line);
    for (const auto& w : loaded.warnings)
        INFO(w.text);
    CHECK(loaded.warnings.empty());
    return loaded.config;
}

// Parses a file whose line 2 is bad: exactly one warning, naming line 2 and the key, with
// `expected` in it; line 1 (another key) still applies. Returns the config.
Config bad(const std::string& line, const std::string& key, const std::string& expected) {
    const bool idle = key == "idle_timeout_seconds";
    const std::string first = idle ? "px_per_mm = 7" : "idle_timeout_seconds = 45";
    const LoadedConfig loaded = parse(first + "\n" + line + "\n");
    INFO(line);
    REQUIRE(loaded.warnings.size() == 1);
    const auto& w = loaded.warnings[0];
    CHECK(w.line == 2);
    CHECK(w.key == key);
    CHECK(w.text.rfind("plaza.conf:2: " + key + ": ", 0) == 0);
    CHECK(w.text.find(expected) != std::string::npos);
    CHECK(w.text.find("; using ") != std::string::npos);
    if (idle) {
        CHECK(loaded.config.px_per_mm == doctest::Approx(7.0));
    } else {
        CHECK(loaded.config.idle_timeout_seconds == 45);
    }
    return loaded.config;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("config: an empty file gives every default") {
    const LoadedConfig loaded = parse("");
    CHECK(loaded.warnings.empty());
    const Config& c = loaded.config;
    CHECK(c.rotation == Rotation::none);
    CHECK(c.px_per_mm == doctest::Approx(4.0));
    CHECK(c.languages.empty());
    CHECK(c.default_language.empty());
    CHECK(c.idle_timeout_seconds == 90);
    CHECK_FALSE(c.display_hours.has_value());
    CHECK(c.admin_pin.empty());
    CHECK(c.trusted_keys.empty());
    CHECK(c.watch_folders == Strings{"/media/plaza", "/run/media", "/var/lib/plaza/inbox"});
    CHECK(c.data_folder == "/var/lib/plaza");
    CHECK(c.mode == KioskMode::kiosk);
    CHECK(c.room.empty());
    CHECK(c.usage_export);
    CHECK(c.fullscreen);
    CHECK_FALSE(c.kmsdrm_device_index.has_value());
}

TEST_CASE("config: rotation") {
    CHECK(good("rotation = 90").rotation == Rotation::cw90);
    CHECK(good("rotation = 270").rotation == Rotation::cw270);
    CHECK(bad("rotation = 45", "rotation", "'45' is not 0, 90, 180 or 270; using 0").rotation ==
          Rotation::none);
    bad("rotation = portrait", "rotation", "'portrait'");
}

TEST_CASE("config: px_per_mm") {
    CHECK(good("px_per_mm = 5.5").px_per_mm == doctest::Approx(5.5));
    CHECK(good("px_per_mm = 12").px_per_mm == doctest::Approx(12.0));
    CHECK(bad("px_per_mm = 0.5", "px_per_mm", "between 1 and 40; using 4.0").px_per_mm ==
          doctest::Approx(4.0));
    bad("px_per_mm = 4,5", "px_per_mm", "'4,5' is not a number");
    bad("px_per_mm = nan", "px_per_mm", "'nan'");
    bad("px_per_mm = 4mm", "px_per_mm", "'4mm'");
}

TEST_CASE("config: languages and default_language") {
    CHECK(good("languages = en, ca,es , pt-BR").languages == Strings{"en", "ca", "es", "pt-BR"});
    CHECK(good("default_language = ca").default_language == "ca");
    CHECK(bad("languages = en, EN", "languages", "'EN' is not a language code").languages.empty());
    bad("languages = en,,fr", "languages", "an entry in the comma list is empty");
    bad("languages = en,", "languages", "an entry in the comma list is empty");
    CHECK(bad("default_language = english", "default_language", "'english'")
              .default_language.empty());

    const LoadedConfig mismatch = parse("languages = en, fr\ndefault_language = ca\n");
    REQUIRE(mismatch.warnings.size() == 1);
    CHECK(mismatch.warnings[0].text ==
          "plaza.conf:2: default_language: 'ca' is not among languages; using the bundle's "
          "default");
    CHECK(mismatch.config.default_language.empty());
    CHECK(mismatch.config.languages == Strings{"en", "fr"});
}

TEST_CASE("config: idle_timeout_seconds") {
    CHECK(good("idle_timeout_seconds = 120").idle_timeout_seconds == 120);
    CHECK(bad("idle_timeout_seconds = 5", "idle_timeout_seconds", "between 20 and 3600; using 90")
              .idle_timeout_seconds == 90);
    bad("idle_timeout_seconds = 1.5", "idle_timeout_seconds", "'1.5'");
    bad("idle_timeout_seconds = 99999999999", "idle_timeout_seconds", "'99999999999'");
}

TEST_CASE("config: a bad value resets only its own key to the default") {
    const LoadedConfig loaded = parse("idle_timeout_seconds = 45\nidle_timeout_seconds = 2\n");
    REQUIRE(loaded.warnings.size() == 2);  // set twice, and the second value is bad
    CHECK(loaded.warnings[0].text ==
          "plaza.conf:2: idle_timeout_seconds: also set on line 1; this later line wins");
    CHECK(loaded.config.idle_timeout_seconds == 90);
}

TEST_CASE("config: display_hours") {
    const Config day = good("display_hours = 07:30-20:00");
    REQUIRE(day.display_hours);
    CHECK(day.display_hours->start_minute == 7 * 60 + 30);
    CHECK(day.display_hours->end_minute == 20 * 60);
    CHECK_FALSE(day.display_hours->contains(7 * 60 + 29));
    CHECK(day.display_hours->contains(7 * 60 + 30));
    CHECK(day.display_hours->contains(19 * 60 + 59));
    CHECK_FALSE(day.display_hours->contains(20 * 60));

    const Config night = good("display_hours = 22:00 - 02:00");
    REQUIRE(night.display_hours);
    CHECK(night.display_hours->contains(23 * 60));
    CHECK(night.display_hours->contains(60));
    CHECK_FALSE(night.display_hours->contains(12 * 60));

    const Config to_midnight = good("display_hours = 08:00-24:00");
    CHECK(to_midnight.display_hours->contains(23 * 60 + 59));

    CHECK_FALSE(good("display_hours =").display_hours.has_value());
    CHECK_FALSE(bad("display_hours = 7:30-20:00", "display_hours",
                    "is not a range like 07:30-20:00; using always on")
                    .display_hours.has_value());
    bad("display_hours = 07:30", "display_hours", "'07:30' is not a range");
    bad("display_hours = 24:00-08:00", "display_hours", "is not a range");
    bad("display_hours = 07:60-08:00", "display_hours", "is not a range");
    bad("display_hours = 08:00-08:00", "display_hours", "starts and ends at the same time");
    CHECK(good("display_hours = 00:00-24:00").display_hours->contains(0));
}

TEST_CASE("config: admin_pin") {
    CHECK(good("admin_pin = 0472").admin_pin == "0472");
    CHECK(good("admin_pin = 12345678").admin_pin == "12345678");
    CHECK(bad("admin_pin = 123", "admin_pin", "the PIN must be 4 to 8 digits").admin_pin.empty());
    bad("admin_pin = 123456789", "admin_pin", "4 to 8 digits");
    bad("admin_pin = 12a4", "admin_pin", "4 to 8 digits");
}

TEST_CASE("config: admin_pin warnings never repeat the PIN") {
    const LoadedConfig loaded = parse("admin_pin = 98765x\n");
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0].text.find("98765") == std::string::npos);
}

TEST_CASE("config: trusted_keys") {
    plaza::test::TempDir dir;
    plaza::test::write_file(dir / "a.pub", "untrusted comment: x\nRWQ\n");
    plaza::test::write_file(dir / "b.pub", "untrusted comment: y\nRWQ\n");
    CHECK(good("trusted_keys = " + (dir / "a.pub") + ", " + (dir / "b.pub")).trusted_keys ==
          Strings{dir / "a.pub", dir / "b.pub"});
    CHECK(bad("trusted_keys = keys/a.pub", "trusted_keys", "'keys/a.pub' is not an absolute path")
              .trusted_keys.empty());

    // A missing key file is kept (the message says what will happen) rather than dropped.
    const LoadedConfig missing = parse("trusted_keys = " + (dir / "gone.pub") + "\n");
    REQUIRE(missing.warnings.size() == 1);
    CHECK(missing.warnings[0].text == "plaza.conf:1: trusted_keys: '" + (dir / "gone.pub") +
                                          "' is not a readable file; bundles signed with it "
                                          "will be refused");
    CHECK(missing.config.trusted_keys == Strings{dir / "gone.pub"});
}

TEST_CASE("config: watch_folders and data_folder") {
    CHECK(good("watch_folders = /media/plaza, /srv/drop").watch_folders ==
          Strings{"/media/plaza", "/srv/drop"});
    bad("watch_folders = media", "watch_folders", "'media' is not an absolute path");
    CHECK(good("data_folder = /data/plaza").data_folder == "/data/plaza");
    // The inbox follows the data folder unless watch_folders is given.
    CHECK(good("data_folder = /data/plaza").watch_folders ==
          Strings{"/media/plaza", "/run/media", "/data/plaza/inbox"});
    CHECK(good("watch_folders =\ndata_folder = /data/plaza").watch_folders ==
          Strings{"/media/plaza", "/run/media", "/data/plaza/inbox"});
    CHECK(bad("watch_folders = inbox\ndata_folder = /data/plaza", "watch_folders", "'inbox'")
              .watch_folders == Strings{"/media/plaza", "/run/media", "/data/plaza/inbox"});
    CHECK(bad("data_folder = data", "data_folder",
              "'data' is not an absolute path; using "
              "/var/lib/plaza")
              .data_folder == "/var/lib/plaza");
    bad("data_folder = /", "data_folder", "'/'");
}

TEST_CASE("config: kiosk_id, kiosk_name and status_folder for a venue's fleet") {
    const Config d = good("");
    CHECK(d.kiosk_id.empty());
    CHECK(d.kiosk_name.empty());
    CHECK(d.status_folder == "/var/lib/plaza/status");
    CHECK(good("kiosk_id = door-a1").kiosk_id == "door-a1");
    CHECK(bad("kiosk_id = door a1", "kiosk_id", "'door a1' is not a kiosk id").kiosk_id.empty());
    CHECK(good("kiosk_name = Room A1 door").kiosk_name == "Room A1 door");
    // The status folder follows the data folder unless it is given; off switches it off.
    CHECK(good("data_folder = /data/plaza").status_folder == "/data/plaza/status");
    CHECK(good("status_folder = /srv/status\ndata_folder = /data").status_folder == "/srv/status");
    CHECK(good("status_folder = off").status_folder.empty());
    CHECK(bad("status_folder = status", "status_folder", "'status' is neither off nor")
              .status_folder == "/var/lib/plaza/status");
}

TEST_CASE("config: mode and room") {
    const Config room = good("mode = room\nroom = hall-A.2");
    CHECK(room.mode == KioskMode::room);
    CHECK(room.room == "hall-A.2");
    CHECK(good("mode = kiosk").mode == KioskMode::kiosk);
    CHECK(bad("mode = signage", "mode", "'signage' is neither kiosk nor room; using kiosk").mode ==
          KioskMode::kiosk);
    CHECK(bad("room = Hall A", "room", "'Hall A' is not a room id").room.empty());

    const LoadedConfig no_room = parse("mode = room\n");
    REQUIRE(no_room.warnings.size() == 1);
    CHECK(no_room.warnings[0].text ==
          "plaza.conf:1: mode: room needs `room = <id>` too; using kiosk");
    CHECK(no_room.config.mode == KioskMode::kiosk);
}

TEST_CASE("config: usage_export and fullscreen take on/off and the usual spellings") {
    CHECK_FALSE(good("usage_export = off").usage_export);
    CHECK(good("usage_export = on").usage_export);
    CHECK_FALSE(good("usage_export = No").usage_export);
    CHECK_FALSE(good("fullscreen = false").fullscreen);
    CHECK(good("fullscreen = yes").fullscreen);
    CHECK(bad("usage_export = maybe", "usage_export", "'maybe' is neither on nor off; using on")
              .usage_export);
    CHECK(bad("fullscreen = 2", "fullscreen", "'2' is neither on nor off").fullscreen);
}

TEST_CASE("config: low_reach and low_reach_top_percent") {
    CHECK(good("low_reach = on").low_reach);
    CHECK_FALSE(bad("low_reach = wheelchair", "low_reach",
                    "'wheelchair' is neither on nor off; "
                    "using off")
                    .low_reach);
    CHECK(good("low_reach_top_percent = 55").low_reach_top_percent == 55);
    CHECK(good("low_reach_top_percent = 0").low_reach_top_percent == 0);
    CHECK(bad("low_reach_top_percent = 80", "low_reach_top_percent",
              "'80' is not a whole number from 0 to 70; using 40")
              .low_reach_top_percent == 40);
    bad("low_reach_top_percent = 40%", "low_reach_top_percent", "'40%'");
}

TEST_CASE("config: high_contrast and reduced_motion are switches, off unless set") {
    for (const std::string key : {"high_contrast", "reduced_motion"}) {
        const auto field = [&key](const Config& c) {
            return key == "high_contrast" ? c.high_contrast : c.reduced_motion;
        };
        CHECK_FALSE(field(good("")));
        CHECK(field(good(key + " = on")));
        CHECK_FALSE(field(bad(key + " = slow", key, "'slow' is neither on nor off; using off")));
    }
}

TEST_CASE("config: kmsdrm_device_index") {
    CHECK(good("kmsdrm_device_index = 1").kmsdrm_device_index == 1);
    CHECK(good("kmsdrm_device_index =").kmsdrm_device_index == std::nullopt);
    CHECK_FALSE(bad("kmsdrm_device_index = -1", "kmsdrm_device_index", "from 0 to 15")
                    .kmsdrm_device_index.has_value());
    bad("kmsdrm_device_index = card1", "kmsdrm_device_index", "'card1'");
}

TEST_CASE("config: touch_calibration") {
    using Matrix = std::array<float, 6>;
    CHECK(good("touch_calibration = swap_xy, invert_x").touch_calibration.m ==
          Matrix{0, -1, 1, 1, 0, 0});
    CHECK(good("touch_calibration = 0 1 0 -1 0 1").touch_calibration.m ==
          Matrix{0, 1, 0, -1, 0, 1});
    CHECK(good("touch_calibration = none").touch_calibration.m == Matrix{1, 0, 0, 0, 1, 0});
    CHECK(bad("touch_calibration = swap_xy, mirror", "touch_calibration", "'swap_xy, mirror'")
              .touch_calibration.m == Matrix{1, 0, 0, 0, 1, 0});
    bad("touch_calibration = 1 2 3", "touch_calibration", "six numbers");
}

TEST_CASE("config: renderer") {
    CHECK(good("renderer = software").renderer == "software");
    CHECK(good("renderer = opengles2").renderer == "opengles2");
    CHECK(good("renderer = auto").renderer.empty());
    CHECK(bad("renderer = vulkan", "renderer", "'vulkan' is not auto, software").renderer.empty());
}

TEST_CASE("config: comments, blank lines, quotes and an empty value") {
    const LoadedConfig loaded = parse(
        "# Plaza\n"
        "\n"
        "   # indented comment\n"
        "rotation = 90   # portrait panel\n"
        "room = \"hall-b\"\n"
        "data_folder = /srv/plaza#1\n"
        "px_per_mm = 6\r\n"
        "px_per_mm =\n");
    CHECK(loaded.warnings.size() == 1);  // px_per_mm set twice
    CHECK(loaded.config.rotation == Rotation::cw90);
    CHECK(loaded.config.room == "hall-b");
    CHECK(loaded.config.data_folder == "/srv/plaza#1");
    CHECK(loaded.config.px_per_mm == doctest::Approx(4.0));  // the empty value asks for the default
}

TEST_CASE("config: unknown keys and malformed lines are warned about and skipped") {
    const LoadedConfig loaded = parse(
        "rotate = 90\n"
        "Rotation = 180\n"
        "colour = blue\n"
        "just some words\n"
        "idle_timeout_seconds = 30\n");
    REQUIRE(loaded.warnings.size() == 4);
    CHECK(loaded.warnings[0].text ==
          "plaza.conf:1: rotate: unknown key (did you mean rotation?); ignored");
    CHECK(loaded.warnings[1].text ==
          "plaza.conf:2: Rotation: unknown key (did you mean rotation?); ignored");
    CHECK(loaded.warnings[2].text == "plaza.conf:3: colour: unknown key; ignored");
    CHECK(loaded.warnings[3].text == "plaza.conf:4: expected `key = value`; ignored");
    CHECK(loaded.warnings[3].key.empty());
    CHECK(loaded.config.rotation == Rotation::none);
    CHECK(loaded.config.idle_timeout_seconds == 30);
}

TEST_CASE("config: a line that is not UTF-8 is skipped") {
    const LoadedConfig loaded = parse("room = caf\xe9\nrotation = 180\n");
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0].text == "plaza.conf:1: the line is not valid UTF-8; ignored");
    CHECK(loaded.config.rotation == Rotation::cw180);
}

TEST_CASE("config: load_config: a file, a missing file, a folder, a huge file") {
    plaza::test::TempDir dir;
    plaza::test::write_file(dir / "plaza.conf", "rotation = 180\nbogus = 1\n");
    const auto loaded = plaza::app::load_config(dir / "plaza.conf");
    REQUIRE(loaded.ok());
    CHECK(loaded->config.rotation == Rotation::cw180);
    REQUIRE(loaded->warnings.size() == 1);
    CHECK(loaded->warnings[0].text == (dir / "plaza.conf") + ":2: bogus: unknown key; ignored");

    const auto missing = plaza::app::load_config(dir / "none.conf");
    REQUIRE(missing.ok());
    REQUIRE(missing->warnings.size() == 1);
    CHECK(missing->warnings[0].text ==
          (dir / "none.conf") + ": not found; using the defaults for every key");
    CHECK(missing->config.idle_timeout_seconds == 90);

    const auto folder = plaza::app::load_config(dir.path().string());
    CHECK_FALSE(folder.ok());
    CHECK(folder.error().find("cannot be read") != std::string::npos);

    plaza::test::write_file(dir / "huge.conf", std::string(300 * 1024, '#'));
    const auto huge = plaza::app::load_config(dir / "huge.conf");
    CHECK_FALSE(huge.ok());
    CHECK(huge.error() ==
          (dir / "huge.conf") + ": larger than 256 KiB; this is not a Plaza configuration file");
}

namespace {

// A configuration as the package lays it out in a temporary folder: plaza.conf, plaza.conf.d/
// and a stand-in for /boot/firmware/plaza.txt.
struct Layout {
    plaza::test::TempDir dir;
    plaza::app::ConfigSources sources() const {
        return {dir / "plaza.conf", dir / "plaza.conf.d", dir / "boot/plaza.txt"};
    }
    void write(const std::string& name, const std::string& text) const {
        plaza::test::write_file(dir / name, text);
    }
};

Strings texts(const std::vector<plaza::app::ConfigWarning>& warnings) {
    Strings out;
    for (const auto& w : warnings)
        out.push_back(w.text);
    return out;
}

}  // namespace

TEST_CASE("config: drop-ins are read after the main file in name order, the boot file last") {
    Layout l;
    l.write("plaza.conf", "rotation = 90\nidle_timeout_seconds = 45\npx_per_mm = 5\n");
    // Written out of order: the names decide, byte by byte ("10-" < "50-" < "9-").
    l.write("plaza.conf.d/50-venue.conf", "idle_timeout_seconds = 120\nadmin_pin = 2468\n");
    l.write("plaza.conf.d/9-late.conf", "admin_pin = 1357\n");
    l.write("plaza.conf.d/10-panel.conf", "rotation = 270\nidle_timeout_seconds = 60\n");
    l.write("boot/plaza.txt", "px_per_mm = 6.5\n");
    const auto loaded = plaza::app::load_config(l.sources());
    REQUIRE(loaded.ok());
    CHECK(texts(loaded->warnings).empty());
    const Config& c = loaded->config;
    CHECK(c.rotation == Rotation::cw270);        // 10-panel.conf over plaza.conf
    CHECK(c.idle_timeout_seconds == 120);        // 50-venue.conf over 10-panel.conf
    CHECK(c.admin_pin == "1357");                // 9-late.conf over 50-venue.conf
    CHECK(c.px_per_mm == doctest::Approx(6.5));  // the boot file over everything
}

TEST_CASE("config: only regular *.conf files count as drop-ins") {
    Layout l;
    l.write("plaza.conf", "idle_timeout_seconds = 45\n");
    l.write("plaza.conf.d/50-venue.conf~", "idle_timeout_seconds = 100\n");
    l.write("plaza.conf.d/50-venue.conf.dpkg-old", "idle_timeout_seconds = 101\n");
    l.write("plaza.conf.d/.50-venue.conf.swp", "idle_timeout_seconds = 102\n");
    l.write("plaza.conf.d/.hidden.conf", "idle_timeout_seconds = 103\n");
    l.write("plaza.conf.d/notes.txt", "idle_timeout_seconds = 104\n");
    l.write("plaza.conf.d/.conf", "idle_timeout_seconds = 105\n");
    std::filesystem::create_directories(l.dir / "plaza.conf.d/folder.conf");
    std::filesystem::create_symlink(l.dir / "plaza.conf.d/gone", l.dir / "plaza.conf.d/x.conf");
    const auto loaded = plaza::app::load_config(l.sources());
    REQUIRE(loaded.ok());
    CHECK(texts(loaded->warnings).empty());
    CHECK(loaded->config.idle_timeout_seconds == 45);

    // A link to a regular file is followed, as systemd follows linked drop-ins.
    l.write("shared/venue.conf", "idle_timeout_seconds = 200\n");
    std::filesystem::create_symlink(l.dir / "shared/venue.conf", l.dir / "plaza.conf.d/y.conf");
    const auto linked = plaza::app::load_config(l.sources());
    REQUIRE(linked.ok());
    CHECK(linked->config.idle_timeout_seconds == 200);
}

TEST_CASE("config: warnings name the file they are about") {
    Layout l;
    l.write("plaza.conf", "rotation = 90\nrotation = 180\n");
    l.write("plaza.conf.d/50-venue.conf", "rotation = 45\nrotate = 90\n");
    l.write("boot/plaza.txt", "idle_timeout_seconds = 5\n");
    const auto loaded = plaza::app::load_config(l.sources());
    REQUIRE(loaded.ok());
    const std::string main = l.dir / "plaza.conf";
    const std::string drop_in = l.dir / "plaza.conf.d/50-venue.conf";
    const std::string boot = l.dir / "boot/plaza.txt";
    CHECK(texts(loaded->warnings) ==
          Strings{main + ":2: rotation: also set on line 1; this later line wins",
                  drop_in + ":1: rotation: '45' is not 0, 90, 180 or 270; using 0",
                  drop_in + ":2: rotate: unknown key (did you mean rotation?); ignored",
                  boot + ":1: idle_timeout_seconds: '5' is not a whole number of seconds "
                         "between 20 and 3600; using 90"});
    REQUIRE(loaded->warnings.size() == 4);
    CHECK(loaded->warnings[1].file == drop_in);
    CHECK(loaded->warnings[1].line == 1);
    CHECK(loaded->warnings[3].file == boot);
    // A bad value in a later file resets the key to its default, as in one file.
    CHECK(loaded->config.rotation == Rotation::none);
    CHECK(loaded->config.idle_timeout_seconds == 90);
}

TEST_CASE(
    "config: a later file's empty value brings back the default, and the checks see every file") {
    Layout l;
    l.write("plaza.conf", "rotation = 90\nlanguages = en, ca\nmode = room\nroom = hall-a\n");
    l.write("plaza.conf.d/50-venue.conf", "rotation =\ndefault_language = fr\nroom =\n");
    const auto loaded = plaza::app::load_config(l.sources());
    REQUIRE(loaded.ok());
    const std::string drop_in = l.dir / "plaza.conf.d/50-venue.conf";
    CHECK(texts(loaded->warnings) ==
          Strings{drop_in + ":2: default_language: 'fr' is not among languages; using the "
                            "bundle's default",
                  l.dir / "plaza.conf" + ":3: mode: room needs `room = <id>` too; using kiosk"});
    CHECK(loaded->config.rotation == Rotation::none);
    CHECK(loaded->config.mode == KioskMode::kiosk);
    CHECK(loaded->config.default_language.empty());
}

TEST_CASE("config: files from other systems: byte order mark and CRLF line ends") {
    Layout l;
    l.write("plaza.conf", "");
    l.write("boot/plaza.txt", "\xEF\xBB\xBFrotation = 90\r\nadmin_pin = 2468\r\n");
    const auto loaded = plaza::app::load_config(l.sources());
    REQUIRE(loaded.ok());
    CHECK(texts(loaded->warnings).empty());
    CHECK(loaded->config.rotation == Rotation::cw90);
    CHECK(loaded->config.admin_pin == "2468");
}

TEST_CASE("config: missing, unreadable and oversized optional files") {
    Layout l;
    l.write("plaza.conf", "idle_timeout_seconds = 45\n");
    // No drop-in folder and no boot file: the packaged state on a box nobody has configured.
    const auto plain = plaza::app::load_config(l.sources());
    REQUIRE(plain.ok());
    CHECK(texts(plain->warnings).empty());
    CHECK(plain->config.idle_timeout_seconds == 45);

    // A drop-in that cannot be read is skipped with a warning; the others still apply. (A folder
    // named *.conf is not a regular file and is skipped silently, so a real read error comes from
    // a file larger than the limit, which needs no root-proof permissions.)
    l.write("plaza.conf.d/10-huge.conf", std::string(300 * 1024, '#'));
    l.write("plaza.conf.d/20-ok.conf", "idle_timeout_seconds = 60\n");
    l.write("boot/plaza.txt", std::string(300 * 1024, '#'));
    const auto loaded = plaza::app::load_config(l.sources());
    REQUIRE(loaded.ok());
    CHECK(texts(loaded->warnings) ==
          Strings{l.dir / "plaza.conf.d/10-huge.conf" +
                      ": larger than 256 KiB; this is not a Plaza configuration file; ignored",
                  l.dir / "boot/plaza.txt" +
                      ": larger than 256 KiB; this is not a Plaza configuration file; ignored"});
    CHECK(loaded->config.idle_timeout_seconds == 60);

    // Without the main file the drop-ins still apply.
    std::filesystem::remove(l.dir / "plaza.conf");
    std::filesystem::remove(l.dir / "plaza.conf.d/10-huge.conf");
    std::filesystem::remove(l.dir / "boot/plaza.txt");
    const auto no_main = plaza::app::load_config(l.sources());
    REQUIRE(no_main.ok());
    CHECK(texts(no_main->warnings) ==
          Strings{l.dir / "plaza.conf" + ": not found; using the defaults for every key"});
    CHECK(no_main->config.idle_timeout_seconds == 60);
}

TEST_CASE("config: the packaged layout: FILE.d and /boot/firmware/plaza.txt") {
    const auto sources = plaza::app::config_sources("/etc/plaza/plaza.conf");
    CHECK(sources.file == "/etc/plaza/plaza.conf");
    CHECK(sources.drop_in_folder == "/etc/plaza/plaza.conf.d");
    CHECK(sources.boot_file == "/boot/firmware/plaza.txt");
}

TEST_CASE("config: the sample bundle is found beside the installed program, whatever the prefix") {
    using plaza::app::sample_bundle_beside;
    CHECK(sample_bundle_beside("/usr/bin/plaza") == "/usr/share/plaza/sample.plaza");
    CHECK(sample_bundle_beside("/usr/local/bin/plaza") == "/usr/local/share/plaza/sample.plaza");
    CHECK(sample_bundle_beside("/opt/plaza/bin/plaza") == "/opt/plaza/share/plaza/sample.plaza");
    // The running test program stands in for plaza: same rule, from /proc/self/exe.
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    CHECK(plaza::app::packaged_sample_bundle() == sample_bundle_beside(self));
}

// The shipped file shows every key as a commented `# key = default` line. Uncommented, those
// lines must parse without a warning to exactly the code's defaults, so the documentation can
// not drift from the parser.
TEST_CASE("config: platform/debian/plaza.conf documents every key with the code's default") {
    std::ifstream in(std::string(PLAZA_SOURCE_DIR) + "/platform/debian/plaza.conf");
    REQUIRE(in);
    const Strings keys = {"rotation",
                          "px_per_mm",
                          "languages",
                          "default_language",
                          "idle_timeout_seconds",
                          "display_hours",
                          "admin_pin",
                          "trusted_keys",
                          "watch_folders",
                          "data_folder",
                          "mode",
                          "room",
                          "usage_export",
                          "fullscreen",
                          "kmsdrm_device_index",
                          "low_reach",
                          "low_reach_top_percent",
                          "reduced_motion",
                          "high_contrast",
                          "touch_calibration",
                          "renderer"};
    std::string line, uncommented;
    Strings documented;
    while (std::getline(in, line)) {
        for (const auto& key : keys) {
            if (line.rfind("#" + key + " =", 0) == 0) {
                documented.push_back(key);
                uncommented += line.substr(1) + "\n";
            }
        }
    }
    std::sort(documented.begin(), documented.end());
    Strings expected = keys;
    std::sort(expected.begin(), expected.end());
    CHECK(documented == expected);
    const LoadedConfig loaded = parse(uncommented);
    for (const auto& w : loaded.warnings)
        INFO(w.text);
    CHECK(loaded.warnings.empty());
    const Config& c = loaded.config;
    const Config d;
    CHECK(c.rotation == d.rotation);
    CHECK(c.px_per_mm == d.px_per_mm);
    CHECK(c.languages == d.languages);
    CHECK(c.default_language == d.default_language);
    CHECK(c.idle_timeout_seconds == d.idle_timeout_seconds);
    CHECK(c.display_hours.has_value() == d.display_hours.has_value());
    CHECK(c.admin_pin == d.admin_pin);
    CHECK(c.trusted_keys == d.trusted_keys);
    CHECK(c.watch_folders == d.watch_folders);
    CHECK(c.data_folder == d.data_folder);
    CHECK(c.mode == d.mode);
    CHECK(c.room == d.room);
    CHECK(c.usage_export == d.usage_export);
    CHECK(c.low_reach == d.low_reach);
    CHECK(c.low_reach_top_percent == d.low_reach_top_percent);
    CHECK(c.fullscreen == d.fullscreen);
    CHECK(c.kmsdrm_device_index == d.kmsdrm_device_index);
    CHECK(c.touch_calibration.m == d.touch_calibration.m);
    CHECK(c.renderer == d.renderer);
}

TEST_CASE("config: a fleet.csv row for this kiosk, checked as plaza.conf checks its keys") {
    using plaza::app::fleet_row;
    using plaza::app::FleetValues;
    const std::string csv =
        "kiosk_id,mode,room,rotation,display_hours\n"
        "door-a1,room,A1,90,\n"
        "hall-1,,,,08:00-19:00\n";
    auto a1 = fleet_row(csv, "door-a1");
    REQUIRE(a1);
    CHECK(a1.value() == FleetValues{{"mode", "room"}, {"room", "A1"}, {"rotation", "90"}});
    auto hall = fleet_row(csv, "hall-1");
    REQUIRE(hall);
    CHECK(hall.value() == FleetValues{{"display_hours", "08:00-19:00"}});
    auto none = fleet_row(csv, "elsewhere");
    REQUIRE(none);
    CHECK(none.value().empty());
    // Excel's ';' in comma-decimal locales.
    auto excel =
        fleet_row("kiosk_id;mode;room;rotation;display_hours\r\ndoor-a1;room;A1;;\r\n", "door-a1");
    REQUIRE(excel);
    CHECK(excel.value() == FleetValues{{"mode", "room"}, {"room", "A1"}});
    // Applied over a local configuration, only for the fleet's keys.
    Config local = good("idle_timeout_seconds = 45\nroom = B2");
    plaza::app::apply_fleet_values(a1.value(), local);
    CHECK(local.mode == KioskMode::room);
    CHECK(local.room == "A1");
    CHECK(local.rotation == Rotation::cw90);
    CHECK(local.idle_timeout_seconds == 45);
    Config kept;
    plaza::app::apply_fleet_values({{"admin_pin", "1234"}, {"room", "C3"}}, kept);
    CHECK(kept.admin_pin.empty());
    CHECK(kept.room == "C3");
    CHECK(plaza::app::parse_fleet_values(plaza::app::format_fleet_values(a1.value())) ==
          a1.value());

    const auto error = [](const std::string& text) {
        auto row = fleet_row(text, "door-a1");
        REQUIRE_FALSE(row);
        return row.error();
    };
    CHECK(error("kiosk_id,mode,room\ndoor-a1,room,A1\n").find("no column rotation") !=
          std::string::npos);
    CHECK(error("kiosk_id,mode,room,rotation,display_hours\ndoor-a1,,,45,\n") ==
          "fleet.csv:2: rotation: '45' is not 0, 90, 180 or 270");
    CHECK(error("kiosk_id,mode,room,rotation,display_hours\ndoor-a1,room,,,\n") ==
          "fleet.csv:2: mode: room needs a room in the same row");
}
