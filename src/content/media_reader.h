// SPDX-License-Identifier: GPL-3.0-or-later
// Reads image bytes out of a bundle for the image worker thread, through its own read-only,
// defensive connection (a SQLite connection is not shared across threads here).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "content/sqlite_db.h"
#include "core/result.h"

namespace plaza::content {

enum class MediaVariant { thumb, large };

class MediaReader {
  public:
    // Opens lazily on the first read, so it can be created on one thread and used on another.
    explicit MediaReader(std::string bundle_path) : path_(std::move(bundle_path)) {}
    // The encoded image (PNG or JPEG) of `media_id` in `variant`.
    core::Result<std::string> read(std::int64_t media_id, MediaVariant variant);

  private:
    std::string path_;
    std::unique_ptr<Database> db_;
};

}  // namespace plaza::content
