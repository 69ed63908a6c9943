// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle: the organisers' tool that turns a content folder into a signed Plaza bundle.
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "bundle/bundle_builder.h"
#include "bundle/command_line.h"
#include "bundle/fleet_command.h"
#include "bundle/inspect.h"
#include "bundle/schedule/import_schedule_command.h"
#include "bundle/signed_bundle.h"
#include "bundle/starter_folder.h"
#include "bundle/synth.h"
#include "content/content_store.h"
#include "core/safe_file.h"
#include "signing/minisign.h"

namespace {

namespace fs = std::filesystem;
namespace ms = plaza::minisign;

using plaza::bundle::Args;
using plaza::bundle::kIoError;
using plaza::bundle::kOk;
using plaza::bundle::kRejected;
using plaza::bundle::kUsage;
using plaza::bundle::parse_args;

constexpr const char* kExitCodes =
    "Exit codes: 0 success; 1 the content has problems, or the bundle failed verification;\n"
    "            2 a file could not be read or written; 64 wrong usage.\n";

struct Command {
    const char* name;
    const char* synopsis;
    const char* help;
};

const Command kCommands[] = {
    {"new", "new FOLDER",
     "Writes a small, valid content folder to start from: an event, two cities, a partnership,\n"
     "a good practice and a two-session programme, in English and Spanish, with comments in\n"
     "event.txt and the practice. Edit the files, then build. FOLDER must not exist yet.\n"},
    {"build", "build SRC -o OUT.plaza [--version N]",
     "Validates the content folder SRC (docs/bundle-format.md) and writes the bundle OUT.plaza.\n"
     "Every problem is listed as file:line: field: what is wrong, and then nothing is written;\n"
     "otherwise the bundle replaces OUT.plaza in one step (never half-written).\n"
     "What was repaired or left out (e.g. from a schedule export named by 'schedule:' in\n"
     "event.txt) is listed as file:line: what — what was done; warnings do not stop the build.\n"
     "  --version N   content version, a whole number >= 1; kiosks refuse to go back to a\n"
     "                lower one. Default: the build time as YYYYMMDDHHMMSS, newer than any\n"
     "                earlier build\n"},
    {"keygen", "keygen -o NAME [--force]",
     "Creates a signing key pair: NAME.key (secret, keep it off the USB stick) and NAME.pub\n"
     "(give it to the venue technicians). minisign format; the secret key has no password, like\n"
     "`minisign -G -W`, so protect the file itself. Existing files are kept unless --force.\n"},
    {"sign", "sign OUT.plaza --key NAME.key",
     "Signs the bundle and writes OUT.plaza.minisig (minisign format, pre-hashed). The trusted\n"
     "comment records the bundle id and content version so kiosks can refuse old bundles.\n"
     "A fleet's fleet.csv (docs/fleet.md) is signed the same way: sign fleet.csv --key NAME.key.\n"
     "Keys made by `minisign -G` work too; a password-protected key asks for its password on\n"
     "standard input.\n"},
    {"verify", "verify OUT.plaza --pubkey NAME.pub [--sig FILE]",
     "Checks the signature (OUT.plaza.minisig unless --sig), then the bundle itself: SQLite\n"
     "integrity, schema version, no views or triggers, references, and that the signed version\n"
     "matches the bundle. Signatures made by `minisign -S` are accepted.\n"},
    {"inspect", "inspect OUT.plaza [--json]",
     "Shows what the bundle holds: counts per kind, languages, versions, size, signing key and\n"
     "warnings (damage, missing signature, untranslated texts).\n"},
    {"import-schedule", "import-schedule FILE [--tz ZONE] [--json]",
     "Reads a schedule export (frab/pentabarf XML, frab/pretalx JSON, iCalendar) and shows what\n"
     "was understood: days, rooms, sessions, speakers, the time zone and its UTC offsets, and\n"
     "every warning with what was done about it. --tz names the event's IANA zone for files\n"
     "that carry only UTC offsets or none; --json prints the same as JSON.\n"},
    {"fleet init",
     "fleet init [--dir D] [--gui ADDR] [--listen URL] [--address URL] [--local-discovery on|off]",
     "Sets up the organiser's side of a venue's fleet (docs/fleet.md) in D (default plaza-fleet):\n"
     "a Syncthing of its own in D/syncthing (started in the background when it is not running),\n"
     "the send-only folder plaza-content in D/content and the receive-only folder plaza-status\n"
     "in D/status. Global discovery, relays and NAT traversal are off (an event LAN). Prints\n"
     "this machine's device id and the commands to run on every kiosk. Running it again keeps\n"
     "what is set up.\n"
     "  --gui ADDR      Syncthing's GUI and REST address (default: a free port it picks)\n"
     "  --listen URL    where kiosks connect to (default: Syncthing's, port 22000)\n"
     "  --address URL   how kiosks reach this machine, for their commands (default: found by\n"
     "                  local discovery)\n"
     "  --local-discovery  off where the venue network blocks multicast (default on)\n"
     "  --rescan SECONDS   between full rescans besides the file watcher (default 60)\n"},
    {"fleet add-kiosk",
     "fleet add-kiosk DEVICE_ID [--name N] [--address tcp://HOST:PORT] [--dir D]",
     "Shares both fleet folders with a kiosk, given the device id its own Syncthing prints.\n"
     "--address when local discovery cannot find it (default: found by local discovery).\n"},
    {"fleet publish", "fleet publish [BUNDLE] --pubkey NAME.pub [--fleet fleet.csv] [--dir D]",
     "Checks BUNDLE and BUNDLE.minisig against the key the kiosks trust, refuses a bundle that\n"
     "is not newer than the one published, then puts the pair into the content folder so that\n"
     "no kiosk sees half of it: copied under a name Syncthing does not sync, renamed, the\n"
     "signature after the bundle. The pair it replaces is removed. --fleet publishes a signed\n"
     "fleet.csv (sign it first: plaza-bundle sign fleet.csv --key NAME.key) the same way.\n"},
    {"fleet status", "fleet status [--html OUT.html] [--dir D]",
     "A table of every kiosk from the status folder: id, name, mode and room, live version\n"
     "(OLDER when it is older than the one published), last install, health and the age of its\n"
     "status (STALE after 3 minutes without one). A status file that cannot be read is named\n"
     "with the reason. --html also writes the table as one self-contained page.\n"},
    {"fleet usage", "fleet usage -o usage.csv [--dir D]",
     "Merges every kiosk's usage counters from the status folder into one CSV:\n"
     "kiosk,kind,id,title,count. The counters hold no typed text.\n"},
    {"synth",
     "synth -o OUT.plaza [--partnerships N] [--practices N] [--sessions N] [--seed S] "
     "[--shaped-cities]",
     "Writes a synthetic bundle for benchmarks and tests: the same options give the same file.\n"
     "Defaults: 1000 partnerships, 100 practices, 100 sessions, seed 1. --shaped-cities names a\n"
     "tenth of the cities in Arabic, Lao, Devanagari and Thai.\n"},
};

void print_overview(std::FILE* out) {
    std::fputs("usage: plaza-bundle COMMAND [options]   (plaza-bundle COMMAND --help for more)\n\n",
               out);
    for (const auto& c : kCommands)
        std::fprintf(out, "  plaza-bundle %s\n", c.synopsis);
    std::fprintf(out, "\n%s", kExitCodes);
}

const Command& command_named(const std::string& name) {
    for (const auto& c : kCommands)
        if (name == c.name) return c;
    std::abort();
}

int usage_error(const std::string& command, const std::string& message) {
    std::fprintf(stderr, "plaza-bundle %s: %s\nusage: plaza-bundle %s\n", command.c_str(),
                 message.c_str(), command_named(command).synopsis);
    return kUsage;
}

bool wants_help(const std::vector<std::string>& args, const std::string& command) {
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            const Command& c = command_named(command);
            std::printf("usage: plaza-bundle %s\n\n%s\n%s", c.synopsis, c.help, kExitCodes);
            return true;
        }
    }
    return false;
}

