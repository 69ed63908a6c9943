// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/usb_content.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "core/civil_time.h"
#include "core/log.h"
#include "core/safe_file.h"
#include "ui/i18n/phrases.h"

namespace plaza::app {
namespace {

constexpr size_t kLastErrors = 8;

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string host_name() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) return "kiosk";
    std::string out;
    for (const char* p = buf; *p; ++p) {
        const char c = *p;
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '_';
    }
    return out;
}

UsbContent::UsbContent(UsbSettings settings, core::MainThreadQueue& main_thread, UsbHooks hooks,
                       LiveBundle live)
    : settings_(std::move(settings)),
      main_thread_(main_thread),
      hooks_(std::move(hooks)),
      installer_([&] {
          install::InstallerConfig c;
          c.data_folder = settings_.data_folder;
          c.trusted_keys = install::load_trusted_keys(settings_.trusted_key_files, key_errors_);
          return c;
      }()),
      live_version_(version_to_beat(live)),
      live_(std::move(live)) {
    for (const std::string& e : key_errors_) {
        core::log_error(e);
        last_errors_.push_back(e);
    }
    if (!settings_.start_notice.empty()) {
        add_error(settings_.start_notice);
        hooks_.notice(settings_.start_notice);
    }
    post_job([this] {
        std::error_code ec;
        std::filesystem::create_directories(settings_.data_folder, ec);
        installer_.recover();  // leftovers of an install a power cut interrupted
        auto state = content::StateStore::open(settings_.data_folder + "/state.db");
        if (state) {
            state_ = std::make_unique<content::StateStore>(std::move(state.value()));
        } else {
            core::log_error("no state database, so no install history or usage counts: " +
                            state.error());
        }
        refresh_history();
        usage_written();
    });
    if (settings_.watch && !settings_.watch_folders.empty()) {
        // The watcher's thread only asks the main thread, which adds the usage batch first
        // (an export then holds every count) and then queues the stick for the worker.
        watcher_ = std::make_unique<install::UsbWatcher>(
            settings_.watch_folders, [this](const std::string& folder) {
                main_thread_.post([this, folder] { stick_inserted(folder); });
            });
        watcher_->start();
    }
}

