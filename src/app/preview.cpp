// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/preview.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/log.h"
#include "core/run_captured.h"

namespace plaza::app {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(250);

// Runs the bundle tool, its stdout and stderr together.
PreviewBuild run_tool(const std::vector<std::string>& argv) {
    PreviewBuild result;
    const core::CapturedRun run = core::run_captured(argv);
    if (!run.started) {
        result.output.push_back("plaza: cannot start " + argv[0] +
                                " (install the plaza-bundle package to preview a folder)");
        return result;
    }
    result.ok = run.exit_code == 0;
    const std::string& text = run.output;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) result.output.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return result;
}

}  // namespace

std::string preview_tool_beside_program() {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path beside = self.parent_path() / "plaza-bundle";
        if (std::filesystem::is_regular_file(beside, ec)) return beside.string();
    }
    return "plaza-bundle";
}

Preview::Preview(PreviewSettings settings) : settings_(std::move(settings)) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/plaza-preview-XXXXXX";
    if (mkdtemp(pattern.data())) temp_folder_ = pattern;
}

Preview::~Preview() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::error_code ec;
    if (!temp_folder_.empty()) std::filesystem::remove_all(temp_folder_, ec);
}

PreviewBuild Preview::build(const std::string& output) {
    if (temp_folder_.empty()) return {false, {"plaza: no temporary folder for the preview"}};
    return run_tool({settings_.tool, "build", settings_.folder, "-o", output});
}

PreviewBuild Preview::build_first() {
    seen_ = fingerprint();
    const std::string output = temp_folder_ + "/build-" + std::to_string(++builds_) + ".plaza";
    PreviewBuild result = build(output);
    if (result.ok) live_path_ = output;
    return result;
}

void Preview::start(core::MainThreadQueue& main_thread, PreviewHooks hooks) {
    main_thread_ = &main_thread;
    hooks_ = std::move(hooks);
    thread_ = std::thread([this] { loop(); });
}

void Preview::look_now() {
    ++busy_;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        look_ = true;
    }
    wake_.notify_all();
}

void Preview::loop() {
    for (;;) {
        bool asked = false;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            if (settings_.poll)
                wake_.wait_for(lock, kPollInterval, [this] { return look_ || stopping_; });
            else
                wake_.wait(lock, [this] { return look_ || stopping_; });
            if (stopping_) return;
            asked = look_;
            look_ = false;
        }
        if (asked || fingerprint() != seen_) rebuild();
        if (asked) --busy_;
    }
}

std::string Preview::fingerprint() const {
    std::string print;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(settings_.folder, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code entry_ec;
        if (!it->is_regular_file(entry_ec)) continue;
        const auto size = it->file_size(entry_ec);
        const auto time = it->last_write_time(entry_ec).time_since_epoch().count();
        print +=
            it->path().string() + '\t' + std::to_string(size) + '\t' + std::to_string(time) + '\n';
    }
    return print;
}

void Preview::rebuild() {
    seen_ = fingerprint();
    const auto started = std::chrono::steady_clock::now();
    const std::string output = temp_folder_ + "/build-" + std::to_string(++builds_) + ".plaza";
    PreviewBuild result = build(output);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    if (!result.ok) {
        core::log_info("preview: " + settings_.folder + " has problems (checked in " +
                       std::to_string(ms) + " ms)");
        std::error_code ec;
        std::filesystem::remove(output, ec);
        main_thread_->post(
            [this, problems = std::move(result.output)] { hooks_.problems(problems); });
        return;
    }
    auto store = content::ContentStore::open(output);
    if (!store) {
        main_thread_->post([this, error = store.error()] { hooks_.problems({error}); });
        return;
    }
    core::log_info("preview: " + settings_.folder + " rebuilt in " + std::to_string(ms) + " ms");
    // The previous build is unlinked now; readers still holding it keep reading it (POSIX).
    std::error_code ec;
    if (!live_path_.empty()) std::filesystem::remove(live_path_, ec);
    live_path_ = output;
    auto shared = std::make_shared<content::ContentStore>(std::move(store.value()));
    main_thread_->post([this, shared, output] {
        hooks_.replace_content(std::move(*shared), output);
        hooks_.problems({});
    });
}

}  // namespace plaza::app
