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

// `systemd-mount --umount PATH`: the package's udev rule mounts sticks with systemd-mount, and the
// kiosk's service may not unmount anything itself.
Unmount systemd_unmount();

class StickWriter {
  public:
    StickWriter(std::string stick_folder, Unmount unmount);
    ~StickWriter();
    StickWriter(const StickWriter&) = delete;
    StickWriter& operator=(const StickWriter&) = delete;

    // Writes `text` as plaza-report/NAME on the stick; false with `error` (a read-only or full
    // stick, a plaza-report that is not a folder) and nothing half-written.
    bool write(const std::string& name, const std::string& text, std::string& error);
    // Flushes everything on the stick to it and, when the stick folder is a mount point,
    // unmounts it. True when the stick may be pulled now; `error` says what failed otherwise.
    bool release(std::string& error);

  private:
    bool open_report_folder(std::string& error);

    std::string stick_;
    Unmount unmount_;
    int folder_fd_ = -1;
};

}  // namespace plaza::app
