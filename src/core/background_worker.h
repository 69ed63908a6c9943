// SPDX-License-Identifier: GPL-3.0-or-later
// Threads for slow work and the way results come back: a BackgroundWorker runs jobs in order on
// its own thread; a MainThreadQueue collects what the main thread must do (texture uploads,
// swapping content) and wakes the frame loop so it runs them between frames.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace plaza::core {

class MainThreadQueue {
  public:
    // `wake` is called from the posting thread after each post (the runner pushes an SDL event).
    void set_wake(std::function<void()> wake);
    void post(std::function<void()> task);
    // Runs what was posted so far; called by the main thread between frames.
    void run_pending();
    bool empty() const;

  private:
    mutable std::mutex mutex_;
    std::vector<std::function<void()>> tasks_;
    std::function<void()> wake_;
};

class BackgroundWorker {
  public:
    BackgroundWorker();
    // Finishes the running job, drops the queued ones and joins the thread.
    ~BackgroundWorker();
    BackgroundWorker(const BackgroundWorker&) = delete;
    BackgroundWorker& operator=(const BackgroundWorker&) = delete;

    void post(std::function<void()> job);
    // Drops jobs that have not started (e.g. images of a screen the visitor left).
    void cancel_pending();
    std::size_t pending() const;
    // True when no job is queued or running: whatever the jobs posted is on its way.
    bool idle() const;

  private:
    void loop();
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    bool running_ = false;
    std::thread thread_;
};

}  // namespace plaza::core
