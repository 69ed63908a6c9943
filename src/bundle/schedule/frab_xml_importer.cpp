// SPDX-License-Identifier: GPL-3.0-or-later
// frab / pentabarf schedule.xml (FOSDEM, CCC, wafer/DebConf flavours) with pugixml. Lenient on
// purpose: real exports do not validate against the XSD (extra <tracks>, <conference><subtitle>,
// non-UUID guids, elements in any order), so elements are looked up by name wherever they are,
// and only the fields listed here are read - anything else in the file is ignored.
#include <pugixml.hpp>

#include "bundle/schedule/importer_internal.h"

namespace plaza::schedule::detail {

namespace {

std::string child_text(const pugi::xml_node& node, const char* name) {
    return node.child(name).text().as_string();
}

}  // namespace

core::Result<bool> import_frab_xml(const std::string& data, RawSchedule& raw) {
    raw.format = "frab-xml";
    pugi::xml_document doc;
    // No parse_embed_pcdata, so offset_debug() can give line numbers; DOCTYPEs are never
    // expanded by pugixml (no external entities), which is what untrusted input needs.
    const pugi::xml_parse_result parsed =
        doc.load_buffer(data.data(), data.size(), pugi::parse_default, pugi::encoding_auto);
    const LineIndex lines(data);
    if (!parsed)
        return core::Error{"not well-formed XML at line " +
                           std::to_string(lines.line_of(static_cast<size_t>(parsed.offset))) +
                           ": " + parsed.description()};
    pugi::xml_node schedule = doc.child("schedule");
    if (!schedule)
        schedule = doc.find_node(
            [](pugi::xml_node n) { return std::string_view(n.name()) == "schedule"; });
    if (!schedule)
        return core::Error{"XML without a <schedule> element: not a frab/pentabarf schedule"};
    auto where = [&](const pugi::xml_node& n) {
        return raw.file + ":" +
               std::to_string(
                   lines.line_of(static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug()))));
    };

    const pugi::xml_node conference = schedule.child("conference");
    raw.title.text = clean_line(child_text(conference, "title"), where(conference), raw.clean);
    if (const pugi::xml_node tz = conference.child("time_zone_name")) {
        raw.declared_zone = clean_line(tz.text().as_string(), where(tz), raw.clean);
        raw.declared_zone_where = where(tz);
    }
    if (const pugi::xml_node dc = conference.child("day_change")) {
        if (const auto s = parse_clock(dc.text().as_string())) raw.day_change_seconds = *s;
    }
    for (const pugi::xml_node track : schedule.child("tracks").children("track"))
        raw.add_track(clean_line(track.text().as_string(), where(track), raw.clean));

    auto read_event = [&](const pugi::xml_node& ev, int raw_day, const std::string& day_date,
                          const std::string& container_room) {
        RawSession s;
        s.where = where(ev);
        s.id = clean_line(ev.attribute("id").as_string(), s.where, raw.clean);
        s.guid = clean_line(ev.attribute("guid").as_string(), s.where, raw.clean);
        s.raw_day = raw_day;
        s.day_date = day_date;
        s.title.text = clean_line(child_text(ev, "title"), s.where, raw.clean);
        s.status = take_status_prefix(s.title.text);
        s.status_from_title = s.status != SessionStatus::confirmed;
        s.subtitle.text = clean_line(child_text(ev, "subtitle"), s.where, raw.clean);
        const std::string date = child_text(ev, "date");
        if (!date.empty()) {
            s.start = parse_time(date);
            if (!s.start.valid)
                raw.warn(where(ev.child("date")), "unreadable <date> \"" + date + "\"",
                         "used the day's date and <start> instead");
        }
        s.clock_seconds = parse_clock(child_text(ev, "start"));
        s.duration_seconds = parse_clock(child_text(ev, "duration"));
        s.room = clean_line(child_text(ev, "room"), s.where, raw.clean);
        if (s.room.empty()) s.room = container_room;
        s.track = clean_line(child_text(ev, "track"), s.where, raw.clean);
        s.type = clean_line(child_text(ev, "type"), s.where, raw.clean);
        s.language = normalise_language(child_text(ev, "language"));
        s.abstract.text = clean_rich_text(child_text(ev, "abstract"), false, s.where, raw.clean,
                                          s.abstract_format);
        s.description.text = clean_rich_text(child_text(ev, "description"), false, s.where,
                                             raw.clean, s.description_format);
        for (const pugi::xml_node p : ev.child("persons").children("person")) {
            RawSpeaker sp;
            sp.speaker.name = clean_line(p.text().as_string(), where(p), raw.clean);
            if (sp.speaker.name.empty()) continue;
            const std::string id = p.attribute("id").as_string();
            sp.speaker.id = id.empty() ? sp.speaker.name : id;
            sp.key = id.empty() ? "name:" + sp.speaker.name : "id:" + id;
            s.speaker_keys.push_back(raw.add_speaker(std::move(sp)));
        }
        for (const pugi::xml_node l : ev.child("links").children("link")) {
            Link link;
            link.url = clean_line(l.attribute("href").as_string(), where(l), raw.clean);
            link.title = clean_line(l.text().as_string(), where(l), raw.clean);
            if (!link.url.empty()) s.links.push_back(std::move(link));
        }
        const std::string url = clean_line(child_text(ev, "url"), s.where, raw.clean);
        if (!url.empty()) s.links.insert(s.links.begin(), Link{url, "Website"});
        if (s.status_from_title)
            raw.clean.note(
                "status given only as a title prefix (\"CANCELLED - ...\")|removed "
                "the prefix and marked the session cancelled (or moved)",
                s.where);
        raw.add_track(s.track);
        raw.sessions.push_back(std::move(s));
    };

    int day_counter = 0;
    for (const pugi::xml_node day : schedule.children("day")) {
        RawDay d;
        d.where = where(day);
        d.index = day.attribute("index").as_int(++day_counter);
        d.date = day.attribute("date").as_string();
        if (!parse_date(d.date)) {
            raw.warn(d.where, "<day> without a readable date attribute (\"" + d.date + "\")",
                     "its date comes from its sessions");
            d.date.clear();
        }
        d.start = parse_time(day.attribute("start").as_string());
        d.end = parse_time(day.attribute("end").as_string());
        if (raw.day_change_seconds < 0 && d.start.valid)
            raw.day_change_seconds = d.start.local.hour * 3600 + d.start.local.minute * 60;
        const int raw_day = static_cast<int>(raw.days.size());
        raw.days.push_back(d);
        for (const pugi::xml_node room : day.children("room")) {
            const std::string room_name =
                clean_line(room.attribute("name").as_string(), where(room), raw.clean);
            raw.add_room(room_name);
            for (const pugi::xml_node ev : room.children("event"))
                read_event(ev, raw_day, d.date, room_name);
        }
        // Events straight under <day>, each naming its room in its own <room>, as some
        // pentabarf-style generators write them (issue 19).
        for (const pugi::xml_node ev : day.children("event")) {
            read_event(ev, raw_day, d.date, "");
            raw.add_room(raw.sessions.back().room);
        }
    }
    if (raw.days.empty()) {
        // Not frab-shaped, but events somewhere: take them, the day comes from their dates.
        for (const pugi::xpath_node n : schedule.select_nodes(".//event"))
            read_event(n.node(), -1, "", "");
        if (!raw.sessions.empty())
            raw.warn(raw.file, "no <day> elements", "days are derived from the sessions' dates");
    }
    return true;
}

}  // namespace plaza::schedule::detail
