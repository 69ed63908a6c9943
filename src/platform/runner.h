// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's main loop: owns SDL (through Display), feeds pointer input to Dear ImGui, applies the
// idle policy, guards each frame, and either runs live or replays a headless script on a
// virtual clock. The app plugs in through KioskApp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "platform/display.h"
#include "platform/kiosk_app.h"

namespace plaza::platform {

struct RunnerOptions {
    DisplayOptions display;
    std::string stats_path;  // --stats: JSON figures written at exit
    // --clock: the wall clock starts at this instant and runs on (live and headless alike).
    std::optional<std::int64_t> clock_ms;
    double process_start_seconds = 0.0;  // steady clock at main(), for start-up time
    // Headless only:
    std::string script_path;
    std::string out_dir;
    std::int64_t initial_wall_time_ms = 0;  // the virtual wall clock before any `clock` line
};

// Exit codes of the plaza executable.
enum ExitCode : int {
    kExitOk = 0,
    kExitScriptFailed = 1,
    kExitUsage = 64,
    kExitNoDisplay = 69,
    kExitFramesFailing = 70,
    kExitIo = 74,
};

// Runs until the window closes (live) or the script ends (headless); returns an ExitCode.
int run(KioskApp& app, const RunnerOptions& options);

}  // namespace plaza::platform
