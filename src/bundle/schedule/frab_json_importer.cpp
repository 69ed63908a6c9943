// SPDX-License-Identifier: GPL-3.0-or-later
// JSON schedules with nlohmann-json: frab/pretalx schedule.json (c3voc schema.json), the newer
// c3voc "schedule2" (flat events, per-language string maps) and COSCUP's OPass session JSON
// (every text as {"zh": ..., "en": ...}). Only the fields named here are read: pretalx puts
// organiser-only "answers" (one real file has a speaker's phone number there) beside the public
// fields, and an unknown field must never reach a kiosk screen.
#include <nlohmann/json.hpp>

#include "bundle/schedule/importer_internal.h"

namespace plaza::schedule::detail {

namespace {

// ordered_json keeps the file's order of rooms and of per-language keys.
using Json = nlohmann::ordered_json;

const Json& member(const Json& j, const char* key) {
    static const Json kNull;
    if (!j.is_object()) return kNull;
    auto it = j.find(key);
    return it == j.end() ? kNull : *it;
}

// Strings as they are; numbers (frab ids) as digits; anything else empty.
std::string scalar(const Json& j) {
    if (j.is_string()) return j.get<std::string>();
    if (j.is_number_integer()) return std::to_string(j.get<std::int64_t>());
    if (j.is_number_unsigned()) return std::to_string(j.get<std::uint64_t>());
    if (j.is_number_float()) return j.dump();
    return {};
}

std::string str(const Json& j, const char* key) {
    return scalar(member(j, key));
}

class JsonImporter {
  public:
    explicit JsonImporter(RawSchedule& raw) : raw_(raw) {}
    core::Result<bool> run(const Json& root);

  private:
    void frab(const Json& schedule);
    void schedule2(const Json& schedule);
    void opass(const Json& root);
    RawSession frab_event(const Json& ev, const std::string& where, int raw_day,
                          const std::string& room);
    void common_session_text(RawSession& s, const Json& ev, bool markdown);
    // A string, or a per-language map {"en": "...", "de": "..."}.
    LocalText local_text(const Json& j, const std::string& where, bool block = false);
    std::string where(const std::string& path) const { return raw_.file + ": " + path; }
    void remember_language(const std::string& lang) {
        if (lang.empty()) return;
        for (const std::string& l : raw_.languages)
            if (l == lang) return;
        raw_.languages.push_back(lang);
    }

    RawSchedule& raw_;
    bool markdown_ = false;
};

LocalText JsonImporter::local_text(const Json& j, const std::string& where, bool block) {
    LocalText t;
    auto clean = [&](const std::string& s) {
        return block ? clean_block(s, where, raw_.clean) : clean_line(s, where, raw_.clean);
    };
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string lang = normalise_language(it.key());
            if (lang.empty() || !it.value().is_string()) continue;
            t.by_lang[lang] = clean(it.value().get<std::string>());
            remember_language(lang);
        }
        const std::string& def = raw_.default_language;
        if (!def.empty() && t.by_lang.count(def))
            t.text = t.by_lang[def];
        else if (!t.by_lang.empty()) {
            // The first language in the file's own order.
            for (auto it = j.begin(); it != j.end(); ++it) {
                const std::string lang = normalise_language(it.key());
                if (t.by_lang.count(lang)) {
                    t.text = t.by_lang[lang];
                    break;
                }
            }
        }
    } else {
        t.text = clean(scalar(j));
    }
    return t;
}

