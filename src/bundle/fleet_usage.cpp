// SPDX-License-Identifier: GPL-3.0-or-later
// Merging the kiosks' usage counters; see fleet_usage.h.
#include "bundle/fleet_usage.h"

#include <algorithm>
#include <filesystem>

#include "core/csv.h"
#include "core/safe_file.h"

namespace plaza::bundle {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kMaxUsageBytes = 16 * 1024 * 1024;
constexpr const char* kSuffix = ".usage.csv";

std::string quoted(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool whole_number(const std::string& text) {
    return !text.empty() && text.size() <= 18 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

MergedUsage merge_usage(const std::vector<UsageFile>& files) {
    MergedUsage merged;
    merged.csv = "kiosk,kind,id,title,count\r\n";
    for (const UsageFile& f : files) {
        auto table = core::parse_csv(f.text, f.name);
        if (!table) {
            merged.problems.push_back(table.error());
            continue;
        }
        const std::vector<std::string> expected = {"kind", "id", "title", "count"};
        if (table->header != expected) {
            merged.problems.push_back(f.name +
                                      ":1: the header is not kind,id,title,count; file left out");
            continue;
        }
        ++merged.files;
        for (const auto& record : table->records) {
            const auto& c = record.fields;
            if (c.size() != 4 || !whole_number(c[3])) {
                merged.problems.push_back(
                    f.name + ":" + std::to_string(record.line) +
                    ": not kind,id,title,count with a whole count; row left out");
                continue;
            }
            merged.csv += quoted(f.kiosk_id) + "," + quoted(c[0]) + "," + quoted(c[1]) + "," +
                          quoted(c[2]) + "," + c[3] + "\r\n";
            ++merged.rows;
        }
    }
    return merged;
}

std::vector<UsageFile> read_usage_files(const std::string& folder,
                                        std::vector<std::string>& problems) {
    std::vector<UsageFile> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        const size_t suffix = std::char_traits<char>::length(kSuffix);
        if (name.empty() || name[0] == '.' || name.size() <= suffix ||
            name.compare(name.size() - suffix, suffix, kSuffix) != 0)
            continue;
        auto text = core::read_regular_file(entry.path().string(), kMaxUsageBytes);
        if (!text) {
            problems.push_back(text.error());
            continue;
        }
        files.push_back({name.substr(0, name.size() - suffix), name, text.value()});
    }
    if (ec) problems.push_back(folder + ": " + ec.message());
    std::sort(files.begin(), files.end(),
              [](const UsageFile& a, const UsageFile& b) { return a.kiosk_id < b.kiosk_id; });
    return files;
}

}  // namespace plaza::bundle
