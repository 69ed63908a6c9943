// SPDX-License-Identifier: GPL-3.0-or-later
// Reads and validates an organisers' content folder (docs/bundle-format.md, "Source folder").
// Every problem is collected, not just the first, as "file:line: field: what is wrong" with the
// file named relative to the folder, so one run tells the content team everything to fix.
#pragma once

#include <string>
#include <vector>

#include "bundle/source_model.h"

namespace plaza::bundle {

// Returns the content; it is complete and consistent only when `problems` stayed empty.
// `warnings` get what was repaired or left out on the way ("file:line: what — what was done"),
// such as everything the schedule importer reports about an export.
SourceBundle read_source_folder(const std::string& dir, std::vector<std::string>& problems,
                                std::vector<std::string>& warnings);
SourceBundle read_source_folder(const std::string& dir, std::vector<std::string>& problems);

}  // namespace plaza::bundle
