// Structural and content checks of a bundle file before anyone trusts its rows: SQLite integrity,
// no views or triggers, the expected tables and schema version, references that resolve.
// plaza-bundle verify runs it; the kiosk runs it on its private copy before switching content.
#pragma once

#include <string>
#include <vector>

namespace plaza::content {

// Returns every problem found, or nothing when the bundle is sound.
std::vector<std::string> check_bundle(const std::string& path);

}  // namespace plaza::content
