// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/stick_writer.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "core/safe_file.h"
#include "platform/run_program.h"

namespace plaza::app {
namespace {

std::string strerror_text(int e) {
    return std::strerror(e);
}

// A mount point is on another device than its parent (or is the root itself).
bool is_mount_point(const std::string& folder) {
    struct stat self {
    }, parent{};
    if (::stat(folder.c_str(), &self) != 0 || ::stat((folder + "/..").c_str(), &parent) != 0)
        return false;
    return self.st_dev != parent.st_dev || self.st_ino == parent.st_ino;
}

}  // namespace

Unmount default_unmount() {
    return [](const std::string& mount_point, std::string& error) {
        std::string systemd_error;
        if (platform::on_path("systemd-mount") &&
            platform::run_program({"systemd-mount", "--umount", mount_point}, systemd_error) == 0)
            return true;
        if (::umount2(mount_point.c_str(), 0) == 0) return true;
        error = (systemd_error.empty() ? "" : systemd_error + "; ") + "umount " + mount_point +
                ": " + strerror_text(errno);
        return false;
    };
}

StickWriter::StickWriter(std::string stick_folder, Unmount unmount)
    : stick_(std::move(stick_folder)), unmount_(std::move(unmount)) {}

StickWriter::~StickWriter() {
    if (folder_fd_ >= 0) ::close(folder_fd_);
}

bool StickWriter::open_report_folder(std::string& error) {
    if (folder_fd_ >= 0) return true;
    const std::string folder = stick_ + "/" + kStickReportFolder;
    if (::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST) {
        error = folder + ": " + strerror_text(errno);
        return false;
    }
    // O_NOFOLLOW: a plaza-report on the stick that is a link leads nowhere the kiosk writes.
    folder_fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (folder_fd_ < 0) {
        error = folder + ": " + strerror_text(errno);
        return false;
    }
    return true;
}

bool StickWriter::write(const std::string& name, const std::string& text, std::string& error) {
    if (!open_report_folder(error)) return false;
    // Through a temporary file, fsynced and renamed over the name, so a stick pulled half-way
    // holds the old file or the new one; a FIFO, link or folder under either name is left alone
    // instead of blocking the worker (issue 20).
    auto written = core::write_file_atomically(stick_ + "/" + kStickReportFolder, name, text);
    if (!written) {
        error = written.error();
        return false;
    }
    return true;
}

Released StickWriter::release() {
    Released r;
    r.stick = is_mount_point(stick_);
    if (folder_fd_ >= 0) {
        // Every file was fsynced; syncfs() also covers the folder entries and the FAT, whatever
        // the mount options.
        const bool synced = ::syncfs(folder_fd_) == 0;
        if (!synced) r.problem = stick_ + ": " + strerror_text(errno);
        ::close(folder_fd_);
        folder_fd_ = -1;
        if (!synced) return r;
    }
    r.safe_to_pull = true;
    // A folder that is not a mount of its own (the inbox in the data folder) is no stick.
    if (r.stick) r.unmounted = unmount_(stick_, r.problem);
    return r;
}

}  // namespace plaza::app
