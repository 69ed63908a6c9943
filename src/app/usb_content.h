// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk side of USB content (issue 7), between the installer and the app: watches the
// configured folders (live) or a folder named by a headless script, installs on its own worker
// thread, hands new content to the app between frames (go_live), keeps the state database
// (install history, the usage counts the app hands it), writes plaza-report.txt and usage
// exports into the stick's plaza-report/ folder and lets go of the stick (stick_writer.h), and
// carries out what staff choose in the admin panel (admin_panel.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/stick_writer.h"
#include "content/content_store.h"
#include "content/state_store.h"
#include "core/background_worker.h"
#include "core/idle_policy.h"
#include "install/bundle_installer.h"
#include "install/usb_watcher.h"
#include "ui/screens/admin_screen.h"

namespace plaza::app {

struct UsbSettings {
    std::string data_folder;
    std::vector<std::string> trusted_key_files;
    std::vector<std::string> watch_folders;
    std::string admin_pin;
    bool usage_export = true;
    bool allow_quit = false;
    bool watch = true;  // false: only `usb PATH` lines are looked at
    // A venue's fleet (status_writer.h): the kiosk's id and name, and the status folder (empty:
    // no status files).
    std::string kiosk_id;
    std::string kiosk_name;
    std::string status_folder;
    // Why this start shows other content than the installed bundle (install::StartGuard): shown
    // to staff and kept with the admin panel's errors.
    std::string start_notice;
};

// The venue's fleet file in the inbox, and where the kiosk keeps the values it applied from it
// (in its data folder, read at start over the local configuration).
inline constexpr const char* kFleetValuesFile = "fleet.conf";
inline constexpr std::int64_t kFleetFileBytes = 1024 * 1024;

// The last install this kiosk tried, for the status file (fleet-contract "last_install").
struct InstallResult {
    std::string result = "none";  // "installed", "refused" or "none"
    std::string message;
    std::string bundle_file;  // the file's name in the stick folder or inbox
    std::int64_t at_ms = 0;
};

// The host name made safe for a file name: letters, digits and '-', anything else '_'.
std::string host_name();

// What the app does for it, on the main thread between frames.
struct UsbHooks {
    // New content went live (installed, rolled back, reloaded): swap store, UI, fonts, images.
    std::function<void(content::ContentStore store, const std::string& path)> replace_content;
    std::function<void()> quit;
    // A short notice for staff, over whatever is on screen.
    std::function<void(const std::string& text)> notice;
    // The usage counted since the last call, for the state database.
    std::function<content::UsageBatch()> take_usage;
    // An install was tried (installed or refused); may be empty.
    std::function<void(const InstallResult& result)> installed;
    // A verified fleet.csv gave this kiosk's row (empty: it has none); may be empty.
    std::function<void(const FleetValues& values)> fleet;
    // Worker thread: the usage export's text after counts were added; may be empty.
    std::function<void(const std::string& csv)> usage_written;
};

// What is shown now, for the version check and the admin panel.
struct LiveBundle {
    std::string path, bundle_id, event_name, key_id;
    std::int64_t version = 0;
};

class UsbContent {
  public:
    UsbContent(UsbSettings settings, core::MainThreadQueue& main_thread, UsbHooks hooks,
               LiveBundle live);
    ~UsbContent();
    UsbContent(const UsbContent&) = delete;
    UsbContent& operator=(const UsbContent&) = delete;

    // Treats `folder` as a stick that was just plugged in (the watcher, or `usb PATH`).
    void stick_inserted(const std::string& folder);
    bool busy() const { return busy_.load() > 0; }

    // Main thread:
    // The visitor's language, for the notices (after each visitor frame).
    void visitor_language(const std::string& code) { language_ = code; }
    // Hands the usage counted so far to the worker, which adds it to the state database.
    void flush_usage();
    // What the admin panel shows of bundles: the live one, history, errors, what it offers.
    ui::AdminStatus admin_status() const;
    // Carries out what staff chose in the admin panel.
    void act(ui::AdminAction action);
    void content_replaced(const LiveBundle& live);
    // Any thread: the last install tried since the kiosk started.
    InstallResult last_install() const;

  private:
    void post_job(std::function<void()> job);
    // Worker: opens the bundle at `live.path` and hands it to the main thread, which swaps it in
    // between frames and tells staff; logs why after `context` when it does not open.
    void go_live(const LiveBundle& live, const std::string& context);
    std::int64_t version_to_beat(const LiveBundle& live) const;
    void handle_folder(const std::string& folder);  // worker
    bool is_inbox(const std::string& folder) const;
    // The inbox's bundle and signature pairs that are complete (no transfer under way) and new or
    // changed since they were last looked at.
    std::vector<install::Candidate> complete_pairs(const std::string& inbox);  // worker
    // Installs one bundle, tells staff and the log, and makes it live.
    install::Outcome install_candidate(const install::Candidate& c, bool keep_previous,
                                       bool from_inbox);                          // worker
    void note_install(const install::Outcome& outcome, const std::string& file);  // worker
    // Applies a new or changed, complete and verified fleet.csv in the inbox.
    void check_fleet(const std::string& inbox);  // worker
    void export_usage(StickWriter& stick);       // worker
    // Syncs and unmounts a stick the kiosk is done with and tells staff they may pull it.
    void let_go(StickWriter& stick);                                   // worker
    void record(const install::Outcome& outcome, const char* result);  // worker
    void refresh_history();                                            // worker
    void usage_written();                                              // worker
    void add_error(const std::string& error);                          // main

    UsbSettings settings_;
    core::MainThreadQueue& main_thread_;
    UsbHooks hooks_;
    install::Installer installer_;
    std::vector<std::string> key_errors_;
    std::atomic<std::int64_t> live_version_;
    std::atomic<int> busy_{0};
    std::unique_ptr<install::UsbWatcher> watcher_;
    // Worker thread only:
    std::unique_ptr<content::StateStore> state_;
    std::string live_path_worker_;
    std::map<std::string, std::string> inbox_seen_;  // bundle file name -> stamp of the pair
    std::string fleet_seen_;                         // stamp of the fleet.csv pair looked at
    // Shared with the main thread:
    mutable std::mutex mutex_;
    std::vector<std::string> history_lines_;
    InstallResult last_install_;
    // Main thread only:
    LiveBundle live_;
    std::vector<std::string> last_errors_;
    std::string language_;
    // Last member: joined first, so no job outlives what it uses.
    core::BackgroundWorker worker_;
};

}  // namespace plaza::app
