// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a validated SourceBundle into a bundle file: schema, rows, translations, media, the
// folded full-text index and the metadata the kiosk needs (code points, versions).
#pragma once

#include <cstdint>
#include <string>

#include "bundle/source_model.h"
#include "core/result.h"

namespace plaza::bundle {

struct WriteOptions {
    std::int64_t content_version = 1;
    std::string bundle_id;   // 32 hex digits; random_bundle_id() for real builds
    std::string build_time;  // ISO 8601 UTC
};

// Writes `path` atomically: a temporary file beside it is filled, flushed to disk and renamed
// over `path`, so a reader (or a power cut) sees the old file or the complete new one.
core::Result<bool> write_bundle_file(const SourceBundle& bundle, const WriteOptions& options,
                                     const std::string& path);

// fsync of a file (flags O_RDONLY) or a folder (O_RDONLY | O_DIRECTORY); false when it failed.
bool sync_path(const std::string& path, int flags);

std::string random_bundle_id();
// Now, or SOURCE_DATE_EPOCH when it is set (a reproducible build), in whole seconds.
std::int64_t build_time_unix_ms();
std::string utc_now_iso8601();

// The 17 Sustainable Development Goals as the UN names and colours them; every bundle has them.
struct SdgInfo {
    int number;
    const char* name;
    const char* colour;
};
extern const SdgInfo kSdgs[17];

}  // namespace plaza::bundle
