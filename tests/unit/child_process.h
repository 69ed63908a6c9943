// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a piece of a test in a child process with a time limit: for code that would block for good
// on a FIFO if it were wrong, so the test fails instead of hanging the suite.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <thread>

namespace plaza::test {

// The child's exit code, or -1 when it did not finish within `seconds` (it is killed).
inline int run_in_child(const std::function<int()>& body, double seconds) {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(body());
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > give_up) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

}  // namespace plaza::test
