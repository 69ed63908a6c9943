// SPDX-License-Identifier: GPL-3.0-or-later
// `plaza-bundle new FOLDER`: a small, valid, commented content folder to start from, so an
// organiser edits working files instead of writing them from the format reference (issue 19).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace plaza::bundle {

// Writes the starting files into `folder`, which must not exist or be empty; returns their paths
// relative to it, in the order written. Nothing is overwritten.
core::Result<std::vector<std::string>> write_starter_folder(const std::string& folder);

}  // namespace plaza::bundle
