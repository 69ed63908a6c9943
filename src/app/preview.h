// SPDX-License-Identifier: GPL-3.0-or-later
// The organisers' live preview (`plaza --preview FOLDER`): builds a content folder with the
// organisers' own tool (plaza-bundle, run as a separate program so the kiosk links none of it)
// into a private temporary folder, and rebuilds on its own thread whenever a file in the folder
// changes. A good build goes live between frames; a failed one hands over the tool's problem
// list and leaves the last good build on screen.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "content/content_store.h"
#include "core/background_worker.h"

namespace plaza::app {

struct PreviewSettings {
    std::string folder;  // the organisers' content folder
    std::string tool;    // the plaza-bundle program
    // Live: look at the folder every quarter second. Headless scripts instead say when a file
    // was saved (`save`), so that nothing depends on real time.
    bool poll = true;
};

// What the app does for the preview, on the main thread between frames.
struct PreviewHooks {
    std::function<void(content::ContentStore store, const std::string& path)> replace_content;
    // The tool's problem lines after a failed build; empty after a good one.
    std::function<void(std::vector<std::string> problems)> problems;
};

// One run of the tool: whether it wrote the bundle, and what it printed (one line each).
struct PreviewBuild {
    bool ok = false;
    std::vector<std::string> output;
};

// Where the tool is: beside this program (as installed, or in a build folder), else on PATH.
std::string preview_tool_beside_program();

class Preview {
  public:
    explicit Preview(PreviewSettings settings);
    // Stops the thread and removes the temporary folder with every build in it.
    ~Preview();
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Before the window opens: the first build, on the calling thread. Its bundle is at
    // live_path() when it succeeded.
    PreviewBuild build_first();
    const std::string& live_path() const { return live_path_; }

    // Starts watching; results come back through `hooks` posted to `main_thread`.
    void start(core::MainThreadQueue& main_thread, PreviewHooks hooks);
    // A file was just saved: look now rather than at the next poll.
    void look_now();
    // True from look_now() until what it found is built and handed to the main thread.
    bool busy() const { return busy_.load() > 0; }

  private:
    void loop();
    // Paths, sizes and modification times of every file under the folder.
    std::string fingerprint() const;
    PreviewBuild build(const std::string& output);
    void rebuild();

    PreviewSettings settings_;
    std::string temp_folder_;
    std::string live_path_;
    std::string seen_;  // the fingerprint the last build started from
    int builds_ = 0;
    core::MainThreadQueue* main_thread_ = nullptr;
    PreviewHooks hooks_;
    std::atomic<int> busy_{0};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool look_ = false, stopping_ = false;
    std::thread thread_;
};

}  // namespace plaza::app
