// SPDX-License-Identifier: GPL-3.0-or-later
// Display hours: outside them the screen is dark and the kiosk idles; a touch lights it for a
// while. Times are passed in by the caller (the injected clock's readings), never read here.
#pragma once

#include <optional>

namespace plaza::core {

// The hours the screen shows content, in minutes after midnight local time. An end before the
// start runs past midnight (22:00-02:00); an end of 1440 is midnight at the end of the day.
struct OpeningHours {
    int start_minute = 0;
    int end_minute = 1440;
    bool contains(int minute_of_day) const;
};

class ScreenHours {
  public:
    // Without hours the screen is always lit.
    explicit ScreenHours(std::optional<OpeningHours> hours = std::nullopt,
                         double wake_seconds = 120.0)
        : hours_(hours), wake_seconds_(wake_seconds) {}

    // `now`: monotonic seconds; `minute_of_day`: local minutes after midnight.
    bool lit(double now, int minute_of_day) const;
    // A touch keeps the screen lit for wake_seconds from `now`, inside or outside the hours.
    void touched(double now) { woken_until_ = now + wake_seconds_; }
    // When a touch-lit screen goes dark again, if nothing else keeps it lit.
    double woken_until() const { return woken_until_; }

  private:
    std::optional<OpeningHours> hours_;
    double wake_seconds_;
    double woken_until_ = -1.0;
};

}  // namespace plaza::core
