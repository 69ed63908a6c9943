// SPDX-License-Identifier: GPL-3.0-or-later
// The organiser's Syncthing, driven only through its own command line (`syncthing generate`,
// `syncthing serve`, `syncthing cli`), never by editing its config.xml: a home of its own per
// fleet folder, started in the background when it is not running, folders and devices added.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace plaza::bundle {

// The folder ids both sides agree on (docs/fleet.md).
inline constexpr const char* kContentFolderId = "plaza-content";
inline constexpr const char* kStatusFolderId = "plaza-status";

struct SyncthingHome {
    std::string home;         // Syncthing's configuration and database folder
    std::string gui_address;  // "127.0.0.1:PORT" to use until it is stored; "" = as configured
};

// `syncthing cli --home HOME ARGS...`; the output when it succeeds, its message otherwise.
core::Result<std::string> syncthing_cli(const SyncthingHome& home,
                                        const std::vector<std::string>& args);

// Creates keys and configuration when the home has none (`syncthing generate`).
core::Result<bool> generate_home(const SyncthingHome& home);

// Whether Syncthing answers for this home.
bool syncthing_running(const SyncthingHome& home);

// Starts `syncthing serve` for the home in the background, detached from this terminal, logging
// to HOME/syncthing.log; waits until it answers. Returns its process id.
core::Result<int> start_syncthing(const SyncthingHome& home);

// This Syncthing's device id.
core::Result<std::string> device_id(const SyncthingHome& home);

// A folder as `syncthing cli config folders add-json` takes it: watched, rescanned every
// `rescan_seconds`, shared with `devices`.
std::string folder_json(const std::string& id, const std::string& label, const std::string& path,
                        const std::string& type, const std::vector<std::string>& devices,
                        int rescan_seconds);

// A device as `syncthing cli config devices add-json` takes it; `address` "" = dynamic.
std::string device_json(const std::string& id, const std::string& name, const std::string& address);

// Whether `text` looks like a Syncthing device id (eight groups of seven A-Z/2-7).
bool valid_device_id(const std::string& text);

}  // namespace plaza::bundle
