#include "core/sample_stats.h"

#include <algorithm>
#include <cmath>

namespace plaza::core {

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
    return values_.empty() ? 0.0 : *std::max_element(values_.begin(), values_.end());
}

}  // namespace plaza::core