bool parse_count(const std::string& text, long long min, long long& out) {
    char* end = nullptr;
    out = std::strtoll(text.c_str(), &end, 10);
    return !text.empty() && *end == '\0' && out >= min;
}

// A key or signature file, never blocking on a FIFO or device of that name.
bool read_text_file(const std::string& path, std::string& out, std::uintmax_t limit) {
    auto text = plaza::core::read_regular_file(path, static_cast<std::int64_t>(limit),
                                               plaza::core::Links::follow);
    if (!text) return false;
    out = std::move(text.value());
    return true;
}

// Writes a small file by renaming a complete temporary copy over it.
bool write_text_file(const std::string& path, const std::string& text, bool secret) {
    const std::string temp = path + ".partial";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        if (secret) ::chmod(temp.c_str(), 0600);
        out << text;
        out.flush();
        if (!out) return false;
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    return !ec;
}

int run_build(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"-o", "--version"}, {}, args, error)) return usage_error("build", error);
    if (args.positional.size() != 1 || !args.options.count("-o"))
        return usage_error("build", "needs a source folder and -o OUT.plaza");
    plaza::bundle::BuildOptions options;
    options.source_dir = args.positional[0];
    options.output_path = args.options["-o"];
    if (args.options.count("--version")) {
        long long v;
        if (!parse_count(args.options["--version"], 1, v))
            return usage_error("build", "--version takes a whole number of at least 1");
        options.content_version = v;
    }
    std::vector<std::string> problems, warnings;
    auto result = plaza::bundle::build_bundle(options, problems, &warnings);
    const fs::path source(options.source_dir);
    // Warnings first: they explain what was repaired, and never stop the build.
    for (const auto& w : warnings)
        std::fprintf(stderr, "%s\n", (source / w).c_str());
    if (!warnings.empty()) std::fprintf(stderr, "plaza-bundle: %zu warning(s)\n", warnings.size());
    for (const auto& p : problems)
        std::fprintf(stderr, "%s\n", (source / p).c_str());
    if (!problems.empty()) {
        std::fprintf(stderr, "plaza-bundle: %zu problem(s); nothing was written\n",
                     problems.size());
        return kRejected;
    }
    if (!result) {
        std::fprintf(stderr, "plaza-bundle: %s\n", result.error().c_str());
        return kIoError;
    }
    std::printf("wrote %s\n", options.output_path.c_str());
    return kOk;
}

