// SPDX-License-Identifier: GPL-3.0-or-later
// `plaza-bundle fleet ...`: a venue's kiosks kept in step through Syncthing (docs/fleet.md).
// init, add-kiosk, publish, status and usage, each `int run(argv, usage_error)`.
#pragma once

#include <string>
#include <vector>

#include "bundle/command_line.h"

namespace plaza::bundle {

int run_fleet_init(const std::vector<std::string>& argv, const UsageError& usage);
int run_fleet_add_kiosk(const std::vector<std::string>& argv, const UsageError& usage);
int run_fleet_publish(const std::vector<std::string>& argv, const UsageError& usage);
int run_fleet_status(const std::vector<std::string>& argv, const UsageError& usage);
int run_fleet_usage(const std::vector<std::string>& argv, const UsageError& usage);

// The commands a venue technician runs on a kiosk (as root) so that its Syncthing, running as
// the plaza user, takes the organiser's content and sends its status back.
std::string kiosk_setup_commands(const std::string& organiser_id, const std::string& address);

}  // namespace plaza::bundle
