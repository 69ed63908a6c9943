#include "bundle/bundle_builder.h"

#include <filesystem>

#include "bundle/bundle_writer.h"
#include "bundle/source_reader.h"

namespace plaza::bundle {

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
    write.bundle_id = random_bundle_id();
    write.build_time = utc_now_iso8601();
    return write_bundle_file(source, write, options.output_path);
}

}  // namespace plaza::bundle