void JsonImporter::common_session_text(RawSession& s, const Json& ev, bool markdown) {
    s.title = local_text(member(ev, "title"), s.where);
    s.status = take_status_prefix(s.title.text);
    for (auto& [lang, text] : s.title.by_lang)
        take_status_prefix(text);
    if (s.status != SessionStatus::confirmed)
        raw_.clean.note(
            "status given only as a title prefix (\"CANCELLED - ...\")|removed the "
            "prefix and marked the session cancelled (or moved)",
            s.where);
    const std::string status = str(ev, "status");
    if (status == "cancelled" || status == "canceled" || status == "CANCELED" ||
        status == "CANCELLED")
        s.status = SessionStatus::cancelled;
    s.subtitle = local_text(member(ev, "subtitle"), s.where);
    auto rich = [&](const char* key, LocalText& out, TextFormat& format) {
        const Json& j = member(ev, key);
        if (j.is_object()) {
            out = local_text(j, s.where, true);
            TextFormat f = TextFormat::plain;
            out.text = clean_rich_text(out.text, markdown, s.where, raw_.clean, format);
            for (auto& [lang, text] : out.by_lang)
                text = clean_rich_text(text, markdown, s.where, raw_.clean, f);
        } else {
            out.text = clean_rich_text(scalar(j), markdown, s.where, raw_.clean, format);
        }
    };
    rich("abstract", s.abstract, s.abstract_format);
    rich("description", s.description, s.description_format);
    s.language = normalise_language(str(ev, "language"));
    s.type = clean_line(str(ev, "type"), s.where, raw_.clean);
    const Json& links = member(ev, "links");
    if (links.is_array()) {
        for (const Json& l : links) {
            Link link;
            if (l.is_string()) {
                link.url = clean_line(l.get<std::string>(), s.where, raw_.clean);
            } else {
                link.url = clean_line(str(l, "url"), s.where, raw_.clean);
                link.title = clean_line(str(l, "title"), s.where, raw_.clean);
            }
            if (!link.url.empty()) s.links.push_back(std::move(link));
        }
    }
    const std::string url = clean_line(str(ev, "url"), s.where, raw_.clean);
    if (!url.empty()) s.links.insert(s.links.begin(), Link{url, "Website"});
}

RawSession JsonImporter::frab_event(const Json& ev, const std::string& path, int raw_day,
                                    const std::string& room) {
    RawSession s;
    s.where = where(path);
    s.raw_day = raw_day;
    s.id = clean_line(str(ev, "id"), s.where, raw_.clean);
    s.guid = clean_line(str(ev, "guid"), s.where, raw_.clean);
    const std::string date = str(ev, "date");
    s.start = parse_time(date);
    if (!date.empty() && !s.start.valid)
        raw_.warn(s.where, "unreadable \"date\": \"" + date + "\"",
                  "used the day's date and \"start\" instead");
    s.clock_seconds = parse_clock(str(ev, "start"));
    s.duration_seconds = parse_clock(str(ev, "duration"));
    s.room = clean_line(str(ev, "room"), s.where, raw_.clean);
    if (s.room.empty()) s.room = room;
    s.track = clean_line(str(ev, "track"), s.where, raw_.clean);
    common_session_text(s, ev, markdown_);
    const Json& persons = member(ev, "persons");
    if (persons.is_array()) {
        for (const Json& p : persons) {
            RawSpeaker sp;
            std::string name = str(p, "public_name");
            if (name.empty()) name = str(p, "name");
            if (name.empty()) name = str(p, "full_public_name");
            sp.speaker.name = clean_line(name, s.where, raw_.clean);
            if (sp.speaker.name.empty()) continue;
            std::string id = str(p, "code");
            if (id.empty()) id = str(p, "guid");
            if (id.empty()) id = str(p, "id");
            sp.speaker.id = id.empty() ? sp.speaker.name : id;
            sp.key = id.empty() ? "name:" + sp.speaker.name : "id:" + id;
            sp.speaker.biography.text = clean_rich_text(str(p, "biography"), markdown_, s.where,
                                                        raw_.clean, sp.speaker.biography_format);
            s.speaker_keys.push_back(raw_.add_speaker(std::move(sp)));
        }
    }
    raw_.add_track(s.track);
    return s;
}

