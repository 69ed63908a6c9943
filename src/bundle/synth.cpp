// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/synth.h"

#include <cmath>
#include <cstdio>
#include <iterator>
#include <vector>

#include "bundle/bundle_writer.h"
#include "bundle/image_processing.h"

namespace plaza::bundle {
namespace {

// splitmix64: tiny, fast and the same on every platform, unlike std:: distributions.
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    template <typename T, size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(static_cast<int>(N))];
    }

  private:
    std::uint64_t state_;
};

struct CitySeed {
    const char* id;
    const char* name;
    const char* country;
    double lat, lon;
};

const CitySeed kCities[] = {
    {"da-nang", "Đà Nẵng", "VN", 16.05, 108.20},
    {"ha-noi", "Hà Nội", "VN", 21.03, 105.85},
    {"hue", "Huế", "VN", 16.46, 107.59},
    {"seoul", "서울", "KR", 37.57, 126.98},
    {"busan", "부산", "KR", 35.18, 129.08},
    {"daegu", "대구", "KR", 35.87, 128.60},
    {"taipei", "台北", "TW", 25.03, 121.57},
    {"kaohsiung", "高雄", "TW", 22.63, 120.30},
    {"shanghai", "上海", "CN", 31.23, 121.47},
    {"chengdu", "成都", "CN", 30.66, 104.07},
    {"yokohama", "横浜", "JP", 35.44, 139.64},
    {"kobe", "神戸", "JP", 34.69, 135.20},
    {"lodz", "Łódź", "PL", 51.76, 19.46},
    {"krakow", "Kraków", "PL", 50.06, 19.94},
    {"gdansk", "Gdańsk", "PL", 54.35, 18.65},
    {"sao-paulo", "São Paulo", "BR", -23.55, -46.63},
    {"belem", "Belém", "BR", -1.46, -48.49},
    {"curitiba", "Curitiba", "BR", -25.43, -49.27},
    {"bogota", "Bogotá", "CO", 4.71, -74.07},
    {"medellin", "Medellín", "CO", 6.24, -75.58},
    {"ghent", "Gent", "BE", 51.05, 3.72},
    {"liege", "Liège", "BE", 50.63, 5.57},
    {"barcelona", "Barcelona", "ES", 41.39, 2.17},
    {"malaga", "Málaga", "ES", 36.72, -4.42},
    {"a-coruna", "A Coruña", "ES", 43.36, -8.41},
    {"munich", "München", "DE", 48.14, 11.58},
    {"koln", "Köln", "DE", 50.94, 6.96},
    {"zurich", "Zürich", "CH", 47.37, 8.54},
    {"thessaloniki", "Θεσσαλονίκη", "GR", 40.64, 22.94},
    {"athens", "Αθήνα", "GR", 37.98, 23.73},
    {"kyiv", "Київ", "UA", 50.45, 30.52},
    {"lviv", "Львів", "UA", 49.84, 24.03},
    {"dakar", "Dakar", "SN", 14.72, -17.47},
    {"saint-louis", "Saint-Louis", "SN", 16.02, -16.49},
    {"montreal", "Montréal", "CA", 45.50, -73.57},
    {"quebec", "Québec", "CA", 46.81, -71.21},
    {"cape-town", "Cape Town", "ZA", -33.92, 18.42},
    {"durban", "eThekwini", "ZA", -29.86, 31.02},
    {"reykjavik", "Reykjavík", "IS", 64.15, -21.94},
    {"aarhus", "Aarhus", "DK", 56.16, 10.20},
    {"malmo", "Malmö", "SE", 55.60, 13.00},
    {"brno", "Brno", "CZ", 49.20, 16.61},
    {"plzen", "Plzeň", "CZ", 49.74, 13.38},
    {"izmir", "İzmir", "TR", 38.42, 27.14},
    {"valletta", "Il-Belt Valletta", "MT", 35.90, 14.51},
    {"porto", "Porto", "PT", 41.15, -8.61},
};

