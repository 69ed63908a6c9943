// SPDX-License-Identifier: GPL-3.0-or-later
#include "install/usb_watcher.h"

#include <dirent.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace plaza::install {
namespace {

bool ends_with(const std::string& s, const char* suffix) {
    const std::string x = suffix;
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

std::vector<std::string> entries(const std::string& folder) {
    std::vector<std::string> out;
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(folder.c_str()), ::closedir);
    if (!dir) return out;
    while (const dirent* e = ::readdir(dir.get())) {
        const std::string name = e->d_name;
        if (name != "." && name != "..") out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool starts_with(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Names, sizes and modification times of what matters in a stick folder. A transfer's temporary
// file counts by its name only: it grows while it is written, but its coming and going (renamed
// to the real name, or dropped) is what changes the folder.
std::string fingerprint(const std::string& folder) {
    std::string fp;
    for (const std::string& name : entries(folder)) {
        if (is_transfer_file(name)) {
            fp += name + ";";
            continue;
        }
        if (!ends_with(name, ".plaza") && !ends_with(name, ".minisig") && name != kExportMarker &&
            name != kFleetFile)
            continue;
        struct stat st {};
        if (::lstat((folder + "/" + name).c_str(), &st) != 0) continue;
        fp += name + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) +
              "." + std::to_string(st.st_mtim.tv_nsec) + ";";
    }
    return fp;
}

}  // namespace

bool is_transfer_file(const std::string& name) {
    return name == ".stfolder" || (ends_with(name, ".tmp") && (starts_with(name, ".syncthing.") ||
                                                               starts_with(name, "~syncthing~")));
}

std::vector<std::string> transfer_names_of(const std::string& name) {
    return {".syncthing." + name + ".tmp", "~syncthing~" + name + ".tmp"};
}

bool is_stick_folder(const std::string& folder) {
    for (const std::string& name : entries(folder)) {
        if (is_transfer_file(name)) continue;
        if ((ends_with(name, ".plaza") && name[0] != '.') || name == kExportMarker ||
            name == kFleetFile)
            return true;
    }
    return false;
}

std::vector<std::string> stick_folders_under(const std::string& root) {
    std::vector<std::string> out;
    if (is_stick_folder(root)) out.push_back(root);
    for (const std::string& name : entries(root)) {
        const std::string path = root + "/" + name;
        struct stat st {};
        // lstat: a symbolic link on a stick does not lead the watcher elsewhere.
        if (!is_transfer_file(name) && ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) &&
            is_stick_folder(path))
            out.push_back(path);
    }
    return out;
}

UsbWatcher::UsbWatcher(std::vector<std::string> roots, OnStick on_stick, int rescan_ms)
    : roots_(std::move(roots)), on_stick_(std::move(on_stick)), rescan_ms_(rescan_ms) {}

UsbWatcher::~UsbWatcher() {
    stop();
}

void UsbWatcher::start() {
    if (running_) return;
    inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    stop_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    running_ = true;
    thread_ = std::thread([this] { loop(); });
}

void UsbWatcher::stop() {
    if (!running_) return;
    running_ = false;
    const std::uint64_t one = 1;
    if (stop_fd_ >= 0 && ::write(stop_fd_, &one, sizeof one) < 0) {
        // Nothing to do: the thread still wakes at its next rescan.
    }
    if (thread_.joinable()) thread_.join();
    if (inotify_fd_ >= 0) ::close(inotify_fd_);
    if (stop_fd_ >= 0) ::close(stop_fd_);
    inotify_fd_ = stop_fd_ = -1;
}

void UsbWatcher::add_watches() {
    if (inotify_fd_ < 0) return;
    constexpr std::uint32_t kMask =
        IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_CLOSE_WRITE | IN_ATTRIB;
    // inotify_add_watch on a watched path only updates it, so calling this on every scan also
    // picks up sticks mounted since the last one.
    for (const std::string& root : roots_) {
        ::inotify_add_watch(inotify_fd_, root.c_str(), kMask);
        for (const std::string& name : entries(root)) {
            const std::string path = root + "/" + name;
            struct stat st {};
            if (::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
                ::inotify_add_watch(inotify_fd_, path.c_str(), kMask);
        }
    }
}

void UsbWatcher::scan() {
    std::map<std::string, std::string> now;
    for (const std::string& root : roots_) {
        for (const std::string& folder : stick_folders_under(root))
            now[folder] = fingerprint(folder);
    }
    // Forget folders that went away: the same stick plugged in again is reported again.
    for (auto it = seen_.begin(); it != seen_.end();) {
        it = now.count(it->first) ? std::next(it) : seen_.erase(it);
    }
    for (const auto& [folder, fp] : now) {
        if (seen_.count(folder) && seen_[folder] == fp) continue;
        auto pending = pending_.find(folder);
        if (pending != pending_.end() && pending->second == fp) {
            seen_[folder] = fp;
            pending_.erase(pending);
            if (on_stick_) on_stick_(folder);
        } else {
            pending_[folder] = fp;
        }
    }
    for (auto it = pending_.begin(); it != pending_.end();) {
        it = now.count(it->first) ? std::next(it) : pending_.erase(it);
    }
}

void UsbWatcher::loop() {
    while (running_) {
        add_watches();
        scan();
        // While something waits to settle, look again sooner.
        const int timeout = pending_.empty() ? rescan_ms_ : std::min(rescan_ms_, 500);
        pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
        ::poll(fds, 2, timeout);
        if (fds[0].revents & POLLIN) {
            alignas(inotify_event) char buffer[4096];
            while (::read(inotify_fd_, buffer, sizeof buffer) > 0) {
            }
            // Let a burst of events (a copy in progress) end before looking.
            ::poll(fds + 1, 1, 200);
        }
    }
}

}  // namespace plaza::install
