// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle build: every validation rule, each on a source folder broken in one place, with
// the exact message; and what is (not) written.
#include <doctest/doctest.h>
#include <stb/stb_image_write.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bundle/bundle_builder.h"
#include "bundle_test_support.h"
#include "child_process.h"
#include "content/content_store.h"
#include "content/media_reader.h"
#include "core/image_decode.h"

namespace {

using plaza::test::TempDir;
using Files = std::map<std::string, std::string>;
using Problems = std::vector<std::string>;

// Builds `files` (the valid source with changes; an empty text removes the file) and returns
// the problems. Checks on the way that a failed build leaves no output behind.
Problems build(const Files& changes, const std::function<void(const TempDir&)>& extra = {}) {
    TempDir dir;
    Files files = plaza::test::valid_source();
    for (const auto& [name, text] : changes) {
        if (text.empty()) {
            files.erase(name);
        } else {
            files[name] = text;
        }
    }
    plaza::test::write_source(dir.path() / "src", files);
    if (extra) extra(dir);
    plaza::bundle::BuildOptions options{dir / "src", dir / "out.plaza", 1};
    Problems problems;
    auto result = plaza::bundle::build_bundle(options, problems);
    CHECK(result.ok() == problems.empty());
    if (!problems.empty()) {
        CHECK_FALSE(std::filesystem::exists(dir / "out.plaza"));
        CHECK_FALSE(std::filesystem::exists(dir / "out.plaza.partial"));
    }
    return problems;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

Files change(const std::string& file, const std::string& from, const std::string& to) {
    return {{file, replace(plaza::test::valid_source().at(file), from, to)}};
}

std::string png_of_size(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3, 200);
    std::string out;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            static_cast<std::string*>(context)->append(static_cast<const char*>(data), size);
        },
        &out, width, height, 3, pixels.data(), width * 3);
    return out;
}

}  // namespace

TEST_CASE("build: the valid test source builds and the bundle opens") {
    TempDir dir;
    plaza::test::write_source(dir.path() / "src", plaza::test::valid_source());
    Problems problems;
    auto result = plaza::bundle::build_bundle({dir / "src", dir / "out.plaza", 7}, problems);
    REQUIRE(problems.empty());
    REQUIRE(result.ok());
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    CHECK(store->event().name == "Test meeting");
    CHECK(store->meta("content_version") == "7");
    const auto counts = store->counts();
    CHECK(counts.partnerships == 1);
    CHECK(counts.practices == 1);
    CHECK(counts.sessions == 1);
    CHECK(counts.speakers == 1);
    CHECK(store->partnerships().at(0).cities == "Gent · Łódź");
    CHECK(store->code_points().count(U'Ł') == 1);
    store->set_language("es");
    CHECK(store->partnerships().at(0).title == "Aire limpio en Łódź");
    CHECK(store->partnerships().at(0).summary ==
          "Sensors on every street of São Paulo style boulevards.");
}

TEST_CASE("build: the sample content in content/ builds without problems") {
    TempDir dir;
    Problems problems;
    auto result = plaza::bundle::build_bundle(
        {std::string(PLAZA_SOURCE_DIR) + "/content", dir / "sample.plaza", 1}, problems);
    for (const auto& p : problems)
        INFO(p);
    CHECK(problems.empty());
    CHECK(result.ok());
}

TEST_CASE(
    "build: a character no installed font has is a warning with file, line, field and package") {
    TempDir dir;
    Files files = plaza::test::valid_source();
    // U+0870 (Arabic Extended-B, Unicode 14) is in no font of Debian 12; Lao and Arabic are.
    files["cities.csv"] =
        "id,name,latin,country,latitude,longitude\n"
        "ghent,Gent,Ghent,BE,51.05,3.72\n"
        "lodz,ວຽງຈັນ \u0870 عمّان,Lodz,PL,51.76,19.46\n";
    plaza::test::write_source(dir.path() / "src", files);
    Problems problems, warnings;
    auto result =
        plaza::bundle::build_bundle({dir / "src", dir / "out.plaza", 7}, problems, &warnings);
    REQUIRE(problems.empty());
    REQUIRE(result.ok());
    std::string all;
    for (const auto& w : warnings)
        all += w + "\n";
    CHECK(all ==
          "cities.csv:3: name: U+0870 \"\u0870\": no installed font has it — kiosks show "
          "\"?\" (the Debian package fonts-noto-extra may have it)\n");
}

