// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over a good-practice file as the bundle tool reads it: the input becomes
// practices/fuzz.md in a copy of the repository's content folder and read_source_folder() reads
// it (front matter block, "key: value" lines, per-key checks, body). Any bytes must end in the
// folder's content or problems naming the file, never a crash.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bundle/source_reader.h"

namespace fs = std::filesystem;

namespace {

// The content folder without its practices, made once per process and removed at exit.
struct Folder {
    fs::path dir = fs::temp_directory_path() / ("plaza-fuzz-content-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(dir);
        fs::create_directories(dir / "practices");
        for (const auto& entry : fs::directory_iterator(fs::path(PLAZA_SOURCE_DIR) / "content"))
            if (entry.is_regular_file()) fs::copy_file(entry.path(), dir / entry.path().filename());
    }
    ~Folder() { fs::remove_all(dir); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Folder folder;
    {
        std::ofstream out(folder.dir / "practices" / "fuzz.md", std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    std::vector<std::string> problems, warnings;
    plaza::bundle::read_source_folder(folder.dir.string(), problems, warnings);
    return 0;
}
