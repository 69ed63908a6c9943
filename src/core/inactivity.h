// SPDX-License-Identifier: GPL-3.0-or-later
// When a kiosk left alone asks "still there?" and when it starts again for the next visitor.
// Pure timing: every method takes the time as an argument, and the UI passes the reading of the
// clock the runner injects (monotonic seconds), so headless scripts drive it on their virtual
// clock and a change of the wall clock never triggers or delays a reset.
#pragma once

namespace plaza::core {

struct InactivitySettings {
    double timeout_seconds = 90.0;    // quiet time before the question
    double countdown_seconds = 20.0;  // how long the question waits for a touch
};

enum class InactivityPhase {
    active,   // someone touched the screen less than timeout_seconds ago
    asking,   // "Still there?" with a countdown
    expired,  // nobody answered: reset for the next visitor
};

class InactivityTimer {
  public:
    explicit InactivityTimer(InactivitySettings settings = {}, double now = 0.0);

    // A touch (or the visitor extending the time): counts again from `now`.
    void touched(double now) { last_touch_ = now; }
    InactivityPhase phase(double now) const;
    // Whole seconds the countdown shows while asking (rounded up; 0 once expired).
    int countdown(double now) const;
    // The next moment the phase or the countdown on screen changes, for a redraw; after expiry
    // nothing changes until the next touch.
    double next_change_at(double now) const;
    const InactivitySettings& settings() const { return settings_; }

  private:
    InactivitySettings settings_;
    double last_touch_;
};

}  // namespace plaza::core