void JsonImporter::frab(const Json& schedule) {
    raw_.format = "frab-json";
    const Json& conf = member(schedule, "conference");
    raw_.title = local_text(member(conf, "title"), where("schedule.conference.title"));
    raw_.declared_zone = clean_line(str(conf, "time_zone_name"), raw_.file, raw_.clean);
    raw_.declared_zone_where = where("schedule.conference.time_zone_name");
    // pretalx writes Markdown (persons carry a pretalx "code"; talks carry "answers").
    const Json& days = member(conf, "days");
    for (const Json& d : days)
        for (const auto& [room, events] : member(d, "rooms").items())
            for (const Json& ev : events)
                if (member(ev, "answers").is_array() ||
                    (member(ev, "persons").is_array() && !member(ev, "persons").empty() &&
                     member(member(ev, "persons")[0], "code").is_string()))
                    markdown_ = true;
    const Json& rooms = member(conf, "rooms");
    if (rooms.is_array())
        for (const Json& r : rooms)
            raw_.add_room(clean_line(str(r, "name"), raw_.file, raw_.clean));
    size_t di = 0;
    for (const Json& d : days) {
        const std::string path = "schedule.conference.days[" + std::to_string(di++) + "]";
        RawDay day;
        day.where = where(path);
        day.index = member(d, "index").is_number_integer() ? member(d, "index").get<int>()
                                                           : static_cast<int>(di);
        day.date = str(d, "date");
        if (!parse_date(day.date)) day.date.clear();
        day.start = parse_time(str(d, "day_start"));
        day.end = parse_time(str(d, "day_end"));
        const int raw_day = static_cast<int>(raw_.days.size());
        raw_.days.push_back(day);
        const Json& day_rooms = member(d, "rooms");
        if (!day_rooms.is_object()) continue;
        for (auto it = day_rooms.begin(); it != day_rooms.end(); ++it) {
            const std::string room = clean_line(it.key(), day.where, raw_.clean);
            raw_.add_room(room);
            if (!it.value().is_array()) continue;
            size_t ei = 0;
            for (const Json& ev : it.value()) {
                const std::string ev_path =
                    path + ".rooms[\"" + room + "\"][" + std::to_string(ei++) + "]";
                if (!ev.is_object()) continue;
                raw_.sessions.push_back(frab_event(ev, ev_path, raw_day, room));
            }
        }
    }
}

