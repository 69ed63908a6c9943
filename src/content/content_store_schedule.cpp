// SPDX-License-Identifier: GPL-3.0-or-later
// ContentStore's schedule queries: local time from the bundle's offset table, days, rooms,
// sessions of a day, "Now & Next" per room and a session's detail with its speakers (and their
// photos) and the partnerships it is about.
#include <algorithm>
#include <iterator>
#include <map>

#include "content/content_store.h"
#include "content/schema.h"

namespace plaza::content {

namespace {

// Unix seconds (the bundle's unit) of an instant in milliseconds, rounded down.
std::int64_t seconds_of(std::int64_t ms) {
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

}  // namespace

bool ContentStore::has_table(const char* name) const {
    auto stmt = db_.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    if (!stmt) return false;
    stmt->bind(1, std::string_view(name));
    return stmt->step();
}

void ContentStore::load_zone_offsets() {
    zone_offsets_.clear();
    // A bundle made before the table existed has none: the event's fixed offset serves.
    auto stmt = db_.prepare(
        "SELECT starts_at, offset_minutes FROM zone_offset ORDER BY starts_at "
        "LIMIT " +
        std::to_string(kMaxZoneOffsets));
    if (!stmt) return;
    while (stmt->step()) {
        // A bundle is untrusted input: an offset no zone has would be a crafted or damaged row.
        const std::int64_t minutes = stmt->column_int(1);
        const int offset = minutes >= -720 && minutes <= 840 ? static_cast<int>(minutes)
                                                             : event_.utc_offset_minutes;
        zone_offsets_.push_back(ZoneOffset{stmt->column_int(0), offset});
    }
}

int ContentStore::local_offset_minutes(std::int64_t instant_ms) const {
    // Asked for every session on a programme page and every frame for the clock, so from the
    // table read at open rather than a query each time.
    if (zone_offsets_.empty()) return event_.utc_offset_minutes;
    const std::int64_t at = seconds_of(instant_ms);
    auto after =
        std::upper_bound(zone_offsets_.begin(), zone_offsets_.end(), at,
                         [](std::int64_t t, const ZoneOffset& z) { return t < z.starts_at; });
    // Before the table's first row, its first offset is still a better guess than the fixed one
    // (the table starts a day before the event).
    return after == zone_offsets_.begin() ? after->offset_minutes
                                          : std::prev(after)->offset_minutes;
}

std::vector<ScheduleDayInfo> ContentStore::schedule_days() const {
    std::vector<ScheduleDayInfo> days;
    auto stmt = db_.prepare(
        "SELECT d.date, d.position, (SELECT count(*) FROM session s WHERE s.day = d.date) "
        "FROM day d ORDER BY d.position");
    if (!stmt) return days;
    while (stmt->step())
        days.push_back(
            {stmt->column_text(0), static_cast<int>(stmt->column_int(1)), stmt->column_int(2)});
    return days;
}

std::vector<RoomInfo> ContentStore::rooms() const {
    std::vector<RoomInfo> rooms;
    auto stmt = db_.prepare("SELECT r.id, " + localized("room", "r.id", "name", "r.name") +
                            ", r.floor, r.location, r.slug FROM room r ORDER BY r.position, r.id");
    if (!stmt) return rooms;
    while (stmt->step())
        rooms.push_back({stmt->column_int(0), stmt->column_text(1), stmt->column_text(2),
                         stmt->column_text(3), stmt->column_text(4)});
    return rooms;
}

// The columns read_sessions() expects and the joins they need; a bundle without the track
// tables (made before they existed) gives every session an empty track.
std::string ContentStore::schedule_columns() const {
    const bool tracks = has_table("session_track") && has_table("track");
    return "SELECT s.id, " + localized("session", "s.id", "title", "s.title") +
           ", s.day, s.starts_at, s.ends_at, s.room_id, " +
           localized("room", "r.id", "name", "r.name") + ", " +
           (tracks ? localized("track", "t.id", "name", "t.name") : std::string("''")) + ", " +
           localized("theme", "th.id", "name", "th.name") +
           ", s.type, s.language, s.status "
           "FROM session s JOIN room r ON r.id = s.room_id "
           "LEFT JOIN theme th ON th.id = s.theme_id " +
           (tracks ? "LEFT JOIN session_track st ON st.session_id = s.id "
                     "LEFT JOIN track t ON t.id = st.track_id "
                   : "");
}

void ContentStore::read_sessions(Statement& stmt, std::vector<SessionItem>& out) const {
    auto speakers = db_.prepare(
        "SELECT p.id, p.name, p.organisation FROM session_speaker ss "
        "JOIN speaker p ON p.id = ss.speaker_id WHERE ss.session_id = ?1 ORDER BY ss.position");
    while (stmt.step()) {
        SessionItem s;
        s.id = stmt.column_int(0);
        s.title = stmt.column_text(1);
        s.day = stmt.column_text(2);
        s.starts_at_ms = stmt.column_int(3) * 1000;
        s.ends_at_ms = stmt.column_int(4) * 1000;
        s.room_id = stmt.column_int(5);
        s.room = stmt.column_text(6);
        s.track = stmt.column_text(7);
        s.theme = stmt.column_text(8);
        s.type = stmt.column_text(9);
        s.language = stmt.column_text(10);
        s.status = stmt.column_text(11);
        if (speakers) {
            speakers->reset();
            speakers->bind(1, s.id);
            while (speakers->step())
                s.speakers.push_back(
                    {speakers->column_int(0), speakers->column_text(1), speakers->column_text(2)});
        }
        out.push_back(std::move(s));
    }
}

std::vector<std::string> ContentStore::session_titles() const {
    std::vector<std::string> titles;
    auto stmt = db_.prepare("SELECT " + localized("session", "s.id", "title", "s.title") +
                            " FROM session s");
    if (!stmt) return titles;
    while (stmt->step())
        titles.push_back(stmt->column_text(0));
    return titles;
}

std::vector<SessionItem> ContentStore::sessions_on(const std::string& day) const {
    std::vector<SessionItem> sessions;
    auto stmt =
        db_.prepare(schedule_columns() + "WHERE s.day = ?1 ORDER BY s.starts_at, r.position, s.id");
    if (!stmt) return sessions;
    stmt->bind(1, day);
    read_sessions(stmt.value(), sessions);
    return sessions;
}

std::vector<RoomNowNext> ContentStore::now_and_next(std::int64_t instant_ms,
                                                    int window_minutes) const {
    const std::int64_t t = seconds_of(instant_ms);
    // Running now (the latest start wins where a room's sessions overlap), then the first start
    // after the instant within the window.
    std::vector<SessionItem> now, next;
    if (auto stmt =
            db_.prepare(schedule_columns() + "WHERE s.starts_at <= ?1 AND s.ends_at > ?1 "
                                             "ORDER BY s.room_id, s.starts_at DESC, s.id")) {
        stmt->bind(1, t);
        read_sessions(stmt.value(), now);
    }
    if (auto stmt = db_.prepare(schedule_columns() + "WHERE s.starts_at > ?1 AND s.starts_at <= ?2 "
                                                     "ORDER BY s.room_id, s.starts_at, s.id")) {
        stmt->bind(1, t).bind(2, t + std::int64_t{window_minutes} * 60);
        read_sessions(stmt.value(), next);
    }
    std::map<std::int64_t, RoomNowNext> by_room;
    for (auto& s : now) {
        RoomNowNext& r = by_room[s.room_id];
        if (r.has_now) continue;
        r.has_now = true;
        r.now = std::move(s);
    }
    for (auto& s : next) {
        RoomNowNext& r = by_room[s.room_id];
        if (r.has_next) continue;
        r.has_next = true;
        r.next = std::move(s);
    }
    std::vector<RoomNowNext> out;
    for (RoomInfo& room : rooms()) {
        auto it = by_room.find(room.id);
        if (it == by_room.end()) continue;
        it->second.room = std::move(room);
        out.push_back(std::move(it->second));
    }
    return out;
}

bool ContentStore::session_detail(std::int64_t session_id, SessionDetail& out) const {
    auto stmt = db_.prepare(schedule_columns() + "WHERE s.id = ?1");
    if (!stmt) return false;
    stmt->bind(1, session_id);
    std::vector<SessionItem> found;
    read_sessions(stmt.value(), found);
    if (found.empty()) return false;
    out = SessionDetail{};
    out.session = std::move(found.front());

    auto more = db_.prepare("SELECT " + localized("session", "s.id", "abstract", "s.abstract") +
                            ", r.floor, r.location FROM session s JOIN room r ON r.id = s.room_id "
                            "WHERE s.id = ?1");
    if (more) {
        more->bind(1, session_id);
        if (more->step()) {
            out.abstract_md = more->column_text(0);
            out.room_floor = more->column_text(1);
            out.room_location = more->column_text(2);
        }
    }

    // Fails to prepare on a bundle made before the link table existed: then there are none.
    auto link_query = db_.prepare(
        "SELECT url, title FROM link WHERE owner_kind = ?1 AND owner_id = ?2 ORDER BY position");
    auto read_links = [&](const char* kind, std::int64_t id, std::vector<SessionLink>& to) {
        if (!link_query) return;
        link_query->reset();
        link_query->bind(1, std::string_view(kind)).bind(2, id);
        while (link_query->step())
            to.push_back({link_query->column_text(0), link_query->column_text(1)});
    };
    read_links("session", session_id, out.links);

    auto speakers = db_.prepare(
        "SELECT p.id, p.name, p.organisation, COALESCE(c.name, ''), " +
        localized("speaker", "p.id", "bio", "p.bio") +
        ", COALESCE((SELECT m.media_id FROM media_link m WHERE m.owner_kind = 'speaker' AND "
        "m.owner_id = p.id ORDER BY m.position LIMIT 1), 0) "
        "FROM session_speaker ss JOIN speaker p ON p.id = ss.speaker_id "
        "LEFT JOIN city c ON c.id = p.city_id WHERE ss.session_id = ?1 ORDER BY ss.position");
    if (speakers) {
        speakers->bind(1, session_id);
        while (speakers->step()) {
            SpeakerDetail p;
            p.id = speakers->column_int(0);
            p.name = speakers->column_text(1);
            p.organisation = speakers->column_text(2);
            p.city = speakers->column_text(3);
            p.bio_md = speakers->column_text(4);
            p.photo = speakers->column_int(5);
            read_links("speaker", p.id, p.links);
            out.speakers.push_back(std::move(p));
        }
    }
    out.partnerships =
        partnerships_linked("session_partnership", "session_id", session_id, "l.position");
    return true;
}

}  // namespace plaza::content
