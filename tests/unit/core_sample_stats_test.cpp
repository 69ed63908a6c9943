// SPDX-License-Identifier: GPL-3.0-or-later
// core::SampleStats: nearest-rank percentiles, the maximum, and a bounded reservoir.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/sample_stats.h"

using plaza::core::SampleStats;

TEST_CASE("sample stats: no samples report 0") {
    SampleStats s;
    CHECK(s.count() == 0);
    CHECK(s.percentile(50) == 0.0);
    CHECK(s.percentile(99) == 0.0);
    CHECK(s.max() == 0.0);
}

TEST_CASE("sample stats: one sample is every percentile and the maximum") {
    SampleStats s;
    s.add(4.5);
    CHECK(s.count() == 1);
    CHECK(s.percentile(0) == 4.5);
    CHECK(s.percentile(50) == 4.5);
    CHECK(s.percentile(100) == 4.5);
    CHECK(s.max() == 4.5);
}

TEST_CASE("sample stats: nearest rank over unsorted samples") {
    SampleStats s;
    for (double v : {15.0, 20.0, 35.0, 40.0, 50.0})
        s.add(v);
    // The textbook nearest-rank example: p30 -> 20, p40 -> 20, p50 -> 35, p100 -> 50.
    SampleStats shuffled;
    for (double v : {40.0, 15.0, 50.0, 35.0, 20.0})
        shuffled.add(v);
    for (const SampleStats* x : {&s, &shuffled}) {
        CHECK(x->percentile(5) == 15.0);
        CHECK(x->percentile(30) == 20.0);
        CHECK(x->percentile(40) == 20.0);
        CHECK(x->percentile(50) == 35.0);
        CHECK(x->percentile(100) == 50.0);
        CHECK(x->max() == 50.0);
    }
}

TEST_CASE("sample stats: every whole percentile of 1..100 is that value") {
    SampleStats s;
    for (int i = 100; i >= 1; --i)
        s.add(i);
    for (int p = 1; p <= 100; ++p) {
        CAPTURE(p);
        CHECK(s.percentile(p) == p);
    }
}

TEST_CASE("sample stats: p99 of 1000 samples ignores the top ten") {
    SampleStats s;
    for (int i = 1; i <= 1000; ++i)
        s.add(i);
    CHECK(s.percentile(99) == 990.0);
    CHECK(s.percentile(99.9) == 999.0);
    CHECK(s.percentile(50) == 500.0);
    CHECK(s.max() == 1000.0);
}

TEST_CASE("sample stats: percentiles out of range are clamped to the smallest and largest") {
    SampleStats s;
    for (double v : {3.0, 1.0, 2.0})
        s.add(v);
    CHECK(s.percentile(0) == 1.0);
    CHECK(s.percentile(-10) == 1.0);
    CHECK(s.percentile(250) == 3.0);
}

TEST_CASE("sample stats: negative samples and repeated values") {
    SampleStats s;
    for (double v : {-5.0, -5.0, -1.0, 7.0})
        s.add(v);
    CHECK(s.percentile(50) == -5.0);
    CHECK(s.percentile(75) == -1.0);
    CHECK(s.max() == 7.0);
    SampleStats neg;
    neg.add(-3.0);
    neg.add(-2.0);
    CHECK(neg.max() == -2.0);
}

TEST_CASE("sample stats: a long run keeps a bounded reservoir that still tells its percentiles") {
    SampleStats s(1000);
    // 200,000 samples: 1..1000 over and over, so every percentile of the run is known.
    for (int round = 0; round < 200; ++round) {
        for (int i = 1; i <= 1000; ++i)
            s.add(i);
    }
    CHECK(s.count() == 200000);
    CHECK(s.kept() == 1000);  // not a number per sample
    CHECK(s.max() == 1000.0);
    CHECK(s.percentile(50) == doctest::Approx(500).epsilon(0.08));
    CHECK(s.percentile(99) >= 970.0);
    CHECK(s.percentile(1) <= 40.0);
    // A late spike is still the maximum, though the reservoir may have dropped it.
    s.add(5000.0);
    CHECK(s.max() == 5000.0);
}

TEST_CASE("sample stats: up to its capacity every sample is kept exactly") {
    SampleStats s(10);
    for (int i = 10; i >= 1; --i)
        s.add(i);
    CHECK(s.kept() == 10);
    CHECK(s.percentile(10) == 1.0);
    CHECK(s.percentile(100) == 10.0);
    s.add(11);
    CHECK(s.count() == 11);
    CHECK(s.kept() == 10);
    CHECK(s.max() == 11.0);
}
