// SPDX-License-Identifier: GPL-3.0-or-later
// The whole plaza program: command line, configuration file, bundle, runner.
#pragma once

namespace plaza::app {

// Returns the process exit code (platform::ExitCode).
int run_plaza(int argc, char** argv, double process_start_seconds);

}  // namespace plaza::app
