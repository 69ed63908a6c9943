// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/idle_policy.h"

#include <algorithm>

namespace plaza::core {

IdlePolicy::IdlePolicy(IdleSettings settings)
    : settings_(settings), settle_frames_left_(settings.frames_at_start) {}

void IdlePolicy::note_input() {
    settle_frames_left_ = std::max(settle_frames_left_, settings_.frames_after_input);
}

void IdlePolicy::note_frame_drawn(const FrameRequest& request) {
    if (settle_frames_left_ > 0) --settle_frames_left_;
    last_request_ = request;
}

bool IdlePolicy::should_draw(double now) const {
    return settle_frames_left_ > 0 || pointer_busy_ || last_request_.animating ||
           now >= last_request_.redraw_at;
}

double IdlePolicy::sleep_seconds(double now) const {
    if (should_draw(now)) return 0.0;
    return std::clamp(last_request_.redraw_at - now, 0.0, settings_.heartbeat_seconds);
}

}  // namespace plaza::core