UsbContent::~UsbContent() {
    if (watcher_) watcher_->stop();
    // Let a running install finish (bounded), then write the last counts from this thread:
    // the worker is idle, and queued jobs would be dropped with it.
    for (int i = 0; i < 5000 && busy(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (busy() || !state_) return;
    const content::UsageBatch batch = hooks_.take_usage();
    if (!batch.empty()) state_->add_usage(batch, live_.path);
    usage_written();
}

void UsbContent::usage_written() {
    if (state_ && hooks_.usage_written)
        hooks_.usage_written(content::usage_csv(state_->usage_rows()));
}

InstallResult UsbContent::last_install() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_install_;
}

void UsbContent::post_job(std::function<void()> job) {
    ++busy_;
    worker_.post([this, job = std::move(job)] {
        job();
        --busy_;  // after the job posted its results: a script waiting on busy() sees them
    });
}

void UsbContent::stick_inserted(const std::string& folder) {
    flush_usage();
    post_job([this, folder] { handle_folder(folder); });
}

void UsbContent::record(const install::Outcome& o, const char* result) {
    if (!state_) return;
    content::InstallRecord r;
    r.at_ms = now_ms();
    r.result = result;
    r.bundle_id = o.bundle.bundle_id;
    r.version = o.bundle.version;
    r.key_id = o.bundle.key_id;
    r.detail = o.ok() ? o.detail : o.reason + ": " + o.detail;
    if (auto done = state_->add_install(r); !done) core::log_error(done.error());
}

void UsbContent::refresh_history() {
    std::vector<std::string> lines;
    if (state_) {
        for (const auto& r : state_->install_history(10)) {
            lines.push_back(core::format_iso8601(r.at_ms, 0).substr(0, 16) + " " + r.result + " " +
                            r.bundle_id + " v" + std::to_string(r.version) +
                            (r.result == "refused" ? " - " + r.detail : ""));
        }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    history_lines_ = std::move(lines);
}

namespace {

// Size and modification time of a file, or empty when it is not there.
std::string file_stamp(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return {};
    const auto time = std::filesystem::last_write_time(path, ec);
    return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

std::string describe(const FleetValues& values) {
    std::string out;
    for (const auto& [key, value] : values)
        out += (out.empty() ? "" : ", ") + key + " = " + value;
    return out;
}

// A transfer of the file is under way: its sync tool's temporary file is beside it.
bool in_transfer(const std::string& path) {
    const std::filesystem::path p(path);
    for (const std::string& temp : install::transfer_names_of(p.filename().string())) {
        std::error_code ec;
        if (std::filesystem::exists(p.parent_path() / temp, ec)) return true;
    }
    return false;
}

}  // namespace

bool UsbContent::is_inbox(const std::string& folder) const {
    std::error_code ec;
    return std::filesystem::equivalent(folder, settings_.data_folder + "/inbox", ec);
}

std::vector<install::Candidate> UsbContent::complete_pairs(const std::string& inbox) {
    std::vector<install::Candidate> out;
    std::map<std::string, std::string> now;
    for (const install::Candidate& c : install::find_candidates(inbox)) {
        const std::string name = std::filesystem::path(c.bundle).filename().string();
        const std::string stamp = file_stamp(c.bundle) + "," + file_stamp(c.signature);
        now[name] = stamp;
        if (file_stamp(c.signature).empty() || in_transfer(c.bundle) || in_transfer(c.signature)) {
            core::log_info("inbox: " + name + " waits for its signature or transfer to complete");
            now.erase(name);  // looked at again once it is complete
            continue;
        }
        const auto seen = inbox_seen_.find(name);
        if (seen == inbox_seen_.end() || seen->second != stamp) out.push_back(c);
    }
    inbox_seen_ = std::move(now);
    return out;
}

void UsbContent::handle_folder(const std::string& folder) {
    // A folder kept in step by a sync tool is not a stick: only its complete pairs that are new
    // or changed since they were last looked at are installed, and nothing is written into it
    // (it is receive-only; a file there would be a local change the sync tool reports).
    if (is_inbox(folder)) {
        check_fleet(folder);
        for (const install::Candidate& c : complete_pairs(folder))
            install_candidate(c, true, true);
        refresh_history();
        return;
    }
    // The stick is read once, by the installer, into private storage; from here on it is only
    // written to, in its plaza-report/ folder, and then let go of.
    StickWriter stick(folder, default_unmount());
    const auto candidates = install::find_candidates(folder);
    std::string report;
    if (candidates.empty()) {
        // Sticks are often laid out with a folder per purpose; nothing happening looked broken.
        std::string found;
        for (const std::string& name : install::bundles_in_subfolders(folder))
            found += (found.empty() ? "" : ", ") + name;
        if (!found.empty()) {
            core::log_warning("bundles in a folder on the stick are not read: " + folder + ": " +
                              found);
            report = "Plaza reads .plaza files at the top of the stick, not in a folder; found: " +
                     found + "\n";
            main_thread_.post([this, found] {
                hooks_.notice(std::string(ui::tr(language_, ui::Phrase::usb_bundle_in_folder)) +
                              ": " + found);
            });
        }
    }
    // The first bundle a stick installs keeps what was live before as the one to roll back to;
    // a later one from the same stick replaces it without becoming that target (issue 20).
    bool installed = false;
    for (const install::Candidate& c : candidates) {
        const install::Outcome o = install_candidate(c, !installed, false);
        report += install::format_report(o, std::filesystem::path(c.bundle).filename().string(),
                                         core::format_iso8601(now_ms(), 0)) +
                  "\n";
        installed = installed || o.ok();
    }
    if (!report.empty()) {
        std::string error;
        if (!stick.write("plaza-report.txt", report, error))
            core::log_info("no plaza-report.txt written to the stick (" + error + ")");
    }
    if (std::filesystem::exists(folder + "/" + install::kExportMarker)) export_usage(stick);
    refresh_history();
    let_go(stick);
}

install::Outcome UsbContent::install_candidate(const install::Candidate& c, bool keep_previous,
                                               bool from_inbox) {
    const install::Outcome o = installer_.install(c, live_version_.load(), false, keep_previous);
    const std::string file = std::filesystem::path(c.bundle).filename().string();
    // An inbox keeps the bundles it was sent; the ones this kiosk already has are not news.
    if (from_inbox && o.refusal == install::Refusal::not_newer) {
        core::log_info("inbox: " + file + " is not newer than the live bundle; left alone");
        return o;
    }
    record(o, o.ok() ? "installed" : "refused");
    note_install(o, file);
    if (!o.ok()) {
        core::log_warning("USB content refused: " + c.bundle + ": " + o.reason + " (" + o.detail +
                          ")");
        main_thread_.post([this, o] {
            add_error(o.reason + ": " + o.detail);
            hooks_.notice(std::string(ui::tr(language_, ui::Phrase::usb_refused)) + ": " +
                          o.reason + " — " + ui::tr(language_, ui::Phrase::details_in_admin));
        });
        return o;
    }
    core::log_info(o.detail + " from " + c.bundle);
    go_live({installer_.live_path(), o.bundle.bundle_id, o.bundle.event_name, o.bundle.key_id,
             o.bundle.version},
            "the installed bundle cannot be opened: ");
    return o;
}

void UsbContent::check_fleet(const std::string& inbox) {
    const install::Candidate c{inbox + "/" + install::kFleetFile,
                               inbox + "/" + install::kFleetFile + ".minisig"};
    const std::string stamp = file_stamp(c.bundle) + "," + file_stamp(c.signature);
    if (file_stamp(c.bundle).empty() || stamp == fleet_seen_) return;
    if (file_stamp(c.signature).empty() || in_transfer(c.bundle) || in_transfer(c.signature)) {
        core::log_info("inbox: fleet.csv waits for its signature or transfer to complete");
        return;
    }
    fleet_seen_ = stamp;
    std::string text;
    install::Outcome o = installer_.read_signed(c, kFleetFileBytes, text);
    FleetValues values;
    if (o.ok()) {
        auto row = fleet_row(text, settings_.kiosk_id);
        if (row) {
            values = std::move(row.value());
            o.detail = "fleet.csv applied: " +
                       (values.empty() ? std::string("no row for ") + settings_.kiosk_id +
                                             ", the local configuration"
                                       : describe(values));
            const auto kept = core::write_file_atomically(settings_.data_folder, kFleetValuesFile,
                                                          format_fleet_values(values));
            if (!kept) core::log_error("fleet.csv is applied but not kept: " + kept.error());
        } else {
            o.refusal = install::Refusal::value_out_of_range;
            o.reason = "fleet.csv is not valid";
            o.detail = row.error();
        }
    }
    note_install(o, install::kFleetFile);
    if (!o.ok()) {
        core::log_warning("fleet.csv refused: " + o.reason + " (" + o.detail + ")");
        main_thread_.post([this, o] { add_error(o.reason + ": " + o.detail); });
        return;
    }
    core::log_info(o.detail);
    if (hooks_.fleet) main_thread_.post([this, values] { hooks_.fleet(values); });
}

void UsbContent::note_install(const install::Outcome& o, const std::string& file) {
    InstallResult r;
    r.result = o.ok() ? "installed" : "refused";
    r.message = o.ok() ? o.detail : o.reason + ": " + o.detail;
    r.bundle_file = file;
    r.at_ms = now_ms();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        last_install_ = r;
    }
    if (hooks_.installed) main_thread_.post([this, r] { hooks_.installed(r); });
}

void UsbContent::let_go(StickWriter& stick) {
    const Released released = stick.release();
    if (!released.problem.empty()) core::log_warning("USB stick: " + released.problem);
    if (!released.stick) return;  // a folder such as the inbox: nothing to pull out
    main_thread_.post([this, released] {
        if (!released.safe_to_pull) {
            add_error("USB stick: " + released.problem);
            return;
        }
        hooks_.notice(ui::tr(language_, ui::Phrase::remove_stick));
    });
}

void UsbContent::export_usage(StickWriter& stick) {
    if (!settings_.usage_export) {
        core::log_info("usage export is switched off in the configuration");
        return;
    }
    if (!state_) return;
    const std::string csv = content::usage_csv(state_->usage_rows());
    const std::string name = "plaza-usage-" + host_name() + ".csv";
    std::string error;
    const bool ok = stick.write(name, csv, error);
    if (ok)
        core::log_info("usage counts exported to " + stick.folder() + "/" + kStickReportFolder +
                       "/" + name);
    else
        core::log_error("usage export failed: " + error);
    main_thread_.post([this, ok, error] {
        if (ok) {
            hooks_.notice(ui::tr(language_, ui::Phrase::usage_exported));
        } else {
            add_error("usage export: " + error);
        }
    });
}

void UsbContent::go_live(const LiveBundle& live, const std::string& context) {
    auto store = content::ContentStore::open(live.path);
    if (!store) {
        core::log_error(context + store.error());
        return;
    }
    live_version_ = version_to_beat(live);
    auto shared = std::make_shared<content::ContentStore>(std::move(store.value()));
    main_thread_.post([this, shared, live] {
        hooks_.replace_content(std::move(*shared), live.path);
        content_replaced(live);
    });
}

// Versions only order the bundles this kiosk installed from sticks. The packaged sample, or a
// bundle named on the command line, belongs to no organiser's series: without this, a fresh kiosk
// refused an organiser's first bundle for having the sample's version number (issue 19).
std::int64_t UsbContent::version_to_beat(const LiveBundle& live) const {
    std::error_code ec;
    return std::filesystem::equivalent(live.path, installer_.live_path(), ec) ? live.version : 0;
}

void UsbContent::add_error(const std::string& error) {
    last_errors_.insert(last_errors_.begin(), error);
    if (last_errors_.size() > kLastErrors) last_errors_.resize(kLastErrors);
}

void UsbContent::flush_usage() {
    content::UsageBatch batch = hooks_.take_usage();
    if (batch.empty()) return;
    post_job([this, batch = std::move(batch), path = live_.path] {
        if (!state_) return;
        if (auto done = state_->add_usage(batch, path); !done) core::log_error(done.error());
        usage_written();
    });
}

void UsbContent::content_replaced(const LiveBundle& live) {
    live_ = live;
    live_version_ = version_to_beat(live);
    hooks_.notice(std::string(ui::tr(language_, ui::Phrase::content_updated)) + " — " +
                  live.event_name + ", " + ui::tr(language_, ui::Phrase::version) + " " +
                  std::to_string(live.version));
}

ui::AdminStatus UsbContent::admin_status() const {
    ui::AdminStatus s;
    s.bundle_id = live_.bundle_id;
    s.event_name = live_.event_name;
    s.key_id = live_.key_id;
    s.bundle_path = live_.path;
    s.version = live_.version;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        s.history = history_lines_;
    }
    s.last_errors = last_errors_;
    s.can_roll_back = std::filesystem::exists(installer_.previous_path());
    s.can_export = settings_.usage_export;
    s.can_quit = settings_.allow_quit;
    return s;
}

void UsbContent::act(ui::AdminAction action) {
    switch (action) {
        case ui::AdminAction::roll_back:
            post_job([this] {
                const install::Outcome o = installer_.roll_back();
                record(o, o.ok() ? "rolled back" : "refused");
                if (o.ok()) {
                    go_live({installer_.live_path(), o.bundle.bundle_id, o.bundle.event_name, "",
                             o.bundle.version},
                            "the restored bundle cannot be opened: ");
                }
                refresh_history();
            });
            break;
        case ui::AdminAction::reload:
            post_job([this, live = live_] { go_live(live, "reload: "); });
            break;
        case ui::AdminAction::export_usage: {
            flush_usage();
            // To every stick that is plugged in now, marker or not: staff asked for it.
            std::vector<std::string> folders;
            for (const std::string& root : settings_.watch_folders) {
                for (const std::string& f : install::stick_folders_under(root))
                    folders.push_back(f);
            }
            post_job([this, folders] {
                for (const std::string& f : folders) {
                    StickWriter stick(f, default_unmount());
                    export_usage(stick);
                    let_go(stick);
                }
            });
            break;
        }
        case ui::AdminAction::quit:
            flush_usage();
            if (hooks_.quit) hooks_.quit();
            break;
        case ui::AdminAction::close:
        case ui::AdminAction::none:
            break;
    }
}

}  // namespace plaza::app
