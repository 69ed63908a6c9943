// SPDX-License-Identifier: GPL-3.0-or-later
// The USB watcher (issue 7): which folders count as sticks, and a stick reported once it has
// settled, and again only after it was removed and came back.
#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "bundle_test_support.h"
#include "install/usb_watcher.h"

namespace {

// The folders a watcher reported, in order.
struct Reports {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> folders;

    plaza::install::UsbWatcher::OnStick callback() {
        return [this](const std::string& folder) {
            std::lock_guard<std::mutex> lock(mutex);
            folders.push_back(folder);
            changed.notify_all();
        };
    }
    bool wait_for(size_t count) {
        std::unique_lock<std::mutex> lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(20),
                                [&] { return folders.size() >= count; });
    }
};

}  // namespace

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
    Reports reports;
    std::vector<std::string>& reported = reports.folders;
    plaza::install::UsbWatcher watcher({dir.path().string()}, reports.callback(), 50);
    watcher.start();
    auto wait_for = [&](size_t count) { return reports.wait_for(count); };
    plaza::test::write_file(dir.path() / "sda1" / "event.plaza", "x");
    REQUIRE(wait_for(1));
    std::filesystem::remove_all(dir.path() / "sda1");
    plaza::test::write_file(dir.path() / "sda1" / "event.plaza", "y");
    REQUIRE(wait_for(2));
    watcher.stop();
    CHECK(reported[0] == dir / "sda1");
    CHECK(reported[1] == dir / "sda1");
}

TEST_CASE("Syncthing's temporary files and folder marker are never content") {
    using plaza::install::is_transfer_file;
    CHECK(is_transfer_file(".syncthing.event.plaza.tmp"));
    CHECK(is_transfer_file(".syncthing.event.plaza.minisig.tmp"));
    CHECK(is_transfer_file("~syncthing~event.plaza.tmp"));
    CHECK(is_transfer_file(".stfolder"));
    CHECK_FALSE(is_transfer_file("event.plaza"));
    CHECK_FALSE(is_transfer_file("event.plaza.minisig"));
    CHECK_FALSE(is_transfer_file("syncthing.event.plaza.tmp"));
    CHECK_FALSE(is_transfer_file(".syncthing.event.plaza"));
    CHECK(plaza::install::transfer_names_of("event.plaza") ==
          std::vector<std::string>{".syncthing.event.plaza.tmp", "~syncthing~event.plaza.tmp"});

    plaza::test::TempDir dir;
    plaza::test::write_file(dir.path() / ".syncthing.event.plaza.tmp", "x");
    plaza::test::write_file(dir.path() / "~syncthing~other.plaza.tmp", "x");
    plaza::test::write_file(dir.path() / ".stfolder" / "event.plaza", "x");
    CHECK_FALSE(plaza::install::is_stick_folder(dir.path().string()));
    CHECK(plaza::install::stick_folders_under(dir.path().string()).empty());
}

TEST_CASE("an inbox is reported again when a transfer starts and when its file lands") {
    plaza::test::TempDir dir;
    Reports reports;
    std::vector<std::string>& reported = reports.folders;
    plaza::install::UsbWatcher watcher({dir.path().string()}, reports.callback(), 50);
    auto wait_for = [&](size_t count) { return reports.wait_for(count); };
    const auto inbox = dir.path() / "inbox";
    std::filesystem::create_directories(inbox / ".stfolder");
    plaza::test::write_file(inbox / "event.plaza", "v1");
    watcher.start();
    REQUIRE(wait_for(1));
    // A temporary file growing beside it is one change (its name), however much it grows.
    const auto temp = inbox / ".syncthing.event.plaza.tmp";
    for (int i = 0; i < 5; ++i) {
        plaza::test::write_file(temp, std::string(static_cast<size_t>(i + 1) * 1000, 'x'));
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
    }
    REQUIRE(wait_for(2));
    // Renamed over the bundle of the same name (a re-publish): the inbox is reported again.
    std::filesystem::rename(temp, inbox / "event.plaza");
    REQUIRE(wait_for(3));
    watcher.stop();
    CHECK(reported.front() == inbox);
    CHECK(reported.back() == inbox);
}
