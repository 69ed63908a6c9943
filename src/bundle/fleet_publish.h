// SPDX-License-Identifier: GPL-3.0-or-later
// Putting a signed bundle (and a signed fleet.csv) into the fleet's content folder so that no
// kiosk ever sees half of it: each file is written under a name Syncthing never syncs, then
// renamed; the signature only after its bundle, under a name new to this version.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace plaza::bundle {

struct PublishedBundle {
    std::string file;  // its name in the content folder; "" when none
    std::int64_t version = 0;
};

// The bundle live in the content folder (the newest version when several are).
PublishedBundle published_bundle(const std::string& content_folder);

// Checks `bundle` and its .minisig against `pubkey` as a kiosk will, refuses it unless it is
// newer than what is published, then publishes it as NAME-vVERSION.plaza and removes the pairs it
// replaces. Returns what was published.
core::Result<PublishedBundle> publish_bundle(const std::string& content_folder,
                                             const std::string& bundle, const std::string& pubkey);

// Checks fleet.csv's signature against `pubkey`, then publishes fleet.csv and then its
// fleet.csv.minisig.
core::Result<bool> publish_fleet_file(const std::string& content_folder, const std::string& csv,
                                      const std::string& pubkey);

// Syncthing never syncs a file named like its own temporary files, so a copy in progress there
// stays on this machine.
std::string syncthing_temp_name(const std::string& name);

}  // namespace plaza::bundle
