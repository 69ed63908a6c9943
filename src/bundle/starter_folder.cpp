// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/starter_folder.h"

#include <filesystem>
#include <fstream>
#include <utility>

namespace plaza::bundle {
namespace {

// Two cities, one partnership, one good practice and a two-session programme, in English with
// Spanish translations: every kind of file once, each small enough to read in a minute. The
// CSV files cannot hold comments; event.txt and the practice's front matter say what is what.
const std::pair<const char*, const char*> kFiles[] = {
    {"event.txt", R"plaza(# Your event: "key: value" lines; a line starting with # is a comment.
# "name.es" is the name in Spanish. docs/bundle-format.md lists every key and column.
name: City partnerships meeting
name.es: Encuentro de asociaciones de ciudades
venue: Main hall
venue.es: Sala principal
city: Ghent
city.es: Gante
starts_on: 2025-06-10
ends_on: 2025-06-11
# The zone the programme's times are in (an IANA name), and its UTC offset during the event.
time_zone: Europe/Brussels
utc_offset_minutes: 120
# The first language is the default: every text visitors see must exist in it.
languages: en, es
)plaza"},
    {"countries.csv", "code,name,name.es,region\n"
                      "BE,Belgium,Bélgica,Europe\n"
                      "PT,Portugal,Portugal,Europe\n"},
    {"cities.csv", "id,name,latin,country,latitude,longitude\n"
                   "ghent,Gent,Ghent,BE,51.05,3.72\n"
                   "porto,Porto,Porto,PT,41.15,-8.61\n"},
    {"themes.csv", "id,name,name.es,colour\n"
                   "mobility,Mobility,Movilidad,#1F6FB2\n"},
    {"programmes.csv", "id,name,name.es,url\n"
                       "exchange,City-to-city exchange,Intercambio entre ciudades,"
                       "https://example.org\n"},
    {"partnerships.csv",
     "id,title,title.es,lead,partners,programme,themes,sdgs,starts_on,ends_on,status,summary,"
     "summary.es,featured\n"
     "ghent-porto,Cycling streets in Ghent and Porto,Calles ciclistas en Gante y Oporto,ghent,"
     "porto,exchange,mobility,11,2024-01,2025-06,active,\"Two cities share how they turned car "
     "streets into cycling streets, one street at a time.\",\"Dos ciudades comparten cómo "
     "convirtieron calles de coches en calles ciclistas, una a una.\",1\n"},
    {"contacts.csv", "partnership,organisation,person,email,url\n"
                     "ghent-porto,City of Ghent,,,https://stad.gent\n"},
    {"practices/cycling-streets.md", R"plaza(---
# A good practice: "key: value" lines between the two --- lines, then the text in Markdown.
title: Cycling streets
summary: Streets where bicycles set the pace and cars are guests.
city: ghent
themes: mobility
partnerships: ghent-porto
# A key figure: the number, a bar, what it counts. Write as many figure lines as you like.
figure: 40 km | of cycling streets
# 1: shown under "Featured" on the home screen.
featured: 1
---
## What was done
Residents chose the streets; signs and paint did the rest.
)plaza"},
    {"practices/cycling-streets.es.md", R"plaza(---
# The Spanish text of practices/cycling-streets.md: title, summary, figures, text.
title: Calles ciclistas
summary: Calles donde la bicicleta marca el ritmo y los coches son invitados.
figure: 40 km | de calles ciclistas
---
## Qué se hizo
Los vecinos eligieron las calles; las señales y la pintura hicieron el resto.
)plaza"},
    {"rooms.csv", "id,name,name.es,floor,location\n"
                  "main-hall,Main hall,Sala principal,Ground floor,Entrance\n"},
    {"speakers.csv", "id,name,organisation,city,bio\n"
                     "ann,Ann Example,City of Ghent,ghent,Works on streets for people.\n"},
    {"sessions.csv", "id,title,title.es,start,end,room,theme,type,language,speakers,"
                     "partnerships,abstract,status\n"
                     "welcome,Welcome,Bienvenida,2025-06-10 09:00,2025-06-10 09:30,main-hall,,"
                     "plenary,en,,,,confirmed\n"
                     "cycling,Cycling streets,Calles ciclistas,2025-06-10 10:00,2025-06-10 11:00,"
                     "main-hall,mobility,talk,en,ann,ghent-porto,How Ghent did it.,confirmed\n"},
};

}  // namespace

core::Result<std::vector<std::string>> write_starter_folder(const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(folder, ec) && !(fs::is_directory(folder, ec) && fs::is_empty(folder, ec)))
        return core::Error{folder + ": exists and is not an empty folder; choose a new name"};
    std::vector<std::string> written;
    for (const auto& [name, text] : kFiles) {
        const fs::path path = fs::path(folder) / name;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary);
        out << text;
        if (!out.flush()) return core::Error{path.string() + ": cannot be written"};
        written.push_back(name);
    }
    return written;
}

}  // namespace plaza::bundle
