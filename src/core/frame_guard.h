// SPDX-License-Identifier: GPL-3.0-or-later
// Counts frames whose drawing failed in a row. One bad frame is logged and survived; a run of
// them means the kiosk is stuck, and exiting lets the service manager restart it cleanly
// (the same idea as ImHex's crash watchdog around each frame).
#pragma once

namespace plaza::core {

class FrameGuard {
  public:
    explicit FrameGuard(int max_failures_in_a_row = 10) : max_(max_failures_in_a_row) {}
    void frame_succeeded() { failures_ = 0; }
    // Returns true when the run of failures is long enough to give up.
    bool frame_failed() { return ++failures_ >= max_; }
    int failures_in_a_row() const { return failures_; }

  private:
    int max_;
    int failures_ = 0;
};

}  // namespace plaza::core
