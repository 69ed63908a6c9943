// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/log.h"

namespace plaza::platform {

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    active_ = socket && *socket;
    std::uint64_t usec = 0;
    if (active_ && sd_watchdog_enabled(0, &usec) > 0) watchdog_seconds_ = usec / 1e6;
}

void ServiceNotifier::ready() {
    send("READY=1");
}

void ServiceNotifier::stopping() {
    send("STOPPING=1");
}

void ServiceNotifier::status(std::string_view text) {
    if (!active_) return;
    send(("STATUS=" + std::string(text)).c_str());
}

void ServiceNotifier::watchdog(double now_seconds) {
    if (watchdog_seconds_ <= 0.0) return;
    if (pinged_ && now_seconds - last_ping_seconds_ < watchdog_seconds_ / 4.0) return;
    pinged_ = true;
    last_ping_seconds_ = now_seconds;
    send("WATCHDOG=1");
}

void ServiceNotifier::send(const char* state) {
    if (!active_) return;
    const int r = sd_notify(0, state);
    // A failed notification is worth one line: systemd will act on the silence (a start timeout
    // or a watchdog kill), and the journal should say why, once, not every ping.
    if (r < 0 && !failure_logged_) {
        failure_logged_ = true;
        core::log_warning(std::string("sd_notify(") + state + ") failed: error " +
                          std::to_string(-r));
    }
}

}  // namespace plaza::platform
