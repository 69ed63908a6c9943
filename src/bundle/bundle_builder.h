// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle's build command: turns an organisers' content folder into one bundle file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace plaza::bundle {

struct BuildOptions {
    std::string source_dir;
    std::string output_path;
    // 0: content_version_at(the build time), so a build without a chosen version is newer than
    // every earlier one and no organiser is trapped below a version they cannot see.
    std::int64_t content_version = 0;
};

// The build time in UTC as the digits YYYYMMDDHHMMSS (20261205231500): always growing, and
// readable where a kiosk shows the version.
std::int64_t content_version_at(std::int64_t unix_ms);

// Validates the whole folder first; on any problem writes nothing and returns every problem as
// "file:line: field: what is wrong" (file relative to the folder). Otherwise writes the bundle
// atomically (a temporary file renamed into place). The error is set in both failure cases.
// `warnings`, when given, receive what was repaired or left out ("file:line: what — what was
// done"), e.g. from a schedule export; they never stop a build.
core::Result<bool> build_bundle(const BuildOptions& options, std::vector<std::string>& problems,
                                std::vector<std::string>* warnings = nullptr);

}  // namespace plaza::bundle