TEST_CASE("build: a failed build keeps an existing bundle as it was") {
    TempDir dir;
    Files files = plaza::test::valid_source();
    files["cities.csv"] += "broken,,,,\n";
    plaza::test::write_source(dir.path() / "src", files);
    plaza::test::write_file(dir.path() / "out.plaza", "previous bundle");
    Problems problems;
    CHECK_FALSE(plaza::bundle::build_bundle({dir / "src", dir / "out.plaza", 1}, problems).ok());
    CHECK_FALSE(problems.empty());
    CHECK(plaza::test::read_file(dir.path() / "out.plaza") == "previous bundle");
}

TEST_CASE("build: every problem is reported, not just the first") {
    Files files = change("themes.csv", "#4C9F38", "green");
    files.merge(change("cities.csv", "51.05", "north"));
    CHECK(build(files) == Problems{"cities.csv:2: latitude: 'north' is not a number",
                                   "themes.csv:2: colour: 'green' is not a colour (#RRGGBB)"});
}

TEST_CASE("build: event file rules") {
    CHECK(build({{"event.txt", ""}}) ==
          Problems{"event.txt:1: cannot be read (every content folder needs its event file): "
                   "no such file"});
    CHECK(build(change("event.txt", "venue: Hall A\n", "")) ==
          Problems{"event.txt:1: venue: required value is missing"});
    CHECK(build(change("event.txt", "2024-03-19", "2024-02-30")) ==
          Problems{"event.txt:5: starts_on: '2024-02-30' is not a date (YYYY-MM-DD)"});
    CHECK(build(change("event.txt", "ends_on: 2024-03-20", "ends_on: 2024-03-18")) ==
          Problems{"event.txt:6: ends_on: is before starts_on"});
    CHECK(build(change("event.txt", "languages: en, es", "languages: en, es, xx")) ==
          Problems{"event.txt:9: languages: no name is known for 'xx'; add 'language_name.xx: "
                   "<its name in that language>'"});
    CHECK(build(change("event.txt", "languages: en, es", "languages: en, es, Spanish")) ==
          Problems{"event.txt:9: languages: 'Spanish' is not a language code (two or three "
                   "letters, e.g. ca)"});
    CHECK(build(change("event.txt", "name.es:", "name.de:")) ==
          Problems{"event.txt:2: name.de: 'de' is not one of the event's languages (en, es)"});
    CHECK(build(change("event.txt", "city: Barcelona", "colour: red")) ==
          Problems{"event.txt:1: city: required value is missing",
                   "event.txt:4: colour: unknown key"});
    CHECK(build(change("event.txt", "utc_offset_minutes: 60", "utc_offset_minutes: one hour")) ==
          Problems{"event.txt:8: utc_offset_minutes: 'one hour' is not a UTC offset in minutes "
                   "(-720 to 840)"});
    CHECK(build(change("event.txt", "Europe/Madrid", "CET")) ==
          Problems{"event.txt:7: time_zone: 'CET' is not an IANA time zone name (e.g. "
                   "Europe/Madrid)"});
    CHECK(build(change("event.txt", "city: Barcelona\n", "city: Barcelona\ncity: Girona\n")) ==
          Problems{"event.txt:5: city: appears twice (first on line 4)"});
    CHECK(build(change("event.txt", "city: Barcelona", "just words")) ==
          Problems{"event.txt:4: expected 'key: value'",
                   "event.txt:1: city: required value is missing"});
}

