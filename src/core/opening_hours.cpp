// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/opening_hours.h"

namespace plaza::core {

bool OpeningHours::contains(int minute_of_day) const {
    if (start_minute < end_minute)
        return minute_of_day >= start_minute && minute_of_day < end_minute;
    return minute_of_day >= start_minute || minute_of_day < end_minute;
}

bool ScreenHours::lit(double now, int minute_of_day) const {
    return !hours_ || hours_->contains(minute_of_day) || now < woken_until_;
}

}  // namespace plaza::core