int run_new(const std::vector<std::string>& argv) {
    if (argv.size() != 1 || argv[0].empty() || argv[0][0] == '-')
        return usage_error("new", "needs the name of a folder to create");
    auto written = plaza::bundle::write_starter_folder(argv[0]);
    if (!written) {
        std::fprintf(stderr, "plaza-bundle new: %s\n", written.error().c_str());
        return kIoError;
    }
    for (const std::string& name : written.value())
        std::printf("wrote %s\n", (fs::path(argv[0]) / name).c_str());
    std::printf("next: plaza-bundle build %s -o event.plaza\n", argv[0].c_str());
    return kOk;
}

int run_keygen(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"-o"}, {"--force"}, args, error)) return usage_error("keygen", error);
    if (!args.positional.empty() || !args.options.count("-o"))
        return usage_error("keygen", "needs -o NAME");
    const std::string secret = args.options["-o"] + ".key", pub = args.options["-o"] + ".pub";
    if (!args.options.count("--force") && (fs::exists(secret) || fs::exists(pub))) {
        std::fprintf(stderr, "plaza-bundle keygen: %s or %s exists; use --force to replace it\n",
                     secret.c_str(), pub.c_str());
        return kIoError;
    }
    const auto pair = ms::generate_key_pair();
    if (!write_text_file(secret, ms::format_secret_key(pair.secret_key), true) ||
        !write_text_file(pub, ms::format_public_key(pair.public_key), false)) {
        std::fprintf(stderr, "plaza-bundle keygen: cannot write %s\n", secret.c_str());
        return kIoError;
    }
    std::printf("key id %s\nsecret key: %s (no password: keep it private)\npublic key: %s\n",
                ms::key_id_hex(pair.public_key.key_id).c_str(), secret.c_str(), pub.c_str());
    return kOk;
}

int run_sign(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"--key"}, {}, args, error)) return usage_error("sign", error);
    if (args.positional.size() != 1 || !args.options.count("--key"))
        return usage_error("sign", "needs a bundle and --key NAME.key");
    const std::string bundle = args.positional[0];
    std::string key_text;
    if (!read_text_file(args.options["--key"], key_text, 4096)) {
        std::fprintf(stderr, "plaza-bundle sign: %s cannot be read\n",
                     args.options["--key"].c_str());
        return kIoError;
    }
    std::string password;
    if (ms::secret_key_needs_password(key_text)) {
        std::fprintf(stderr, "Password for %s: ", args.options["--key"].c_str());
        std::getline(std::cin, password);
    }
    auto key = ms::parse_secret_key(key_text, password);
    if (!key) {
        std::fprintf(stderr, "plaza-bundle sign: %s: %s\n", args.options["--key"].c_str(),
                     key.error().c_str());
        return kRejected;
    }
    std::string comment = "plaza fleet file=" + fs::path(bundle).filename().string();
    if (fs::path(bundle).extension() != ".csv") {
        auto store = plaza::content::ContentStore::open(bundle);
        if (!store) {
            std::fprintf(stderr, "plaza-bundle sign: %s\n", store.error().c_str());
            return kRejected;
        }
        comment = "plaza bundle=" + store->meta("bundle_id") +
                  " version=" + store->meta("content_version") +
                  " file=" + fs::path(bundle).filename().string();
    }
    auto signature = ms::sign_file(bundle, key.value(), comment);
    if (!signature) {
        std::fprintf(stderr, "plaza-bundle sign: %s\n", signature.error().c_str());
        return kIoError;
    }
    if (!write_text_file(bundle + ".minisig", ms::format_signature(signature.value()), false)) {
        std::fprintf(stderr, "plaza-bundle sign: cannot write %s.minisig\n", bundle.c_str());
        return kIoError;
    }
    std::printf("wrote %s.minisig (key %s)\n", bundle.c_str(), ms::key_id_hex(key->key_id).c_str());
    return kOk;
}

