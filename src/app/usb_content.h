// The kiosk side of USB content (issue 7), between the installer and the UI: watches the
// configured folders (live) or a folder named by a headless script, installs on its own worker
// thread, hands new content to the app between frames, shows staff notices, keeps the state
// database (install history, anonymous usage counters, batched), writes plaza-report.txt and
// usage exports to sticks, and runs the hidden admin panel.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "content/content_store.h"
#include "content/state_store.h"
#include "core/background_worker.h"
#include "core/idle_policy.h"
#include "install/bundle_installer.h"
#include "install/usb_watcher.h"
#include "ui/screens/admin_screen.h"
#include "ui/screens/screen.h"
#include "ui/ui_context.h"

namespace plaza::app {

struct UsbSettings {
    std::string data_folder;
    std::vector<std::string> trusted_key_files;
    std::vector<std::string> watch_folders;
    std::string admin_pin;
    bool usage_export = true;
    bool allow_quit = false;
    bool watch = true;  // false headless: only `usb PATH` lines are looked at
};

// What the app does for it, on the main thread between frames.
struct UsbHooks {
    // New content went live (installed, rolled back, reloaded): swap store, UI, fonts, images.
    std::function<void(content::ContentStore store, const std::string& path)> replace_content;
    std::function<void()> quit;
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

    // Main thread, once per frame.
    bool admin_active() const { return admin_.active(); }
    core::FrameRequest draw_admin(ui::UiContext& ctx, double frame_ms, long rss_kib,
                                  const std::vector<char32_t>& missing, bool clock_plausible);
    // After the visitor UI drew: the admin gesture, the notice, usage counting.
    void after_frame(ui::UiContext& ctx, core::FrameRequest& request, const std::string& language,
                     int local_offset_minutes, double frame_ms);
    // A visitor opened a screen (views per item, searches).
    void opened(ui::ScreenId screen, std::int64_t record);
    void content_replaced(const LiveBundle& live);

  private:
    struct Notice {
        std::string text;
        double until = 0.0;
        bool pending = false;  // shown from the next frame for kNoticeSeconds
    };
    void post_job(std::function<void()> job);
    void handle_folder(const std::string& folder);                     // worker
    void export_usage(const std::string& folder);                      // worker
    void record(const install::Outcome& outcome, const char* result);  // worker
    void refresh_history();                                            // worker
    void flush_usage();                         // main: hands the batch to the worker
    void show_notice(const std::string& text);  // main
    void draw_notice(ui::UiContext& ctx, core::FrameRequest& request);

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
    // Shared with the main thread:
    mutable std::mutex mutex_;
    std::vector<std::string> history_lines_;
    // Main thread only:
    LiveBundle live_;
    std::vector<std::string> last_errors_;
    Notice notice_;
    content::UsageBatch batch_;
    double last_flush_ = -1.0;
    double last_touch_ = -1.0e9;
    bool was_down_ = false;
    std::string last_language_;
    double started_ = -1.0;
    std::vector<double> frame_ms_;  // a ring of recent UI build times
    size_t frame_next_ = 0;
    ui::AdminGesture gesture_;
    ui::AdminScreen admin_;
    // Last member: joined first, so no job outlives what it uses.
    core::BackgroundWorker worker_;
};

}  // namespace plaza::app