TEST_CASE("build: CSV structure rules") {
    CHECK(build(change("partnerships.csv", ",summary\n", ",colour,summary\n")) ==
          Problems{"partnerships.csv:1: colour: unknown column"});
    CHECK(build(change("partnerships.csv", ",summary\n", "\n")) ==
          Problems{"partnerships.csv:1: summary: column is missing"});
    CHECK(build(change("partnerships.csv", "title.es", "title.de")) ==
          Problems{
              "partnerships.csv:1: title.de: 'de' is not one of the event's languages (en, es)"});
    CHECK(build(change("partnerships.csv", "title.es", "title.en")) ==
          Problems{"partnerships.csv:1: title.en: 'en' is the default language; write that text "
                   "in column 'title'"});
    CHECK(build(change("partnerships.csv", "title.es", "lead.es")) ==
          Problems{"partnerships.csv:1: lead.es: unknown column"});
    CHECK(build(change("partnerships.csv", "title.es", "title")) ==
          Problems{"partnerships.csv:1: title: column appears twice"});
    CHECK(build(change("partnerships.csv", ",active,", ",")) ==
          Problems{"partnerships.csv:2: row has 11 fields, the header has 12"});
    CHECK(build(change("partnerships.csv", "Sensors on", "\"Sensors on")) ==
          Problems{"partnerships.csv:2: quoted field is never closed"});
    CHECK(build({{"partnerships.csv", ""}}) == Problems{"partnerships.csv:1: the file is missing"});
}

TEST_CASE("build: field value rules") {
    CHECK(build(change("partnerships.csv", "Clean air in Łódź,", ",")) ==
          Problems{"partnerships.csv:2: title: required value is missing"});
    CHECK(build(change("partnerships.csv", "Clean air in Łódź", std::string(201, 'x'))) ==
          Problems{"partnerships.csv:2: title: 201 characters, the limit is 200"});
    CHECK(build(change("partnerships.csv", "Clean air in Łódź",
                       std::string(100, 'x') + "\xC3\x28")) ==
          Problems{"partnerships.csv:2: the file is not UTF-8 (its first such character is on "
                   "this line); save it as \"CSV UTF-8\" or \"Unicode text\""});
    CHECK(build(change("partnerships.csv", "ghent-lodz,Clean", "Ghent Lodz,Clean")) ==
          Problems{"partnerships.csv:2: id: 'Ghent Lodz' is not a valid id (up to 64 of a-z, 0-9 "
                   "and -)",
                   "contacts.csv:2: partnership: unknown partnership 'ghent-lodz' (not in "
                   "partnerships.csv)",
                   "practices/street-sensors.md:6: partnerships: unknown partnership 'ghent-lodz' "
                   "(not in partnerships.csv)"});
    const std::string row =
        plaza::test::valid_source()
            .at("partnerships.csv")
            .substr(plaza::test::valid_source().at("partnerships.csv").find('\n') + 1);
    CHECK(build({{"partnerships.csv", plaza::test::valid_source().at("partnerships.csv") + row}}) ==
          Problems{"partnerships.csv:3: id: duplicate id 'ghent-lodz' (first on line 2)"});
    CHECK(build(change("partnerships.csv", ",2022,", ",2022-13,")) ==
          Problems{"partnerships.csv:2: starts_on: '2022-13' is not a date (YYYY, YYYY-MM or "
                   "YYYY-MM-DD)"});
    CHECK(build(change("partnerships.csv", ",2024-06,", ",2021-06,")) ==
          Problems{"partnerships.csv:2: ends_on: is before starts_on"});
    CHECK(build(change("partnerships.csv", "11;3", "11;18")) ==
          Problems{"partnerships.csv:2: sdgs: '18' is not an SDG number (1 to 17)"});
    CHECK(build(change("partnerships.csv", ",active,", ",ongoing,")) ==
          Problems{"partnerships.csv:2: status: 'ongoing' is not a status (planned, active or "
                   "completed)"});
    CHECK(build(change("themes.csv", "#4C9F38", "green")) ==
          Problems{"themes.csv:2: colour: 'green' is not a colour (#RRGGBB)"});
    CHECK(build(change("cities.csv", "51.76", "91")) ==
          Problems{"cities.csv:3: latitude: '91' is out of range (-90 to 90)"});
    CHECK(build(change("countries.csv", "BE,Belgium", "be,Belgium")) ==
          Problems{"countries.csv:2: code: 'be' is not an ISO 3166 country code (two capital "
                   "letters)",
                   "cities.csv:2: country: unknown country 'BE' (not in countries.csv)"});
    CHECK(build(change("programmes.csv", "https://example.org", "example.org")) ==
          Problems{"programmes.csv:2: url: 'example.org' is not a web address (https://...)"});
    CHECK(build(change("contacts.csv", "ann@example.org", "ann.example.org")) ==
          Problems{"contacts.csv:2: email: 'ann.example.org' is not an e-mail address"});
}

