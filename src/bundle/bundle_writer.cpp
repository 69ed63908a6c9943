// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundle_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <set>
#include <unordered_map>

#include "content/schema.h"
#include "content/search_text.h"
#include "content/sqlite_db.h"
#include "core/civil_time.h"
#include "core/utf8.h"

namespace plaza::bundle {
namespace fs = std::filesystem;

const SdgInfo kSdgs[17] = {
    {1, "No poverty", "#E5243B"},
    {2, "Zero hunger", "#DDA63A"},
    {3, "Good health and well-being", "#4C9F38"},
    {4, "Quality education", "#C5192D"},
    {5, "Gender equality", "#FF3A21"},
    {6, "Clean water and sanitation", "#26BDE2"},
    {7, "Affordable and clean energy", "#FCC30B"},
    {8, "Decent work and economic growth", "#A21942"},
    {9, "Industry, innovation and infrastructure", "#FD6925"},
    {10, "Reduced inequalities", "#DD1367"},
    {11, "Sustainable cities and communities", "#FD9D24"},
    {12, "Responsible consumption and production", "#BF8B2E"},
    {13, "Climate action", "#3F7E44"},
    {14, "Life below water", "#0A97D9"},
    {15, "Life on land", "#56C02B"},
    {16, "Peace, justice and strong institutions", "#00689D"},
    {17, "Partnerships for the goals", "#19486A"},
};

namespace {

using content::Database;
using content::Statement;
using IdMap = std::unordered_map<std::string, std::int64_t>;

template <typename Records, typename Key>
IdMap numbered(const Records& records, Key key) {
    IdMap ids;
    std::int64_t next = 1;
    for (const auto& r : records)
        ids.emplace(key(r), next++);
    return ids;
}

// Collects the pieces of one search document; text is folded once when it is stored.
struct SearchDoc {
    std::string title, body;
    void add_title(const std::string& s) { (title += s) += ' '; }
    void add_body(const std::string& s) { (body += s) += ' '; }
    void add_title(const Texts& t) {
        add_title(t.base);
        for (const auto& [lang, value] : t.by_lang)
            add_title(value);
    }
    void add_body(const Texts& t) {
        add_body(t.base);
        for (const auto& [lang, value] : t.by_lang)
            add_body(value);
    }
};

class Writer {
  public:
    explicit Writer(Database& db) : db_(db) {}

    // The whole bundle, as a list of steps in the order the tables refer to each other.
    core::Result<bool> write(const SourceBundle& b, const WriteOptions& options);

  private:
    core::Result<bool> begin();
    core::Result<bool> write_languages(const SourceBundle& b);
    core::Result<bool> write_language_names(const SourceBundle& b);
    core::Result<bool> write_event(const SourceBundle& b);
    core::Result<bool> write_zone_offsets(const SourceBundle& b);
    core::Result<bool> write_days(const SourceBundle& b);
    core::Result<bool> write_programmes(const SourceBundle& b);
    core::Result<bool> write_themes(const SourceBundle& b);
    core::Result<bool> write_sdgs();
    core::Result<bool> write_countries(const SourceBundle& b);
    core::Result<bool> write_cities(const SourceBundle& b);
    core::Result<bool> write_media(const SourceBundle& b);
    core::Result<bool> write_event_brand(const SourceBundle& b);
    core::Result<bool> write_partnerships(const SourceBundle& b);
    core::Result<bool> write_practices(const SourceBundle& b);
    core::Result<bool> write_rooms(const SourceBundle& b);
    core::Result<bool> write_speakers(const SourceBundle& b);
    core::Result<bool> write_tracks(const SourceBundle& b);
    core::Result<bool> write_sessions(const SourceBundle& b);
    void number_records(const SourceBundle& b);
    core::Result<bool> write_meta(const SourceBundle& b, const WriteOptions& options);
    core::Result<bool> finish();

    core::Result<Statement> prepare(const char* sql) { return db_.prepare(sql); }
    // Remembers a visitor-facing text's code points and stores its translations.
    core::Result<bool> texts(const char* entity, std::int64_t id, const char* field,
                             const Texts& t);
    void seen(const std::string& s) { core::collect_code_points(s, code_points_); }
    core::Result<bool> search_doc(const char* kind, std::int64_t id, const SearchDoc& doc);
    core::Result<bool> contacts(const char* kind, std::int64_t id,
                                const std::vector<ContactSource>& list);
    core::Result<bool> media_links(const char* kind, std::int64_t id,
                                   const std::vector<ImageRef>& images);
    core::Result<bool> links(const char* kind, std::int64_t id,
                             const std::vector<LinkSource>& list);

