// The plaza command line.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "platform/runner.h"

namespace plaza::app {

struct Options {
    std::string bundle_path;
    float px_per_mm = 4.0f;  // a 21.5" 1920x1080 panel; set per device
    platform::RunnerOptions runner;
    bool show_help = false;
    bool show_version = false;
};

extern const char* const kUsage;

// Parses argv (without the program name); the error names the offending option.
core::Result<Options> parse_options(const std::vector<std::string>& args);

}  // namespace plaza::app
