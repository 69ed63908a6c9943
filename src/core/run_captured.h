// SPDX-License-Identifier: GPL-3.0-or-later
// Runs another program and captures what it prints (stdout and stderr together), with an
// optional time limit and extra environment; no shell. posix_spawn, not fork, because the kiosk
// that runs the bundle tool for its preview has threads of its own.
#pragma once

#include <string>
#include <vector>

namespace plaza::core {

struct CapturedRun {
    bool started = false;  // false: argv[0] could not be found or run; `output` says why
    bool timed_out = false;
    int exit_code = -1;  // the program's exit status; -1 when it did not exit normally
    std::string output;
};

// `seconds` <= 0: no time limit. `extra_env`: "NAME=value" entries added to this process's.
CapturedRun run_captured(const std::vector<std::string>& argv, double seconds = 0,
                         const std::vector<std::string>& extra_env = {});

}  // namespace plaza::core
