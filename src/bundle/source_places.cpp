// SPDX-License-Identifier: GPL-3.0-or-later
// countries.csv and cities.csv: where partnerships, practices and speakers are.
#include "bundle/source_reader_internal.h"

#include <cctype>
#include <cmath>

namespace plaza::bundle::detail {

void Reader::read_countries() {
    for (const auto& row : read_table("countries.csv",
                                      {{"code", true, false, 2},
                                       {"name", true, true, kNameChars},
                                       {"region", true, false, kShortChars}},
                                      true)) {
        const std::string& code = row.get("code");
        const bool valid = code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
                           std::isupper(static_cast<unsigned char>(code[1]));
        if (!code.empty() && !valid)
            p_.add(row.file, row.line, "code",
                   single_quoted(code) + " is not an ISO 3166 country code (two capital letters)");
        if (!countries_.insert(code).second)
            p_.add(row.file, row.line, "code", "duplicate country " + single_quoted(code));
        b_.countries.push_back({code, row.texts("name"), row.get("region")});
    }
}

void Reader::read_cities() {
    const auto city_rows = read_table("cities.csv",
                                      {{"id", true, false, kIdChars},
                                       {"name", true, false, kNameChars},
                                       {"latin", false, false, kNameChars},
                                       {"country", true, false, 2},
                                       {"latitude", true, false, kShortChars},
                                       {"longitude", true, false, kShortChars}},
                                      true);
    cities_ = check_ids(city_rows);
    for (const auto& row : city_rows) {
        check_ref(row, "country", row.get("country"), countries_, "country", "countries.csv");
        CitySource c{row.get("id"), row.get("name"), row.get("country"), row.get("latin"), 0, 0};
        const std::pair<const char*, double> axes[] = {{"latitude", 90}, {"longitude", 180}};
        for (const auto& [field, limit] : axes) {
            const std::string& text = row.get(field);
            if (text.empty()) continue;
            const auto v = parse_number(text);
            if (!v) {
                p_.add(row.file, row.line, field, single_quoted(text) + " is not a number");
            } else if (std::fabs(*v) > limit) {
                const std::string l = std::to_string(static_cast<int>(limit));
                p_.add(row.file, row.line, field,
                       single_quoted(text) + " is out of range (-" + l + " to " + l + ")");
            } else {
                (field[1] == 'a' ? c.latitude : c.longitude) = *v;
            }
        }
        b_.cities.push_back(std::move(c));
    }
}

}  // namespace plaza::bundle::detail
