// SPDX-License-Identifier: GPL-3.0-or-later
// The checks an install adds to check_bundle() before a bundle from a stick goes live: every value
// of every column of the kind and within the bound content/limits.h gives it (texts valid UTF-8
// and no longer than plaza-bundle writes them, instants near the event, images decodable within
// their renditions' sizes, media bytes within the total). Run on the kiosk's private,
// signature-checked copy, never on the stick; plaza-bundle runs it on what it wrote.
#pragma once

#include <cstdint>
#include <string>

#include "core/deadline.h"

namespace plaza::content {

enum class ScanProblem {
    none,
    unreadable,
    oversized_text,
    oversized_blob,
    invalid_utf8,
    bad_image,
    out_of_range,  // a value of the wrong kind, or outside its bounds
    over_time,
    over_memory,
};

struct ScanResult {
    ScanProblem problem = ScanProblem::none;
    std::string detail;  // "table partnership, column summary, row 12: ..."
    std::int64_t images_checked = 0;
    std::int64_t media_bytes = 0;
};

// Stops at the first problem. The path must already have passed check_bundle().
ScanResult scan_bundle_values(const std::string& path, const core::Deadline& deadline = {});

}  // namespace plaza::content
