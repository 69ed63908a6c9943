// SPDX-License-Identifier: GPL-3.0-or-later
// core::PinchTracker: two fingers spreading or closing give the ratio of their distances frame
// by frame, and the point between them; one finger, or a third, gives no pinch.
#include <doctest/doctest.h>

#include "core/pinch.h"

using plaza::core::PinchFrame;
using plaza::core::PinchTracker;
using plaza::core::PointerEvent;

namespace {

PointerEvent at(PointerEvent::Kind kind, float x, float y, long id) {
    return {kind, {x, y}, id};
}
constexpr auto kDown = PointerEvent::Kind::down;
constexpr auto kMove = PointerEvent::Kind::move;
constexpr auto kUp = PointerEvent::Kind::up;

}  // namespace

TEST_CASE("two fingers spreading to twice their distance zoom by two, about the point between") {
    PinchTracker pinch;
    pinch.push(at(kDown, 100, 100, 1));
    CHECK_FALSE(pinch.next_frame().active);  // one finger: a drag, not a pinch
    pinch.push(at(kDown, 200, 100, 2));
    PinchFrame f = pinch.next_frame();
    CHECK(f.active);
    CHECK(f.scale == 1.0f);  // where it starts from
    CHECK(f.centre.x == 150.0f);

    float product = 1;
    for (int i = 1; i <= 4; ++i) {
        pinch.push(at(kMove, 100 - 12.5f * i, 100, 1));
        pinch.push(at(kMove, 200 + 12.5f * i, 100, 2));
        f = pinch.next_frame();
        CHECK(f.active);
        CHECK(f.scale > 1.0f);
        CHECK(f.centre.x == doctest::Approx(150));
        CHECK(f.shift.x == doctest::Approx(0));
        product *= f.scale;
    }
    CHECK(product == doctest::Approx(2.0));

    // Both move right together: no zoom, a shift.
    pinch.push(at(kMove, 60, 100, 1));
    pinch.push(at(kMove, 260, 100, 2));
    f = pinch.next_frame();
    CHECK(f.scale == doctest::Approx(1.0));
    CHECK(f.shift.x == doctest::Approx(10));

    // A third finger changes nothing; one lifted ends the pinch.
    pinch.push(at(kDown, 500, 500, 3));
    CHECK(pinch.next_frame().scale == doctest::Approx(1.0));
    pinch.push(at(kUp, 60, 100, 1));
    CHECK_FALSE(pinch.next_frame().active);

    // The third finger was never tracked: with the second, after a reset, nothing.
    pinch.reset();
    pinch.push(at(kMove, 10, 10, 2));
    CHECK_FALSE(pinch.next_frame().active);
}

TEST_CASE("two fingers landing on one spot give no ratio") {
    PinchTracker pinch;
    pinch.push(at(kDown, 100, 100, 1));
    pinch.push(at(kDown, 100, 100, 2));
    pinch.next_frame();
    pinch.push(at(kMove, 120, 100, 2));
    const PinchFrame f = pinch.next_frame();
    CHECK(f.active);
    CHECK(f.scale == 1.0f);
}