int run_verify(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"--pubkey", "--sig"}, {}, args, error))
        return usage_error("verify", error);
    if (args.positional.size() != 1 || !args.options.count("--pubkey"))
        return usage_error("verify", "needs a bundle and --pubkey NAME.pub");
    const std::string bundle = args.positional[0];
    const std::string sig_path =
        args.options.count("--sig") ? args.options["--sig"] : bundle + ".minisig";
    const auto check =
        plaza::bundle::check_signed_bundle(bundle, args.options["--pubkey"], sig_path);
    for (const auto& p : check.problems)
        std::fprintf(stderr, "FAIL %s\n", p.c_str());
    if (!check.ok()) return check.code;
    std::printf("OK %s: signed by key %s; trusted comment: %s\n", bundle.c_str(),
                check.key_id.c_str(), check.trusted_comment.c_str());
    return kOk;
}

int run_inspect(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!parse_args(argv, {}, {"--json"}, args, error)) return usage_error("inspect", error);
    if (args.positional.size() != 1) return usage_error("inspect", "needs one bundle");
    auto report = plaza::bundle::inspect_bundle(args.positional[0]);
    if (!report) {
        std::fprintf(stderr, "plaza-bundle inspect: %s\n", report.error().c_str());
        return kRejected;
    }
    std::fputs((args.options.count("--json") ? plaza::bundle::format_report_json(report.value())
                                             : plaza::bundle::format_report_text(report.value()))
                   .c_str(),
               stdout);
    return kOk;
}

int run_synth(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!parse_args(argv, {"-o", "--partnerships", "--practices", "--sessions", "--seed"},
                    {"--shaped-cities"}, args, error))
        return usage_error("synth", error);
    if (!args.positional.empty() || !args.options.count("-o"))
        return usage_error("synth", "needs -o OUT.plaza");
    plaza::bundle::SynthOptions options;
    const std::pair<const char*, int*> counts[] = {{"--partnerships", &options.partnerships},
                                                   {"--practices", &options.practices},
                                                   {"--sessions", &options.sessions}};
    for (const auto& [name, target] : counts) {
        if (!args.options.count(name)) continue;
        long long n;
        if (!parse_count(args.options[name], 0, n) || n > 1000000)
            return usage_error("synth", std::string(name) + " takes a whole number, 0 to 1000000");
        *target = static_cast<int>(n);
    }
    options.shaped_cities = args.options.count("--shaped-cities") > 0;
    if (args.options.count("--seed")) {
        long long seed;
        if (!parse_count(args.options["--seed"], 0, seed))
            return usage_error("synth", "--seed takes a whole number");
        options.seed = static_cast<std::uint64_t>(seed);
    }
    auto result = plaza::bundle::write_synthetic_bundle(options, args.options["-o"]);
    if (!result) {
        std::fprintf(stderr, "plaza-bundle synth: %s\n", result.error().c_str());
        return kIoError;
    }
    std::printf("wrote %s\n", args.options["-o"].c_str());
    return kOk;
}

int run_import_schedule(const std::vector<std::string>& argv) {
    return plaza::schedule::run_import_schedule(argv);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_overview(stderr);
        return kUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_overview(stdout);
        return kOk;
    }
    std::string command = args[0];
    args.erase(args.begin());
    if (command == "fleet" && !args.empty()) {
        command += " " + args[0];
        args.erase(args.begin());
    }
    using FleetRunner = int (*)(const std::vector<std::string>&, const plaza::bundle::UsageError&);
    const std::map<std::string, FleetRunner> fleet_runners = {
        {"fleet init", plaza::bundle::run_fleet_init},
        {"fleet add-kiosk", plaza::bundle::run_fleet_add_kiosk},
        {"fleet publish", plaza::bundle::run_fleet_publish},
        {"fleet status", plaza::bundle::run_fleet_status},
        {"fleet usage", plaza::bundle::run_fleet_usage}};
    if (auto fleet = fleet_runners.find(command); fleet != fleet_runners.end()) {
        if (wants_help(args, command)) return kOk;
        return fleet->second(
            args, [&command](const std::string& message) { return usage_error(command, message); });
    }
    using Runner = int (*)(const std::vector<std::string>&);
    const std::map<std::string, Runner> runners = {
        {"new", run_new},       {"build", run_build},
        {"keygen", run_keygen}, {"sign", run_sign},
        {"verify", run_verify}, {"inspect", run_inspect},
        {"synth", run_synth},   {"import-schedule", run_import_schedule}};
    auto it = runners.find(command);
    if (it == runners.end()) {
        std::fprintf(stderr, "plaza-bundle: unknown command '%s'\n\n", command.c_str());
        print_overview(stderr);
        return kUsage;
    }
    if (wants_help(args, command)) return kOk;
    return it->second(args);
}
