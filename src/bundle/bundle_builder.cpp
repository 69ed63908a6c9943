// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundle_builder.h"

#include <filesystem>

#include "bundle/bundle_writer.h"
#include "bundle/font_check.h"
#include "bundle/source_reader.h"
#include "content/bundle_check.h"
#include "content/bundle_scan.h"
#include "content/content_store.h"
#include "core/civil_time.h"

namespace plaza::bundle {

std::int64_t content_version_at(std::int64_t unix_ms) {
    const core::CivilTime t = core::civil_from_unix_ms(unix_ms, 0);
    return ((((t.year * 100LL + t.month) * 100 + t.day) * 100 + t.hour) * 100 + t.minute) * 100 +
           t.second;
}

core::Result<bool> build_bundle(const BuildOptions& options, std::vector<std::string>& problems,
                                std::vector<std::string>* warnings) {
    if (!std::filesystem::is_directory(options.source_dir))
        return core::Error{options.source_dir + ": not a folder"};
    std::vector<std::string> ignored;
    SourceBundle source =
        read_source_folder(options.source_dir, problems, warnings ? *warnings : ignored);
    if (!problems.empty()) return core::Error{"nothing was written"};
    // SQLite would only say "unable to open database file".
    const auto folder = std::filesystem::path(options.output_path).parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder))
        return core::Error{folder.string() + ": the folder does not exist; create it first"};
    WriteOptions write;
    write.content_version = options.content_version;
    if (write.content_version == 0)
        write.content_version = content_version_at(build_time_unix_ms());
    write.bundle_id = random_bundle_id();
    write.build_time = utc_now_iso8601();
    auto written = write_bundle_file(source, write, options.output_path);
    if (!written) return written;
    // The kiosk's own checks on what was written, with the same table of limits: a folder that
    // builds is a bundle every kiosk accepts.
    std::vector<std::string> refused = content::check_bundle(options.output_path);
    if (refused.empty()) {
        const content::ScanResult scan = content::scan_bundle_values(options.output_path);
        if (scan.problem != content::ScanProblem::none) refused.push_back(scan.detail);
    }
    if (refused.empty()) {
        // A character no font has is a warning, not a refusal: the rest of the content is worth
        // showing, and the kiosk lists the character as missing too (docs/organisers.md).
        if (warnings) {
            if (auto store = content::ContentStore::open(options.output_path)) {
                for (std::string& line :
                     uncovered_characters(store->code_points(), options.source_dir))
                    warnings->push_back(std::move(line));
            }
        }
        return written;
    }
    std::error_code not_removed;
    std::filesystem::remove(options.output_path, not_removed);
    for (const std::string& r : refused)
        problems.push_back("kiosks would refuse the bundle: " + r);
    return core::Error{"nothing was written"};
}

}  // namespace plaza::bundle
