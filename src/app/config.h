// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's configuration: `key = value` lines, `#` comments, read from the packaged file
// (/etc/plaza/plaza.conf), then the drop-ins beside it (/etc/plaza/plaza.conf.d/*.conf, in name
// order), then /boot/firmware/plaza.txt; a later file wins per key. A bad line never stops the
// kiosk: it becomes a warning naming file, line and key, and that key keeps its default.
// platform/debian/plaza.conf documents every key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/pointer_input.h"
#include "core/result.h"
#include "core/rotation.h"

namespace plaza::app {

// The hours the screen shows content, in minutes after midnight. An end before the start runs
// past midnight (22:00-02:00); an end of 24:00 is midnight at the end of the day.
struct DisplayHours {
    int start_minute = 0;
    int end_minute = 0;

    bool contains(int minute_of_day) const;
};

enum class KioskMode { kiosk, room };

// The watched folders when the file does not name any: the automount folder, the desktop
// automount folder and the inbox under the data folder.
std::vector<std::string> default_watch_folders(const std::string& data_folder);

// The status folder when the file does not name one: <data_folder>/status.
std::string default_status_folder(const std::string& data_folder);

struct Config {
    core::Rotation rotation = core::Rotation::none;
    float px_per_mm = 4.0f;
    std::vector<std::string> languages;  // offered languages; empty: every language in the bundle
    std::string default_language;        // empty: the bundle's default
    int idle_timeout_seconds = 90;
    std::optional<DisplayHours> display_hours;  // nullopt: always on
    // Low reach: every control in the lower part of the screen, from this height down (percent
    // of the screen from its top), for a wall-mounted screen a wheelchair user must reach.
    bool low_reach = false;  // what a new visitor finds; visitors can switch it either way
    int low_reach_top_percent = 40;
    bool reduced_motion = false;            // screens change without sliding
    bool high_contrast = false;             // what a new visitor finds; a room sign always shows it
    std::string admin_pin;                  // empty: the admin panel stays locked
    std::vector<std::string> trusted_keys;  // minisign public key files
    std::string data_folder = "/var/lib/plaza";
    std::vector<std::string> watch_folders = default_watch_folders(data_folder);
    KioskMode mode = KioskMode::kiosk;
    std::string room;  // the room a room sign shows (mode = room)
    bool usage_export = true;
    bool admin_quit = false;  // the admin panel offers "quit" (the service manager restarts Plaza)
    bool fullscreen = true;
    std::optional<int> kmsdrm_device_index;  // nullopt: SDL picks the first DRM device
    // SDL's render driver; empty (auto): the software one where the only GL is a software one,
    // else the GPU's. SDL_RENDER_DRIVER in the environment wins over it.
    std::string renderer;
    core::TouchCalibration touch_calibration;  // a touch panel with swapped or mirrored axes
    // A venue's fleet (issue 18, docs/fleet.md): this kiosk's id in the fleet (empty: the host
    // name made safe, app::host_name()), the name the organiser sees (empty: the id), and the
    // folder its status file goes to (empty: status files off).
    std::string kiosk_id;
    std::string kiosk_name;
    std::string status_folder = default_status_folder(data_folder);
};

struct ConfigWarning {
    std::string file;  // the file the warning is about
    int line = 0;      // 0: about the file as a whole
    std::string key;   // empty when the line has no usable key
    std::string text;  // "FILE:LINE: KEY: what is wrong; using DEFAULT"
};

struct LoadedConfig {
    Config config;
    std::vector<ConfigWarning> warnings;
};

// Parses the text of a configuration file; `file_name` is only used in the warnings.
LoadedConfig parse_config(std::string_view text, const std::string& file_name);

struct ConfigText {
    std::string file_name;
    std::string text;
};

// Parses files as layers of one configuration: a key set in a later file replaces the value of an
// earlier one (an empty value there brings back the default).
LoadedConfig parse_config(const std::vector<ConfigText>& files);

// Where a configuration is read from. The package's file is a conffile that upgrades may
// replace, so a technician's settings live in the drop-in folder, which upgrades never touch, or
// in the file on the boot partition, which a laptop can edit with the SD card in a card reader
// (as FullPageOS does).
struct ConfigSources {
    std::string file;            // e.g. /etc/plaza/plaza.conf; must exist to be useful
    std::string drop_in_folder;  // every `*.conf` in it, in byte order of the names; may be absent
    std::string boot_file;       // read last when it exists; empty: none
};

inline constexpr const char* kBootConfigFile = "/boot/firmware/plaza.txt";

// `file`, `file` + ".d" and kBootConfigFile.
ConfigSources config_sources(const std::string& file);

// Reads and parses every source. A missing main file gives the defaults and one warning; a
// missing drop-in folder or boot file is normal and silent; a drop-in or boot file that cannot
// be read is a warning and is skipped. The error case is a main file that exists but cannot be
// read; the kiosk then starts with Config{} and shows the error.
core::Result<LoadedConfig> load_config(const ConfigSources& sources);

// load_config(config_sources(path)).
core::Result<LoadedConfig> load_config(const std::string& path);

// A venue's fleet.csv (issue 18, docs/fleet.md): `kiosk_id,mode,room,rotation,display_hours`, a
// row per kiosk; an empty cell keeps the local configuration's value. Files saved by Excel with
// ';' are read too.
using FleetValues = std::vector<std::pair<std::string, std::string>>;  // key, value

// The non-empty cells of `kiosk_id`'s row (none when it has no row), each checked as its
// plaza.conf key checks it; an error naming the line and the key when something is wrong.
core::Result<FleetValues> fleet_row(std::string_view csv, const std::string& kiosk_id);

// Applies fleet values over `config`; the values must have passed fleet_row.
void apply_fleet_values(const FleetValues& values, Config& config);

// The fleet values as the kiosk keeps them in its data folder (`key = value` lines), and back.
std::string format_fleet_values(const FleetValues& values);
FleetValues parse_fleet_values(std::string_view text);

// The sample bundle installed beside `executable` (<prefix>/bin/plaza ->
// <prefix>/share/plaza/sample.plaza): wherever the package or `cmake --install` put the program,
// the sample is found from it, so no install prefix is compiled in.
std::string sample_bundle_beside(const std::string& executable);

// sample_bundle_beside() of the running program (/proc/self/exe).
std::string packaged_sample_bundle();

}  // namespace plaza::app
