// SPDX-License-Identifier: GPL-3.0-or-later
// app::StickWriter on a real loop-mounted FAT stick: the report and the usage counts land in
// plaza-report/ and nowhere else, whole, synced; the stick is unmounted so it may be pulled; a
// read-only stick, a plaza-report that is a link, and a folder that is no stick.
#include <doctest/doctest.h>
#include <sys/mount.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "app/stick_writer.h"
#include "fat_stick.h"

using plaza::app::StickWriter;
using plaza::test::FatStick;
using plaza::test::read_file;

namespace {

// Unmounts as systemd-mount --umount would, and remembers what it was asked.
struct RecordingUnmount {
    std::vector<std::string> asked;
    plaza::app::Unmount function() {
        return [this](const std::string& where, std::string& error) {
            asked.push_back(where);
            if (::umount2(where.c_str(), 0) == 0) return true;
            error = "umount failed";
            return false;
        };
    }
};

std::set<std::string> names_in(const std::string& folder) {
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        names.insert(e.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE(
    "on a FAT stick the report and usage go into plaza-report/, synced, and it is unmounted") {
    FatStick stick;
    const std::string bundle(300000, 'b');
    plaza::test::write_file(stick.mount_point() + "/event.plaza", bundle);
    RecordingUnmount unmount;
    StickWriter writer(stick.mount_point(), unmount.function());
    std::string error;
    CHECK(writer.write("plaza-report.txt", "event.plaza: installed, version 3\n", error));
    CHECK(writer.write("plaza-usage-kiosk.csv", "kind,id,title,count\n", error));
    CHECK(writer.write("plaza-report.txt", "event.plaza: already shown\n", error));
    CHECK(error.empty());
    const plaza::app::Released released = writer.release();
    CHECK(released.stick);
    CHECK(released.safe_to_pull);
    CHECK(released.unmounted);
    CHECK(unmount.asked == std::vector<std::string>{stick.mount_point()});
    CHECK_FALSE(plaza::test::mounted_at(stick.mount_point()));

    // What the organiser finds on the stick afterwards (mounted again, read-only).
    stick.mount("ro");
    CHECK(names_in(stick.mount_point()) == std::set<std::string>{"event.plaza", "plaza-report"});
    CHECK(read_file(stick.mount_point() + "/event.plaza") == bundle);
    const std::string report = stick.mount_point() + "/plaza-report";
    CHECK(names_in(report) == std::set<std::string>{"plaza-report.txt", "plaza-usage-kiosk.csv"});
    CHECK(read_file(report + "/plaza-report.txt") == "event.plaza: already shown\n");
    CHECK(read_file(report + "/plaza-usage-kiosk.csv") == "kind,id,title,count\n");
}

TEST_CASE("a read-only stick gets nothing, says why, and is still let go of") {
    FatStick stick("ro,nosuid,nodev,noexec");
    RecordingUnmount unmount;
    StickWriter writer(stick.mount_point(), unmount.function());
    std::string error;
    CHECK_FALSE(writer.write("plaza-report.txt", "report\n", error));
    CHECK(error.find(stick.mount_point() + "/plaza-report") == 0);
    CHECK(error.find("Read-only file system") != std::string::npos);
    const plaza::app::Released released = writer.release();
    CHECK(released.safe_to_pull);
    CHECK(released.unmounted);
    CHECK(unmount.asked.size() == 1);
}

TEST_CASE("a plaza-report that is a link is not followed, and a plain folder is not unmounted") {
    plaza::test::TempDir folder;
    plaza::test::TempDir elsewhere;
    std::filesystem::create_directory_symlink(elsewhere.path(), folder / "plaza-report");
    RecordingUnmount unmount;
    StickWriter writer(folder.path().string(), unmount.function());
    std::string error;
    CHECK_FALSE(writer.write("plaza-report.txt", "report\n", error));
    CHECK(std::filesystem::is_empty(elsewhere.path()));
    const plaza::app::Released released = writer.release();
    CHECK_FALSE(released.stick);
    CHECK(released.safe_to_pull);
    CHECK(unmount.asked.empty());
}

TEST_CASE("a stick whose unmount is refused is still safe to pull once synced") {
    FatStick stick;
    StickWriter writer(stick.mount_point(), [](const std::string&, std::string& error) {
        error = "systemd-mount --umount: access denied";
        return false;
    });
    std::string error;
    CHECK(writer.write("plaza-report.txt", "report\n", error));
    const plaza::app::Released released = writer.release();
    CHECK(released.stick);
    CHECK(released.safe_to_pull);
    CHECK_FALSE(released.unmounted);
    CHECK(released.problem == "systemd-mount --umount: access denied");
}
