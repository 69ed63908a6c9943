// plaza-bundle's write side: turns an organisers' content folder into one bundle file.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace plaza::bundle {

struct BuildOptions {
    std::string source_dir;
    std::string output_path;
    long long content_version = 1;
};

// Validates the folder and writes the bundle atomically (a temporary file renamed into place);
// on any problem writes nothing and returns every problem as "file:line: field: what is wrong".
core::Result<bool> build_bundle(const BuildOptions& options, std::vector<std::string>& problems);

}  // namespace plaza::bundle