TEST_CASE("build: reference rules") {
    CHECK(build(change("partnerships.csv", "ghent,lodz,psc", "ghent,gdansk,psc")) ==
          Problems{"partnerships.csv:2: partners: unknown city 'gdansk' (not in cities.csv)"});
    CHECK(build(change("partnerships.csv", "ghent,lodz,psc", "ghent,ghent,psc")) ==
          Problems{"partnerships.csv:2: partners: city 'ghent' is listed twice",
                   "partnerships.csv:2: partners: a partnership needs at least two cities"});
    CHECK(build(change("partnerships.csv", ",air,", ",water,")) ==
          Problems{"partnerships.csv:2: themes: unknown theme 'water' (not in themes.csv)"});
    CHECK(
        build(change("partnerships.csv", ",psc,", ",iuc,")) ==
        Problems{"partnerships.csv:2: programme: unknown programme 'iuc' (not in programmes.csv)"});
    CHECK(build(change("cities.csv", ",BE,", ",NL,")) ==
          Problems{"cities.csv:2: country: unknown country 'NL' (not in countries.csv)"});
    CHECK(build(change("speakers.csv", ",ghent,", ",paris,")) ==
          Problems{"speakers.csv:2: city: unknown city 'paris' (not in cities.csv)"});
    // A file whose header is broken does not also produce one complaint per reference to it.
    CHECK(
        build(change("cities.csv", "latitude", "lat")) ==
        Problems{"cities.csv:1: lat: unknown column", "cities.csv:1: latitude: column is missing"});
}

TEST_CASE("build: good practice rules") {
    const std::string md = "practices/street-sensors.md";
    CHECK(build({{md, "title: no front matter\n"}}) ==
          Problems{"practices/street-sensors.md:1: the file must start with a front matter block "
                   "between '---' lines"});
    CHECK(build({{md, "---\ntitle: never closed\n"}}) ==
          Problems{
              "practices/street-sensors.md:1: the front matter block is never closed with '---'"});
    CHECK(
        build(change(md, "city: lodz", "city: krakow")) ==
        Problems{"practices/street-sensors.md:4: city: unknown city 'krakow' (not in cities.csv)"});
    CHECK(build(change(md, "themes: air", "colour: red")) ==
          Problems{"practices/street-sensors.md:5: colour: unknown key"});
    CHECK(build(change(md, "120 | sensors installed", "120 sensors")) ==
          Problems{"practices/street-sensors.md:7: figure: expected 'value | label', e.g. '57 | "
                   "partnerships'",
                   "practices/street-sensors.es.md:3: figure: more figures than "
                   "practices/street-sensors.md has (0)"});
    CHECK(build(change(md, "| | | https://example.org", "| | ann | ")) ==
          Problems{"practices/street-sensors.md:8: contact: 'ann' is not an e-mail address"});
    CHECK(build(change(md, "title: Street sensors for everyone\n", "")) ==
          Problems{"practices/street-sensors.md:1: title: required value is missing"});
    CHECK(build(change(md, "## What was done\n\nResidents hosted **sensors** on their balconies.\n",
                       "")) ==
          Problems{"practices/street-sensors.md:1: body: required text is missing (write it below "
                   "the front matter)"});
    CHECK(
        build({{"practices/Street Sensors.md", plaza::test::valid_source().at(md)}}) ==
        Problems{"practices/Street Sensors.md:1: id: 'Street Sensors' is not a valid id (up to 64 "
                 "of a-z, 0-9 and -; the file name without .md is the id)"});
    CHECK(build({{"practices/street-sensors.de.md", "---\ntitle: Sensoren\n---\nText.\n"}}) ==
          Problems{"practices/street-sensors.de.md:1: 'de' is not one of the event's languages "
                   "(en, es)"});
    CHECK(build({{"practices/other.es.md", "---\ntitle: Otro\n---\nTexto.\n"}}) ==
          Problems{"practices/other.es.md:1: there is no practices/other.md to translate"});
    CHECK(build({{"practices/street-sensors.es.md", "---\ncity: ghent\n---\n"}}) ==
          Problems{"practices/street-sensors.es.md:2: city: cannot be translated (use title, "
                   "summary, figure)"});
}

