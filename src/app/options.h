// SPDX-License-Identifier: GPL-3.0-or-later
// The plaza command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "core/result.h"
#include "platform/runner.h"

namespace plaza::app {

// What the command line says; options it leaves out come from the configuration file.
struct Options {
    std::string bundle_path;     // empty: the installed bundle, else the packaged sample
    std::string preview_folder;  // --preview: an organisers' content folder, rebuilt on save
    std::string config_path;     // --config; empty: no configuration file
    std::optional<core::Rotation> rotation;
    std::optional<float> px_per_mm;
    std::optional<bool> fullscreen;  // --fullscreen or --windowed
    std::optional<KioskMode> mode;   // --mode kiosk|room
    std::string room;                // --room ID: the room a room sign shows
    std::string world_map;           // --world-map FILE; empty: the map Plaza ships
    platform::RunnerOptions runner;
    bool show_help = false;
    bool show_version = false;
};

extern const char* const kUsage;

// Parses argv (without the program name); the error names the offending option.
core::Result<Options> parse_options(const std::vector<std::string>& args);

}  // namespace plaza::app
