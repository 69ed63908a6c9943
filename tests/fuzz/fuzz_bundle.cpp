// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over the install's open-and-validate path: any bytes as a bundle file go
// through check_bundle() (defensive open, quick_check, schema, views/triggers, references) and
// scan_bundle_values() (sizes, UTF-8, image decoding). Built with -fsanitize=fuzzer under clang
// (PLAZA_FUZZ=ON), or with replay_main.cpp as a corpus replayer in every test run.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "content/bundle_check.h"
#include "content/bundle_scan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The checks take a path, as the installer's private copy is a file.
    static const std::string path = "/tmp/plaza-fuzz-bundle-" + std::to_string(::getpid());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    if (plaza::content::check_bundle(path).empty()) plaza::content::scan_bundle_values(path);
    // A WAL-mode header makes SQLite create -wal and -shm files even on a read-only open.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::remove((path + suffix).c_str());
    return 0;
}
