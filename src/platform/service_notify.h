// SPDX-License-Identifier: GPL-3.0-or-later
// Tells systemd how the kiosk is doing through sd_notify(3): READY=1 once the first frame is on
// screen, WATCHDOG=1 while the loop keeps running, STOPPING=1 on the way out. Outside systemd
// (no NOTIFY_SOCKET) every call returns at once without a system call.
#pragma once

#include <string_view>

namespace plaza::platform {

class ServiceNotifier {
  public:
    // Reads NOTIFY_SOCKET and the watchdog interval (WATCHDOG_USEC for this process) once.
    ServiceNotifier();

    // True when a service manager listens (Type=notify).
    bool active() const { return active_; }
    // The unit's WatchdogSec= in seconds, or 0 when no watchdog watches this process.
    double watchdog_seconds() const { return watchdog_seconds_; }
    // How long the loop may sleep without pinging: half the watchdog interval, as
    // sd_watchdog_enabled(3) advises, or 0 when there is no watchdog (sleep as long as the idle
    // policy likes).
    double max_sleep_seconds() const { return watchdog_seconds_ / 2.0; }

    void ready();
    void stopping();
    // A line `systemctl status plaza` shows, e.g. which bundle is on screen.
    void status(std::string_view text);
    // Call whenever the loop proves it is alive (a frame presented, an idle wait returned).
    // `now_seconds` is the steady clock; pings are sent at most every quarter interval, so
    // calling this on every frame costs nothing at 60 fps. The caller must stop calling it when
    // frames stop, so that systemd kills and restarts a hung kiosk.
    void watchdog(double now_seconds);

  private:
    void send(const char* state);

    bool active_ = false;
    double watchdog_seconds_ = 0.0;
    double last_ping_seconds_ = 0.0;
    bool pinged_ = false;
    bool failure_logged_ = false;
};

}  // namespace plaza::platform
