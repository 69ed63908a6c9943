// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/media_reader.h"

namespace plaza::content {

core::Result<std::string> MediaReader::read(std::int64_t media_id, MediaVariant variant) {
    if (!db_) {
        auto db = Database::open_untrusted_read_only(path_);
        if (!db) return core::Error{db.error()};
        db_ = std::make_unique<Database>(std::move(db.value()));
    }
    auto stmt = db_->prepare("SELECT data FROM media_image WHERE media_id = ?1 AND variant = ?2");
    if (!stmt) return core::Error{stmt.error()};
    stmt->bind(1, media_id).bind(2, variant == MediaVariant::thumb ? "thumb" : "large");
    if (!stmt->step()) {
        return core::Error{"image " + std::to_string(media_id) + " is not in the bundle"};
    }
    return stmt->column_blob(0);
}

}  // namespace plaza::content
