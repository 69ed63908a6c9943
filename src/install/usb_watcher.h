// SPDX-License-Identifier: GPL-3.0-or-later
// Watches the configured folders (the USB automount folder, an inbox) for sticks carrying
// bundles or a `plaza-export` marker. A thread sleeps in poll(2) on inotify, with a slow rescan
// as a fallback (a mount does not always raise an inotify event on the folder above it); it
// never spins. A folder is reported once its contents have stayed the same for one rescan, so a
// file still being copied is not picked up half-written; it is reported again only after it
// changes or disappears and comes back.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace plaza::install {

// The file on a stick asking for a usage export.
inline constexpr const char* kExportMarker = "plaza-export";

// A venue's signed fleet file (issue 18), looked at in an inbox beside the bundles.
inline constexpr const char* kFleetFile = "fleet.csv";

// True for what a sync tool keeps in a folder while it works, never content: Syncthing's
// temporary files (`.syncthing.NAME.tmp`, and `~syncthing~NAME.tmp` where dot files are awkward)
// and its `.stfolder` marker (https://docs.syncthing.net/users/syncing.html#temporary-files).
bool is_transfer_file(const std::string& name);

// The temporary file names a transfer of `name` uses while it is under way.
std::vector<std::string> transfer_names_of(const std::string& name);

// True when `folder` holds a bundle (*.plaza), the export marker or a fleet file.
bool is_stick_folder(const std::string& folder);

// The root itself and each folder directly below it that is a stick folder.
std::vector<std::string> stick_folders_under(const std::string& root);

class UsbWatcher {
  public:
    using OnStick = std::function<void(const std::string& folder)>;
    // `on_stick` runs on the watcher's thread.
    UsbWatcher(std::vector<std::string> roots, OnStick on_stick, int rescan_ms = 2000);
    ~UsbWatcher();
    UsbWatcher(const UsbWatcher&) = delete;
    UsbWatcher& operator=(const UsbWatcher&) = delete;

    void start();
    void stop();

  private:
    void loop();
    void scan();
    void add_watches();

    std::vector<std::string> roots_;
    OnStick on_stick_;
    int rescan_ms_;
    int inotify_fd_ = -1;
    int stop_fd_ = -1;                            // an eventfd that wakes poll(2) to stop
    std::map<std::string, std::string> seen_;     // folder -> fingerprint last reported
    std::map<std::string, std::string> pending_;  // folder -> fingerprint waiting to settle
    std::thread thread_;
    std::atomic<bool> running_{false};
};

}  // namespace plaza::install
