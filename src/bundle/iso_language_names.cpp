// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/iso_language_names.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>

namespace plaza::bundle {

namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every original -> translation pair of a GNU gettext .mo file (the format is gettext's manual,
// "The Format of GNU MO Files"); nothing for a file that is not one. Contexts and plural forms do
// not occur in iso-codes' catalogues; the header entry (empty msgid) is left out.
std::map<std::string, std::string> read_mo(std::string_view mo) {
    std::map<std::string, std::string> out;
    if (mo.size() < 28) return out;
    auto word = [&](size_t at, bool swap) -> std::uint32_t {
        std::uint32_t v;
        std::memcpy(&v, mo.data() + at, 4);
        if (swap) v = __builtin_bswap32(v);
        return v;
    };
    const std::uint32_t magic = word(0, false);
    const bool swap = magic == 0xde120495u;
    if (!swap && magic != 0x950412deu) return out;
    const std::uint32_t count = word(8, swap), originals = word(12, swap),
                        translations = word(16, swap);
    auto string_at = [&](std::uint32_t table, std::uint32_t i) -> std::optional<std::string_view> {
        const std::uint64_t entry = std::uint64_t{table} + std::uint64_t{i} * 8;
        if (entry + 8 > mo.size()) return std::nullopt;
        const std::uint32_t length = word(static_cast<size_t>(entry), swap);
        const std::uint32_t offset = word(static_cast<size_t>(entry) + 4, swap);
        if (std::uint64_t{offset} + length > mo.size()) return std::nullopt;
        return mo.substr(offset, length);
    };
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto original = string_at(originals, i);
        const auto translation = string_at(translations, i);
        if (!original || !translation) break;
        if (original->empty() || translation->empty()) continue;
        out.emplace(std::string(*original), std::string(*translation));
    }
    return out;
}

}  // namespace

IsoLanguageNames::IsoLanguageNames(std::string prefix) : prefix_(std::move(prefix)) {}

bool IsoLanguageNames::load_codes() {
    if (loaded_) return error_.empty();
    loaded_ = true;
    const std::string path = prefix_ + "/share/iso-codes/json/iso_639-3.json";
    const auto text = read_file(path);
    if (!text) {
        error_ = path + " cannot be read (install Debian's iso-codes package)";
        return false;
    }
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_discarded() || !json.contains("639-3") || !json["639-3"].is_array()) {
        error_ = path + " is not iso-codes' ISO 639-3 list";
        return false;
    }
    for (const auto& entry : json["639-3"]) {
        if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string()) continue;
        const std::string name = entry["name"].get<std::string>();
        for (const char* key : {"alpha_3", "alpha_2"})
            if (entry.contains(key) && entry[key].is_string())
                english_.emplace(entry[key].get<std::string>(), name);
    }
    return true;
}

const std::map<std::string, std::string>& IsoLanguageNames::translations(const std::string& in) {
    auto it = translations_.find(in);
    if (it != translations_.end()) return it->second;
    std::map<std::string, std::string> names;
    if (const auto mo = read_file(prefix_ + "/share/locale/" + in + "/LC_MESSAGES/iso_639-3.mo"))
        names = read_mo(*mo);
    return translations_.emplace(in, std::move(names)).first->second;
}

std::optional<std::string> IsoLanguageNames::name(const std::string& code, const std::string& in) {
    if (!load_codes()) return std::nullopt;
    const auto english = english_.find(code);
    if (english == english_.end()) return std::nullopt;
    const auto& translated = translations(in);
    const auto it = translated.find(english->second);
    return it == translated.end() ? english->second : it->second;
}

}  // namespace plaza::bundle
