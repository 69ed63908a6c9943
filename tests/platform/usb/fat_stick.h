// SPDX-License-Identifier: GPL-3.0-or-later
// A real FAT stick for tests: a 16 MiB image made with mkfs.vfat (Debian's dosfstools), mounted
// as the package's udev rule mounts sticks (rw, sync, nosuid, nodev, noexec): loop-mounted with
// the kernel's vfat where the kernel has it (a Pi's does), else through fusefat (Debian's FUSE
// FAT driver; some CI kernels are built without vfat). The test binary runs in a mount namespace
// of its own (`unshare --mount --propagation private`), so nothing stays mounted.
#pragma once

#include <doctest/doctest.h>
#include <sys/mount.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "bundle_test_support.h"

namespace plaza::test {

inline bool mounted_at(const std::string& folder) {
    std::ifstream mounts("/proc/self/mounts");
    std::string line;
    while (std::getline(mounts, line)) {
        std::istringstream fields(line);
        std::string device, where;
        fields >> device >> where;
        if (where == folder) return true;
    }
    return false;
}

inline bool kernel_has_vfat() {
    std::ifstream filesystems("/proc/filesystems");
    std::string line;
    while (std::getline(filesystems, line)) {
        if (line.find("\tvfat") != std::string::npos) return true;
    }
    return false;
}

class FatStick {
  public:
    explicit FatStick(const std::string& options = "rw,sync,nosuid,nodev,noexec") {
        REQUIRE(std::system(("mkfs.vfat -C " + image() + " 16384 >/dev/null").c_str()) == 0);
        std::filesystem::create_directories(mount_point());
        mount(options);
    }
    ~FatStick() {
        if (mounted_at(mount_point())) ::umount2(mount_point().c_str(), MNT_DETACH);
    }
    FatStick(const FatStick&) = delete;
    FatStick& operator=(const FatStick&) = delete;

    std::string image() const { return dir_ / "stick.img"; }
    std::string mount_point() const { return dir_ / "sda1"; }
    // Mounts the image again (after the kiosk let go of it), e.g. read-only to look at it.
    void mount(const std::string& options) {
        const bool rw = options.rfind("rw", 0) == 0;
        const std::string command =
            kernel_has_vfat()
                ? "mount -t vfat -o loop," + options + " " + image() + " " + mount_point()
                : "fusefat -o " + std::string(rw ? "rw+" : "ro") + " " + image() + " " +
                      mount_point() + " >/dev/null 2>&1";
        REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
    }
    void unmount() { REQUIRE(::umount2(mount_point().c_str(), 0) == 0); }

  private:
    TempDir dir_;
};

}  // namespace plaza::test
