// SPDX-License-Identifier: GPL-3.0-or-later
// What Plaza writes back to a USB stick, and how it lets go of it (issue 14). Only into the
// stick's plaza-report/ folder, each file whole (temporary name, fsync, rename), never through a
// link the stick holds; then the stick's file system is synced and, where the stick is a mount
// of its own, unmounted through systemd-mount (which mounted it), so that "You can remove the
// stick" is true when the kiosk says it.
#pragma once

#include <functional>
#include <string>

namespace plaza::app {

inline constexpr const char* kStickReportFolder = "plaza-report";

// Unmounts the file system mounted at `mount_point`; false with `error` when it could not.
using Unmount = std::function<bool(const std::string& mount_point, std::string& error)>;

// `systemd-mount --umount PATH` (the package's udev rule mounts sticks with systemd-mount; the
// service may stop that mount where polkit lets the plaza user), else umount(2) where the process
// may unmount itself.
Unmount default_unmount();

// What letting go of a stick came to.
struct Released {
    bool stick = false;         // the folder was a mount of its own (not, e.g., the inbox)
    bool safe_to_pull = false;  // everything written is on the stick
    bool unmounted = false;
    std::string problem;  // why it is not safe to pull, or not unmounted
};

class StickWriter {
  public:
    StickWriter(std::string stick_folder, Unmount unmount);
    ~StickWriter();
    StickWriter(const StickWriter&) = delete;
    StickWriter& operator=(const StickWriter&) = delete;

    // Writes `text` as plaza-report/NAME on the stick; false with `error` (a read-only or full
    // stick, a plaza-report that is not a folder) and nothing half-written.
    bool write(const std::string& name, const std::string& text, std::string& error);
    // Flushes everything written to the stick and, when the stick folder is a mount point,
    // unmounts it. A stick whose unmount failed is still safe to pull once it is synced (it is
    // mounted with `sync`, and its entry goes when it is pulled).
    Released release();
    const std::string& folder() const { return stick_; }

  private:
    bool open_report_folder(std::string& error);

    std::string stick_;
    Unmount unmount_;
    int folder_fd_ = -1;
};

}  // namespace plaza::app
