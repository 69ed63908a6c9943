// SPDX-License-Identifier: GPL-3.0-or-later
// ContentStore's query for the world map: the cities partnerships link, with their positions.
#include <string>

#include "content/content_store.h"
#include "core/log.h"

namespace plaza::content {

std::vector<MapCity> ContentStore::map_cities() const {
    std::vector<MapCity> cities;
    auto stmt = db_.prepare("SELECT c.id, " + localized("city", "c.id", "name", "c.name") + ", " +
                            city_label() +
                            ", c.latitude, c.longitude, c.slug FROM city c "
                            "JOIN country co ON co.code = c.country_code "
                            "WHERE c.id IN (SELECT DISTINCT city_id FROM partnership_city) "
                            "ORDER BY c.id");
    if (!stmt) return cities;
    while (stmt->step()) {
        MapCity city;
        city.id = stmt->column_int(0);
        city.name = stmt->column_text(1);
        city.label = stmt->column_text(2);
        city.latitude = stmt->column_double(3);
        city.longitude = stmt->column_double(4);
        // The bundle is not trusted: a position off the globe (or not a number) would put the
        // city's dot and arcs anywhere, so the city stays off the map and says why.
        if (!(city.latitude >= -90 && city.latitude <= 90 && city.longitude >= -180 &&
              city.longitude <= 180)) {
            core::log_warning("bundle: city '" + stmt->column_text(5) +
                              "' has no position on the globe (latitude " +
                              std::to_string(city.latitude) + ", longitude " +
                              std::to_string(city.longitude) + "); it is left off the map");
            continue;
        }
        cities.push_back(std::move(city));
    }
    return cities;
}

}  // namespace plaza::content