// With SynthOptions::shaped_cities: five more cities, a tenth of all, named in scripts that are
// shaped or written right to left (Arabic, Lao, Devanagari, Thai).
const CitySeed kShapedCities[] = {
    {"cairo", "القاهرة", "EG", 30.04, 31.24},         {"amman", "عمّان", "JO", 31.95, 35.93},
    {"vientiane", "ວຽງຈັນ", "LA", 17.97, 102.63},      {"new-delhi", "नई दिल्ली", "IN", 28.61, 77.21},
    {"bangkok", "กรุงเทพมหานคร", "TH", 13.76, 100.50},
};

struct CountrySeed {
    const char* code;
    const char* name;
    const char* region;
};
const CountrySeed kCountries[] = {
    {"VN", "Viet Nam", "Asia"},
    {"KR", "Republic of Korea", "Asia"},
    {"TW", "Taiwan", "Asia"},
    {"CN", "China", "Asia"},
    {"JP", "Japan", "Asia"},
    {"PL", "Poland", "Europe"},
    {"BR", "Brazil", "Latin America"},
    {"CO", "Colombia", "Latin America"},
    {"BE", "Belgium", "Europe"},
    {"ES", "Spain", "Europe"},
    {"DE", "Germany", "Europe"},
    {"CH", "Switzerland", "Europe"},
    {"GR", "Greece", "Europe"},
    {"UA", "Ukraine", "Europe"},
    {"SN", "Senegal", "Africa"},
    {"CA", "Canada", "North America"},
    {"ZA", "South Africa", "Africa"},
    {"IS", "Iceland", "Europe"},
    {"DK", "Denmark", "Europe"},
    {"SE", "Sweden", "Europe"},
    {"CZ", "Czechia", "Europe"},
    {"TR", "Türkiye", "Asia"},
    {"MT", "Malta", "Europe"},
    {"PT", "Portugal", "Europe"},
    {"EG", "Egypt", "Africa"},
    {"JO", "Jordan", "Asia"},
    {"LA", "Laos", "Asia"},
    {"IN", "India", "Asia"},
    {"TH", "Thailand", "Asia"},
};

struct ThemeSeed {
    const char* id;
    const char* en;
    const char* es;
    const char* fr;
    const char* colour;
};
const ThemeSeed kThemes[] = {
    {"air-quality", "Air quality", "Calidad del aire", "Qualité de l'air", "#4C9F38"},
    {"circular-economy", "Circular economy", "Economía circular", "Économie circulaire", "#BF8B2E"},
    {"energy-transition", "Energy transition", "Transición energética", "Transition énergétique",
     "#FCC30B"},
    {"migration", "Migration and inclusion", "Migración e inclusión", "Migration et inclusion",
     "#DD1367"},
    {"public-health", "Public health", "Salud pública", "Santé publique", "#E5243B"},
    {"fair-trade", "Fair and ethical trade", "Comercio justo y ético", "Commerce équitable",
     "#A21942"},
    {"agriculture", "Sustainable agriculture", "Agricultura sostenible", "Agriculture durable",
     "#DDA63A"},
    {"digital", "Digital and smart city", "Ciudad digital e inteligente",
     "Ville numérique et intelligente", "#0A97D9"},
    {"water", "Water and sanitation", "Agua y saneamiento", "Eau et assainissement", "#26BDE2"},
    {"mobility", "Urban mobility", "Movilidad urbana", "Mobilité urbaine", "#FD6925"},
};

const char* const kProgrammes[][2] = {
    {"psc", "Partnerships for Sustainable Cities"},    {"iuc", "International Urban Cooperation"},
    {"icp", "International City Partnerships"},        {"sstc", "South-South city clusters"},
    {"itc-ghent", "ITC–Ghent fair trade cooperation"},
};

const char* const kNouns[] = {"pilot",   "exchange",  "network",     "alliance",   "lab",
                              "compact", "programme", "observatory", "roadmap",    "platform",
                              "toolkit", "coalition", "academy",     "partnership"};
const char* const kVerbs[] = {"map",     "measure", "co-design", "finance",  "train",
                              "monitor", "publish", "reuse",     "redesign", "connect"};
const char* const kObjects[] = {
    "street-level air sensors",    "repair cafés in every district", "low-emission delivery zones",
    "welcome desks for newcomers", "public procurement criteria",    "rooftop solar on schools",
    "community health workers",    "open data on water use",         "short food supply chains",
    "shared bicycle fleets",       "textile collection points",      "heat-wave shelters"};
