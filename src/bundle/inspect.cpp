// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/inspect.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bundle/font_check.h"
#include "content/bundle_check.h"
#include "content/content_store.h"
#include "core/safe_file.h"
#include "signing/minisign.h"

namespace plaza::bundle {

core::Result<InspectReport> inspect_bundle(const std::string& path) {
    std::error_code ec;
    InspectReport r;
    r.path = path;
    r.size_bytes = std::filesystem::file_size(path, ec);
    if (ec) return core::Error{path + ": cannot be read: " + ec.message()};
    auto store = content::ContentStore::open(path);
    if (!store) return core::Error{store.error()};
    for (const char* key : {"schema_version", "bundle_id", "content_version", "build_time", "tool",
                            "default_language"})
        r.meta[key] = store->meta(key);
    r.event_name = store->event().name;
    r.languages = store->event().languages;
    r.counts = store->counts();
    r.meta["code_points"] = std::to_string(store->code_points().size());
    r.warnings = content::check_bundle(path);
    for (std::string& line : uncovered_characters(store->code_points(), {}))
        r.warnings.push_back(std::move(line));

    // A signature beside the bundle, read without blocking on a FIFO of that name.
    if (auto text = core::read_regular_file(path + ".minisig", 16 * 1024, core::Links::follow)) {
        if (auto sig = minisign::parse_signature(text.value())) {
            r.key_id = minisign::key_id_hex(sig->key_id);
            r.trusted_comment = sig->trusted_comment;
        } else {
            r.warnings.push_back(path + ".minisig: " + sig.error());
        }
    } else {
        r.warnings.push_back("not signed (no " + path + ".minisig)");
    }
    // Coverage of the non-default languages, so organisers see what visitors will get in English.
    for (size_t i = 1; i < r.languages.size(); ++i) {
        const auto& code = r.languages[i].code;
        const auto translated = store->translated_count("partnership", "title", code);
        if (translated < r.counts.partnerships)
            r.warnings.push_back(code + ": " + std::to_string(translated) + " of " +
                                 std::to_string(r.counts.partnerships) +
                                 " partnership titles translated");
    }
    return r;
}

namespace {
std::vector<std::pair<const char*, std::int64_t>> counts_of(const content::ContentCounts& c) {
    return {{"partnerships", c.partnerships},
            {"practices", c.practices},
            {"sessions", c.sessions},
            {"speakers", c.speakers},
            {"rooms", c.rooms},
            {"cities", c.cities},
            {"countries", c.countries},
            {"programmes", c.programmes},
            {"themes", c.themes},
            {"images", c.media},
            {"translations", c.translations}};
}
}  // namespace

std::string format_report_text(const InspectReport& r) {
    std::ostringstream out;
    out << r.path << " (" << r.size_bytes << " bytes)\n";
    out << "  event:            " << r.event_name << "\n";
    auto label = [](const std::string& name) {
        return "  " + name + ":" + std::string(name.size() < 17 ? 17 - name.size() : 1, ' ');
    };
    for (const auto& [key, value] : r.meta)
        out << label(key) << value << "\n";
    out << "  languages:        ";
    for (size_t i = 0; i < r.languages.size(); ++i)
        out << (i ? ", " : "") << r.languages[i].code << " (" << r.languages[i].name << ")";
    out << "\n";
    for (const auto& [name, n] : counts_of(r.counts))
        out << label(name) << n << "\n";
    if (!r.key_id.empty()) {
        out << "  signed by key:    " << r.key_id << "\n";
        out << "  trusted comment:  " << r.trusted_comment << "\n";
    }
    for (const auto& w : r.warnings)
        out << "warning: " << w << "\n";
    return out.str();
}

std::string format_report_json(const InspectReport& r) {
    nlohmann::json j;
    j["path"] = r.path;
    j["size_bytes"] = r.size_bytes;
    j["event"] = r.event_name;
    for (const auto& [key, value] : r.meta)
        j["meta"][key] = value;
    j["languages"] = nlohmann::json::array();
    for (const auto& l : r.languages)
        j["languages"].push_back({{"code", l.code}, {"name", l.name}});
    for (const auto& [name, n] : counts_of(r.counts))
        j["counts"][name] = n;
    j["key_id"] = r.key_id;
    j["trusted_comment"] = r.trusted_comment;
    j["warnings"] = r.warnings;
    return j.dump(2) + "\n";
}

}  // namespace plaza::bundle
