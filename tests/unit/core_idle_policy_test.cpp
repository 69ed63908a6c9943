// SPDX-License-Identifier: GPL-3.0-or-later
// core::IdlePolicy: when the runner draws at display rate and how long it may sleep.
#include <doctest/doctest.h>

#include <initializer_list>
#include <limits>

#include "core/idle_policy.h"

using plaza::core::FrameRequest;
using plaza::core::IdlePolicy;
using plaza::core::IdleSettings;

namespace {

constexpr double kFrame = 1.0 / 60.0;

IdleSettings settings() {
    IdleSettings s;
    s.frames_at_start = 3;
    s.frames_after_input = 2;
    s.heartbeat_seconds = 0.5;
    return s;
}

// Draws frames at `now` while the policy asks for them (at most `limit`); returns how many.
int draw_while_asked(IdlePolicy& p, double& now, int limit = 100,
                     const FrameRequest& request = {}) {
    int frames = 0;
    while (p.should_draw(now) && frames < limit) {
        p.note_frame_drawn(request);
        now += kFrame;
        ++frames;
    }
    return frames;
}

}  // namespace

TEST_CASE("idle: draws the start-up frames, then sleeps for the heartbeat") {
    IdlePolicy p(settings());
    double now = 10.0;
    CHECK(p.should_draw(now));
    CHECK(p.sleep_seconds(now) == 0.0);
    CHECK(draw_while_asked(p, now) == 3);
    CHECK_FALSE(p.should_draw(now));
    CHECK(p.sleep_seconds(now) == doctest::Approx(0.5));
}

TEST_CASE("idle: the default settings draw a few frames at start and then sleep") {
    IdlePolicy p;
    double now = 0.0;
    const int frames = draw_while_asked(p, now);
    CHECK(frames == IdleSettings{}.frames_at_start);
    CHECK(frames > 0);
    CHECK(p.sleep_seconds(now) == doctest::Approx(IdleSettings{}.heartbeat_seconds));
}

TEST_CASE("idle: input gives a few frames, then the runner sleeps again") {
    IdlePolicy p(settings());
    double now = 0.0;
    draw_while_asked(p, now);
    REQUIRE_FALSE(p.should_draw(now));
    p.note_input();
    CHECK(p.should_draw(now));
    CHECK(draw_while_asked(p, now) == 2);
    CHECK_FALSE(p.should_draw(now));

    // More input while settling does not pile up frames beyond frames_after_input.
    p.note_input();
    p.note_input();
    p.note_input();
    CHECK(draw_while_asked(p, now) == 2);
}

TEST_CASE("idle: input during the start-up frames does not cut them short") {
    IdlePolicy p(settings());
    double now = 0.0;
    p.note_input();  // fewer frames after input (2) than at start (3)
    CHECK(draw_while_asked(p, now) == 3);
}

TEST_CASE("idle: a pointer that is down keeps the runner drawing") {
    IdlePolicy p(settings());
    double now = 0.0;
    draw_while_asked(p, now);
    p.note_pointer_busy(true);
    CHECK(draw_while_asked(p, now, 50) == 50);
    CHECK(p.sleep_seconds(now) == 0.0);
    p.note_pointer_busy(false);
    CHECK_FALSE(p.should_draw(now));
}

TEST_CASE("idle: an animating frame asks for the next one until the animation stops") {
    IdlePolicy p(settings());
    double now = 0.0;
    draw_while_asked(p, now);
    FrameRequest animating;
    animating.animating = true;
    p.note_input();
    CHECK(draw_while_asked(p, now, 40, animating) == 40);
    CHECK(p.should_draw(now));
    p.note_frame_drawn(FrameRequest{});  // the animation ended in this frame
    CHECK_FALSE(p.should_draw(now));
}

TEST_CASE("idle: redraw_at wakes the runner at that time and not before") {
    IdlePolicy p(settings());
    double now = 100.0;
    draw_while_asked(p, now);
    FrameRequest request;
    request.redraw_at = now + 0.3;
    p.note_frame_drawn(request);
    CHECK_FALSE(p.should_draw(now));
    CHECK(p.sleep_seconds(now) == doctest::Approx(0.3));
    CHECK(p.sleep_seconds(now + 0.2) == doctest::Approx(0.1));
    CHECK_FALSE(p.should_draw(request.redraw_at - 0.001));
    CHECK(p.should_draw(request.redraw_at));
    CHECK(p.should_draw(request.redraw_at + 5.0));  // overslept: draw now
    CHECK(p.sleep_seconds(request.redraw_at) == 0.0);
    // Once drawn without a new request, it sleeps for the heartbeat again.
    p.note_frame_drawn(FrameRequest{});
    CHECK_FALSE(p.should_draw(request.redraw_at));
    CHECK(p.sleep_seconds(request.redraw_at) == doctest::Approx(0.5));
}

TEST_CASE("idle: a far redraw_at sleeps no longer than the heartbeat") {
    IdlePolicy p(settings());
    double now = 0.0;
    draw_while_asked(p, now);
    FrameRequest request;
    request.redraw_at = now + 60.0;  // the next minute of a clock on screen
    p.note_frame_drawn(request);
    CHECK_FALSE(p.should_draw(now));
    CHECK(p.sleep_seconds(now) == doctest::Approx(0.5));
}

TEST_CASE("idle: sleep_seconds never exceeds the heartbeat and is 0 whenever it should draw") {
    IdlePolicy p(settings());
    double now = 0.0;
    const double redraws[] = {
        std::numeric_limits<double>::infinity(), 0.01, 0.25, 0.5, 0.75, 3.0, -1.0};
    for (int step = 0; step < 60; ++step) {
        FrameRequest request;
        request.animating = step % 11 == 0;
        request.redraw_at = now + redraws[step % 7];
        if (step % 5 == 0) p.note_input();
        p.note_pointer_busy(step % 13 == 0);
        p.note_frame_drawn(request);
        for (double later : {0.0, 0.1, 0.4, 2.0}) {
            const double t = now + later;
            const double sleep = p.sleep_seconds(t);
            CAPTURE(step);
            CAPTURE(later);
            CHECK(sleep >= 0.0);
            CHECK(sleep <= 0.5);
            if (p.should_draw(t))
                CHECK(sleep == 0.0);
            else
                CHECK(sleep > 0.0);
        }
        now += kFrame;
    }
}
