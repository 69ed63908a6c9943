#include "bundle/bundle_builder.h"

#include <filesystem>

#include "bundle/bundle_writer.h"
#include "bundle/source_reader.h"
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
    return write_bundle_file(source, write, options.output_path);
}

}  // namespace plaza::bundle
