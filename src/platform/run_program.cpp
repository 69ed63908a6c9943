// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/run_program.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

extern char** environ;

namespace plaza::platform {

std::string command_line(const std::vector<std::string>& argv) {
    std::string line;
    for (const auto& a : argv)
        line += (line.empty() ? "" : " ") + a;
    return line;
}

int run_program(const std::vector<std::string>& argv, std::string& error) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    if (const int e = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ)) {
        error = "cannot run " + argv[0] + ": " + std::strerror(e);
        return -1;
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) {
        error = "`" + command_line(argv) + "` did not finish normally";
        return -1;
    }
    if (WEXITSTATUS(status) != 0)
        error = "`" + command_line(argv) + "` failed (exit " + std::to_string(WEXITSTATUS(status)) +
                ")";
    return WEXITSTATUS(status);
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    const std::string dirs = path ? path : "/usr/bin:/bin";
    size_t start = 0;
    for (;;) {
        const size_t colon = dirs.find(':', start);
        const std::string dir =
            dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
        if (colon == std::string::npos) return false;
        start = colon + 1;
    }
}

}  // namespace plaza::platform
