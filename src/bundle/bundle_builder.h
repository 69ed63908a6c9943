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
    std::int64_t content_version = 1;
};

// Validates the whole folder first; on any problem writes nothing and returns every problem as
// "file:line: field: what is wrong" (file relative to the folder). Otherwise writes the bundle
// atomically (a temporary file renamed into place). The error is set in both failure cases.
// `warnings`, when given, receive what was repaired or left out ("file:line: what — what was
// done"), e.g. from a schedule export; they never stop a build.
core::Result<bool> build_bundle(const BuildOptions& options, std::vector<std::string>& problems,
                                std::vector<std::string>* warnings = nullptr);

}  // namespace plaza::bundle
