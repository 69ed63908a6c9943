// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the bundle tests: a temporary folder that removes itself, and a small valid
// content folder that each validation test breaks in exactly one place.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace plaza::test {

class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "plaza-test-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A complete, valid source folder: one of everything, two languages (en default, es).
inline std::map<std::string, std::string> valid_source() {
    return {
        {"event.txt",
         "name: Test meeting\n"
         "name.es: Reunión de prueba\n"
         "venue: Hall A\n"
         "city: Barcelona\n"
         "starts_on: 2024-03-19\n"
         "ends_on: 2024-03-20\n"
         "time_zone: Europe/Madrid\n"
         "utc_offset_minutes: 60\n"
         "languages: en, es\n"},
        {"countries.csv",
         "code,name,name.es,region\nBE,Belgium,Bélgica,Europe\nPL,Poland,,Europe\n"},
        {"cities.csv",
         "id,name,latin,country,latitude,longitude\n"
         "ghent,Gent,Ghent,BE,51.05,3.72\n"
         "lodz,Łódź,Lodz,PL,51.76,19.46\n"},
        {"themes.csv", "id,name,name.es,colour\nair,Air quality,Calidad del aire,#4C9F38\n"},
        {"programmes.csv",
         "id,name,url\npsc,Partnerships for Sustainable Cities,https://example.org\n"},
        {"partnerships.csv",
         "id,title,title.es,lead,partners,programme,themes,sdgs,starts_on,ends_on,status,summary\n"
         "ghent-lodz,Clean air in Łódź,Aire limpio en Łódź,ghent,lodz,psc,air,11;3,2022,2024-06,"
         "active,Sensors on every street of São Paulo style boulevards.\n"},
        {"contacts.csv",
         "partnership,organisation,person,email,url\n"
         "ghent-lodz,City of Ghent,Ann Example,ann@example.org,https://example.org\n"},
        {"practices/street-sensors.md",
         "---\n"
         "title: Street sensors for everyone\n"
         "summary: Cheap sensors, open data.\n"
         "city: lodz\n"
         "themes: air\n"
         "partnerships: ghent-lodz\n"
         "figure: 120 | sensors installed\n"
         "contact: City of Łódź | | | https://example.org\n"
         "---\n"
         "## What was done\n\nResidents hosted **sensors** on their balconies.\n"},
        {"practices/street-sensors.es.md",
         "---\ntitle: Sensores en la calle\nfigure: 120 | sensores instalados\n---\n"
         "Los vecinos instalaron sensores.\n"},
        {"rooms.csv", "id,name,floor,location\nhall-a,Hall A,Ground floor,Entrance\n"},
        {"speakers.csv",
         "id,name,organisation,city,bio\nann,Ann Example,City of Ghent,ghent,Works on air.\n"},
        {"sessions.csv",
         "id,title,start,end,room,theme,type,language,speakers,abstract,status\n"
         "opening,Opening of the Ghent meeting,2024-03-19 09:30,2024-03-19 "
         "10:30,hall-a,air,plenary,"
         "en,ann,Welcome.,confirmed\n"},
    };
}

inline void write_source(const std::filesystem::path& dir,
                         const std::map<std::string, std::string>& files) {
    for (const auto& [name, text] : files)
        write_file(dir / name, text);
}

}  // namespace plaza::test

// Lists of problems print one per line when a check fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines) {
        std::string text = "{";
        for (const auto& line : lines)
            text += "\n  \"" + line + "\"";
        return (text + "\n}").c_str();
    }
};
}  // namespace doctest
