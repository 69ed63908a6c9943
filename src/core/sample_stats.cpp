#include "core/sample_stats.h"

#include <algorithm>
#include <cmath>

namespace plaza::core {

double SampleStats::percentile(double p) const {
    if (values_.empty()) return 0.0;
    std::vector<double> sorted = values_;
    std::sort(sorted.begin(), sorted.end());
    const double rank = std::ceil(p / 100.0 * static_cast<double>(sorted.size()));
    const std::size_t index = static_cast<std::size_t>(std::clamp(rank, 1.0, double(sorted.size())));
    return sorted[index - 1];
}

double SampleStats::max() const {
    return values_.empty() ? 0.0 : *std::max_element(values_.begin(), values_.end());
}

}  // namespace plaza::core
