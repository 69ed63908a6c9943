// SPDX-License-Identifier: GPL-3.0-or-later
// doctest's runner for the unit tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
