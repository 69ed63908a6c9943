// SPDX-License-Identifier: GPL-3.0-or-later
// Every kiosk's usage counters (`<kiosk_id>.usage.csv` in the fleet's status folder, the stick
// export's `kind,id,title,count`) merged into one CSV with a kiosk column.
#pragma once

#include <string>
#include <vector>

namespace plaza::bundle {

struct UsageFile {
    std::string kiosk_id;  // from the file name
    std::string name;      // the file name, for messages
    std::string text;
};

struct MergedUsage {
    std::string csv;  // "kiosk,kind,id,title,count" rows, CRLF, RFC 4180 quoting
    int files = 0;    // files merged
    int rows = 0;
    std::vector<std::string> problems;  // "FILE:LINE: what is wrong" for what was left out
};

MergedUsage merge_usage(const std::vector<UsageFile>& files);

// Every `*.usage.csv` of `folder` (names starting with '.' are temporary), by kiosk id.
std::vector<UsageFile> read_usage_files(const std::string& folder,
                                        std::vector<std::string>& problems);

}  // namespace plaza::bundle
