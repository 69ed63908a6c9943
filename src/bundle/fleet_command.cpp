// SPDX-License-Identifier: GPL-3.0-or-later
// `plaza-bundle fleet ...` commands; see fleet_command.h and docs/fleet.md.
#include "bundle/fleet_command.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "bundle/fleet_publish.h"
#include "bundle/fleet_status.h"
#include "bundle/fleet_syncthing.h"
#include "bundle/fleet_usage.h"
#include "core/safe_file.h"

namespace plaza::bundle {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultDir = "plaza-fleet";
constexpr const char* kKioskData = "/var/lib/plaza";

struct Fleet {
    fs::path dir;
    fs::path content() const { return dir / "content"; }
    fs::path status() const { return dir / "status"; }
    SyncthingHome syncthing(const std::string& gui = "") const {
        return {(dir / "syncthing").string(), gui};
    }
    fs::path pid_file() const { return dir / "syncthing.pid"; }
};

Fleet fleet_of(const Args& args) {
    std::error_code ec;
    fs::path dir = fs::absolute(args.get("--dir", kDefaultDir), ec);
    return {dir.lexically_normal()};
}

int fail(const char* command, const std::string& message, int code) {
    std::fprintf(stderr, "plaza-bundle fleet %s: %s\n", command, message.c_str());
    return code;
}

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Starts the fleet's Syncthing unless it answers already; says what it did.
core::Result<bool> ensure_running(const Fleet& fleet, const SyncthingHome& home) {
    if (syncthing_running(home)) return true;
    auto pid = start_syncthing(home);
    if (!pid) return core::Error{pid.error()};
    std::ofstream(fleet.pid_file()) << pid.value() << "\n";
    std::printf("started Syncthing for %s (process %d; stop it with: kill $(cat %s))\n",
                fleet.dir.c_str(), pid.value(), fleet.pid_file().c_str());
    return true;
}

bool folder_configured(const SyncthingHome& home, const std::string& id) {
    auto list = syncthing_cli(home, {"config", "folders", "list"});
    return list && (list.value() + "\n").find(id + "\n") != std::string::npos;
}

std::string now_utc_text(std::time_t now) {
    char text[32];
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace

std::string kiosk_setup_commands(const std::string& organiser_id, const std::string& address) {
    const std::string cli = "sudo -u plaza -H syncthing cli ";
    const std::string data = kKioskData;
    std::string out;
    out += "  " + cli + "config options global-ann-enabled set false\n";
    out += "  " + cli + "config options relays-enabled set false\n";
    out += "  " + cli + "config options natenabled set false\n";
    out += "  " + cli + "config devices add-json " +
           shell_quote(device_json(organiser_id, "organiser", address)) + "\n";
    out += "  " + cli + "config folders add-json " +
           shell_quote(folder_json(kContentFolderId, "Plaza content", data + "/inbox",
                                   "receiveonly", {organiser_id}, 60)) +
           "\n";
    out += "  " + cli + "config folders add-json " +
           shell_quote(folder_json(kStatusFolderId, "Plaza status", data + "/status", "sendonly",
                                   {organiser_id}, 60)) +
           "\n";
    out += "  " + cli + "show system | grep myID\n";
    return out;
}

int run_fleet_init(const std::vector<std::string>& argv, const UsageError& usage) {
    Args args;
    std::string error;
    if (!parse_args(argv,
                    {"--dir", "--gui", "--listen", "--address", "--local-discovery", "--rescan"},
                    {}, args, error))
        return usage(error);
    if (!args.positional.empty()) return usage("takes no file names");
    const std::string discovery = args.get("--local-discovery", "on");
    if (discovery != "on" && discovery != "off") return usage("--local-discovery takes on or off");
    const int rescan = std::atoi(args.get("--rescan", "60").c_str());
    if (rescan < 1 || rescan > 86400) return usage("--rescan takes seconds, 1 to 86400");
    const Fleet fleet = fleet_of(args);
    std::error_code ec;
    for (const auto& p : {fleet.content(), fleet.status(), fs::path(fleet.syncthing().home)}) {
        fs::create_directories(p, ec);
        if (ec) return fail("init", "cannot create " + p.string() + ": " + ec.message(), kIoError);
    }
    const SyncthingHome home = fleet.syncthing(args.get("--gui"));
    auto generated = generate_home(home);
    if (!generated) return fail("init", generated.error(), kIoError);
    if (generated.value()) std::printf("created Syncthing keys in %s\n", home.home.c_str());
    if (auto running = ensure_running(fleet, home); !running)
        return fail("init", running.error(), kIoError);
    std::vector<std::vector<std::string>> settings = {
        {"config", "options", "global-ann-enabled", "set", "false"},
        {"config", "options", "local-ann-enabled", "set", discovery == "on" ? "true" : "false"},
        {"config", "options", "relays-enabled", "set", "false"},
        {"config", "options", "natenabled", "set", "false"},
        {"config", "options", "crenabled", "set", "false"},
        {"config", "options", "start-browser", "set", "false"},
        {"config", "options", "uraccepted", "set", "--", "-1"}};
    if (args.has("--listen"))
        settings.push_back(
            {"config", "options", "raw-listen-addresses", "0", "set", args.get("--listen")});
    if (!folder_configured(home, kContentFolderId))
        settings.push_back({"config", "folders", "add-json",
                            folder_json(kContentFolderId, "Plaza content", fleet.content().string(),
                                        "sendonly", {}, rescan)});
    if (!folder_configured(home, kStatusFolderId))
        settings.push_back({"config", "folders", "add-json",
                            folder_json(kStatusFolderId, "Plaza status", fleet.status().string(),
                                        "receiveonly", {}, rescan)});
    // Last: storing the GUI address restarts Syncthing's GUI, and later commands find it there.
    if (!home.gui_address.empty())
        settings.push_back({"config", "gui", "raw-address", "set", home.gui_address});
    for (const auto& s : settings) {
        if (auto done = syncthing_cli(home, s); !done) return fail("init", done.error(), kIoError);
    }
    auto id = device_id(fleet.syncthing());
    for (int tries = 0; !id && tries < 40; ++tries) {  // the GUI restarting after its address
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        id = device_id(fleet.syncthing());
    }
    if (!id) return fail("init", id.error(), kIoError);
    const std::string address = args.get("--address");
    std::printf(
        "fleet folder %s\n"
        "  content (send-only, Syncthing folder %s): %s\n"
        "  status (receive-only, Syncthing folder %s): %s\n\n"
        "Organiser device id: %s\n\n"
        "On every kiosk, as root (Syncthing runs there as the plaza user: systemctl enable --now "
        "syncthing@plaza):\n%s\n"
        "Then here, once per kiosk, with the device id the last command printed:\n"
        "  plaza-bundle fleet add-kiosk KIOSK-DEVICE-ID --name \"Room A1 door\"%s\n",
        fleet.dir.c_str(), kContentFolderId, fleet.content().c_str(), kStatusFolderId,
        fleet.status().c_str(), id.value().c_str(),
        kiosk_setup_commands(id.value(), address).c_str(),
        args.has("--dir") ? (" --dir " + args.get("--dir")).c_str() : "");
    return kOk;
}

int run_fleet_add_kiosk(const std::vector<std::string>& argv, const UsageError& usage) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"--dir", "--name", "--address"}, {}, args, error)) return usage(error);
    if (args.positional.size() != 1) return usage("needs the kiosk's device id");
    const std::string kiosk = args.positional[0];
    if (!valid_device_id(kiosk))
        return fail("add-kiosk",
                    "'" + kiosk +
                        "' is not a Syncthing device id (eight groups of seven "
                        "letters and digits, as `syncthing cli show system` prints as myID)",
                    kUsage);
    const Fleet fleet = fleet_of(args);
    const SyncthingHome home = fleet.syncthing();
    if (!fs::exists(fs::path(home.home) / "config.xml"))
        return fail("add-kiosk",
                    fleet.dir.string() + " has no fleet yet: run plaza-bundle fleet init",
                    kIoError);
    if (auto running = ensure_running(fleet, home); !running)
        return fail("add-kiosk", running.error(), kIoError);
    auto devices = syncthing_cli(home, {"config", "devices", "list"});
    if (!devices) return fail("add-kiosk", devices.error(), kIoError);
    std::vector<std::vector<std::string>> steps;
    if (devices.value().find(kiosk) == std::string::npos)
        steps.push_back(
            {"config", "devices", "add-json",
             device_json(kiosk, args.get("--name", kiosk.substr(0, 7)), args.get("--address"))});
    for (const char* folder : {kContentFolderId, kStatusFolderId}) {
        auto shared = syncthing_cli(home, {"config", "folders", folder, "devices", "list"});
        if (!shared) return fail("add-kiosk", shared.error(), kIoError);
        if (shared.value().find(kiosk) == std::string::npos)
            steps.push_back({"config", "folders", folder, "devices", "add-json",
                             "{\"deviceID\":\"" + kiosk + "\"}"});
    }
    for (const auto& s : steps) {
        if (auto done = syncthing_cli(home, s); !done)
            return fail("add-kiosk", done.error(), kIoError);
    }
    std::printf("kiosk %s shares %s and %s%s\n", kiosk.c_str(), kContentFolderId, kStatusFolderId,
                steps.empty() ? " (already did)" : "");
    return kOk;
}

