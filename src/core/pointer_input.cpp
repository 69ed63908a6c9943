// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pointer_input.h"

#include <charconv>
#include <cmath>

namespace plaza::core {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

float determinant(const TouchCalibration& c) {
    return c.m[0] * c.m[4] - c.m[1] * c.m[3];
}

// Six numbers separated by spaces, as libinput's udev property writes them.
std::optional<TouchCalibration> parse_matrix(std::string_view text) {
    TouchCalibration c;
    size_t count = 0;
    while (!(text = trimmed(text)).empty()) {
        if (count == c.m.size()) return std::nullopt;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), c.m[count]);
        if (ec != std::errc() || !std::isfinite(c.m[count]) || std::fabs(c.m[count]) > 100.0f)
            return std::nullopt;
        text.remove_prefix(static_cast<size_t>(end - text.data()));
        if (!text.empty() && text.front() != ' ' && text.front() != '\t') return std::nullopt;
        ++count;
    }
    if (count != c.m.size()) return std::nullopt;
    return c;
}

}  // namespace

Point TouchCalibration::to_screen(Point raw) const {
    return {m[0] * raw.x + m[1] * raw.y + m[2], m[3] * raw.x + m[4] * raw.y + m[5]};
}

Point TouchCalibration::to_raw(Point on_screen) const {
    const float det = determinant(*this);
    const float x = on_screen.x - m[2], y = on_screen.y - m[5];
    return {(m[4] * x - m[1] * y) / det, (m[0] * y - m[3] * x) / det};
}

std::optional<TouchCalibration> parse_touch_calibration(std::string_view text) {
    text = trimmed(text);
    if (text == "none") return TouchCalibration{};
    if (!text.empty() && (text.front() == '-' || text.front() == '.' ||
                          (text.front() >= '0' && text.front() <= '9'))) {
        auto matrix = parse_matrix(text);
        if (!matrix || std::fabs(determinant(*matrix)) < 1e-3f) return std::nullopt;
        return matrix;
    }
    bool swap = false, invert_x = false, invert_y = false;
    for (bool more = !text.empty(); more;) {
        const size_t comma = text.find(',');
        const std::string_view word = trimmed(text.substr(0, comma));
        more = comma != std::string_view::npos;
        if (more) text.remove_prefix(comma + 1);
        bool* flag = word == "swap_xy"    ? &swap
                     : word == "invert_x" ? &invert_x
                     : word == "invert_y" ? &invert_y
                                          : nullptr;
        if (!flag || *flag) return std::nullopt;  // unknown, or named twice
        *flag = true;
    }
    if (!swap && !invert_x && !invert_y) return std::nullopt;
    // Swapped: the panel's x is the screen's y. Inverted: 1 - x.
    TouchCalibration c;
    c.m = swap ? std::array<float, 6>{0, 1, 0, 1, 0, 0} : std::array<float, 6>{1, 0, 0, 0, 1, 0};
    if (invert_x) c.m = {-c.m[0], -c.m[1], 1 - c.m[2], c.m[3], c.m[4], c.m[5]};
    if (invert_y) c.m = {c.m[0], c.m[1], c.m[2], -c.m[3], -c.m[4], 1 - c.m[5]};
    return c;
}

void PointerTracker::push(const PointerEvent& event) {
    switch (event.kind) {
        case PointerEvent::Kind::down:
            if (tracking_) return;  // a second finger: ignored while the first is down
            tracking_ = true;
            tracked_id_ = event.pointer_id;
            break;
        case PointerEvent::Kind::move:
            // Moves of a pointer that is not down are hover, which has no meaning on a touch
            // screen.
            if (!tracking_ || event.pointer_id != tracked_id_) return;
            break;
        case PointerEvent::Kind::up:
            if (!tracking_ || event.pointer_id != tracked_id_) return;
            tracking_ = false;
            break;
    }
    queue_.push_back(event);
}

PointerFrame PointerTracker::next_frame() {
    PointerFrame frame;
    if (release_pending_clear_) {
        release_pending_clear_ = false;  // the frame after a release: the position goes away
    } else if (held_) {
        frame.has_position = true;
    }
    bool moved = false;
    while (!queue_.empty()) {
        const PointerEvent event = queue_.front();
        if (event.kind == PointerEvent::Kind::move) {
            queue_.pop_front();
            position_ = event.position;
            frame.has_position = true;
            moved = true;
            continue;
        }
        // A press or release: apply it only if this frame has seen no other transition, and stop
        // there so later moves are seen after the UI has registered the transition.
        // Moves queued before it get a frame of their own first: a release in the same frame as
        // the moves before it would let the UI see the finger lift before it saw it travel, so a
        // quick swipe ending between two frames pressed the button it started on (the scroll area
        // never saw the drag while the pointer was down).
        if (moved) break;
        queue_.pop_front();
        position_ = event.position;
        frame.has_position = true;
        if (event.kind == PointerEvent::Kind::down) {
            held_ = true;
        } else {
            held_ = false;
            release_pending_clear_ = true;
        }
        break;
    }
    frame.down = held_;
    frame.position = position_;
    return frame;
}

void PointerTracker::reset() {
    queue_.clear();
    tracking_ = false;
    if (held_) release_pending_clear_ = true;
    held_ = false;
}

}  // namespace plaza::core
