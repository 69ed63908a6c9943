// SPDX-License-Identifier: GPL-3.0-or-later
// The admin panel's gesture and PIN rules (issue 7): a deliberate hold in the corner, and wrong
// PINs locking the keypad for longer each time.
#include <doctest/doctest.h>

#include "ui/screens/admin_screen.h"

using plaza::ui::AdminGesture;
using plaza::ui::AdminScreen;

TEST_CASE("admin gesture: a three-second hold in the top-left corner, once per hold") {
    AdminGesture g(3.0, 15.0f);
    CHECK_FALSE(g.update(true, 5, 5, 0.0));
    CHECK_FALSE(g.update(true, 6, 5, 2.9));
    CHECK(g.update(true, 6, 5, 3.0));
    CHECK_FALSE(g.update(true, 6, 5, 4.0));  // not again while the finger stays
    CHECK_FALSE(g.update(false, 0, 0, 4.1));
    // Leaving the corner restarts the count; a hold elsewhere never fires.
    CHECK_FALSE(g.update(true, 5, 5, 10.0));
    CHECK_FALSE(g.update(true, 40, 5, 12.0));
    CHECK_FALSE(g.update(true, 5, 5, 13.5));
    CHECK_FALSE(g.update(true, 5, 5, 16.4));
    CHECK(g.update(true, 5, 5, 16.5));
}

TEST_CASE("admin PIN: three free tries, then a lock that doubles") {
    AdminScreen s;
    CHECK_FALSE(s.try_pin("1111", "2468", 0));
    CHECK_FALSE(s.try_pin("1112", "2468", 1));
    CHECK(s.locked_for(1) == 0);
    CHECK_FALSE(s.try_pin("1113", "2468", 2));
    CHECK(s.locked_for(2) == doctest::Approx(30));
    CHECK_FALSE(s.try_pin("2468", "2468", 10));  // even the right PIN waits
    CHECK(s.try_pin("2468", "2468", 32));
    CHECK_FALSE(s.try_pin("", "", 100));  // no PIN configured: always locked
}

TEST_CASE("admin PIN: the lock grows with every further wrong PIN") {
    AdminScreen s;
    for (int i = 0; i < 3; ++i)
        s.try_pin("0000", "2468", 0);
    CHECK(s.locked_for(0) == doctest::Approx(30));
    CHECK_FALSE(s.try_pin("0000", "2468", 31));
    CHECK(s.locked_for(31) == doctest::Approx(60));
}