int run_fleet_publish(const std::vector<std::string>& argv, const UsageError& usage) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"--dir", "--pubkey", "--fleet"}, {}, args, error)) return usage(error);
    if (args.positional.size() > 1 || (args.positional.empty() && !args.has("--fleet")))
        return usage("needs a bundle, a --fleet fleet.csv, or both");
    if (!args.has("--pubkey"))
        return usage("needs --pubkey NAME.pub, the key the kiosks trust, to check it first");
    const Fleet fleet = fleet_of(args);
    if (!fs::is_directory(fleet.content()))
        return fail("publish",
                    fleet.content().string() + " does not exist: run plaza-bundle fleet init",
                    kIoError);
    if (args.has("--fleet")) {
        auto done =
            publish_fleet_file(fleet.content().string(), args.get("--fleet"), args.get("--pubkey"));
        if (!done) return fail("publish", done.error(), kRejected);
        std::printf("published %s as fleet.csv\n", args.get("--fleet").c_str());
    }
    if (!args.positional.empty()) {
        auto done =
            publish_bundle(fleet.content().string(), args.positional[0], args.get("--pubkey"));
        if (!done) return fail("publish", done.error(), kRejected);
        std::printf(
            "published %s as %s (version %lld); plaza-bundle fleet status shows the "
            "kiosks taking it\n",
            args.positional[0].c_str(), done->file.c_str(), static_cast<long long>(done->version));
    }
    return kOk;
}

