// The checks an install adds to check_bundle() before a bundle from a stick goes live: every text
// value valid UTF-8 and within a size, every blob within a size, every image decodable within the
// pixel limits. Run on the kiosk's private, signature-checked copy, never on the stick.
#pragma once

#include <cstdint>
#include <string>

#include "core/image_decode.h"

namespace plaza::content {

struct ScanLimits {
    std::int64_t max_text_bytes = 256 * 1024;       // one text value (a body is 40,000 chars)
    std::int64_t max_blob_bytes = 8 * 1024 * 1024;  // one stored image
    core::ImageLimits image;                        // what the kiosk will decode
};

enum class ScanProblem {
    none,
    unreadable,
    oversized_text,
    oversized_blob,
    invalid_utf8,
    bad_image
};

struct ScanResult {
    ScanProblem problem = ScanProblem::none;
    std::string detail;  // "table partnership, column summary, row 12: ..."
    std::int64_t images_checked = 0;
};

// Stops at the first problem. The path must already have passed check_bundle().
ScanResult scan_bundle_values(const std::string& path, const ScanLimits& limits = {});

}  // namespace plaza::content