    Database& db_;
    std::set<char32_t> code_points_;
    std::unique_ptr<Statement> translation_, search_doc_, search_, contact_, media_link_, link_;
    IdMap media_ids_;
    // Bundle row ids by source id, and the records by source id (number_records()).
    IdMap programme_ids_, theme_ids_, city_ids_, partnership_ids_, room_ids_, speaker_ids_,
        track_ids_;
    std::unordered_map<std::string, const CitySource*> cities_;
    std::unordered_map<std::string, const ThemeSource*> themes_;
    std::int64_t next_search_id_ = 1;
};

#define PLAZA_TRY(expr)                                            \
    do {                                                           \
        if (auto r_ = (expr); !r_) return core::Error{r_.error()}; \
    } while (0)

core::Result<bool> Writer::texts(const char* entity, std::int64_t id, const char* field,
                                 const Texts& t) {
    seen(t.base);
    for (const auto& [lang, value] : t.by_lang) {
        seen(value);
        translation_->bind(1, std::string_view(entity))
            .bind(2, id)
            .bind(3, std::string_view(field));
        translation_->bind(4, lang).bind(5, value);
        PLAZA_TRY(translation_->run());
    }
    return true;
}

core::Result<bool> Writer::search_doc(const char* kind, std::int64_t id, const SearchDoc& doc) {
    const std::int64_t doc_id = next_search_id_++;
    search_doc_->bind(1, doc_id).bind(2, std::string_view(kind)).bind(3, id);
    PLAZA_TRY(search_doc_->run());
    search_->bind(1, doc_id)
        .bind(2, content::fold_for_search(doc.title))
        .bind(3, content::fold_for_search(doc.body));
    PLAZA_TRY(search_->run());
    return true;
}

core::Result<bool> Writer::contacts(const char* kind, std::int64_t id,
                                    const std::vector<ContactSource>& list) {
    std::int64_t position = 0;
    for (const auto& c : list) {
        seen(c.organisation);
        seen(c.person);
        contact_->bind(1, std::string_view(kind)).bind(2, id).bind(3, position++);
        contact_->bind(4, c.organisation).bind(5, c.person).bind(6, c.email).bind(7, c.url);
        PLAZA_TRY(contact_->run());
    }
    return true;
}

core::Result<bool> Writer::media_links(const char* kind, std::int64_t id,
                                       const std::vector<ImageRef>& images) {
    std::int64_t position = 0;
    for (const auto& image : images) {
        seen(image.caption);
        media_link_->bind(1, std::string_view(kind)).bind(2, id).bind(3, position++);
        media_link_->bind(4, media_ids_.at(image.path)).bind(5, image.caption);
        PLAZA_TRY(media_link_->run());
    }
    return true;
}

core::Result<bool> Writer::links(const char* kind, std::int64_t id,
                                 const std::vector<LinkSource>& list) {
    std::int64_t position = 0;
    for (const auto& l : list) {
        seen(l.title);
        link_->bind(1, std::string_view(kind)).bind(2, id).bind(3, position++);
        link_->bind(4, l.url).bind(5, l.title);
        PLAZA_TRY(link_->run());
    }
    return true;
}

core::Result<bool> Writer::write(const SourceBundle& b, const WriteOptions& options) {
    PLAZA_TRY(begin());
    PLAZA_TRY(write_languages(b));
    PLAZA_TRY(write_language_names(b));
    PLAZA_TRY(write_event(b));
    PLAZA_TRY(write_zone_offsets(b));
    PLAZA_TRY(write_days(b));
    // Rows get ids in source order; rows written later refer to earlier ones by them.
    number_records(b);
    PLAZA_TRY(write_programmes(b));
    PLAZA_TRY(write_themes(b));
    PLAZA_TRY(write_sdgs());
    PLAZA_TRY(write_countries(b));
    PLAZA_TRY(write_cities(b));
    PLAZA_TRY(write_media(b));
    PLAZA_TRY(write_event_brand(b));
    PLAZA_TRY(write_partnerships(b));
    PLAZA_TRY(write_practices(b));
    PLAZA_TRY(write_rooms(b));
    PLAZA_TRY(write_speakers(b));
    PLAZA_TRY(write_tracks(b));
    PLAZA_TRY(write_sessions(b));
    PLAZA_TRY(write_meta(b, options));
    return finish();
}

// The schema, in one transaction with journal and sync off: a build that fails leaves only a
// temporary file, which write_bundle_file() removes.
core::Result<bool> Writer::begin() {
    PLAZA_TRY(db_.exec(std::string("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                                   "PRAGMA page_size=4096; BEGIN;") +
                       content::kSchemaSql));
    auto make = [&](std::unique_ptr<Statement>& slot, const char* sql) -> core::Result<bool> {
        auto stmt = prepare(sql);
        if (!stmt) return core::Error{stmt.error()};
        slot = std::make_unique<Statement>(std::move(stmt.value()));
        return true;
    };
    PLAZA_TRY(make(translation_,
                   "INSERT INTO translation (entity, entity_id, field, lang, value) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)"));
    PLAZA_TRY(make(search_doc_, "INSERT INTO search_doc (id, kind, ref_id) VALUES (?1, ?2, ?3)"));
    PLAZA_TRY(make(search_, "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)"));
    PLAZA_TRY(make(contact_,
                   "INSERT INTO contact (owner_kind, owner_id, position, organisation, person, "
                   "email, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    PLAZA_TRY(make(media_link_,
                   "INSERT INTO media_link (owner_kind, owner_id, position, media_id, caption) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)"));
    PLAZA_TRY(make(link_,
                   "INSERT INTO link (owner_kind, owner_id, position, url, title) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)"));

    // Digits, Latin letters and punctuation are always needed (times, dates, the UI's own text).
    for (char32_t cp = 0x20; cp < 0x7F; ++cp)
        code_points_.insert(cp);
    return true;
}

// The event's languages in the order organisers list them, with their fallbacks.
core::Result<bool> Writer::write_languages(const SourceBundle& b) {
    const EventSource& e = b.event;
    std::int64_t position = 0;
    auto st =
        prepare("INSERT INTO language (code, name, position, fallback) VALUES (?1, ?2, ?3, ?4)");
    if (!st) return core::Error{st.error()};
    for (const auto& l : e.languages) {
        std::string fallback;
        for (const auto& f : l.fallback)
            fallback += (fallback.empty() ? "" : " ") + f;
        seen(l.name);
        st->bind(1, l.code).bind(2, l.name).bind(3, position++).bind(4, fallback);
        PLAZA_TRY(st->run());
    }
    return true;
}

// Names of the session languages the event does not offer, in each of its languages.
core::Result<bool> Writer::write_language_names(const SourceBundle& b) {
    auto st = prepare("INSERT INTO language_name (code, lang, name) VALUES (?1, ?2, ?3)");
    if (!st) return core::Error{st.error()};
    for (const LanguageNameSource& n : b.language_names) {
        seen(n.name);
        st->bind(1, n.code).bind(2, n.lang).bind(3, n.name);
        PLAZA_TRY(st->run());
    }
    return true;
}

// The event itself (one row) and its translated name, venue and city.
core::Result<bool> Writer::write_event(const SourceBundle& b) {
    const EventSource& e = b.event;
    auto st = prepare(
        "INSERT INTO event (id, name, venue, city, starts_on, ends_on, time_zone, "
        "utc_offset_minutes) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st) return core::Error{st.error()};
    seen(e.city.base);
    st->bind(1, e.name.base).bind(2, e.venue.base).bind(3, e.city.base).bind(4, e.starts_on);
    st->bind(5, e.ends_on).bind(6, e.time_zone).bind(7, std::int64_t{e.utc_offset_minutes});
    PLAZA_TRY(st->run());
    PLAZA_TRY(texts("event", 1, "name", e.name));
    PLAZA_TRY(texts("event", 1, "venue", e.venue));
    PLAZA_TRY(texts("event", 1, "city", e.city));
    return true;
}

// The event zone's UTC offsets around the event, so the kiosk needs no tz database.
core::Result<bool> Writer::write_zone_offsets(const SourceBundle& b) {
    auto st = prepare(
        "INSERT INTO zone_offset (starts_at, offset_minutes, abbreviation) "
        "VALUES (?1, ?2, ?3)");
    if (!st) return core::Error{st.error()};
    for (const auto& z : b.zone_offsets) {
        seen(z.abbreviation);
        st->bind(1, z.starts_at).bind(2, std::int64_t{z.offset_minutes}).bind(3, z.abbreviation);
        PLAZA_TRY(st->run());
    }
    return true;
}

// Every day from the event's first to its last.
core::Result<bool> Writer::write_days(const SourceBundle& b) {
    const EventSource& e = b.event;
    auto st = prepare("INSERT INTO day (date, position) VALUES (?1, ?2)");
    if (!st) return core::Error{st.error()};
    int y, m, d, y2, m2, d2;
    if (std::sscanf(e.starts_on.c_str(), "%d-%d-%d", &y, &m, &d) == 3 &&
        std::sscanf(e.ends_on.c_str(), "%d-%d-%d", &y2, &m2, &d2) == 3) {
        const std::int64_t first = core::days_from_civil(y, m, d);
        const std::int64_t last = core::days_from_civil(y2, m2, d2);
        for (std::int64_t day = first; day <= last; ++day) {
            const auto c = core::civil_from_unix_ms(day * 86400000, 0);
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", c.year, c.month, c.day);
            st->bind(1, std::string_view(date)).bind(2, day - first);
            PLAZA_TRY(st->run());
        }
    }
    return true;
}

core::Result<bool> Writer::write_programmes(const SourceBundle& b) {
    auto st =
        prepare("INSERT INTO programme (id, slug, name, description, url) VALUES (?1,?2,?3,?4,?5)");
    if (!st) return core::Error{st.error()};
    for (const auto& p : b.programmes) {
        const auto id = programme_ids_.at(p.id);
        st->bind(1, id).bind(2, p.id).bind(3, p.name.base).bind(4, p.description.base);
        st->bind(5, p.url);
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("programme", id, "name", p.name));
        PLAZA_TRY(texts("programme", id, "description", p.description));
    }
    return true;
}

core::Result<bool> Writer::write_themes(const SourceBundle& b) {
    auto st = prepare("INSERT INTO theme (id, slug, name, colour) VALUES (?1, ?2, ?3, ?4)");
    if (!st) return core::Error{st.error()};
    for (const auto& t : b.themes) {
        const auto id = theme_ids_.at(t.id);
        st->bind(1, id).bind(2, t.id).bind(3, t.name.base).bind(4, t.colour);
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("theme", id, "name", t.name));
    }
    return true;
}

core::Result<bool> Writer::write_sdgs() {
    auto st = prepare("INSERT INTO sdg (number, name, colour) VALUES (?1, ?2, ?3)");
    if (!st) return core::Error{st.error()};
    for (const auto& s : kSdgs) {
        seen(s.name);
        st->bind(1, std::int64_t{s.number}).bind(2, std::string_view(s.name));
        st->bind(3, std::string_view(s.colour));
        PLAZA_TRY(st->run());
    }
    return true;
}

core::Result<bool> Writer::write_countries(const SourceBundle& b) {
    auto st = prepare("INSERT INTO country (id, code, name, region) VALUES (?1, ?2, ?3, ?4)");
    if (!st) return core::Error{st.error()};
    std::int64_t id = 1;
    for (const auto& c : b.countries) {
        seen(c.region);
        st->bind(1, id).bind(2, c.code).bind(3, c.name.base).bind(4, c.region);
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("country", id++, "name", c.name));
    }
    return true;
}

core::Result<bool> Writer::write_cities(const SourceBundle& b) {
    auto st = prepare(
        "INSERT INTO city (id, slug, name, name_latin, country_code, latitude, longitude) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st) return core::Error{st.error()};
    for (const auto& c : b.cities) {
        seen(c.name);
        st->bind(1, city_ids_.at(c.id)).bind(2, c.id).bind(3, c.name).bind(4, c.name_latin);
        st->bind(5, c.country).bind(6, c.latitude).bind(7, c.longitude);
        PLAZA_TRY(st->run());
    }
    return true;
}

// The event's brand, when event.txt names any of it (after the media it refers to).
core::Result<bool> Writer::write_event_brand(const SourceBundle& b) {
    const EventSource& e = b.event;
    if (e.logo.empty() && e.hero.empty() && e.accent_colour.empty()) return true;
    auto st = prepare(
        "INSERT INTO event_brand (id, accent_colour, logo_media, hero_media, hero_credit) "
        "VALUES (1, ?1, ?2, ?3, ?4)");
    if (!st) return core::Error{st.error()};
    seen(e.hero_credit);
    st->bind(1, e.accent_colour);
    for (const auto& [index, key] : {std::pair{2, &e.logo}, std::pair{3, &e.hero}}) {
        if (key->empty()) {
            st->bind_null(index);
        } else {
            st->bind(index, media_ids_.at(*key));
        }
    }
    st->bind(4, e.hero_credit);
    PLAZA_TRY(st->run());
    return true;
}

// Every image once, in its large and thumbnail variants; rows refer to it by id.
core::Result<bool> Writer::write_media(const SourceBundle& b) {
    auto st = prepare("INSERT INTO media (id, source, width, height) VALUES (?1, ?2, ?3, ?4)");
    auto image = prepare(
        "INSERT INTO media_image (media_id, variant, width, height, mime, data) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st) return core::Error{st.error()};
    if (!image) return core::Error{image.error()};
    std::int64_t next = 1;
    for (const auto& [path, processed] : b.images) {
        const std::int64_t id = next++;
        media_ids_.emplace(path, id);
        st->bind(1, id).bind(2, path).bind(3, std::int64_t{processed.width});
        st->bind(4, std::int64_t{processed.height});
        PLAZA_TRY(st->run());
        const std::pair<const char*, const EncodedImage*> variants[] = {
            {"large", &processed.large}, {"thumb", &processed.thumb}};
        for (const auto& [variant, encoded] : variants) {
            image->bind(1, id).bind(2, std::string_view(variant));
            image->bind(3, std::int64_t{encoded->width}).bind(4, std::int64_t{encoded->height});
            image->bind(5, encoded->mime);
            image->bind_blob(6, encoded->data.data(), encoded->data.size());
            PLAZA_TRY(image->run());
        }
    }
    return true;
}

// Partnerships with their cities, themes, SDGs, contacts, images and search text.
core::Result<bool> Writer::write_partnerships(const SourceBundle& b) {
    auto st = prepare(
        "INSERT INTO partnership (id, slug, title, programme_id, starts_on, ends_on, status, "
        "summary, objectives, activities, results, lessons, cities, featured) "
        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
    auto city = prepare(
        "INSERT INTO partnership_city (partnership_id, city_id, role, position) "
        "VALUES (?1, ?2, ?3, ?4)");
    auto theme = prepare("INSERT INTO partnership_theme VALUES (?1, ?2)");
    auto sdg = prepare("INSERT INTO partnership_sdg VALUES (?1, ?2)");
    for (auto* s : {&st, &city, &theme, &sdg})
        if (!*s) return core::Error{s->error()};
    for (const auto& p : b.partnerships) {
        const auto id = partnership_ids_.at(p.id);
        std::string label;
        SearchDoc doc;
        doc.add_title(p.title);
        std::int64_t position = 0;
        for (const auto* list : {&p.lead_cities, &p.partner_cities}) {
            for (const auto& slug : *list) {
                const CitySource& c = *cities_.at(slug);
                label += (label.empty() ? "" : " · ") + c.name;
                doc.add_title(c.name);
                doc.add_title(c.name_latin);
                city->bind(1, id).bind(2, city_ids_.at(slug));
                city->bind(3, std::string_view(list == &p.lead_cities ? "lead" : "partner"));
                city->bind(4, position++);
                PLAZA_TRY(city->run());
            }
        }
        st->bind(1, id).bind(2, p.id).bind(3, p.title.base);
        if (p.programme.empty()) {
            st->bind_null(4);
        } else {
            st->bind(4, programme_ids_.at(p.programme));
        }
        st->bind(5, p.starts_on).bind(6, p.ends_on).bind(7, p.status).bind(8, p.summary.base);
        st->bind(9, p.objectives.base).bind(10, p.activities.base).bind(11, p.results.base);
        st->bind(12, p.lessons.base).bind(13, label).bind(14, std::int64_t{p.featured});
        PLAZA_TRY(st->run());
        const std::pair<const char*, const Texts*> fields[] = {
            {"title", &p.title},           {"summary", &p.summary}, {"objectives", &p.objectives},
            {"activities", &p.activities}, {"results", &p.results}, {"lessons", &p.lessons}};
        for (const auto& [field, t] : fields) {
            PLAZA_TRY(texts("partnership", id, field, *t));
            if (t != &p.title) doc.add_body(*t);
        }
        for (const auto& slug : p.themes) {
            theme->bind(1, id).bind(2, theme_ids_.at(slug));
            PLAZA_TRY(theme->run());
            doc.add_body(themes_.at(slug)->name);
        }
        for (int n : p.sdgs) {
            sdg->bind(1, id).bind(2, std::int64_t{n});
            PLAZA_TRY(sdg->run());
        }
        PLAZA_TRY(contacts("partnership", id, p.contacts));
        for (const auto& c : p.contacts)
            doc.add_body(c.organisation);
        PLAZA_TRY(media_links("partnership", id, p.images));
        PLAZA_TRY(search_doc("partnership", id, doc));
    }
    return true;
}

// Good practices with their themes, partnerships, key figures, contacts and images.
core::Result<bool> Writer::write_practices(const SourceBundle& b) {
    auto st = prepare(
        "INSERT INTO practice (id, slug, title, city_id, summary, body_md, featured) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    auto theme = prepare("INSERT INTO practice_theme VALUES (?1, ?2)");
    auto link = prepare("INSERT INTO practice_partnership VALUES (?1, ?2)");
    auto figure = prepare(
        "INSERT INTO key_figure (id, practice_id, position, value, label) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    std::int64_t figure_id = 1;
    for (auto* s : {&st, &theme, &link, &figure})
        if (!*s) return core::Error{s->error()};
    std::int64_t id = 1;
    for (const auto& p : b.practices) {
        SearchDoc doc;
        doc.add_title(p.title);
        doc.add_title(cities_.at(p.city)->name);
        doc.add_title(cities_.at(p.city)->name_latin);
        doc.add_body(p.summary);
        doc.add_body(p.body);
        st->bind(1, id).bind(2, p.id).bind(3, p.title.base).bind(4, city_ids_.at(p.city));
        st->bind(5, p.summary.base).bind(6, p.body.base).bind(7, std::int64_t{p.featured});
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("practice", id, "title", p.title));
        PLAZA_TRY(texts("practice", id, "summary", p.summary));
        PLAZA_TRY(texts("practice", id, "body_md", p.body));
        for (const auto& slug : p.themes) {
            theme->bind(1, id).bind(2, theme_ids_.at(slug));
            PLAZA_TRY(theme->run());
            doc.add_body(themes_.at(slug)->name);
        }
        for (const auto& slug : p.partnerships) {
            link->bind(1, id).bind(2, partnership_ids_.at(slug));
            PLAZA_TRY(link->run());
        }
        std::int64_t position = 0;
        for (const auto& f : p.figures) {
            figure->bind(1, figure_id).bind(2, id).bind(3, position++).bind(4, f.value.base);
            figure->bind(5, f.label.base);
            PLAZA_TRY(figure->run());
            PLAZA_TRY(texts("key_figure", figure_id, "value", f.value));
            PLAZA_TRY(texts("key_figure", figure_id++, "label", f.label));
        }
        PLAZA_TRY(contacts("practice", id, p.contacts));
        PLAZA_TRY(media_links("practice", id, p.images));
        PLAZA_TRY(search_doc("practice", id, doc));
        ++id;
    }
    return true;
}

core::Result<bool> Writer::write_rooms(const SourceBundle& b) {
    auto st = prepare(
        "INSERT INTO room (id, slug, name, floor, location, position) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st) return core::Error{st.error()};
    for (const auto& r : b.rooms) {
        const auto id = room_ids_.at(r.id);
        seen(r.floor);
        seen(r.location);
        st->bind(1, id).bind(2, r.id).bind(3, r.name.base).bind(4, r.floor);
        st->bind(5, r.location).bind(6, id - 1);
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("room", id, "name", r.name));
    }
    return true;
}

core::Result<bool> Writer::write_speakers(const SourceBundle& b) {
    auto st = prepare(
        "INSERT INTO speaker (id, slug, name, organisation, city_id, bio) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st) return core::Error{st.error()};
    for (const auto& s : b.speakers) {
        const auto id = speaker_ids_.at(s.id);
        seen(s.name);
        seen(s.organisation);
        st->bind(1, id).bind(2, s.id).bind(3, s.name).bind(4, s.organisation);
        if (s.city.empty()) {
            st->bind_null(5);
        } else {
            st->bind(5, city_ids_.at(s.city));
        }
        st->bind(6, s.bio.base);
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("speaker", id, "bio", s.bio));
        PLAZA_TRY(links("speaker", id, s.links));
        if (!s.photo.empty()) PLAZA_TRY(media_links("speaker", id, {ImageRef{s.photo, ""}}));
        SearchDoc doc;
        doc.add_title(s.name);
        doc.add_body(s.organisation);
        if (!s.city.empty()) doc.add_body(cities_.at(s.city)->name);
        doc.add_body(s.bio);
        PLAZA_TRY(search_doc("speaker", id, doc));
    }
    return true;
}

core::Result<bool> Writer::write_tracks(const SourceBundle& b) {
    auto st = prepare("INSERT INTO track (id, slug, name, position) VALUES (?1, ?2, ?3, ?4)");
    if (!st) return core::Error{st.error()};
    for (const auto& t : b.tracks) {
        const auto id = track_ids_.at(t.id);
        st->bind(1, id).bind(2, t.id).bind(3, t.name.base).bind(4, id - 1);
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("track", id, "name", t.name));
    }
    return true;
}

// Sessions with their speakers, track, partnerships, links and search text.
core::Result<bool> Writer::write_sessions(const SourceBundle& b) {
    auto st = prepare(
        "INSERT INTO session (id, slug, title, day, starts_at, ends_at, room_id, theme_id, "
        "type, language, abstract, status) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    auto speaker = prepare("INSERT INTO session_speaker VALUES (?1, ?2, ?3)");
    auto track = prepare("INSERT INTO session_track (session_id, track_id) VALUES (?1, ?2)");
    auto partnership = prepare(
        "INSERT INTO session_partnership (session_id, partnership_id, position) "
        "VALUES (?1, ?2, ?3)");
    for (auto* s : {&st, &speaker, &track, &partnership})
        if (!*s) return core::Error{s->error()};
    std::unordered_map<std::string, const TrackSource*> tracks;
    for (const auto& t : b.tracks)
        tracks.emplace(t.id, &t);
    std::unordered_map<std::string, const SpeakerSource*> speakers;
    for (const auto& s : b.speakers)
        speakers.emplace(s.id, &s);
    std::unordered_map<std::string, const RoomSource*> rooms;
    for (const auto& r : b.rooms)
        rooms.emplace(r.id, &r);
    std::int64_t id = 1;
    for (const auto& s : b.sessions) {
        seen(s.type);
        st->bind(1, id).bind(2, s.id).bind(3, s.title.base).bind(4, s.day);
        st->bind(5, s.starts_at).bind(6, s.ends_at).bind(7, room_ids_.at(s.room));
        if (s.theme.empty()) {
            st->bind_null(8);
        } else {
            st->bind(8, theme_ids_.at(s.theme));
        }
        st->bind(9, s.type).bind(10, s.language).bind(11, s.abstract.base).bind(12, s.status);
        PLAZA_TRY(st->run());
        PLAZA_TRY(texts("session", id, "title", s.title));
        PLAZA_TRY(texts("session", id, "abstract", s.abstract));
        SearchDoc doc;
        doc.add_title(s.title);
        doc.add_body(rooms.at(s.room)->name);
        doc.add_body(s.abstract);
        std::int64_t position = 0;
        for (const auto& slug : s.speakers) {
            speaker->bind(1, id).bind(2, speaker_ids_.at(slug)).bind(3, position++);
            PLAZA_TRY(speaker->run());
            doc.add_body(speakers.at(slug)->name);
        }
        if (!s.theme.empty()) doc.add_body(themes_.at(s.theme)->name);
        if (!s.track.empty()) {
            track->bind(1, id).bind(2, track_ids_.at(s.track));
            PLAZA_TRY(track->run());
            doc.add_body(tracks.at(s.track)->name);
        }
        position = 0;
        for (const auto& slug : s.partnerships) {
            partnership->bind(1, id).bind(2, partnership_ids_.at(slug)).bind(3, position++);
            PLAZA_TRY(partnership->run());
        }
        PLAZA_TRY(links("session", id, s.links));
        PLAZA_TRY(search_doc("session", id, doc));
        ++id;
    }
    return true;
}

void Writer::number_records(const SourceBundle& b) {
    programme_ids_ = numbered(b.programmes, [](auto& r) { return r.id; });
    theme_ids_ = numbered(b.themes, [](auto& r) { return r.id; });
    city_ids_ = numbered(b.cities, [](auto& r) { return r.id; });
    partnership_ids_ = numbered(b.partnerships, [](auto& r) { return r.id; });
    room_ids_ = numbered(b.rooms, [](auto& r) { return r.id; });
    speaker_ids_ = numbered(b.speakers, [](auto& r) { return r.id; });
    track_ids_ = numbered(b.tracks, [](auto& r) { return r.id; });
    for (const auto& c : b.cities)
        cities_.emplace(c.id, &c);
    for (const auto& t : b.themes)
        themes_.emplace(t.id, &t);
}

// What the kiosk reads first: versions, the default language and every code point the fonts
// must cover.
core::Result<bool> Writer::write_meta(const SourceBundle& b, const WriteOptions& options) {
    const EventSource& e = b.event;
    std::string all_code_points;
    for (char32_t cp : code_points_)
        core::append_utf8(all_code_points, cp);
    const std::pair<std::string, std::string> meta[] = {
        {"schema_version", std::to_string(content::kSchemaVersion)},
        {"bundle_id", options.bundle_id},
        {"content_version", std::to_string(options.content_version)},
        {"build_time", options.build_time},
        {"tool", std::string("plaza-bundle ") + PLAZA_VERSION},
        {"default_language", e.languages.empty() ? std::string() : e.languages.front().code},
        {"code_points", all_code_points},
    };
    auto insert_meta = prepare("INSERT INTO bundle_meta (key, value) VALUES (?1, ?2)");
    if (!insert_meta) return core::Error{insert_meta.error()};
    for (const auto& [key, value] : meta) {
        insert_meta->bind(1, key).bind(2, value);
        PLAZA_TRY(insert_meta->run());
    }
    return true;
}

core::Result<bool> Writer::finish() {
    PLAZA_TRY(db_.exec("INSERT INTO search(search) VALUES ('optimize'); COMMIT;"));
    // Written once, read many times: a compact file copies faster to every kiosk.
    PLAZA_TRY(db_.exec("VACUUM;"));
    return true;
}

}  // namespace

bool sync_path(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

core::Result<bool> write_bundle_file(const SourceBundle& bundle, const WriteOptions& options,
                                     const std::string& path) {
    const std::string temp = path + ".partial";
    std::error_code ignored;
    fs::remove(temp, ignored);
    {
        auto db = Database::create_for_writing(temp);
        if (!db) return core::Error{db.error()};
        Writer writer(db.value());
        if (auto r = writer.write(bundle, options); !r) {
            fs::remove(temp, ignored);
            return core::Error{path + ": cannot be written: " + r.error()};
        }
    }
    if (!sync_path(temp, O_RDONLY)) {
        fs::remove(temp, ignored);
        return core::Error{path + ": cannot be flushed to disk"};
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ignored);
        return core::Error{path + ": cannot be written: " + ec.message()};
    }
    fs::path dir = fs::path(path).parent_path();
    sync_path(dir.empty() ? "." : dir.string(), O_RDONLY | O_DIRECTORY);
    return true;
}

std::string random_bundle_id() {
    std::random_device random;
    std::string id;
    char hex[9];
    for (int i = 0; i < 4; ++i) {
        std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(random()));
        id += hex;
    }
    return id;
}

std::int64_t build_time_unix_ms() {
    // Reproducible builds' convention (reproducible-builds.org/specs/source-date-epoch): a
    // fixed build time from the environment, so test bundles for past events are not "newer"
    // than the event and the kiosk's clock check stays meaningful.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0' && seconds >= 0) return seconds * 1000;
    }
    const auto now = std::chrono::system_clock::now();
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    return ms - ms % 1000;
}

std::string utc_now_iso8601() {
    return core::format_iso8601(build_time_unix_ms(), 0);
}

}  // namespace plaza::bundle