int run_fleet_status(const std::vector<std::string>& argv, const UsageError& usage) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"--dir", "--html"}, {}, args, error)) return usage(error);
    if (!args.positional.empty()) return usage("takes no file names");
    const Fleet fleet = fleet_of(args);
    if (!fs::is_directory(fleet.status()))
        return fail("status",
                    fleet.status().string() + " does not exist: run plaza-bundle fleet init",
                    kIoError);
    const std::time_t now = std::time(nullptr);
    const PublishedBundle published = published_bundle(fleet.content().string());
    const auto rows =
        status_rows(read_status_folder(fleet.status().string()), now, published.version);
    std::fputs(format_status_text(rows, published.version, published.file).c_str(), stdout);
    if (args.has("--html")) {
        const fs::path out = args.get("--html");
        const std::string folder = out.has_parent_path() ? out.parent_path().string() : ".";
        auto written = core::write_file_atomically(
            folder, out.filename().string(),
            format_status_html(rows, published.version, published.file, now_utc_text(now)));
        if (!written) return fail("status", written.error(), kIoError);
        std::printf("wrote %s\n", out.c_str());
    }
    return kOk;
}

int run_fleet_usage(const std::vector<std::string>& argv, const UsageError& usage) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"--dir", "-o"}, {}, args, error)) return usage(error);
    if (!args.positional.empty() || !args.has("-o")) return usage("needs -o usage.csv");
    const Fleet fleet = fleet_of(args);
    std::vector<std::string> problems;
    const auto files = read_usage_files(fleet.status().string(), problems);
    MergedUsage merged = merge_usage(files);
    problems.insert(problems.end(), merged.problems.begin(), merged.problems.end());
    for (const auto& p : problems)
        std::fprintf(stderr, "%s\n", p.c_str());
    const fs::path out = args.get("-o");
    const std::string folder = out.has_parent_path() ? out.parent_path().string() : ".";
    auto written = core::write_file_atomically(folder, out.filename().string(), merged.csv);
    if (!written) return fail("usage", written.error(), kIoError);
    std::printf("wrote %s: %d row(s) from %d kiosk(s)\n", out.c_str(), merged.rows, merged.files);
    return kOk;
}

}  // namespace plaza::bundle
