// SPDX-License-Identifier: GPL-3.0-or-later
// A point on the steady clock after which slow work gives up: an install's checks are refused
// when they run past it, so no bundle can keep the USB worker busy for good.
#pragma once

#include <chrono>

namespace plaza::core {

class Deadline {
  public:
    // No deadline: never passes.
    Deadline() = default;
    static Deadline after(double seconds) {
        Deadline d;
        d.set_ = true;
        d.at_ = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(seconds));
        return d;
    }
    bool passed() const { return set_ && std::chrono::steady_clock::now() >= at_; }

  private:
    bool set_ = false;
    std::chrono::steady_clock::time_point at_{};
};

}  // namespace plaza::core