TEST_CASE("build: schedule rules") {
    CHECK(build(change("sessions.csv", "2024-03-19 09:30", "2024-03-19 9.30")) ==
          Problems{"sessions.csv:2: start: '2024-03-19 9.30' is not a time (YYYY-MM-DD HH:MM, in "
                   "the event's time zone)"});
    CHECK(build(change("sessions.csv", "2024-03-19 10:30", "2024-03-19 09:00")) ==
          Problems{"sessions.csv:2: end: is not after start"});
    CHECK(build(change("sessions.csv", "2024-03-19 09:30,2024-03-19 10:30",
                       "2024-03-22 09:30,2024-03-22 10:30")) ==
          Problems{"sessions.csv:2: start: 2024-03-22 is not one of the event's days (2024-03-19 "
                   "to 2024-03-20)"});
    CHECK(build(change("sessions.csv", ",hall-a,", ",hall-b,")) ==
          Problems{"sessions.csv:2: room: unknown room 'hall-b' (not in rooms.csv)"});
    CHECK(build(change("sessions.csv", ",ann,", ",bob,")) ==
          Problems{"sessions.csv:2: speakers: unknown speaker 'bob' (not in speakers.csv)"});
    CHECK(build(change("sessions.csv", ",confirmed", ",postponed")) ==
          Problems{"sessions.csv:2: status: 'postponed' is not a status (confirmed, cancelled or "
                   "moved)"});
    CHECK(build(change("sessions.csv", ",en,ann", ",english,ann")) ==
          Problems{"sessions.csv:2: language: 'english' is not a language code (two or three "
                   "letters, e.g. ca)"});
    // An instant with its own offset is accepted as written.
    CHECK(build(change("sessions.csv", "2024-03-19 09:30,", "2024-03-19T08:30:00Z,")).empty());
}

TEST_CASE("build: sessions name the partnerships they are about") {
    // sessions.csv with a partnerships column, its one row about `partnerships`.
    auto with_column = [](const std::string& partnerships) {
        std::string sessions = plaza::test::valid_source().at("sessions.csv");
        sessions = replace(sessions, ",speakers,abstract,", ",speakers,partnerships,abstract,");
        return Files{
            {"sessions.csv", replace(sessions, ",en,ann,", ",en,ann," + partnerships + ",")}};
    };
    CHECK(build(with_column("ghent-lodz")).empty());
    CHECK(build(with_column("")).empty());
    CHECK(build(with_column("ghent-gdansk")) ==
          Problems{"sessions.csv:2: partnerships: unknown partnership 'ghent-gdansk' (not in "
                   "partnerships.csv)"});
    CHECK(build(with_column("ghent-lodz;ghent-lodz")) ==
          Problems{"sessions.csv:2: partnerships: partnership 'ghent-lodz' is listed twice"});

    // session-partnerships.csv names sessions by id; it works beside sessions.csv too.
    auto links = [](const std::string& text) { return Files{{"session-partnerships.csv", text}}; };
    CHECK(build(links("session,partnerships\nopening,ghent-lodz\n")).empty());
    CHECK(build(links("session,partnerships\nclosing,ghent-lodz\n")) ==
          Problems{"session-partnerships.csv:2: session: unknown session 'closing' (not in "
                   "sessions.csv)"});
    CHECK(build(links("session,partnerships\nopening,nowhere\n")) ==
          Problems{"session-partnerships.csv:2: partnerships: unknown partnership 'nowhere' (not "
                   "in partnerships.csv)"});
    CHECK(build(links("session,partnerships\nopening,ghent-lodz\nopening,ghent-lodz\n")) ==
          Problems{"session-partnerships.csv:3: session: session 'opening' is listed twice (first "
                   "on line 2)"});
    CHECK(build(links("session,partnerships\nopening,\n")) ==
          Problems{"session-partnerships.csv:2: partnerships: required value is missing"});
    CHECK(build(links("session\nopening\n")) ==
          Problems{"session-partnerships.csv:1: partnerships: column is missing"});
    // Without a schedule every session named is unknown.
    Files no_schedule = links("session,partnerships\nopening,ghent-lodz\n");
    no_schedule.merge(Files{{"sessions.csv", ""}});
    CHECK(build(no_schedule) ==
          Problems{"session-partnerships.csv:2: session: unknown session 'opening' (not in "
                   "sessions.csv)"});
}

