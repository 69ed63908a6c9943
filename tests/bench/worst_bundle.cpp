// SPDX-License-Identifier: GPL-3.0-or-later
// The worst bundle the installer accepts, for the memory bar (PRODUCT.md: install and a walk over
// every screen within 300 MB peak RSS): a synthetic bundle at content/limits.h's row counts for
// partnerships, practices and sessions, with what the kiosk holds in memory at its limits —
// titles, summaries and city lines of 200, 600 and 600 characters in a three-byte script, twelve
// cities per partnership in twelve countries with regions of 40 characters, a translated title for
// every partnership, a census of 8,192 characters, long texts, bodies and abstracts at their
// limits for the first records, and photos of noise (incompressible) for the first profiles —
// within the bundle's 1 GiB. Not a test: platform/bench/run.sh installs it
// with plaza-install-bench and walks it with plaza --stats.
//
// usage: plaza-worst-bundle OUT.plaza
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "bundle/image_processing.h"
#include "bundle/synth.h"
#include "content/limits.h"
#include "content/sqlite_db.h"
#include "core/utf8.h"

namespace {

namespace limits = plaza::content::limits;

// A photo of noise at this JPEG quality is about 1.7 MB at 1600 x 1600.
constexpr int kLargeQuality = 80;

// Han characters every text below is made of, and the census's first entries.
const char* const kHan = "城市合作伙伴关系可持续发展循环经济空气质量";

// SQL for a text of `chars` characters starting with `prefix` (an SQL expression), so that no
// two rows share their text.
std::string text_sql(const std::string& prefix, std::size_t chars) {
    return "substr(" + prefix + " || ' ' || replace(printf('%.*c', " +
           std::to_string(chars / 20 + 2) + ", 'x'), 'x', '" + kHan + "'), 1, " +
           std::to_string(chars) + ")";
}

// A JPEG of random pixels: nothing for the encoder to compress.
plaza::bundle::EncodedImage noise(int width, int height, std::mt19937& random, int quality) {
    std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * height * 3);
    for (unsigned char& c : rgb)
        c = static_cast<unsigned char>(random());
    return plaza::bundle::encode_jpeg(rgb.data(), width, height, quality);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: plaza-worst-bundle OUT.plaza\n");
        return 64;
    }
    const std::string out = argv[1];
    plaza::bundle::SynthOptions options;
    options.partnerships = static_cast<int>(limits::max_rows("partnership"));
    options.practices = static_cast<int>(limits::max_rows("practice"));
    options.sessions = static_cast<int>(limits::max_rows("session"));
    if (auto made = plaza::bundle::write_synthetic_bundle(options, out); !made) {
        std::fprintf(stderr, "%s\n", made.error().c_str());
        return 1;
    }
    auto db = plaza::content::Database::create_for_writing(out);
    if (!db) return 1;
    const auto cities = std::to_string(limits::kCitiesPerPartnership);
    std::string census;
    for (char32_t cp = 0x20; cp < 0x7F; ++cp) {
        plaza::core::append_utf8(census, cp);
        if (cp == '\'') census += '\'';  // quoted in SQL below
    }
    std::set<char32_t> han;
    plaza::core::collect_code_points(kHan, han);
    for (char32_t cp = 0x4E00; han.size() + 95 < limits::kCensusCodePoints; ++cp)
        han.insert(cp);
    for (char32_t cp : han)
        plaza::core::append_utf8(census, cp);

    const std::string sql =
        "PRAGMA journal_mode=OFF; BEGIN;"
        // Twelve countries with regions of the longest length, a city in each.
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
        cities + " - 1) INSERT INTO country (code, name, region) SELECT 'Q' || char(65 + i), " +
        text_sql("'country ' || i", limits::kNameChars) + ", " +
        text_sql("'region ' || i", limits::kShortChars) +
        " FROM n;"
        "INSERT INTO city (slug, name, name_latin, country_code, latitude, longitude) "
        "SELECT 'worst-' || lower(code), " +
        text_sql("'city ' || code", limits::kNameChars) +
        ", 'City ' || code || printf('%.*c', 100, 'x'), code, 10, 10 FROM country "
        "WHERE code LIKE 'Q_';"
        // Every partnership in all twelve.
        "DELETE FROM partnership_city;"
        "INSERT INTO partnership_city (partnership_id, city_id, role, position) "
        "SELECT p.id, c.id, CASE WHEN c.id = (SELECT min(id) FROM city WHERE slug LIKE 'worst-%') "
        "THEN 'lead' ELSE 'partner' END, c.id - (SELECT min(id) FROM city WHERE slug LIKE "
        "'worst-%') FROM partnership p, city c WHERE c.slug LIKE 'worst-%';"
        "UPDATE partnership SET title = " +
        text_sql("'P' || id", limits::kTitleChars) +
        ", cities = " + text_sql("'C' || id", limits::kSummaryChars) +
        ", summary = " + text_sql("'S' || id", limits::kSummaryChars) +
        ";"
        "UPDATE partnership SET objectives = " +
        text_sql("'O' || id", limits::kLongChars) +
        ", activities = " + text_sql("'A' || id", limits::kLongChars) +
        ", results = " + text_sql("'R' || id", limits::kLongChars) +
        ", lessons = " + text_sql("'L' || id", limits::kLongChars) +
        " WHERE id <= 300;"
        "DELETE FROM translation WHERE entity = 'partnership' AND field = 'title';"
        "INSERT INTO translation (entity, entity_id, field, lang, value) SELECT 'partnership', "
        "id, 'title', 'es', " +
        text_sql("'T' || id", limits::kTitleChars) +
        " FROM partnership;"
        "UPDATE practice SET title = " +
        text_sql("'G' || id", limits::kTitleChars) +
        ", summary = " + text_sql("'S' || id", limits::kSummaryChars) +
        ";"
        "UPDATE practice SET body_md = " +
        text_sql("'B' || id", limits::kBodyChars) +
        " WHERE id <= 200;"
        "UPDATE session SET title = " +
        text_sql("'E' || id", limits::kTitleChars) +
        ";"
        "UPDATE session SET abstract = " +
        text_sql("'A' || id", limits::kLongChars) +
        " WHERE id <= 500;"
        "UPDATE speaker SET name = " +
        text_sql("'N' || id", limits::kNameChars) +
        ", bio = " + text_sql("'B' || id", limits::kBioChars) +
        ";"
        "UPDATE bundle_meta SET value = '" +
        census +
        "' WHERE key = 'code_points';"
        "COMMIT;";
    if (auto done = db->exec(sql); !done) {
        std::fprintf(stderr, "%s\n", done.error().c_str());
        return 1;
    }

    // Photos up to the row limit, each decoded at install: a large one of noise for each of the
    // first 25 profiles (what the file's 1 GiB leaves after the texts), plain ones after them.
    std::mt19937 random(20);
    auto media = db->prepare("INSERT INTO media (source, width, height) VALUES (?1, ?2, ?3)");
    auto image = db->prepare(
        "INSERT INTO media_image (media_id, variant, width, height, mime, data) "
        "VALUES (?1, ?2, ?3, ?4, 'image/jpeg', ?5)");
    auto link = db->prepare(
        "INSERT INTO media_link (owner_kind, owner_id, position, media_id) "
        "VALUES ('partnership', ?1, 9, ?2)");
    if (!media || !image || !link) return 1;
    db->exec("BEGIN");
    const auto thumb = noise(limits::kThumbSide, limits::kThumbSide, random, 50);
    const auto flat_large = [] {
        std::vector<unsigned char> grey(
            static_cast<std::size_t>(limits::kLargeSide) * limits::kLargeSide * 3, 128);
        return plaza::bundle::encode_jpeg(grey.data(), limits::kLargeSide, limits::kLargeSide, 90);
    }();
    const int synthetic = static_cast<int>(limits::max_rows("media")) - 64;  // synth draws 64
    for (int i = 1; i <= synthetic; ++i) {
        const bool big = i <= 25;
        const auto large =
            big ? noise(limits::kLargeSide, limits::kLargeSide, random, kLargeQuality) : flat_large;
        media->reset();
        media->bind(1, "worst/" + std::to_string(i) + ".jpg")
            .bind(2, std::int64_t{limits::kLargeSide})
            .bind(3, std::int64_t{limits::kLargeSide});
        if (!media->run()) return 1;
        const std::int64_t id = sqlite3_last_insert_rowid(db->handle());
        for (const auto* e : {&large, &thumb}) {
            image->reset();
            image->bind(1, id).bind(2, std::string_view(e == &thumb ? "thumb" : "large"));
            image->bind(3, std::int64_t{e->width}).bind(4, std::int64_t{e->height});
            image->bind_blob(5, e->data.data(), e->data.size());
            if (!image->run()) return 1;
        }
        link->reset();
        link->bind(1, std::int64_t{i}).bind(2, id);
        if (!link->run()) return 1;
    }
    db->exec("COMMIT");
    db->exec("VACUUM");
    std::printf(
        "wrote %s: a large photo of %zu KB, a thumbnail of %zu KB\n", out.c_str(),
        noise(limits::kLargeSide, limits::kLargeSide, random, kLargeQuality).data.size() / 1024,
        thumb.data.size() / 1024);
    return 0;
}
