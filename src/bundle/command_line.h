// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle's command-line pieces shared by its commands: exit codes, "--option value" parsing.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace plaza::bundle {

constexpr int kOk = 0, kRejected = 1, kIoError = 2, kUsage = 64;

// Positionals and "--option value" pairs; `flags` take no value (stored as "1").
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    bool has(const std::string& name) const { return options.count(name) != 0; }
    std::string get(const std::string& name, const std::string& fallback = "") const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
};
bool parse_args(const std::vector<std::string>& args, const std::vector<std::string>& valued,
                const std::vector<std::string>& flags, Args& out, std::string& error);

// Prints the message and the command's synopsis on stderr; returns kUsage.
using UsageError = std::function<int(const std::string& message)>;

}  // namespace plaza::bundle