void JsonImporter::schedule2(const Json& schedule) {
    raw_.format = "schedule2-json";
    markdown_ = true;  // the hub and pretalx both store Markdown
    const Json& conf = member(schedule, "conference");
    raw_.default_language = normalise_language(str(member(conf, "defaults"), "language"));
    const Json& langs = member(conf, "languages");
    if (langs.is_array())
        for (const Json& l : langs)
            remember_language(normalise_language(scalar(l)));
    if (raw_.default_language.empty() && !raw_.languages.empty())
        raw_.default_language = raw_.languages.front();
    raw_.title = local_text(member(conf, "title"), where("schedule.conference.title"));
    raw_.declared_zone = clean_line(str(conf, "time_zone_name"), raw_.file, raw_.clean);
    raw_.declared_zone_where = where("schedule.conference.time_zone_name");
    std::map<std::string, std::string> track_by_slug;
    for (const Json& t : member(conf, "tracks")) {
        const LocalText name = local_text(member(t, "name"), where("schedule.conference.tracks"));
        track_by_slug[str(t, "slug")] = name.text;
        raw_.add_track(name.text, name);
    }
    for (const Json& r : member(conf, "rooms")) {
        const LocalText name = local_text(member(r, "name"), where("schedule.conference.rooms"));
        raw_.add_room(name.text, name);
    }
    size_t di = 0;
    for (const Json& d : member(conf, "days")) {
        RawDay day;
        day.where = where("schedule.conference.days[" + std::to_string(di++) + "]");
        day.index = member(d, "index").is_number_integer() ? member(d, "index").get<int>()
                                                           : static_cast<int>(di);
        day.date = str(d, "date");
        if (!parse_date(day.date)) day.date.clear();
        day.start = parse_time(str(d, "start"));
        day.end = parse_time(str(d, "end"));
        raw_.days.push_back(day);
    }
    for (const Json& p : member(schedule, "persons")) {
        RawSpeaker sp;
        const std::string id = str(p, "guid");
        sp.speaker.name = clean_line(str(p, "name"), where("schedule.persons"), raw_.clean);
        if (id.empty() || sp.speaker.name.empty()) continue;
        sp.key = "id:" + id;
        sp.speaker.id = id;
        sp.speaker.biography = local_text(member(p, "biography"), where("schedule.persons"), true);
        sp.speaker.biography.text =
            clean_rich_text(sp.speaker.biography.text, true, where("schedule.persons"), raw_.clean,
                            sp.speaker.biography_format);
        for (const Json& l : member(p, "links")) {
            const std::string url = clean_line(str(l, "url"), raw_.file, raw_.clean);
            if (!url.empty())
                sp.speaker.links.push_back(
                    Link{url, clean_line(str(l, "service"), raw_.file, raw_.clean)});
        }
        raw_.add_speaker(std::move(sp));
    }
    size_t ei = 0;
    for (const Json& ev : member(schedule, "events")) {
        RawSession s;
        s.where = where("schedule.events[" + std::to_string(ei++) + "]");
        if (!ev.is_object()) continue;
        s.id = clean_line(str(ev, "code"), s.where, raw_.clean);
        if (s.id.empty()) s.id = clean_line(str(ev, "id"), s.where, raw_.clean);
        s.guid = clean_line(str(ev, "guid"), s.where, raw_.clean);
        s.start = parse_time(str(ev, "start"));
        s.end = parse_time(str(ev, "end"));
        s.duration_seconds = parse_clock(str(ev, "duration"));
        const Json& room = member(ev, "room");
        s.room =
            clean_line(room.is_object() ? str(room, "name") : scalar(room), s.where, raw_.clean);
        const Json& track = member(ev, "track");
        if (track.is_object()) {
            s.track = clean_line(str(track, "name"), s.where, raw_.clean);
            if (s.track.empty()) s.track = track_by_slug[str(track, "slug")];
        } else {
            s.track = clean_line(scalar(track), s.where, raw_.clean);
        }
        common_session_text(s, ev, true);
        for (const Json& p : member(ev, "participants")) {
            RawSpeaker sp;
            const std::string id = str(p, "guid");
            sp.speaker.name = clean_line(str(p, "name"), s.where, raw_.clean);
            if (sp.speaker.name.empty()) continue;
            sp.speaker.id = id.empty() ? sp.speaker.name : id;
            sp.key = id.empty() ? "name:" + sp.speaker.name : "id:" + id;
            s.speaker_keys.push_back(raw_.add_speaker(std::move(sp)));
        }
        raw_.add_track(s.track);
        raw_.sessions.push_back(std::move(s));
    }
}

