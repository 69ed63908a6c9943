// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/status_writer.h"

#include <sys/statvfs.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/log.h"
#include "core/safe_file.h"

namespace plaza::app {
namespace {

// How long the main thread may take to answer before the status is written without it.
constexpr double kAnswerSeconds = 10.0;

// UTC as the fleet contract writes it: 2026-12-06T10:55:12Z.
std::string utc(std::int64_t ms) {
    return core::format_iso8601(ms, 0).substr(0, 19) + "Z";
}

std::int64_t free_mb(const std::string& folder) {
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) != 0) return -1;
    return static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize) /
           (1024 * 1024);
}

}  // namespace

std::string status_json(const KioskStatus& s, const std::string& watchdog,
                        std::int64_t free_disk_mb, std::int64_t uptime_s,
                        std::int64_t written_at_ms) {
    using Json = nlohmann::ordered_json;
    Json bundle = nullptr;
    if (s.has_bundle) {
        const auto built = core::parse_iso8601_instant(s.built);
        bundle = Json{
            {"id", s.bundle_id}, {"version", s.version}, {"built", built ? utc(*built) : s.built}};
    }
    const InstallResult& i = s.last_install;
    const Json doc = {
        {"format", 1},
        {"kiosk_id", s.kiosk_id},
        {"kiosk_name", s.kiosk_name},
        {"mode", s.mode},
        {"room", s.room},
        {"bundle", bundle},
        {"last_install",
         {{"result", i.result},
          {"message", i.message},
          {"bundle_file", i.bundle_file},
          {"at", i.at_ms > 0 ? utc(i.at_ms) : std::string()}}},
        {"health",
         {{"frames_failing", s.frames_failing},
          {"watchdog", watchdog},
          {"free_disk_mb", free_disk_mb},
          {"clock_sane", s.clock_sane}}},
        {"uptime_s", uptime_s},
        {"touches_today", s.touches_today},
        {"written_at", utc(written_at_ms)},
    };
    // Replaces bytes that are not UTF-8 (a message quoting a file) instead of throwing.
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

StatusClock system_status_clock() {
    return {[] {
                using namespace std::chrono;
                return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
            },
            [] {
                using namespace std::chrono;
                return duration<double>(steady_clock::now().time_since_epoch()).count();
            }};
}

StatusWriter::StatusWriter(StatusSettings settings, StatusClock clock,
                           std::function<void()> refresh)
    : settings_(std::move(settings)),
      clock_(std::move(clock)),
      refresh_(std::move(refresh)),
      started_(clock_.monotonic_seconds()),
      thread_([this] { loop(); }) {}

StatusWriter::~StatusWriter() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        running_ = false;
    }
    wake_.notify_all();
    thread_.join();
    // The last counts (written by the app as it ends) and status, from this thread.
    if (status_ && (changed_ || usage_))
        write(*status_, settings_.watchdog_seconds > 0 ? "ok" : "off", usage_);
}

void StatusWriter::update(KioskStatus status) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        status_ = std::move(status);
        changed_ = true;
    }
    wake_.notify_all();
}

void StatusWriter::usage(std::string csv) {
    std::lock_guard<std::mutex> lock(mutex_);
    usage_ = std::move(csv);
}

void StatusWriter::loop() {
    const bool watched = settings_.watchdog_seconds > 0;
    const double answer_within = watched ? settings_.watchdog_seconds : kAnswerSeconds;
    bool asked = false;
    std::unique_lock<std::mutex> lock(mutex_);
    while (running_) {
        const double wait = asked ? answer_within : settings_.period_seconds;
        const bool woken = wake_.wait_for(lock, std::chrono::duration<double>(wait),
                                          [this] { return changed_ || !running_; });
        if (!running_) break;
        if (!woken && !asked) {
            // A minute passed: ask the main thread for a fresh status.
            asked = true;
            lock.unlock();
            if (refresh_) refresh_();
            lock.lock();
            continue;
        }
        // A new status, or the main thread did not answer in time: the last one again.
        const bool late = !woken;
        asked = false;
        changed_ = false;
        if (!status_) continue;
        const KioskStatus status = *status_;
        std::optional<std::string> usage = std::move(usage_);
        usage_.reset();
        lock.unlock();
        write(status, !watched ? "off" : late ? "late" : "ok", usage);
        lock.lock();
    }
}

void StatusWriter::write(const KioskStatus& status, const std::string& watchdog,
                         const std::optional<std::string>& usage) {
    std::error_code ec;
    std::filesystem::create_directories(settings_.folder, ec);
    const double uptime = clock_.monotonic_seconds() - started_;
    const std::string text =
        status_json(status, watchdog, free_mb(settings_.data_folder),
                    static_cast<std::int64_t>(std::floor(uptime)), clock_.wall_ms());
    bool ok = write_file(settings_.kiosk_id + ".json", text);
    if (usage) ok = write_file(settings_.kiosk_id + ".usage.csv", *usage) && ok;
    if (ok) failing_ = false;
}

bool StatusWriter::write_file(const std::string& name, const std::string& text) {
    const auto done = core::write_file_atomically(settings_.folder, name, text);
    if (done) return true;
    // Once until a write succeeds again, not every minute: the journal of a kiosk running for
    // days stays readable.
    if (!failing_) {
        failing_ = true;
        core::log_error("status file not written (" + done.error() +
                        "); the kiosk runs on without it");
    }
    return false;
}

}  // namespace plaza::app
