// SPDX-License-Identifier: GPL-3.0-or-later
// programmes.csv, themes.csv, partnerships.csv and contacts.csv: the partnerships and what
// they are filed under.
#include "bundle/source_reader_internal.h"

#include <algorithm>

namespace plaza::bundle::detail {

void Reader::read_programmes() {
    const auto programme_rows = read_table("programmes.csv",
                                           {{"id", true, false, kIdChars},
                                            {"name", true, true, kTitleChars},
                                            {"description", false, true, kLongChars},
                                            {"url", false, false, kLinkChars}},
                                           false);
    programmes_ = check_ids(programme_rows);
    for (const auto& row : programme_rows) {
        const std::string& url = row.get("url");
        if (!url.empty() && !is_url(url))
            p_.add(row.file, row.line, "url",
                   single_quoted(url) + " is not a web address (https://...)");
        b_.programmes.push_back({row.get("id"), row.texts("name"), row.texts("description"), url});
    }
}

void Reader::read_themes() {
    const auto theme_rows = read_table("themes.csv",
                                       {{"id", true, false, kIdChars},
                                        {"name", true, true, kNameChars},
                                        {"colour", true, false, kShortChars}},
                                       false);
    themes_ = check_ids(theme_rows);
    for (const auto& row : theme_rows) {
        const std::string& colour = row.get("colour");
        if (!colour.empty() && !is_colour(colour))
            p_.add(row.file, row.line, "colour",
                   single_quoted(colour) + " is not a colour (#RRGGBB)");
        b_.themes.push_back({row.get("id"), row.texts("name"), colour});
    }
}

void Reader::read_partnerships() {
    const auto partnership_rows = read_table("partnerships.csv",
                                             {{"id", true, false, kIdChars},
                                              {"title", true, true, kTitleChars},
                                              {"lead", true, false, kLinkChars},
                                              {"partners", true, false, kLongChars},
                                              {"programme", false, false, kIdChars},
                                              {"themes", false, false, kLinkChars},
                                              {"sdgs", false, false, kShortChars},
                                              {"starts_on", false, false, kShortChars},
                                              {"ends_on", false, false, kShortChars},
                                              {"status", true, false, kShortChars},
                                              {"summary", true, true, kSummaryChars},
                                              {"objectives", false, true, kLongChars},
                                              {"activities", false, true, kLongChars},
                                              {"results", false, true, kLongChars},
                                              {"lessons", false, true, kLongChars},
                                              {"images", false, false, kLinkChars},
                                              {"featured", false, false, kShortChars}},
                                             true);
    partnerships_ = check_ids(partnership_rows);
    for (const auto& row : partnership_rows) {
        PartnershipSource ps;
        ps.id = row.get("id");
        ps.title = row.texts("title");
        ps.summary = row.texts("summary");
        ps.objectives = row.texts("objectives");
        ps.activities = row.texts("activities");
        ps.results = row.texts("results");
        ps.lessons = row.texts("lessons");
        ps.programme = row.get("programme");
        check_ref(row, "programme", ps.programme, programmes_, "programme", "programmes.csv");
        ps.lead_cities = split_list(row.get("lead"));
        ps.partner_cities = split_list(row.get("partners"));
        std::set<std::string> listed;
        for (const char* field : {"lead", "partners"}) {
            for (const auto& city : field[0] == 'l' ? ps.lead_cities : ps.partner_cities) {
                check_ref(row, field, city, cities_, "city", "cities.csv");
                if (!listed.insert(city).second)
                    p_.add(row.file, row.line, field,
                           "city " + single_quoted(city) + " is listed twice");
            }
        }
        if (!row.get("lead").empty() && !row.get("partners").empty() && listed.size() < 2)
            p_.add(row.file, row.line, "partners", "a partnership needs at least two cities");
        if (static_cast<std::int64_t>(listed.size()) > kCitiesPerPartnership)
            p_.add(row.file, row.line, "partners",
                   std::to_string(listed.size()) + " cities, the limit is " +
                       std::to_string(kCitiesPerPartnership));
        ps.themes = split_list(row.get("themes"));
        for (const auto& t : ps.themes)
            check_ref(row, "themes", t, themes_, "theme", "themes.csv");
        for (const auto& n : split_list(row.get("sdgs"))) {
            const auto number = parse_integer(n);
            if (!number || *number < 1 || *number > 17) {
                p_.add(row.file, row.line, "sdgs",
                       single_quoted(n) + " is not an SDG number (1 to 17)");
            } else if (std::find(ps.sdgs.begin(), ps.sdgs.end(), *number) == ps.sdgs.end()) {
                ps.sdgs.push_back(static_cast<int>(*number));
            }
        }
        ps.starts_on = row.get("starts_on");
        ps.ends_on = row.get("ends_on");
        bool dates_ok = true;
        for (const char* field : {"starts_on", "ends_on"}) {
            const std::string& value = row.get(field);
            if (!value.empty() && !is_period_date(value)) {
                p_.add(row.file, row.line, field,
                       single_quoted(value) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
                dates_ok = false;
            }
        }
        if (dates_ok && !ps.starts_on.empty() && !ps.ends_on.empty() &&
            ps.ends_on.substr(0, ps.starts_on.size()) < ps.starts_on.substr(0, ps.ends_on.size()))
            p_.add(row.file, row.line, "ends_on", "is before starts_on");
        ps.status = row.get("status");
        if (!ps.status.empty() && ps.status != "planned" && ps.status != "active" &&
            ps.status != "completed")
            p_.add(row.file, row.line, "status",
                   single_quoted(ps.status) + " is not a status (planned, active or completed)");
        const std::string& featured = row.get("featured");
        if (!featured.empty() && featured != "0" && featured != "1")
            p_.add(row.file, row.line, "featured", single_quoted(featured) + " is not 1 or 0");
        ps.featured = featured == "1";
        for (const auto& item : split_list(row.get("images"))) {
            // "path | credit" (the credit shown under the photo), or the path alone.
            auto parts = split(item, '|');
            parts.resize(std::max<size_t>(parts.size(), 2));
            const std::string key = image(row.file, row.line, "images", parts[0]);
            if (!key.empty()) ps.images.push_back({key, parts[1]});
        }
        b_.partnerships.push_back(std::move(ps));
    }
}

void Reader::read_contacts() {
    for (const auto& row : read_table("contacts.csv",
                                      {{"partnership", true, false, kIdChars},
                                       {"organisation", true, false, kTitleChars},
                                       {"person", false, false, kNameChars},
                                       {"email", false, false, kLinkChars},
                                       {"url", false, false, kLinkChars}},
                                      false)) {
        const std::string& id = row.get("partnership");
        check_ref(row, "partnership", id, partnerships_, "partnership", "partnerships.csv");
        const std::string& email = row.get("email");
        const std::string& url = row.get("url");
        bool ok = true;
        if (!email.empty() && !is_email(email)) {
            p_.add(row.file, row.line, "email", single_quoted(email) + " is not an e-mail address");
            ok = false;
        }
        if (!url.empty() && !is_url(url)) {
            p_.add(row.file, row.line, "url",
                   single_quoted(url) + " is not a web address (https://...)");
            ok = false;
        }
        if (!ok || row.get("organisation").empty()) continue;
        for (auto& ps : b_.partnerships) {
            if (ps.id == id)
                ps.contacts.push_back({row.get("organisation"), row.get("person"), email, url});
        }
    }
}

}  // namespace plaza::bundle::detail