void JsonImporter::opass(const Json& root) {
    raw_.format = "opass-json";
    markdown_ = true;  // COSCUP's texts come from pretalx
    // The language objects of the first session name the languages ("zh", "en"), in file order.
    const Json& sessions = member(root, "sessions");
    if (!sessions.empty() && sessions[0].is_object())
        for (auto it = sessions[0].begin(); it != sessions[0].end(); ++it)
            if (it.value().is_object() && it.value().contains("title"))
                remember_language(normalise_language(it.key()));
    if (!raw_.languages.empty()) raw_.default_language = raw_.languages.front();
    // {"id":..., "zh": {"name": ...}, "en": {"name": ...}} -> per-language names.
    auto names = [&](const Json& item, const char* field, bool block) {
        Json map = Json::object();
        for (const std::string& lang : raw_.languages)
            for (auto it = item.begin(); it != item.end(); ++it)
                if (normalise_language(it.key()) == lang && it.value().is_object())
                    map[it.key()] = member(it.value(), field);
        return local_text(map, where("OPass " + str(item, "id")), block);
    };
    std::map<std::string, LocalText> rooms, types;
    for (const Json& r : member(root, "rooms")) {
        if (!r.is_object()) continue;
        rooms[str(r, "id")] = names(r, "name", false);
        raw_.add_room(str(r, "id"), rooms[str(r, "id")]);
    }
    for (const Json& t : member(root, "session_types"))
        if (t.is_object()) types[str(t, "id")] = names(t, "name", false);
    for (const Json& p : member(root, "speakers")) {
        if (!p.is_object()) continue;
        RawSpeaker sp;
        sp.key = "id:" + str(p, "id");
        sp.speaker.id = str(p, "id");
        const LocalText name = names(p, "name", false);
        sp.speaker.name = name.text;
        if (sp.speaker.name.empty()) continue;
        sp.speaker.biography = names(p, "bio", true);
        TextFormat f = TextFormat::plain;
        sp.speaker.biography.text =
            clean_rich_text(sp.speaker.biography.text, true, where("speakers"), raw_.clean,
                            sp.speaker.biography_format);
        for (auto& [lang, text] : sp.speaker.biography.by_lang)
            text = clean_rich_text(text, true, where("speakers"), raw_.clean, f);
        raw_.add_speaker(std::move(sp));
    }
    size_t i = 0;
    for (const Json& ev : sessions) {
        RawSession s;
        s.where = where("sessions[" + std::to_string(i++) + "]");
        if (!ev.is_object()) continue;
        s.id = clean_line(str(ev, "id"), s.where, raw_.clean);
        s.start = parse_time(str(ev, "start"));
        s.end = parse_time(str(ev, "end"));
        s.room = clean_line(str(ev, "room"), s.where, raw_.clean);
        s.room_translations = rooms[s.room];
        const std::string type = str(ev, "type");
        if (types.count(type)) {
            s.track = types[type].text;
            raw_.add_track(s.track, types[type]);
        }
        // Title and description live in the language objects.
        Json title = Json::object(), description = Json::object();
        for (auto it = ev.begin(); it != ev.end(); ++it)
            if (it.value().is_object() && it.value().contains("title")) {
                title[it.key()] = member(it.value(), "title");
                description[it.key()] = member(it.value(), "description");
            }
        Json fields = Json::object();
        fields["title"] = title;
        fields["description"] = description;
        fields["language"] = str(ev, "language");
        fields["url"] = str(ev, "uri");
        common_session_text(s, fields, true);
        for (const Json& key : member(ev, "speakers"))
            s.speaker_keys.push_back("id:" + scalar(key));
        raw_.sessions.push_back(std::move(s));
    }
}

core::Result<bool> JsonImporter::run(const Json& root) {
    const Json& schedule = member(root, "schedule");
    if (member(member(schedule, "conference"), "days").is_array() &&
        !member(schedule, "events").is_array()) {
        frab(schedule);
    } else if (member(schedule, "events").is_array()) {
        schedule2(schedule);
    } else if (member(root, "sessions").is_array()) {
        opass(root);
    } else {
        return core::Error{
            "JSON, but not a schedule: expected frab/pretalx \"schedule\" with "
            "conference.days, a \"schedule2\" events list, or OPass \"sessions\""};
    }
    return true;
}

}  // namespace

core::Result<bool> import_json(const std::string& data, RawSchedule& raw) {
    Json root;
    try {
        root = Json::parse(data);
    } catch (const Json::exception& e) {
        // nlohmann's message names the line and column ("syntax error while parsing ...").
        return core::Error{std::string("invalid JSON: ") + e.what()};
    }
    JsonImporter importer(raw);
    try {
        return importer.run(root);
    } catch (const Json::exception& e) {
        return core::Error{std::string("unexpected JSON structure: ") + e.what()};
    }
}

}  // namespace plaza::schedule::detail
