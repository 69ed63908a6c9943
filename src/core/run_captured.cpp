// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a program with its output in a pipe; see run_captured.h.
#include "core/run_captured.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

extern char** environ;

namespace plaza::core {

CapturedRun run_captured(const std::vector<std::string>& argv, double seconds,
                         const std::vector<std::string>& extra_env) {
    CapturedRun run;
    if (argv.empty()) return run;
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // The environment as this process has it, with the extra entries replacing their names.
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) {
        bool replaced = false;
        for (const std::string& kv : extra_env) {
            const size_t eq = kv.find('=');
            replaced =
                replaced || (eq != std::string::npos && std::strncmp(*e, kv.c_str(), eq + 1) == 0);
        }
        if (!replaced) env.push_back(*e);
    }
    for (const std::string& kv : extra_env)
        env.push_back(const_cast<char*>(kv.c_str()));
    env.push_back(nullptr);

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        run.output = argv[0] + ": cannot be started: no pipe";
        return run;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (spawned != 0) {
        ::close(fds[0]);
        run.output = argv[0] + ": cannot be started (is it installed?)";
        return run;
    }
    run.started = true;
    using Clock = std::chrono::steady_clock;
    const auto give_up = Clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        int wait_ms = -1;
        if (seconds > 0) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(give_up - Clock::now());
            if (left.count() <= 0) {
                run.timed_out = true;
                break;
            }
            wait_ms = static_cast<int>(left.count());
        }
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, wait_ms) <= 0) continue;
        char buffer[4096];
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        run.output.append(buffer, static_cast<size_t>(n));
    }
    ::close(fds[0]);
    if (run.timed_out) ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!run.timed_out && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    return run;
}

}  // namespace plaza::core
