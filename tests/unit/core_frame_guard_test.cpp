// SPDX-License-Identifier: GPL-3.0-or-later
// core::FrameGuard: counting failed frames in a row and when to give up.
#include <doctest/doctest.h>

#include "core/frame_guard.h"

using plaza::core::FrameGuard;

TEST_CASE("frame guard: gives up on the n-th failure in a row, not before") {
    FrameGuard g(3);
    CHECK(g.failures_in_a_row() == 0);
    CHECK_FALSE(g.frame_failed());
    CHECK_FALSE(g.frame_failed());
    CHECK(g.failures_in_a_row() == 2);
    CHECK(g.frame_failed());
    CHECK(g.failures_in_a_row() == 3);
}

TEST_CASE("frame guard: a good frame resets the run of failures") {
    FrameGuard g(3);
    CHECK_FALSE(g.frame_failed());
    CHECK_FALSE(g.frame_failed());
    g.frame_succeeded();
    CHECK(g.failures_in_a_row() == 0);
    CHECK_FALSE(g.frame_failed());
    CHECK_FALSE(g.frame_failed());
    CHECK(g.frame_failed());
}

TEST_CASE("frame guard: scattered failures never add up to giving up") {
    FrameGuard g;  // the default allows several failures in a row
    for (int i = 0; i < 100; ++i) {
        CHECK_FALSE(g.frame_failed());
        g.frame_succeeded();
    }
    CHECK(g.failures_in_a_row() == 0);
}

TEST_CASE("frame guard: the default gives up after ten failures in a row") {
    FrameGuard g;
    for (int i = 1; i < 10; ++i)
        CHECK_FALSE(g.frame_failed());
    CHECK(g.frame_failed());
}

TEST_CASE("frame guard: with a limit of one the first failure gives up") {
    FrameGuard g(1);
    CHECK(g.frame_failed());
}
