// SPDX-License-Identifier: GPL-3.0-or-later
// core::PointerTracker: one pointer, one transition per frame, release position kept one frame.
#include <doctest/doctest.h>

#include "core/pointer_input.h"

using plaza::core::Point;
using plaza::core::PointerEvent;
using plaza::core::PointerFrame;
using plaza::core::PointerTracker;

namespace {

constexpr long kFinger = 7;
constexpr long kOtherFinger = 8;

PointerEvent down(float x, float y, long id = kFinger) {
    return {PointerEvent::Kind::down, {x, y}, id};
}
PointerEvent move(float x, float y, long id = kFinger) {
    return {PointerEvent::Kind::move, {x, y}, id};
}
PointerEvent up(float x, float y, long id = kFinger) {
    return {PointerEvent::Kind::up, {x, y}, id};
}

void check_frame(const PointerFrame& f, bool has_position, bool is_down, Point p = {}) {
    CHECK(f.has_position == has_position);
    CHECK(f.down == is_down);
    if (has_position) {
        CHECK(f.position.x == p.x);
        CHECK(f.position.y == p.y);
    }
}

}  // namespace

TEST_CASE("pointer: with no events every frame is empty and the tracker is idle") {
    PointerTracker t;
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);
    check_frame(t.next_frame(), false, false);
    CHECK_FALSE(t.busy());
}

TEST_CASE("pointer: a press and a release in the same frame are split over two frames") {
    PointerTracker t;
    t.push(down(10, 20));
    t.push(up(10, 20));
    CHECK(t.busy());
    check_frame(t.next_frame(), true, true, {10, 20});   // the press alone
    check_frame(t.next_frame(), true, false, {10, 20});  // the release, position kept
    check_frame(t.next_frame(), false, false);           // the position goes away
    CHECK_FALSE(t.busy());
}

TEST_CASE("pointer: the position is kept on the release frame and cleared on the next") {
    PointerTracker t;
    t.push(down(5, 5));
    check_frame(t.next_frame(), true, true, {5, 5});
    check_frame(t.next_frame(), true, true, {5, 5});  // held still: position stays
    t.push(up(6, 7));
    const PointerFrame release = t.next_frame();
    check_frame(release, true, false, {6, 7});
    CHECK(t.busy());  // the clearing frame is still to come
    check_frame(t.next_frame(), false, false);
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);
}

TEST_CASE("pointer: several moves in one frame coalesce into the last position") {
    PointerTracker t;
    t.push(down(0, 0));
    check_frame(t.next_frame(), true, true, {0, 0});
    t.push(move(1, 1));
    t.push(move(2, 3));
    t.push(move(4, 9));
    check_frame(t.next_frame(), true, true, {4, 9});
    CHECK(t.busy());  // still held
    check_frame(t.next_frame(), true, true, {4, 9});
}

TEST_CASE("pointer: moves queued after a press are seen on the frame after the press") {
    PointerTracker t;
    t.push(down(0, 0));
    t.push(move(30, 40));
    check_frame(t.next_frame(), true, true, {0, 0});
    check_frame(t.next_frame(), true, true, {30, 40});
}

TEST_CASE("pointer: the moves before a release are seen on a frame before the release") {
    // A drag whose last moves and release arrive between two frames: the UI must see the finger
    // move while still down (so a scroll area can cancel the button under it) before the release.
    PointerTracker t;
    t.push(down(0, 0));
    check_frame(t.next_frame(), true, true, {0, 0});
    t.push(move(0, 50));
    t.push(move(0, 100));
    t.push(up(0, 100));
    check_frame(t.next_frame(), true, true, {0, 100});
    check_frame(t.next_frame(), true, false, {0, 100});
    check_frame(t.next_frame(), false, false);
}

TEST_CASE("pointer: a whole tap queued at once still gives press, release, clear") {
    PointerTracker t;
    t.push(down(1, 2));
    t.push(move(3, 4));
    t.push(up(3, 4));
    check_frame(t.next_frame(), true, true, {1, 2});
    check_frame(t.next_frame(), true, true, {3, 4});
    check_frame(t.next_frame(), true, false, {3, 4});
    check_frame(t.next_frame(), false, false);
    CHECK_FALSE(t.busy());
}

TEST_CASE("pointer: a second finger is ignored while the first is down and accepted after") {
    PointerTracker t;
    t.push(down(10, 10, kFinger));
    check_frame(t.next_frame(), true, true, {10, 10});

    t.push(down(500, 500, kOtherFinger));
    t.push(move(600, 600, kOtherFinger));
    check_frame(t.next_frame(), true, true, {10, 10});
    t.push(up(600, 600, kOtherFinger));  // lifting the ignored finger releases nothing
    check_frame(t.next_frame(), true, true, {10, 10});

    t.push(move(20, 20, kFinger));
    check_frame(t.next_frame(), true, true, {20, 20});
    t.push(up(20, 20, kFinger));
    check_frame(t.next_frame(), true, false, {20, 20});
    check_frame(t.next_frame(), false, false);

    t.push(down(300, 300, kOtherFinger));
    check_frame(t.next_frame(), true, true, {300, 300});
    t.push(move(310, 300, kOtherFinger));
    check_frame(t.next_frame(), true, true, {310, 300});
}

TEST_CASE("pointer: moves without a pressed pointer (hover) are ignored") {
    PointerTracker t;
    t.push(move(100, 100));
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);

    t.push(down(1, 1));
    t.push(up(1, 1));
    t.next_frame();
    t.next_frame();
    t.next_frame();
    t.push(move(200, 200));  // after the release: hover again
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);
}

TEST_CASE("pointer: a release without a press is ignored") {
    PointerTracker t;
    t.push(up(5, 5));
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);
}

TEST_CASE("pointer: busy while events wait, while held and until the position is cleared") {
    PointerTracker t;
    CHECK_FALSE(t.busy());
    t.push(down(0, 0));
    CHECK(t.busy());  // an event waits
    t.next_frame();
    CHECK(t.busy());  // held
    t.next_frame();
    CHECK(t.busy());
    t.push(up(0, 0));
    CHECK(t.busy());
    t.next_frame();
    CHECK(t.busy());  // released, but the position is still shown
    t.next_frame();
    CHECK_FALSE(t.busy());
}

TEST_CASE("pointer: reset while held lifts the pointer without a position and drops the queue") {
    PointerTracker t;
    t.push(down(40, 40));
    check_frame(t.next_frame(), true, true, {40, 40});
    t.push(move(50, 50));
    t.reset();
    CHECK(t.busy());  // the UI has not yet been told that the pointer is gone
    // No position on the lifting frame, so no button under the finger can fire.
    check_frame(t.next_frame(), false, false);
    CHECK_FALSE(t.busy());

    // The finger that was down when the content was swapped is ignored until it is lifted.
    t.push(move(60, 60));
    t.push(up(60, 60));
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);

    // A fresh press works as usual.
    t.push(down(70, 70));
    check_frame(t.next_frame(), true, true, {70, 70});
}

TEST_CASE("pointer: reset while idle changes nothing") {
    PointerTracker t;
    t.reset();
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);
}

TEST_CASE("pointer: reset drops a press that the UI has not seen yet") {
    PointerTracker t;
    t.push(down(1, 1));
    t.reset();
    CHECK_FALSE(t.busy());
    check_frame(t.next_frame(), false, false);
}