const char* const kPhrases[] = {
    "Officials from both cities visited each other twice a year.",
    "Residents took part in neighbourhood workshops held in three languages.",
    "A joint working group met online every month between the visits.",
    "Universities helped to collect and compare the data.",
    "The results were presented to both city councils.",
    "Small grants let local associations test the idea first.",
    "Lessons were written down so that other cities could reuse them.",
    "The partners agreed on shared indicators from the start."};

std::string pad(int n) {
    char s[16];
    std::snprintf(s, sizeof s, "%05d", n);
    return s;
}

// A small picture: a two-colour gradient with a few discs, different for every index.
ProcessedImage draw_image(Random& random) {
    const int w = 640, h = 400;
    std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3);
    unsigned char a[3], b[3];
    for (int c = 0; c < 3; ++c) {
        a[c] = static_cast<unsigned char>(random.below(256));
        b[c] = static_cast<unsigned char>(random.below(256));
    }
    struct Disc {
        int x, y, r;
        unsigned char colour[3];
    } discs[4];
    for (auto& d : discs) {
        d = {random.below(w), random.below(h), 20 + random.below(90), {}};
        for (auto& c : d.colour)
            c = static_cast<unsigned char>(random.below(256));
    }
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &rgb[(static_cast<size_t>(y) * w + x) * 3];
            const int t = (x + y) * 255 / (w + h);
            for (int c = 0; c < 3; ++c)
                p[c] = static_cast<unsigned char>((a[c] * (255 - t) + b[c] * t) / 255);
            for (const auto& d : discs) {
                if ((x - d.x) * (x - d.x) + (y - d.y) * (y - d.y) < d.r * d.r)
                    for (int c = 0; c < 3; ++c)
                        p[c] = d.colour[c];
            }
        }
    }
    ProcessedImage out;
    out.width = w;
    out.height = h;
    out.large = encode_jpeg(rgb.data(), w, h, 80);
    // The thumbnail is a 4:1 point sample: good enough for a synthetic picture, and fast.
    const int tw = w / 2, th = h / 2;
    std::vector<unsigned char> small(static_cast<size_t>(tw) * th * 3);
    for (int y = 0; y < th; ++y)
        for (int x = 0; x < tw; ++x)
            for (int c = 0; c < 3; ++c)
                small[(static_cast<size_t>(y) * tw + x) * 3 + c] =
                    rgb[(static_cast<size_t>(y * 2) * w + x * 2) * 3 + c];
    out.thumb = encode_jpeg(small.data(), tw, th, 80);
    return out;
}

}  // namespace

