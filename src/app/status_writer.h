// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's status file for a venue's fleet (issue 18, /docs/fleet.md): <kiosk_id>.json in the
// status folder, which a sync tool carries back to the organisers, written whole (a temporary
// file beside it, then renamed) at once on every change and every minute; and <kiosk_id>.usage.csv
// with the usage counts, as a stick export has them. A thread of its own does the writing, so a
// slow or full disk never holds up a frame, and a status folder that cannot be written is one log
// line: the kiosk runs on without status files.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/usb_content.h"

namespace plaza::app {

// What the kiosk knows about itself, gathered on the main thread.
struct KioskStatus {
    std::string kiosk_id;
    std::string kiosk_name;
    std::string mode = "kiosk";  // "kiosk" or "room"
    std::string room;
    bool has_bundle = false;
    std::string bundle_id;
    std::int64_t version = 0;
    std::string built;  // the bundle's build time, as it records it
    InstallResult last_install;
    int frames_failing = 0;
    bool clock_sane = true;
    std::int64_t touches_today = 0;
};

// The status file's text (the fleet contract's keys, in its order). `watchdog` is "ok", "late" or
// "off"; times are UTC milliseconds.
std::string status_json(const KioskStatus& status, const std::string& watchdog,
                        std::int64_t free_disk_mb, std::int64_t uptime_s,
                        std::int64_t written_at_ms);

// The clocks the writer reads; tests give their own.
struct StatusClock {
    std::function<std::int64_t()> wall_ms;      // UTC milliseconds
    std::function<double()> monotonic_seconds;  // for the uptime and the minute
};
StatusClock system_status_clock();

struct StatusSettings {
    std::string folder;       // the status folder; created when missing
    std::string kiosk_id;     // the files' names
    std::string data_folder;  // free disk is measured there
    double period_seconds = 60.0;
    // The service watchdog's interval in seconds, 0 without one: the main thread not answering
    // within it is reported as "late".
    double watchdog_seconds = 0.0;
};

class StatusWriter {
  public:
    // `refresh` runs on the writer's thread each period: it asks the main thread for a fresh
    // status, which comes back through update(). Until one comes, the last one is written again.
    StatusWriter(StatusSettings settings, StatusClock clock, std::function<void()> refresh);
    // Writes what is still pending (the last usage counts at exit), then stops.
    ~StatusWriter();
    StatusWriter(const StatusWriter&) = delete;
    StatusWriter& operator=(const StatusWriter&) = delete;

    // Any thread: the status now; written at once.
    void update(KioskStatus status);
    // Any thread: the usage export's text; written with the next status.
    void usage(std::string csv);

  private:
    void loop();
    void write(const KioskStatus& status, const std::string& watchdog,
               const std::optional<std::string>& usage);  // writer thread, unlocked
    bool write_file(const std::string& name, const std::string& text);

    StatusSettings settings_;
    StatusClock clock_;
    std::function<void()> refresh_;
    double started_ = 0.0;
    bool failing_ = false;  // the problem was logged; until a write succeeds again
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<KioskStatus> status_;
    std::optional<std::string> usage_;  // not yet written
    bool changed_ = false;
    bool running_ = true;
    std::thread thread_;  // last: starts once everything it reads is set
};

}  // namespace plaza::app
