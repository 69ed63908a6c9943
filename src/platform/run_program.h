// SPDX-License-Identifier: GPL-3.0-or-later
// Runs another program (cec-ctl, systemd-mount) and waits for it: argv[0] is looked up in PATH,
// the environment is the kiosk's, nothing goes through a shell.
#pragma once

#include <string>
#include <vector>

namespace plaza::platform {

// The command line as one line of text, for messages.
std::string command_line(const std::vector<std::string>& argv);

// Returns the program's exit status (0 is success), or -1 when it could not be started or did
// not exit normally; `error` then says why.
int run_program(const std::vector<std::string>& argv, std::string& error);

// True when `program` is an executable file in one of PATH's folders.
bool on_path(const std::string& program);

}  // namespace plaza::platform
