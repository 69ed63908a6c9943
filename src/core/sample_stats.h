// Collects timing samples and reports percentiles, for --stats output and benchmarks.
#pragma once

#include <cstddef>
#include <vector>

namespace plaza::core {

class SampleStats {
  public:
    void add(double value) { values_.push_back(value); }
    std::size_t count() const { return values_.size(); }
    // Nearest-rank percentile (p in 0..100); 0 when there are no samples.
    double percentile(double p) const;
    double max() const;

  private:
    std::vector<double> values_;
};

}  // namespace plaza::core
