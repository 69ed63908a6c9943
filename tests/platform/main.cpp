// SPDX-License-Identifier: GPL-3.0-or-later
// doctest's runner for the platform tests (SDL's offscreen driver, software renderer).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