SourceBundle synthesize(const SynthOptions& o) {
    Random random(o.seed);
    SourceBundle b;
    EventSource& e = b.event;
    e.name = {
        "Synthetic city partnerships fair",
        {{"es", "Feria sintética de asociaciones"}, {"fr", "Salon synthétique des partenariats"}}};
    e.venue = {"Hall A (synthetic)", {}};
    e.city.base = "Barcelona";
    e.starts_on = "2024-03-19";
    e.ends_on = "2024-03-21";
    e.time_zone = "Europe/Madrid";
    e.utc_offset_minutes = 60;
    // Madrid keeps CET (UTC+01:00) until 31 March 2024: one offset covers the event, written
    // out so the synthetic bundle does not depend on the build machine's tz database.
    b.zone_offsets = {{1710806400 - 2 * 86400, 60, "CET"}};
    e.languages = {{"en", "English", {}},
                   {"es", "Español", {}},
                   {"ca", "Català", {"es"}},
                   {"fr", "Français", {}}};

    for (const auto& c : kCountries)
        b.countries.push_back({c.code, {c.name, {}}, c.region});
    std::vector<CitySeed> cities(std::begin(kCities), std::end(kCities));
    if (o.shaped_cities)
        cities.insert(cities.end(), std::begin(kShapedCities), std::end(kShapedCities));
    for (const auto& c : cities)
        b.cities.push_back({c.id, c.name, c.country, c.id, c.lat, c.lon});
    for (const auto& t : kThemes)
        b.themes.push_back({t.id, {t.en, {{"es", t.es}, {"fr", t.fr}}}, t.colour});
    for (const auto& p : kProgrammes)
        b.programmes.push_back({p[0], {p[1], {}}, {"A synthetic programme description.", {}}, ""});

    const int image_count = std::max(1, std::min(64, o.partnerships + o.practices));
    std::vector<std::string> images;
    for (int i = 0; i < image_count; ++i) {
        const std::string key = "synth/image-" + pad(i) + ".jpg";
        b.images.emplace(key, draw_image(random));
        images.push_back(key);
    }

    const int city_count = static_cast<int>(cities.size());
    for (int i = 0; i < o.partnerships; ++i) {
        PartnershipSource p;
        p.id = "p" + pad(i);
        const int lead = random.below(city_count);
        int partner = random.below(city_count - 1);
        if (partner >= lead) ++partner;
        p.lead_cities = {cities[lead].id};
        p.partner_cities = {cities[partner].id};
        if (random.below(4) == 0) {
            const int third = random.below(city_count);
            if (third != lead && third != partner) p.partner_cities.push_back(cities[third].id);
        }
        const ThemeSeed& theme = random.pick(kThemes);
        const char* noun = random.pick(kNouns);
        p.title.base = std::string(theme.en) + " " + noun + ": " + cities[lead].name + " – " +
                       cities[partner].name;
        if (random.below(3) == 0) {
            p.title.by_lang["es"] =
                std::string(theme.es) + ": " + cities[lead].name + " – " + cities[partner].name;
            p.title.by_lang["fr"] =
                std::string(theme.fr) + " : " + cities[lead].name + " – " + cities[partner].name;
        }
        p.summary.base = std::string("The cities ") + random.pick(kVerbs) + " " +
                         random.pick(kObjects) + " and " + random.pick(kVerbs) + " " +
                         random.pick(kObjects) + ". " + random.pick(kPhrases);
        p.objectives.base = std::string("To ") + random.pick(kVerbs) + " " + random.pick(kObjects) +
                            ".\nTo " + random.pick(kVerbs) + " " + random.pick(kObjects) + ".";
        p.activities.base = std::string(random.pick(kPhrases)) + " " + random.pick(kPhrases);
        p.results.base =
            std::to_string(2 + random.below(40)) + " " + random.pick(kObjects) + " were set up.";
        p.lessons.base = random.pick(kPhrases);
        p.programme = kProgrammes[random.below(5)][0];
        p.themes = {theme.id};
        p.sdgs = {11, 1 + random.below(17)};
        if (p.sdgs[1] == 11) p.sdgs.pop_back();
        const int start = 2015 + random.below(9);
        p.starts_on = std::to_string(start);
        p.ends_on = std::to_string(start + 1 + random.below(4));
        p.status = p.ends_on < "2024" ? "completed" : "active";
        p.contacts = {{std::string("City of ") + cities[lead].name, "", "", ""}};
        p.images = {{images[static_cast<size_t>(i) % images.size()], ""}};
        p.featured = i < 6;
        b.partnerships.push_back(std::move(p));
    }

    for (int i = 0; i < o.practices; ++i) {
        PracticeSource p;
        p.id = "g" + pad(i);
        const auto& city = cities[random.below(city_count)];
        const ThemeSeed& theme = random.pick(kThemes);
        p.city = city.id;
        p.title.base =
            std::string(city.name) + ": " + random.pick(kVerbs) + " " + random.pick(kObjects);
        p.summary.base = random.pick(kPhrases);
        p.body.base = std::string("## What was done\n\n") + random.pick(kPhrases) + " " +
                      random.pick(kPhrases) + "\n\n## Why it works\n\n" + random.pick(kPhrases) +
                      "\n\n- " + random.pick(kObjects) + "\n- " + random.pick(kObjects) + "\n";
        p.themes = {theme.id};
        if (o.partnerships > 0) p.partnerships = {"p" + pad(random.below(o.partnerships))};
        p.figures = {{{std::to_string(10 + random.below(990)), {}}, {"people reached", {}}},
                     {{std::to_string(1 + random.below(9)) + " years", {}}, {"in operation", {}}}};
        p.images = {{images[static_cast<size_t>(i) % images.size()], ""}};
        b.practices.push_back(std::move(p));
    }

    const int room_count = 8;
    for (int i = 0; i < room_count; ++i) {
        b.rooms.push_back(
            {"room-" + std::to_string(i + 1),
             {"Room " + std::to_string(i + 1), {{"es", "Sala " + std::to_string(i + 1)}}},
             "Floor " + std::to_string(i / 3),
             ""});
    }
    const int speaker_count = std::max(1, o.sessions / 2);
    static const char* const kGiven[] = {"Ana", "Minh",  "Ji-woo", "Wei",   "Łukasz", "João",
                                         "Awa", "Hanne", "Yuki",   "Olena", "Diego",  "Chloé"};
    static const char* const kFamily[] = {"Nguyễn",     "김",     "陳",      "Kowalski",
                                          "Silva",      "Diop",   "Peeters", "Tanaka",
                                          "Shevchenko", "García", "Dubois",  "Ólafsdóttir"};
    // Every other speaker has a photo. Links and photos take no random draws, so the rest of
    // the content stays what the same seed gave before they existed.
    for (int i = 0; i < (o.sessions > 0 ? speaker_count : 0); ++i) {
        const auto& city = cities[random.below(city_count)];
        b.speakers.push_back({"s" + pad(i),
                              std::string(random.pick(kGiven)) + " " + random.pick(kFamily),
                              std::string("City of ") + city.name,
                              city.id,
                              {random.pick(kPhrases), {}},
                              i % 2 == 0 ? images[static_cast<size_t>(i) % images.size()] : "",
                              {}});
    }
    // Sessions fill the three days from 09:00 to 18:00 local time, rooms in turn.
    const std::int64_t first_day = 1710806400;  // 2024-03-19T00:00Z
    for (int i = 0; i < o.sessions; ++i) {
        SessionSource s;
        s.id = "x" + pad(i);
        const int slot = i / room_count;
        const int day = (slot / 9) % 3;
        const int hour = 9 + slot % 9;
        s.starts_at = first_day + day * 86400 + (hour * 60 - e.utc_offset_minutes) * 60;
        s.ends_at = s.starts_at + 45 * 60;
        char date[16];
        std::snprintf(date, sizeof date, "2024-03-%02d", 19 + day);
        s.day = date;
        s.room = b.rooms[static_cast<size_t>(i % room_count)].id;
        const ThemeSeed& theme = random.pick(kThemes);
        s.theme = theme.id;
        s.title.base =
            std::string(theme.en) + ": how to " + random.pick(kVerbs) + " " + random.pick(kObjects);
        s.abstract.base = std::string(random.pick(kPhrases)) + " " + random.pick(kPhrases);
        s.type = random.below(4) == 0 ? "workshop" : "panel";
        s.language = random.below(5) == 0 ? "es" : "en";
        s.status = random.below(20) == 0 ? "cancelled" : "confirmed";
        s.speakers = {b.speakers[static_cast<size_t>(random.below(speaker_count))].id};
        // Every third session is about a partnership, every ninth about two; spread over all.
        if (o.partnerships > 0 && i % 3 == 0) {
            const int first = static_cast<int>((std::int64_t{i} * 7919) % o.partnerships);
            s.partnerships = {"p" + pad(first)};
            const int second = (first + o.partnerships / 2) % o.partnerships;
            if (i % 9 == 0 && second != first) s.partnerships.push_back("p" + pad(second));
        }
        b.sessions.push_back(std::move(s));
    }
    return b;
}

core::Result<bool> write_synthetic_bundle(const SynthOptions& options, const std::string& path) {
    const SourceBundle bundle = synthesize(options);
    WriteOptions write;
    char id[40];
    std::snprintf(id, sizeof id, "5e17%028llx", static_cast<unsigned long long>(options.seed));
    write.bundle_id = id;
    write.content_version = 1;
    write.build_time = "2024-03-01T00:00:00Z";
    return write_bundle_file(bundle, write, path);
}

}  // namespace plaza::bundle
