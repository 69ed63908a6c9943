// SPDX-License-Identifier: GPL-3.0-or-later
// core::BackgroundWorker and core::MainThreadQueue: order, waking, cancelling, shutting down.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "core/background_worker.h"

using plaza::core::BackgroundWorker;
using plaza::core::MainThreadQueue;

TEST_CASE("jobs run in the order posted, on another thread") {
    std::vector<int> order;
    std::promise<std::thread::id> ran_on;
    {
        BackgroundWorker worker;
        for (int i = 0; i < 5; ++i)
            worker.post([&order, i] { order.push_back(i); });
        worker.post([&] { ran_on.set_value(std::this_thread::get_id()); });
        const bool other_thread = ran_on.get_future().get() != std::this_thread::get_id();
        CHECK(other_thread);
    }
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("cancel_pending drops jobs that have not started") {
    std::promise<void> started;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<int> later_jobs{0};
    BackgroundWorker worker;
    worker.post([&] {
        started.set_value();
        released.wait();
    });
    started.get_future().wait();
    for (int i = 0; i < 3; ++i)
        worker.post([&] { ++later_jobs; });
    CHECK(worker.pending() == 3);
    worker.cancel_pending();
    CHECK(worker.pending() == 0);
    release.set_value();
    std::promise<void> done;
    worker.post([&] { done.set_value(); });
    done.get_future().wait();
    CHECK(later_jobs == 0);
}

TEST_CASE("the main-thread queue runs posted tasks only when asked, and wakes the loop") {
    MainThreadQueue queue;
    int wakes = 0, runs = 0;
    queue.set_wake([&] { ++wakes; });
    queue.post([&] { ++runs; });
    queue.post([&] { ++runs; });
    CHECK(wakes == 2);
    CHECK(runs == 0);
    CHECK_FALSE(queue.empty());
    queue.run_pending();
    CHECK(runs == 2);
    CHECK(queue.empty());
}

TEST_CASE("a task posted while the queue runs waits for the next run") {
    MainThreadQueue queue;
    int runs = 0;
    queue.post([&] {
        ++runs;
        queue.post([&] { ++runs; });
    });
    queue.run_pending();
    CHECK(runs == 1);
    queue.run_pending();
    CHECK(runs == 2);
}
