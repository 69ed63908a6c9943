// SPDX-License-Identifier: GPL-3.0-or-later
// Install benchmark: signs a copy of a bundle with a fresh key and installs it into a fresh data
// folder as the kiosk does from a stick (copy, signature, every check), then reports what the
// checks cost: time, SQLite's peak memory and the process's peak resident memory. Not a test:
// figures go to stdout (README, "Benchmarks"; issue 20's install budget).
//
// usage: plaza-install-bench BUNDLE
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "content/content_store.h"
#include "core/process_stats.h"
#include "install/bundle_installer.h"
#include "signing/minisign.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: plaza-install-bench BUNDLE\n");
        return 64;
    }
    namespace fs = std::filesystem;
    std::string dir = (fs::temp_directory_path() / "plaza-install-bench-XXXXXX").string();
    if (!::mkdtemp(dir.data())) return 74;
    const std::string stick = dir + "/stick", data = dir + "/data";
    fs::create_directories(stick);
    fs::create_directories(data);
    const std::string bundle = stick + "/bench.plaza";
    fs::copy_file(argv[1], bundle);
    std::string id, version;
    {
        auto store = plaza::content::ContentStore::open(bundle);
        if (!store) {
            std::fprintf(stderr, "%s\n", store.error().c_str());
            fs::remove_all(dir);
            return 65;
        }
        id = store->meta("bundle_id");
        version = store->meta("content_version");
    }
    const auto keys = plaza::minisign::generate_key_pair();
    auto signature = plaza::minisign::sign_file(
        bundle, keys.secret_key, "plaza bundle=" + id + " version=" + version + " file=bench");
    if (!signature) return 70;
    std::ofstream(bundle + ".minisig") << plaza::minisign::format_signature(signature.value());

    plaza::install::InstallerConfig config;
    config.data_folder = data;
    config.trusted_keys = {keys.public_key};
    const long rss_before = plaza::core::peak_rss_kib();
    const plaza::install::Outcome o =
        plaza::install::Installer(config).install({bundle, bundle + ".minisig"}, 0);
    std::printf(
        "%s: %s | checks %.2f s (budget %.0f s) | SQLite peak %.1f MB (budget %.0f MB) | "
        "peak RSS %.1f MB (%.1f MB before the install)\n",
        argv[1], o.ok() ? "installed" : ("refused: " + o.detail).c_str(), o.cost.seconds,
        config.check_seconds, o.cost.sqlite_peak_bytes / 1048576.0,
        config.sqlite_heap_bytes / 1048576.0, plaza::core::peak_rss_kib() / 1024.0,
        rss_before / 1024.0);
    fs::remove_all(dir);
    return o.ok() ? 0 : 1;
}
