// SPDX-License-Identifier: GPL-3.0-or-later
// core/safe_file: files in places Plaza does not control are opened without blocking, links are
// not followed unless asked, and only regular files are read or written (issue 20).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "bundle_test_support.h"
#include "child_process.h"
#include "core/safe_file.h"

using plaza::core::Links;
using plaza::test::TempDir;

TEST_CASE("safe files: a regular file is read, within its size") {
    TempDir dir;
    plaza::test::write_file(dir / "a.txt", "hello");
    auto text = plaza::core::read_regular_file(dir / "a.txt", 5);
    REQUIRE(text.ok());
    CHECK(text.value() == "hello");
    CHECK(plaza::core::read_regular_file(dir / "a.txt", 4).error().find("larger than 4") !=
          std::string::npos);
}

TEST_CASE("safe files: a FIFO is refused at once, for reading and for writing") {
    TempDir dir;
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0644) == 0);
    REQUIRE(::mkfifo((dir / ".report.txt.tmp").c_str(), 0644) == 0);
    REQUIRE(::mkfifo((dir / "usage.csv").c_str(), 0644) == 0);
    const int code = plaza::test::run_in_child(
        [&] {
            auto read = plaza::core::read_regular_file(dir / "pipe", 100);
            if (read || read.error().find("named pipe") == std::string::npos) return 1;
            // A FIFO where the temporary file goes, and one under the file's own name.
            auto tmp = plaza::core::write_file_atomically(dir.path().string(), "report.txt", "x");
            if (tmp || tmp.error().find("named pipe") == std::string::npos) return 2;
            auto target = plaza::core::write_file_atomically(dir.path().string(), "usage.csv", "x");
            if (target || target.error().find("named pipe") == std::string::npos) return 3;
            return 0;
        },
        20);
    CHECK(code == 0);
    // Both FIFOs are left as they were.
    struct stat st {};
    REQUIRE(::lstat((dir / "usage.csv").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("safe files: a symbolic link is refused unless followed on purpose") {
    TempDir dir;
    plaza::test::write_file(dir / "real.txt", "inside");
    std::filesystem::create_symlink(dir / "real.txt", dir / "link.txt");
    CHECK(plaza::core::read_regular_file(dir / "link.txt", 100).error().find("symbolic link") !=
          std::string::npos);
    CHECK(plaza::core::read_regular_file(dir / "link.txt", 100, Links::follow).value() == "inside");
}

TEST_CASE("safe files: a file is written whole through a temporary name") {
    TempDir dir;
    plaza::test::write_file(dir / "report.txt", "old");
    REQUIRE(plaza::core::write_file_atomically(dir.path().string(), "report.txt", "new").ok());
    CHECK(plaza::test::read_file(dir / "report.txt") == "new");
    CHECK_FALSE(std::filesystem::exists(dir / ".report.txt.tmp"));
    const auto missing = plaza::core::write_file_atomically(dir / "gone", "report.txt", "x");
    CHECK_FALSE(missing.ok());
}

TEST_CASE("safe files: where a path leads, links resolved") {
    TempDir dir;
    plaza::test::write_file(dir / "folder/photo.jpg", "x");
    plaza::test::write_file(dir / "outside.jpg", "x");
    std::filesystem::create_symlink(dir / "outside.jpg", dir / "folder/out.jpg");
    std::filesystem::create_symlink(dir / "folder/photo.jpg", dir / "folder/in.jpg");
    CHECK(plaza::core::resolves_inside(dir / "folder", dir / "folder/photo.jpg"));
    CHECK(plaza::core::resolves_inside(dir / "folder", dir / "folder/in.jpg"));
    CHECK_FALSE(plaza::core::resolves_inside(dir / "folder", dir / "folder/out.jpg"));
    CHECK_FALSE(plaza::core::resolves_inside(dir / "folder", dir / "folder/../outside.jpg"));
    CHECK_FALSE(plaza::core::resolves_inside(dir / "folder", dir / "folder/none.jpg"));
    // A sibling whose name starts like the folder's is not inside it.
    plaza::test::write_file(dir / "folder2/x.jpg", "x");
    CHECK_FALSE(plaza::core::resolves_inside(dir / "folder", dir / "folder2/x.jpg"));
}
