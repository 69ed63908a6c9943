// SPDX-License-Identifier: GPL-3.0-or-later
// Publishing into the fleet's content folder; see fleet_publish.h.
#include "bundle/fleet_publish.h"

#include <fcntl.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "bundle/bundle_writer.h"
#include "bundle/signed_bundle.h"
#include "content/content_store.h"
#include "core/safe_file.h"

namespace plaza::bundle {

namespace fs = std::filesystem;

namespace {

// Copies `source` to `folder`/temp name of `name`, fsynced. The temporary path, or an error.
core::Result<std::string> stage_copy(const std::string& source, const std::string& folder,
                                     const std::string& name) {
    const std::string temp = (fs::path(folder) / syncthing_temp_name(name)).string();
    std::error_code ec;
    fs::copy_file(source, temp, fs::copy_options::overwrite_existing, ec);
    if (ec) return core::Error{"cannot copy " + source + " to " + temp + ": " + ec.message()};
    if (!sync_path(temp, O_RDONLY)) return core::Error{"cannot write " + temp + " to disk"};
    return temp;
}

core::Result<bool> commit(const std::string& temp, const std::string& folder,
                          const std::string& name) {
    std::error_code ec;
    fs::rename(temp, fs::path(folder) / name, ec);
    if (ec) return core::Error{"cannot rename " + temp + " to " + name + ": " + ec.message()};
    sync_path(folder, O_RDONLY | O_DIRECTORY);
    return true;
}

std::int64_t bundle_version(const std::string& path) {
    auto store = content::ContentStore::open(path);
    if (!store) return 0;
    return std::strtoll(store->meta("content_version").c_str(), nullptr, 10);
}

std::vector<std::string> bundles_in(const std::string& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.empty() && name[0] != '.' && entry.path().extension() == ".plaza" &&
            entry.is_regular_file())
            names.push_back(name);
    }
    return names;
}

std::string safe_stem(const std::string& path) {
    std::string stem = fs::path(path).stem().string();
    for (char& c : stem) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) c = '_';
    }
    return stem.empty() ? "event" : stem;
}

}  // namespace

std::string syncthing_temp_name(const std::string& name) {
    return ".syncthing." + name + ".tmp";
}

PublishedBundle published_bundle(const std::string& content_folder) {
    PublishedBundle newest;
    for (const auto& name : bundles_in(content_folder)) {
        const std::int64_t v = bundle_version((fs::path(content_folder) / name).string());
        if (v > newest.version) newest = {name, v};
    }
    return newest;
}

core::Result<PublishedBundle> publish_bundle(const std::string& content_folder,
                                             const std::string& bundle, const std::string& pubkey) {
    const auto check = check_signed_bundle(bundle, pubkey, bundle + ".minisig");
    if (!check.ok()) {
        std::string text = bundle + " is not published: it does not verify against " + pubkey;
        for (const auto& p : check.problems)
            text += "\n  " + p;
        return core::Error{text};
    }
    const PublishedBundle before = published_bundle(content_folder);
    if (check.version <= before.version)
        return core::Error{bundle + " is not published: its version " +
                           std::to_string(check.version) + " is not newer than version " +
                           std::to_string(before.version) + " already published as " + before.file +
                           " (kiosks would refuse it)"};
    const std::string name = safe_stem(bundle) + "-v" + std::to_string(check.version) + ".plaza";
    auto bundle_temp = stage_copy(bundle, content_folder, name);
    if (!bundle_temp) return core::Error{bundle_temp.error()};
    auto sig_temp = stage_copy(bundle + ".minisig", content_folder, name + ".minisig");
    if (!sig_temp) return core::Error{sig_temp.error()};
    // The bundle first: a kiosk that sees it without its signature waits for the pair.
    if (auto ok = commit(bundle_temp.value(), content_folder, name); !ok)
        return core::Error{ok.error()};
    if (auto ok = commit(sig_temp.value(), content_folder, name + ".minisig"); !ok)
        return core::Error{ok.error()};
    // What it replaces goes, signature first, so no kiosk meets a bundle without its signature
    // that is not on its way.
    for (const auto& old : bundles_in(content_folder)) {
        if (old == name) continue;
        std::error_code ec;
        fs::remove(fs::path(content_folder) / (old + ".minisig"), ec);
        fs::remove(fs::path(content_folder) / old, ec);
    }
    return PublishedBundle{name, check.version};
}

core::Result<bool> publish_fleet_file(const std::string& content_folder, const std::string& csv,
                                      const std::string& pubkey) {
    if (const auto problem = check_signed_file(csv, pubkey, csv + ".minisig"); !problem.empty())
        return core::Error{csv + " is not published: it does not verify against " + pubkey +
                           "\n  " + problem};
    auto csv_temp = stage_copy(csv, content_folder, "fleet.csv");
    if (!csv_temp) return core::Error{csv_temp.error()};
    auto sig_temp = stage_copy(csv + ".minisig", content_folder, "fleet.csv.minisig");
    if (!sig_temp) return core::Error{sig_temp.error()};
    if (auto ok = commit(csv_temp.value(), content_folder, "fleet.csv"); !ok)
        return core::Error{ok.error()};
    if (auto ok = commit(sig_temp.value(), content_folder, "fleet.csv.minisig"); !ok)
        return core::Error{ok.error()};
    return true;
}

}  // namespace plaza::bundle
