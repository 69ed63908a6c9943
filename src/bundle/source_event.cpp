// SPDX-License-Identifier: GPL-3.0-or-later
// event.txt: the event, its languages and their fallbacks, its time zone and schedule.
#include "bundle/source_reader_internal.h"

#include <algorithm>
#include <sstream>

#include "bundle/imported_schedule.h"
#include "bundle/iso_language_names.h"
#include "core/civil_time.h"

namespace plaza::bundle::detail {

namespace {

// Names of languages in their own language, so organisers only list codes.
const std::map<std::string, std::string> kAutonyms = {
    {"ar", "العربية"},    {"ca", "Català"},     {"cs", "Čeština"},  {"da", "Dansk"},
    {"de", "Deutsch"},    {"el", "Ελληνικά"},   {"en", "English"},  {"es", "Español"},
    {"eu", "Euskara"},    {"fi", "Suomi"},      {"fr", "Français"}, {"gl", "Galego"},
    {"hi", "हिन्दी"},      {"hu", "Magyar"},     {"it", "Italiano"}, {"ja", "日本語"},
    {"ko", "한국어"},     {"nl", "Nederlands"}, {"pl", "Polski"},   {"pt", "Português"},
    {"ro", "Română"},     {"ru", "Русский"},    {"sv", "Svenska"},  {"tr", "Türkçe"},
    {"uk", "Українська"}, {"vi", "Tiếng Việt"}, {"zh", "中文"},
};

}  // namespace

std::string Reader::languages_list() const {
    std::string list;
    for (const auto& l : b_.event.languages)
        list += (list.empty() ? "" : ", ") + l.code;
    return list;
}

bool Reader::is_event_language(const std::string& code) const {
    return std::any_of(b_.event.languages.begin(), b_.event.languages.end(),
                       [&](const LanguageSource& l) { return l.code == code; });
}

void Reader::read_event() {
    const std::string file = "event.txt";
    std::string text;
    if (!read_whole_file(dir_ / file, text)) {
        p_.add(file, 1, "",
               "cannot be read (every content folder needs its event file): " + read_error_);
        return;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
    const auto entries = parse_key_values(text, 1, file, p_);
    std::map<std::string, KeyValue> by_key;
    for (const auto& kv : entries) {
        if (!by_key.emplace(kv.key, kv).second)
            p_.add(file, kv.line, kv.key,
                   "appears twice (first on line " + std::to_string(by_key.at(kv.key).line) + ")");
    }
    EventSource& e = b_.event;
    // Languages first: every other key may be a translation into one of them.
    if (auto it = by_key.find("languages"); it != by_key.end()) {
        for (const auto& code : split(it->second.value, ',')) {
            if (!is_language_code(code)) {
                p_.add(file, it->second.line, "languages",
                       single_quoted(code) +
                           " is not a language code (two or three letters, e.g. ca)");
                continue;
            }
            if (is_event_language(code)) {
                p_.add(file, it->second.line, "languages",
                       single_quoted(code) + " is listed twice");
                continue;
            }
            LanguageSource l{code, "", {}};
            if (auto name = by_key.find("language_name." + code); name != by_key.end()) {
                l.name = name->second.value;
            } else if (auto known = kAutonyms.find(code); known != kAutonyms.end()) {
                l.name = known->second;
            } else {
                p_.add(file, it->second.line, "languages",
                       "no name is known for " + single_quoted(code) + "; add 'language_name." +
                           code + ": <its name in that language>'");
            }
            e.languages.push_back(std::move(l));
        }
    }
    const char* required[] = {
        "name",     "venue", "city", "starts_on", "ends_on", "time_zone", "utc_offset_minutes",
        "languages"};
    for (const char* key : required) {
        auto it = by_key.find(key);
        if (it == by_key.end() || it->second.value.empty())
            p_.add(file, it == by_key.end() ? 1 : it->second.line, key,
                   "required value is missing");
    }
    for (const auto& kv : entries) {
        const std::string& key = kv.key;
        if (!check_text(p_, file, kv.line, key, kv.value, kTitleChars)) continue;
        const auto dot = key.find('.');
        const std::string base = key.substr(0, dot);
        const std::string lang = dot == std::string::npos ? "" : key.substr(dot + 1);
        if (base == "language_name") {
            // Read above for the event's languages; another one names sessions in it, before
            // iso-codes' names (name_session_languages).
            if (lang.empty() || is_event_language(lang)) continue;
            if (!is_language_code(lang))
                p_.add(file, kv.line, key,
                       single_quoted(lang) +
                           " is not a language code (two or three letters, e.g. pt)");
            else
                e.other_language_names[lang] = kv.value;
            continue;
        }
        if (base == "fallback" && !lang.empty()) {
            auto target = std::find_if(e.languages.begin(), e.languages.end(),
                                       [&](const LanguageSource& l) { return l.code == lang; });
            if (target == e.languages.end()) {
                p_.add(file, kv.line, key,
                       single_quoted(lang) + " is not one of the event's languages (" +
                           languages_list() + ")");
                continue;
            }
            for (const auto& code : split(kv.value, ',')) {
                if (!is_event_language(code)) {
                    p_.add(file, kv.line, key,
                           single_quoted(code) + " is not one of the event's languages (" +
                               languages_list() + ")");
                } else {
                    target->fallback.push_back(code);
                }
            }
            continue;
        }
        if (!lang.empty()) {
            if (base != "name" && base != "venue" && base != "city") {
                p_.add(file, kv.line, key, "unknown key");
            } else if (!is_event_language(lang)) {
                p_.add(file, kv.line, key,
                       single_quoted(lang) + " is not one of the event's languages (" +
                           languages_list() + ")");
            } else if (lang == e.languages.front().code) {
                p_.add(file, kv.line, key,
                       single_quoted(lang) + " is the default language; write that text under '" +
                           base + "'");
            } else {
                (base == "name"    ? e.name
                 : base == "venue" ? e.venue
                                   : e.city)
                    .by_lang[lang] = kv.value;
            }
            continue;
        }
        if (key == "name") {
            e.name.base = kv.value;
        } else if (key == "venue") {
            e.venue.base = kv.value;
        } else if (key == "city") {
            e.city.base = kv.value;
        } else if (key == "starts_on" || key == "ends_on") {
            if (!kv.value.empty() && !is_date(kv.value)) {
                p_.add(file, kv.line, key, single_quoted(kv.value) + " is not a date (YYYY-MM-DD)");
            } else {
                (key == "starts_on" ? e.starts_on : e.ends_on) = kv.value;
            }
        } else if (key == "time_zone") {
            const bool looks_right =
                kv.value == "UTC" || (kv.value.find('/') != std::string::npos &&
                                      kv.value.find(' ') == std::string::npos);
            if (!kv.value.empty() && !looks_right) {
                p_.add(file, kv.line, key,
                       single_quoted(kv.value) +
                           " is not an IANA time zone name (e.g. Europe/Madrid)");
            }
            e.time_zone = kv.value;
            if (!kv.value.empty() && looks_right) {
                auto zone = schedule::TimeZone::load(kv.value);
                if (zone) {
                    zone_ = std::move(zone.value());
                } else {
                    p_.add(file, kv.line, key,
                           single_quoted(kv.value) +
                               " is not in this computer's time zone database (" + zone.error() +
                               ")");
                }
            }
        } else if (key == "schedule") {
            const fs::path relative = fs::path(kv.value).lexically_normal();
            if (kv.value.empty() || relative.is_absolute() || *relative.begin() == "..") {
                p_.add(file, kv.line, key,
                       single_quoted(kv.value) + " must be a path inside the content folder");
            } else {
                schedule_file_ = relative.generic_string();
                schedule_line_ = kv.line;
            }
        } else if (key == "utc_offset_minutes") {
            const auto minutes = parse_integer(kv.value);
            if (!kv.value.empty() && (!minutes || *minutes < -720 || *minutes > 840)) {
                p_.add(file, kv.line, key,
                       single_quoted(kv.value) + " is not a UTC offset in minutes (-720 to 840)");
            } else if (minutes) {
                e.utc_offset_minutes = static_cast<int>(*minutes);
            }
        } else if (key == "logo") {
            e.logo = image(file, kv.line, key, kv.value);
        } else if (key == "hero") {
            // "path | credit", as a practice's image: the credit is shown on the picture.
            auto parts = split(kv.value, '|');
            parts.resize(std::max<size_t>(parts.size(), 2));
            e.hero = image(file, kv.line, key, parts[0]);
            e.hero_credit = parts[1];
        } else if (key == "accent_colour") {
            if (!is_colour(kv.value)) {
                p_.add(file, kv.line, key, single_quoted(kv.value) + " is not a colour (#RRGGBB)");
            } else {
                e.accent_colour = kv.value;
            }
        } else if (key != "languages") {
            p_.add(file, kv.line, key, "unknown key");
        }
    }
    if (!e.starts_on.empty() && !e.ends_on.empty() && e.ends_on < e.starts_on) {
        p_.add(file, by_key.at("ends_on").line, "ends_on", "is before starts_on");
    } else if (zone_ && !e.starts_on.empty() && !e.ends_on.empty()) {
        b_.zone_offsets = event_zone_offsets(*zone_, e.starts_on, e.ends_on);
        // The fixed offset is what a kiosk without the offset table shows: it must be one the
        // zone really has during the event.
        const auto given = by_key.find("utc_offset_minutes");
        const bool used = std::any_of(
            b_.zone_offsets.begin(), b_.zone_offsets.end(),
            [&](const ZoneOffsetSource& z) { return z.offset_minutes == e.utc_offset_minutes; });
        if (given != by_key.end() && parse_integer(given->second.value) && !used) {
            std::string list;
            for (const auto& z : b_.zone_offsets)
                list += (list.empty() ? "" : ", ") + std::to_string(z.offset_minutes);
            p_.add(file, given->second.line, "utc_offset_minutes",
                   std::to_string(e.utc_offset_minutes) + " is not an offset of " + e.time_zone +
                       " during the event (" + list + ")");
        }
    }
}

// Sessions in a language the event does not offer show its name in the visitor's language:
// event.txt's `language_name.xx` when there is one, else iso-codes' name in each event language.
void Reader::name_session_languages() {
    std::set<std::string> codes;
    for (const SessionSource& s : b_.sessions)
        if (!s.language.empty() && !is_event_language(s.language)) codes.insert(s.language);
    IsoLanguageNames iso;
    for (const std::string& code : codes) {
        const auto own = b_.event.other_language_names.find(code);
        for (const LanguageSource& l : b_.event.languages) {
            std::optional<std::string> name;
            if (own != b_.event.other_language_names.end())
                name = own->second;
            else
                name = iso.name(code, l.code);
            if (!name) {
                warnings_.push_back(
                    "event.txt: sessions in " + single_quoted(code) + ": no name is known for it" +
                    (iso.error().empty() ? "" : " (" + iso.error() + ")") + kDash +
                    "shown as its code; add 'language_name." + code + ": <its name>'");
                break;
            }
            b_.language_names.push_back({code, l.code, *name});
        }
    }
}

}  // namespace plaza::bundle::detail