TEST_CASE("build: a speaker's photo, a session's partnerships and a profile's sessions") {
    TempDir dir;
    Files files = plaza::test::valid_source();
    files["speakers.csv"] =
        "id,name,organisation,city,bio,photo\n"
        "ann,Ann Example,City of Ghent,ghent,Works on air.,images/ann.png\n";
    files["session-partnerships.csv"] = "session,partnerships\nopening,ghent-lodz\n";
    plaza::test::write_source(dir.path() / "src", files);
    plaza::test::write_file(dir.path() / "src/images/ann.png", png_of_size(60, 80));
    Problems problems;
    REQUIRE(plaza::bundle::build_bundle({dir / "src", dir / "out.plaza", 1}, problems).ok());
    REQUIRE(problems.empty());
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());

    plaza::content::SessionDetail detail;
    REQUIRE(store->session_detail(1, detail));
    REQUIRE(detail.speakers.size() == 1);
    CHECK(detail.speakers[0].name == "Ann Example");
    REQUIRE(detail.speakers[0].photo != 0);
    // The photo is in the bundle under that id, as a thumbnail the kiosk can decode.
    plaza::content::MediaReader media(dir / "out.plaza");
    auto thumb = media.read(detail.speakers[0].photo, plaza::content::MediaVariant::thumb);
    REQUIRE(thumb.ok());
    CHECK(plaza::core::decode_image(thumb.value()).ok());

    REQUIRE(detail.partnerships.size() == 1);
    CHECK(detail.partnerships[0].title == "Clean air in Łódź");
    // Its cities with their countries, in the partnership's order, as the grid's cards say.
    CHECK(detail.partnerships[0].cities == "Gent, Belgium · Łódź, Poland");
    const auto profile = store->partnership_profile(detail.partnerships[0].id);
    REQUIRE(profile.sessions.size() == 1);
    CHECK(profile.sessions[0].title == "Opening of the Ghent meeting");
    CHECK(profile.sessions[0].room == "Hall A");
    // Texts come in the visitor's language.
    store->set_language("es");
    REQUIRE(store->session_detail(1, detail));
    CHECK(detail.partnerships[0].title == "Aire limpio en Łódź");
}

TEST_CASE("build: a FIFO in the content folder is reported by name, and the build goes on") {
    // A CSV that is a named pipe would block the read for good.
    const int code = plaza::test::run_in_child(
        [] {
            const Problems problems = build({{"countries.csv", ""}}, [](const TempDir& dir) {
                ::mkfifo((dir.path() / "src/countries.csv").c_str(), 0644);
            });
            // The rest of the folder is still checked; the cities' countries are not reported
            // again as unknown.
            const bool named =
                !problems.empty() &&
                problems[0] == "countries.csv:1: cannot be read: is a named pipe (FIFO), not read";
            return named && problems.size() == 1 ? 0 : 1;
        },
        60);
    CHECK(code == 0);
}

