// SPDX-License-Identifier: GPL-3.0-or-later
// Time sources: the kiosk reads every time through Clock so that headless scripts can drive a
// virtual clock through exactly the production code.
#pragma once

#include <cstdint>

namespace plaza::core {

class Clock {
  public:
    virtual ~Clock() = default;
    // Seconds on a monotonic scale; only differences matter. Drives animations and idle timing.
    virtual double monotonic_seconds() const = 0;
    // Wall time as Unix milliseconds (UTC). Drives the schedule and the clock on screen.
    virtual std::int64_t wall_time_ms() const = 0;
};

// The machine's clocks.
class SystemClock final : public Clock {
  public:
    double monotonic_seconds() const override;
    std::int64_t wall_time_ms() const override;
};

// Another clock's time, with the wall clock set to `wall_time_ms` at construction and running on
// from there: a demonstration clock the operator chose (plaza --clock).
class ShiftedClock final : public Clock {
  public:
    ShiftedClock(const Clock& base, std::int64_t wall_time_ms)
        : base_(base), shift_ms_(wall_time_ms - base.wall_time_ms()) {}
    double monotonic_seconds() const override { return base_.monotonic_seconds(); }
    std::int64_t wall_time_ms() const override { return base_.wall_time_ms() + shift_ms_; }

  private:
    const Clock& base_;
    std::int64_t shift_ms_;
};

// A clock that moves only when told to; the headless runner advances it 1/60 s per frame.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(std::int64_t wall_time_ms = 0) : wall_ms_(wall_time_ms) {}
    double monotonic_seconds() const override { return monotonic_; }
    std::int64_t wall_time_ms() const override {
        return wall_ms_ + static_cast<std::int64_t>(monotonic_ * 1000.0 + 0.5);
    }
    void advance(double seconds) { monotonic_ += seconds; }
    // Sets the wall clock without touching monotonic time (the device clock was adjusted).
    void set_wall_time_ms(std::int64_t wall_time_ms) {
        wall_ms_ = wall_time_ms - static_cast<std::int64_t>(monotonic_ * 1000.0 + 0.5);
    }

  private:
    double monotonic_ = 0.0;
    std::int64_t wall_ms_;
};

}  // namespace plaza::core
