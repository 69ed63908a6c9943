// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle's "--option value" parsing.
#include "bundle/command_line.h"

#include <algorithm>

namespace plaza::bundle {

bool parse_args(const std::vector<std::string>& args, const std::vector<std::string>& valued,
                const std::vector<std::string>& flags, Args& out, std::string& error) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 1 && a[0] == '-') {
            if (std::find(flags.begin(), flags.end(), a) != flags.end()) {
                out.options[a] = "1";
            } else if (std::find(valued.begin(), valued.end(), a) != valued.end()) {
                if (i + 1 >= args.size()) {
                    error = a + " needs a value";
                    return false;
                }
                out.options[a] = args[++i];
            } else {
                error = "unknown option '" + a + "'";
                return false;
            }
        } else {
            out.positional.push_back(a);
        }
    }
    return true;
}

}  // namespace plaza::bundle