TEST_CASE("build: image rules") {
    auto with_image = [](const std::string& path, const std::string& bytes) {
        return [=](const TempDir& dir) {
            if (!bytes.empty()) plaza::test::write_file(dir.path() / "src" / path, bytes);
        };
    };
    const Files uses_image = change("partnerships.csv", ",summary\n", ",summary,images\n");
    Files files = uses_image;
    files["partnerships.csv"] =
        replace(files["partnerships.csv"], "boulevards.\n", "boulevards.,images/a.png\n");
    CHECK(build(files, with_image("images/a.png", png_of_size(64, 48))).empty());
    CHECK(build(files) ==
          Problems{"partnerships.csv:2: images: images/a.png: cannot be read: no such file"});
    CHECK(build(files, with_image("images/a.png", "\x89PNG\r\n\x1A\nnot really")) ==
          Problems{
              "partnerships.csv:2: images: images/a.png: cannot be decoded (unknown image type)"});
    CHECK(build(files, with_image("images/a.png", "GIF89a......")) ==
          Problems{"partnerships.csv:2: images: images/a.png: is not a JPEG or PNG image"});
    CHECK(build(files, with_image("images/a.png", png_of_size(12001, 1))) ==
          Problems{"partnerships.csv:2: images: images/a.png: is 12001×1 pixels, the limit is "
                   "12000 on either side and 50 megapixels"});
    // A link inside the folder may point within it, not out of it (issue 20).
    const auto linked = [](const std::string& target) {
        return [=](const TempDir& dir) {
            plaza::test::write_file(dir.path() / "src/images/real.png", png_of_size(8, 8));
            plaza::test::write_file(dir.path() / "secret.png", png_of_size(8, 8));
            std::filesystem::create_symlink(dir.path() / target, dir.path() / "src/images/a.png");
        };
    };
    CHECK(build(files, linked("src/images/real.png")).empty());
    const Problems out = build(files, linked("secret.png"));
    REQUIRE(out.size() == 1);
    CHECK(out[0].rfind("partnerships.csv:2: images: images/a.png: cannot be read: leads outside "
                       "the content folder (to ",
                       0) == 0);
    files["partnerships.csv"] =
        replace(files["partnerships.csv"], "images/a.png", "../outside.png");
    CHECK(build(files) == Problems{"partnerships.csv:2: images: '../outside.png' must be a path "
                                   "inside the content folder"});
}

TEST_CASE("build: the event's logo, colour and hero picture reach the kiosk") {
    const std::string brand =
        "logo: images/logo.png\naccent_colour: #FCC30B\nhero: images/hero.png | Photo: A. Person\n";
    auto images = [](const TempDir& dir) {
        plaza::test::write_file(dir.path() / "src/images/logo.png", png_of_size(40, 40));
        plaza::test::write_file(dir.path() / "src/images/hero.png", png_of_size(160, 50));
    };
    Files files = {{"event.txt", plaza::test::valid_source().at("event.txt") + brand}};
    TempDir dir;
    Files all = plaza::test::valid_source();
    all["event.txt"] = files["event.txt"];
    plaza::test::write_source(dir.path() / "src", all);
    images(dir);
    Problems problems;
    REQUIRE(plaza::bundle::build_bundle({dir / "src", dir / "out.plaza", 1}, problems).ok());
    auto store = plaza::content::ContentStore::open(dir / "out.plaza");
    REQUIRE(store.ok());
    const plaza::content::EventBrand& b = store->event().brand;
    CHECK(b.has_accent);
    CHECK(int{b.accent.r} == 0xFC);
    CHECK(int{b.accent.g} == 0xC3);
    CHECK(int{b.accent.b} == 0x0B);
    CHECK(b.logo != 0);
    CHECK(b.hero != 0);
    CHECK(b.logo != b.hero);
    CHECK(b.hero_credit == "Photo: A. Person");

    // Without them the event has no brand, and a bundle still builds and opens.
    TempDir plain;
    plaza::test::write_source(plain.path() / "src", plaza::test::valid_source());
    REQUIRE(plaza::bundle::build_bundle({plain / "src", plain / "out.plaza", 1}, problems).ok());
    auto unbranded = plaza::content::ContentStore::open(plain / "out.plaza");
    REQUIRE(unbranded.ok());
    CHECK_FALSE(unbranded->event().brand.has_accent);
    CHECK(unbranded->event().brand.logo == 0);

    // Mistakes name the file, line and key.
    const int line = static_cast<int>(
        std::count(files["event.txt"].begin(), files["event.txt"].end(), '\n') - 2);
    CHECK(build({{"event.txt", replace(files["event.txt"], "#FCC30B", "yellow")}}, images) ==
          Problems{"event.txt:" + std::to_string(line + 1) +
                   ": accent_colour: 'yellow' is not a colour (#RRGGBB)"});
    CHECK(build(files) == Problems{"event.txt:" + std::to_string(line) +
                                       ": logo: images/logo.png: cannot be read: no such file",
                                   "event.txt:" + std::to_string(line + 2) +
                                       ": hero: images/hero.png: cannot be read: no such file"});
}
