// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sample_stats.h"

#include <algorithm>
#include <cmath>

namespace plaza::core {
namespace {

// splitmix64: a small, well-mixed generator; the reservoir needs no better.
std::uint64_t next_random(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace

void SampleStats::add(double value) {
    max_ = count_ == 0 ? value : std::max(max_, value);
    ++count_;
    if (values_.size() < capacity_) {
        values_.push_back(value);
        return;
    }
    // Keep the new sample with probability capacity / count, in place of a random kept one.
    const std::uint64_t slot = next_random(random_state_) % count_;
    if (slot < capacity_) values_[static_cast<std::size_t>(slot)] = value;
}

double SampleStats::percentile(double p) const {
    if (values_.empty()) return 0.0;
    std::vector<double> sorted = values_;
    std::sort(sorted.begin(), sorted.end());
    // Multiply before dividing and allow for rounding: p / 100 * n lands just above a whole rank
    // for many p (0.07 * 100 == 7.000000000000001), and ceil then picked the next sample
    // (p7 of 1..100 gave 8, p99.9 of 1000 samples gave the maximum).
    const double exact = p * static_cast<double>(sorted.size()) / 100.0;
    const double rank = std::ceil(exact - 1e-9 * std::max(1.0, std::fabs(exact)));
    const std::size_t index =
        static_cast<std::size_t>(std::clamp(rank, 1.0, double(sorted.size())));
    return sorted[index - 1];
}

double SampleStats::max() const {
    return count_ == 0 ? 0.0 : max_;
}

}  // namespace plaza::core
