// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-test-alter IN OUT SQL...: copies a bundle and changes the copy with SQL statements, for
// end-to-end tests of content plaza-bundle never writes (texts far past their limits, a bundle
// that makes the kiosk fail), as someone holding the organisers' key could make it.
#include <cstdio>
#include <filesystem>

#include "content/sqlite_db.h"

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: plaza-test-alter IN OUT SQL...\n");
        return 64;
    }
    std::error_code ec;
    std::filesystem::copy_file(argv[1], argv[2], std::filesystem::copy_options::overwrite_existing,
                               ec);
    if (ec) {
        std::fprintf(stderr, "plaza-test-alter: %s: %s\n", argv[2], ec.message().c_str());
        return 74;
    }
    auto db = plaza::content::Database::create_for_writing(argv[2]);
    if (!db) {
        std::fprintf(stderr, "plaza-test-alter: %s\n", db.error().c_str());
        return 74;
    }
    for (int i = 3; i < argc; ++i) {
        if (auto done = db->exec(argv[i]); !done) {
            std::fprintf(stderr, "plaza-test-alter: %s\n", done.error().c_str());
            return 1;
        }
    }
    return 0;
}
