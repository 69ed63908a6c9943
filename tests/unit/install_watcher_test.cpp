// SPDX-License-Identifier: GPL-3.0-or-later
// The USB watcher (issue 7): which folders count as sticks, and a stick reported once it has
// settled, and again only after it was removed and came back.
#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

#include "bundle_test_support.h"
#include "install/usb_watcher.h"

TEST_CASE("stick folders: the root or a folder below it with a bundle or the export marker") {
    plaza::test::TempDir dir;
    plaza::test::write_file(dir.path() / "sda1" / "event.plaza", "x");
    plaza::test::write_file(dir.path() / "sdb1" / "plaza-export", "");
    plaza::test::write_file(dir.path() / "sdc1" / "notes.txt", "");
    const auto found = plaza::install::stick_folders_under(dir.path().string());
    REQUIRE(found.size() == 2);
    CHECK(found[0] == dir / "sda1");
    CHECK(found[1] == dir / "sdb1");
}

TEST_CASE("the watcher reports a stick once, and again after it comes back") {
    plaza::test::TempDir dir;
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> reported;
    plaza::install::UsbWatcher watcher(
        {dir.path().string()},
        [&](const std::string& folder) {
            std::lock_guard<std::mutex> lock(mutex);
            reported.push_back(folder);
            changed.notify_all();
        },
        50);
    watcher.start();
    auto wait_for = [&](size_t count) {
        std::unique_lock<std::mutex> lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(20),
                                [&] { return reported.size() >= count; });
    };
    plaza::test::write_file(dir.path() / "sda1" / "event.plaza", "x");
    REQUIRE(wait_for(1));
    std::filesystem::remove_all(dir.path() / "sda1");
    plaza::test::write_file(dir.path() / "sda1" / "event.plaza", "y");
    REQUIRE(wait_for(2));
    watcher.stop();
    CHECK(reported[0] == dir / "sda1");
    CHECK(reported[1] == dir / "sda1");
}
