// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle inspect: what a bundle holds (counts per kind, languages, versions, size, signing
// key) and what looks wrong, as text for people or JSON for scripts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "content/model.h"
#include "core/result.h"

namespace plaza::bundle {

struct InspectReport {
    std::string path;
    std::uintmax_t size_bytes = 0;
    std::map<std::string, std::string> meta;  // schema_version, bundle_id, content_version, ...
    std::string event_name;
    std::vector<content::Language> languages;
    content::ContentCounts counts;
    std::string key_id;           // of the .minisig beside the bundle, if any
    std::string trusted_comment;  // likewise
    std::vector<std::string> warnings;
};

core::Result<InspectReport> inspect_bundle(const std::string& path);
std::string format_report_text(const InspectReport& report);
std::string format_report_json(const InspectReport& report);

}  // namespace plaza::bundle
