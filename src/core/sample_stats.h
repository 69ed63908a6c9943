// SPDX-License-Identifier: GPL-3.0-or-later
// Collects timing samples and reports percentiles, for --stats output and benchmarks. Memory is
// bounded: the first `capacity` samples are kept exactly, and beyond that a uniform random
// reservoir of that many stands for the whole run (Vitter's algorithm R), so a kiosk that draws
// frames for a week holds a few tens of kilobytes here, not a number per frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace plaza::core {

class SampleStats {
  public:
    explicit SampleStats(std::size_t capacity = 4096) : capacity_(capacity) {}
    void add(double value);
    // Every sample added, kept or not.
    std::size_t count() const { return count_; }
    // Nearest-rank percentile (p in 0..100) of the kept samples: exact up to `capacity` samples,
    // an estimate from the reservoir after; 0 when there are no samples.
    double percentile(double p) const;
    // The largest sample ever added (exact).
    double max() const;
    std::size_t kept() const { return values_.size(); }

  private:
    std::size_t capacity_;
    std::vector<double> values_;
    std::size_t count_ = 0;
    double max_ = 0.0;
    std::uint64_t random_state_ = 0x9E3779B97F4A7C15ull;  // fixed: the same run, the same figures
};

}  // namespace plaza::core
