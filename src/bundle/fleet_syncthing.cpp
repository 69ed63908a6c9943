// SPDX-License-Identifier: GPL-3.0-or-later
// The organiser's Syncthing through its command line; see fleet_syncthing.h.
#include "bundle/fleet_syncthing.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "core/run_captured.h"

namespace plaza::bundle {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::vector<char*> c_args(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& a : argv)
        out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

// In the child: the GUI address Syncthing and its CLI should use until it is stored in the
// configuration (STGUIADDRESS is how `syncthing serve` and `syncthing cli` both take it).
void set_child_env(const std::vector<std::string>& extra_env) {
    for (const auto& kv : extra_env) {
        const auto eq = kv.find('=');
        if (eq != std::string::npos) ::setenv(kv.substr(0, eq).c_str(), kv.c_str() + eq + 1, 1);
    }
}

std::vector<std::string> gui_env(const SyncthingHome& home) {
    if (home.gui_address.empty()) return {};
    return {"STGUIADDRESS=" + home.gui_address};
}

}  // namespace

core::Result<std::string> syncthing_cli(const SyncthingHome& home,
                                        const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"syncthing", "cli", "--home", home.home};
    argv.insert(argv.end(), args.begin(), args.end());
    const core::CapturedRun run = core::run_captured(argv, 30.0, gui_env(home));
    std::string output = run.output;
    const int code = run.started ? run.exit_code : 127;
    if (code != 0) {
        while (!output.empty() && (output.back() == '\n' || output.back() == '\r'))
            output.pop_back();
        std::string shown;
        for (size_t i = 1; i < argv.size(); ++i)
            shown += " " + argv[i];
        return core::Error{"syncthing" + shown + " failed: " +
                           (output.empty() ? "exit code " + std::to_string(code) : output)};
    }
    return output;
}

core::Result<bool> generate_home(const SyncthingHome& home) {
    if (fs::exists(fs::path(home.home) / "config.xml")) return false;
    const core::CapturedRun run = core::run_captured(
        {"syncthing", "generate", "--home", home.home, "--no-default-folder"}, 60.0);
    if (!run.started || run.exit_code != 0)
        return core::Error{"syncthing generate --home " + home.home + " failed: " + run.output};
    return true;
}

bool syncthing_running(const SyncthingHome& home) {
    return syncthing_cli(home, {"show", "system"}).ok();
}

core::Result<int> start_syncthing(const SyncthingHome& home) {
    const std::string log = (fs::path(home.home) / "syncthing.log").string();
    const pid_t pid = ::fork();
    if (pid < 0) return core::Error{"cannot start syncthing: fork failed"};
    if (pid == 0) {
        ::setsid();
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, 0);
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        set_child_env(gui_env(home));
        std::vector<std::string> argv = {"syncthing",    "serve",           "--home",
                                         home.home,      "--no-browser",    "--no-restart",
                                         "--no-upgrade", "--logfile=" + log};
        auto args = c_args(argv);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    const auto give_up = Clock::now() + std::chrono::seconds(60);
    while (Clock::now() < give_up) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid)
            return core::Error{"syncthing serve --home " + home.home + " stopped at once; see " +
                               log};
        if (syncthing_running(home)) return static_cast<int>(pid);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    ::kill(pid, SIGTERM);
    return core::Error{"syncthing serve --home " + home.home +
                       " did not answer within 60 seconds; see " + log};
}

core::Result<std::string> device_id(const SyncthingHome& home) {
    auto system = syncthing_cli(home, {"show", "system"});
    if (!system) return core::Error{system.error()};
    const auto json = nlohmann::json::parse(system.value(), nullptr, false);
    if (!json.is_object() || !json.contains("myID") || !json["myID"].is_string())
        return core::Error{"syncthing cli show system: no device id in its answer"};
    return json["myID"].get<std::string>();
}

std::string folder_json(const std::string& id, const std::string& label, const std::string& path,
                        const std::string& type, const std::vector<std::string>& devices,
                        int rescan_seconds) {
    nlohmann::json shared = nlohmann::json::array();
    for (const auto& d : devices)
        shared.push_back({{"deviceID", d}});
    // add-json starts from zero values, not the defaults `folders add` would use: every setting
    // that matters is named here.
    nlohmann::json folder = {{"id", id},
                             {"label", label},
                             {"path", path},
                             {"type", type},
                             {"devices", shared},
                             {"rescanIntervalS", rescan_seconds},
                             {"fsWatcherEnabled", true},
                             {"fsWatcherDelayS", 1},
                             {"maxConflicts", 0},
                             {"order", "oldestFirst"},
                             {"markerName", ".stfolder"}};
    return folder.dump();
}

std::string device_json(const std::string& id, const std::string& name,
                        const std::string& address) {
    nlohmann::json device = {
        {"deviceID", id}, {"name", name}, {"addresses", {address.empty() ? "dynamic" : address}}};
    return device.dump();
}

bool valid_device_id(const std::string& text) {
    static const std::regex pattern("([A-Z2-7]{7}-){7}[A-Z2-7]{7}");
    return std::regex_match(text, pattern);
}

}  // namespace plaza::bundle
