// The kiosk's read side of a bundle: one read-only, defensive SQLite connection and typed
// queries returning plain data. Nothing outside this folder sees SQL.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "content/model.h"
#include "content/sqlite_db.h"
#include "core/result.h"

namespace plaza::content {

class ContentStore {
public:
    // Opens a bundle and checks that it is one Plaza can read (schema version, required rows).
    static core::Result<ContentStore> open(const std::string& path);

    const EventInfo& event() const { return event_; }
    ContentCounts counts() const;
    std::vector<PartnershipCard> featured_partnerships(int limit) const;
    std::vector<PartnershipCard> partnerships() const;  // all, by title
    // Every code point the bundle's visitor-facing text uses (recorded by plaza-bundle).
    std::set<char32_t> code_points() const;
    std::string meta(const std::string& key) const;

private:
    explicit ContentStore(Database db) : db_(std::move(db)) {}
    Database db_;
    EventInfo event_;
};

}  // namespace plaza::content
