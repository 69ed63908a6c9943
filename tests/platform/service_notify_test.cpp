// SPDX-License-Identifier: GPL-3.0-or-later
// platform::ServiceNotifier against a stand-in for systemd's notification socket: what it sends,
// how often it pings the watchdog, and that it stays silent outside systemd.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "platform/service_notify.h"

using plaza::platform::ServiceNotifier;

namespace {

// A datagram socket in a fresh folder, named in NOTIFY_SOCKET while it lives; the environment
// is restored afterwards so other tests never see it.
class FakeSystemd {
  public:
    explicit FakeSystemd(const std::string& watchdog_usec = "", bool watchdog_for_us = true) {
        char pattern[] = "/tmp/plaza-notify-XXXXXX";
        REQUIRE(mkdtemp(pattern));
        dir_ = pattern;
        path_ = dir_ + "/notify";
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        REQUIRE(path_.size() < sizeof addr.sun_path);
        path_.copy(addr.sun_path, path_.size());
        REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        setenv("NOTIFY_SOCKET", path_.c_str(), 1);
        if (!watchdog_usec.empty()) {
            setenv("WATCHDOG_USEC", watchdog_usec.c_str(), 1);
            const pid_t pid = watchdog_for_us ? getpid() : getpid() + 1;
            setenv("WATCHDOG_PID", std::to_string(pid).c_str(), 1);
        }
    }
    ~FakeSystemd() {
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
        close(fd_);
        std::filesystem::remove_all(dir_);
    }

    // Every message received so far, without waiting for more.
    std::vector<std::string> received() {
        std::vector<std::string> out;
        char buffer[512];
        ssize_t n = 0;
        while ((n = recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
            out.emplace_back(buffer, n);
        return out;
    }

  private:
    std::string dir_, path_;
    int fd_ = -1;
};

using Messages = std::vector<std::string>;

}  // namespace

TEST_CASE(
    "service notify: under systemd: ready, status and stopping reach the notification socket") {
    FakeSystemd systemd;
    ServiceNotifier notifier;
    CHECK(notifier.active());
    CHECK(notifier.watchdog_seconds() == 0.0);
    notifier.ready();
    notifier.status("showing sample.plaza");
    notifier.stopping();
    CHECK(systemd.received() == Messages{"READY=1", "STATUS=showing sample.plaza", "STOPPING=1"});
}

TEST_CASE("service notify: watchdog pings go out at most every quarter of WatchdogSec") {
    FakeSystemd systemd("8000000");  // WatchdogSec=8
    ServiceNotifier notifier;
    CHECK(notifier.watchdog_seconds() == doctest::Approx(8.0));
    CHECK(notifier.max_sleep_seconds() == doctest::Approx(4.0));
    notifier.watchdog(100.0);
    notifier.watchdog(100.5);
    notifier.watchdog(101.9);
    CHECK(systemd.received() == Messages{"WATCHDOG=1"});
    notifier.watchdog(102.0);
    notifier.watchdog(102.1);
    CHECK(systemd.received() == Messages{"WATCHDOG=1"});
}

TEST_CASE("service notify: a watchdog meant for another process is not ours to ping") {
    FakeSystemd systemd("8000000", false);
    ServiceNotifier notifier;
    CHECK(notifier.active());
    CHECK(notifier.watchdog_seconds() == 0.0);
    CHECK(notifier.max_sleep_seconds() == 0.0);
    notifier.watchdog(100.0);
    CHECK(systemd.received().empty());
}

TEST_CASE("service notify: outside systemd nothing is sent and there is no watchdog") {
    unsetenv("NOTIFY_SOCKET");
    ServiceNotifier notifier;
    CHECK_FALSE(notifier.active());
    CHECK(notifier.watchdog_seconds() == 0.0);
    // Created after the notifier: a socket appearing later must not change its mind.
    FakeSystemd systemd("8000000");
    notifier.ready();
    notifier.watchdog(1.0);
    notifier.stopping();
    CHECK(systemd.received().empty());
}
