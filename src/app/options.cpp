// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/options.h"

#include <cstdlib>

#include "core/civil_time.h"

namespace plaza::app {

const char* const kUsage =
    "usage: plaza [--config FILE] [--bundle FILE] [--fullscreen | --windowed WxH]\n"
    "             [--rotate 0|90|180|270] [--px-per-mm N] [--stats FILE]\n"
    "             [--mode kiosk|room] [--room ID] [--world-map FILE] [--clock INSTANT]\n"
    "       plaza --preview FOLDER [--windowed WxH | --headless ...]\n"
    "       plaza --headless --bundle FILE --script FILE --out DIR [--size WxH]\n"
    "             [--rotate DEG] [--px-per-mm N] [--stats FILE] [--clock INSTANT]\n"
    "       plaza --version | --help\n"
    "\n"
    "  --config FILE     the kiosk's configuration (e.g. /etc/plaza/plaza.conf); options given\n"
    "                    here win over it\n"
    "  --bundle FILE     the content bundle (.plaza) to show; without it, the bundle installed\n"
    "                    in the configuration's data folder, else the packaged sample\n"
    "  --preview FOLDER  build an organisers' content folder with plaza-bundle and show it;\n"
    "                    every saved change rebuilds it, problems show over the last good build\n"
    "  --fullscreen      take the whole display (cursor hidden)\n"
    "  --windowed WxH    a window of W x H pixels (default 1280x800)\n"
    "  --rotate DEG      turn the picture clockwise for a rotated panel (touch follows)\n"
    "  --px-per-mm N     the panel's pixels per millimetre (default 4.0); sizes are in mm\n"
    "  --mode MODE       kiosk (the default) or room: a door sign for one room, no touch needed\n"
    "  --room ID         the room a room sign shows, as in the bundle's rooms.csv\n"
    "  --world-map FILE  the world map's shapes instead of the ones Plaza ships\n"
    "  --stats FILE      write start-up time, frame times, peak memory and missing glyphs as JSON\n"
    "  --clock INSTANT   a demonstration clock: the wall clock starts at this instant (e.g.\n"
    "                    2024-03-19T10:30:00+01:00) and runs on; the kiosk trusts it\n"
    "  --headless        no display: SDL's offscreen driver, software renderer, virtual clock\n"
    "  --size WxH        headless screen size (default 1920x1080)\n"
    "  --script FILE     headless: the script to replay (verbs: tap, drag, flick, pinch, type,\n"
    "                    wait, clock, shot, expect, expect-not, save; see README.md)\n"
    "  --out DIR         headless: where `shot` writes NAME.png and NAME.json\n"
    "\n"
    "Exit codes: 0 success, 1 a script line failed, 64 wrong usage, 69 no display, 70 frames\n"
    "kept failing, 74 a file could not be read or written. A bundle that is missing or cannot\n"
    "be read is no reason to exit: the kiosk says so on screen and waits for a USB stick.\n";

namespace {

bool parse_size(const std::string& text, core::Size& out) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    char* end = nullptr;
    const long w = std::strtol(text.c_str(), &end, 10);
    if (end != text.c_str() + x) return false;
    const long h = std::strtol(text.c_str() + x + 1, &end, 10);
    if (*end != '\0' || w < 200 || h < 200 || w > 8192 || h > 8192) return false;
    out = {static_cast<int>(w), static_cast<int>(h)};
    return true;
}

}  // namespace

core::Result<Options> parse_options(const std::vector<std::string>& args) {
    Options o;
    o.runner.display.size = {1920, 1080};
    bool size_given = false, windowed_given = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            o.show_help = true;
        } else if (a == "--version") {
            o.show_version = true;
        } else if (a == "--bundle") {
            if (!value(o.bundle_path)) return core::Error{"--bundle needs a file"};
        } else if (a == "--preview") {
            if (!value(o.preview_folder)) return core::Error{"--preview needs a content folder"};
        } else if (a == "--config") {
            if (!value(o.config_path)) return core::Error{"--config needs a file"};
        } else if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "--windowed") {
            if (!value(v) || !parse_size(v, o.runner.display.size))
                return core::Error{"--windowed needs a size like 1280x800"};
            o.fullscreen = false;
            windowed_given = true;
        } else if (a == "--size") {
            if (!value(v) || !parse_size(v, o.runner.display.size))
                return core::Error{"--size needs a size like 1920x1080"};
            size_given = true;
        } else if (a == "--rotate") {
            const auto r = value(v) ? core::parse_rotation(v) : std::nullopt;
            if (!r) return core::Error{"--rotate takes 0, 90, 180 or 270"};
            o.rotation = *r;
        } else if (a == "--px-per-mm") {
            char* end = nullptr;
            const float px = value(v) ? std::strtof(v.c_str(), &end) : 0.0f;
            if (!end || *end != '\0' || px < 1.0f || px > 40.0f)
                return core::Error{"--px-per-mm takes a number between 1 and 40"};
            o.px_per_mm = px;
        } else if (a == "--stats") {
            if (!value(o.runner.stats_path)) return core::Error{"--stats needs a file"};
        } else if (a == "--mode") {
            if (!value(v) || (v != "kiosk" && v != "room"))
                return core::Error{"--mode takes kiosk or room"};
            o.mode = v == "room" ? KioskMode::room : KioskMode::kiosk;
        } else if (a == "--world-map") {
            if (!value(o.world_map)) return core::Error{"--world-map needs a file"};
        } else if (a == "--room") {
            const bool ok = value(o.room) && !o.room.empty() && o.room.size() <= 64 &&
                            o.room.find_first_not_of(
                                "abcdefghijklmnopqrstuvwxyz"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == std::string::npos;
            if (!ok) return core::Error{"--room needs a room id (letters, digits, - _ . up to 64)"};
        } else if (a == "--clock") {
            const auto instant = value(v) ? core::parse_iso8601_instant(v) : std::nullopt;
            if (!instant)
                return core::Error{
                    "--clock needs an instant with its UTC offset, like 2024-03-19T10:30:00+01:00"};
            o.runner.clock_ms = *instant;
        } else if (a == "--headless") {
            o.runner.display.mode = platform::WindowMode::headless;
        } else if (a == "--script") {
            if (!value(o.runner.script_path)) return core::Error{"--script needs a file"};
        } else if (a == "--out") {
            if (!value(o.runner.out_dir)) return core::Error{"--out needs a folder"};
        } else {
            return core::Error{"unknown option '" + a + "'"};
        }
    }
    if (o.show_help || o.show_version) return o;
    if (!o.preview_folder.empty() && !o.bundle_path.empty())
        return core::Error{"--preview shows its folder; it takes no --bundle"};
    if (o.bundle_path.empty() && o.config_path.empty() && o.preview_folder.empty())
        return core::Error{"--bundle FILE, --preview FOLDER or --config FILE is required"};
    const bool headless = o.runner.display.mode == platform::WindowMode::headless;
    if (headless && (o.runner.script_path.empty() || o.runner.out_dir.empty()))
        return core::Error{"--headless needs --script FILE and --out DIR"};
    if (!headless && (size_given || !o.runner.script_path.empty() || !o.runner.out_dir.empty()))
        return core::Error{"--size, --script and --out belong to --headless"};
    if (headless && o.fullscreen)
        return core::Error{"--fullscreen and --windowed do not go with --headless"};
    if (!headless && !windowed_given) o.runner.display.size = {1280, 800};
    return o;
}

}  // namespace plaza::app
