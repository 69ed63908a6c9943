// SPDX-License-Identifier: GPL-3.0-or-later
// The bundle's SQLite schema, in one place: plaza-bundle writes it and the kiosk reads it.
// A bundle holds tables and indexes only (no views, no triggers): the kiosk writes every query.
// docs/bundle-format.md explains each table; keep the two in step.
#pragma once

namespace plaza::content {

inline constexpr int kSchemaVersion = 1;
// The most zone_offset rows a bundle may hold: the kiosk keeps them in memory, and a zone changes
// its offset a few times a year.
inline constexpr int kMaxZoneOffsets = 1000;

// Visitor-facing text columns hold the bundle's default language (the first row of `language`);
// other languages live in `translation`. Instants are Unix seconds (UTC); calendar dates are
// local YYYY-MM-DD; `zone_offset` says how far local time is from UTC at each instant around
// the event (from the build machine's tz database), so the kiosk never needs its own. `search`
// indexes a folded copy of the text (see content/search_text.h), so it is contentless: a hit's
// rowid is a `search_doc` id naming the record.
inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE bundle_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE language (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL UNIQUE,
    fallback TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Added within v1: how a session language that is not one of the event's is named in each of
-- them (from iso-codes, or event.txt's language_name.xx). A kiosk reading a bundle without it
-- shows such a language as its code.
CREATE TABLE language_name (
    code TEXT NOT NULL,
    lang TEXT NOT NULL REFERENCES language(code),
    name TEXT NOT NULL,
    PRIMARY KEY (code, lang)
) WITHOUT ROWID;

CREATE TABLE translation (
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    field     TEXT NOT NULL,
    lang      TEXT NOT NULL REFERENCES language(code),
    value     TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field, lang)
) WITHOUT ROWID;

CREATE TABLE event (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    name               TEXT NOT NULL,
    venue              TEXT NOT NULL,
    city               TEXT NOT NULL,
    starts_on          TEXT NOT NULL,
    ends_on            TEXT NOT NULL,
    time_zone          TEXT NOT NULL,
    utc_offset_minutes INTEGER NOT NULL
);

CREATE TABLE programme (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE theme (
    id     INTEGER PRIMARY KEY,
    slug   TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL,
    colour TEXT NOT NULL
);

CREATE TABLE sdg (
    number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
    name   TEXT NOT NULL,
    colour TEXT NOT NULL
);

CREATE TABLE country (
    id     INTEGER PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL,
    region TEXT NOT NULL
);

CREATE TABLE city (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    name_latin   TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL REFERENCES country(code),
    latitude     REAL NOT NULL,
    longitude    REAL NOT NULL
);

CREATE TABLE partnership (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    programme_id INTEGER REFERENCES programme(id),
    starts_on    TEXT NOT NULL DEFAULT '',
    ends_on      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('planned', 'active', 'completed')),
    summary      TEXT NOT NULL,
    objectives   TEXT NOT NULL DEFAULT '',
    activities   TEXT NOT NULL DEFAULT '',
    results      TEXT NOT NULL DEFAULT '',
    lessons      TEXT NOT NULL DEFAULT '',
    cities       TEXT NOT NULL,
    featured     INTEGER NOT NULL DEFAULT 0
);
-- Covers the kiosk's grid of cards: loading 10,000 cards reads this index, not the whole table
-- with every summary and long text in it.
CREATE INDEX partnership_card ON partnership(title, id, cities, programme_id, featured);

CREATE TABLE partnership_city (
    partnership_id INTEGER NOT NULL REFERENCES partnership(id),
    city_id        INTEGER NOT NULL REFERENCES city(id),
    role           TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
    position       INTEGER NOT NULL,
    PRIMARY KEY (partnership_id, city_id)
) WITHOUT ROWID;
CREATE INDEX partnership_city_by_city ON partnership_city(city_id);

CREATE TABLE partnership_theme (
    partnership_id INTEGER NOT NULL REFERENCES partnership(id),
    theme_id       INTEGER NOT NULL REFERENCES theme(id),
    PRIMARY KEY (partnership_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX partnership_theme_by_theme ON partnership_theme(theme_id);

CREATE TABLE partnership_sdg (
    partnership_id INTEGER NOT NULL REFERENCES partnership(id),
    sdg            INTEGER NOT NULL REFERENCES sdg(number),
    PRIMARY KEY (partnership_id, sdg)
) WITHOUT ROWID;

CREATE TABLE practice (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    title    TEXT NOT NULL,
    city_id  INTEGER NOT NULL REFERENCES city(id),
    summary  TEXT NOT NULL,
    body_md  TEXT NOT NULL,
    featured INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE practice_theme (
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    theme_id    INTEGER NOT NULL REFERENCES theme(id),
    PRIMARY KEY (practice_id, theme_id)
) WITHOUT ROWID;

CREATE TABLE practice_partnership (
    practice_id    INTEGER NOT NULL REFERENCES practice(id),
    partnership_id INTEGER NOT NULL REFERENCES partnership(id),
    PRIMARY KEY (practice_id, partnership_id)
) WITHOUT ROWID;

CREATE TABLE key_figure (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practice(id),
    position    INTEGER NOT NULL,
    value       TEXT NOT NULL,
    label       TEXT NOT NULL,
    UNIQUE (practice_id, position)
);

CREATE TABLE contact (
    owner_kind   TEXT NOT NULL CHECK (owner_kind IN ('partnership', 'practice')),
    owner_id     INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    organisation TEXT NOT NULL,
    person       TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (owner_kind, owner_id, position)
) WITHOUT ROWID;

CREATE TABLE day (
    date     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE room (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    floor    TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);

CREATE TABLE speaker (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    city_id      INTEGER REFERENCES city(id),
    bio          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE session (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    title     TEXT NOT NULL,
    day       TEXT NOT NULL REFERENCES day(date),
    starts_at INTEGER NOT NULL,
    ends_at   INTEGER NOT NULL CHECK (ends_at >= starts_at),
    room_id   INTEGER NOT NULL REFERENCES room(id),
    theme_id  INTEGER REFERENCES theme(id),
    type      TEXT NOT NULL,
    language  TEXT NOT NULL,
    abstract  TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'moved'))
);
CREATE INDEX session_by_start ON session(starts_at);

CREATE TABLE session_speaker (
    session_id INTEGER NOT NULL REFERENCES session(id),
    speaker_id INTEGER NOT NULL REFERENCES speaker(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, speaker_id)
) WITHOUT ROWID;
CREATE INDEX session_speaker_by_speaker ON session_speaker(speaker_id);

-- Added within v1: the event's brand (event.txt's logo, accent_colour, hero). A kiosk reading a
-- bundle without it shows Plaza's own look.
CREATE TABLE event_brand (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    accent_colour TEXT NOT NULL DEFAULT '',
    logo_media    INTEGER REFERENCES media(id),
    hero_media    INTEGER REFERENCES media(id),
    hero_credit   TEXT NOT NULL DEFAULT ''
);

-- Added within v1; a kiosk reading a bundle without these tables uses event.utc_offset_minutes
-- and shows sessions without tracks or links.
CREATE TABLE zone_offset (
    starts_at      INTEGER PRIMARY KEY,
    offset_minutes INTEGER NOT NULL CHECK (offset_minutes BETWEEN -720 AND 840),
    abbreviation   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE track (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE session_track (
    session_id INTEGER PRIMARY KEY REFERENCES session(id),
    track_id   INTEGER NOT NULL REFERENCES track(id)
);
CREATE INDEX session_track_by_track ON session_track(track_id);

CREATE TABLE link (
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('session', 'speaker')),
    owner_id   INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (owner_kind, owner_id, position)
) WITHOUT ROWID;

-- Added within v1 as well: the partnerships a session is about, in the organisers' order. A
-- kiosk reading a bundle without it shows sessions and profiles without these links.
CREATE TABLE session_partnership (
    session_id     INTEGER NOT NULL REFERENCES session(id),
    partnership_id INTEGER NOT NULL REFERENCES partnership(id),
    position       INTEGER NOT NULL,
    PRIMARY KEY (session_id, partnership_id)
) WITHOUT ROWID;
CREATE INDEX session_partnership_by_partnership ON session_partnership(partnership_id);

CREATE TABLE media (
    id     INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    width  INTEGER NOT NULL,
    height INTEGER NOT NULL,
    credit TEXT NOT NULL DEFAULT ''
);

CREATE TABLE media_image (
    id       INTEGER PRIMARY KEY,
    media_id INTEGER NOT NULL REFERENCES media(id),
    variant  TEXT NOT NULL CHECK (variant IN ('large', 'thumb')),
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    mime     TEXT NOT NULL,
    data     BLOB NOT NULL,
    UNIQUE (media_id, variant)
);

CREATE TABLE media_link (
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('partnership', 'practice', 'speaker')),
    owner_id   INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    media_id   INTEGER NOT NULL REFERENCES media(id),
    caption    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (owner_kind, owner_id, position)
) WITHOUT ROWID;

CREATE TABLE search_doc (
    id     INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('partnership', 'practice', 'session', 'speaker')),
    ref_id INTEGER NOT NULL
);

CREATE VIRTUAL TABLE search USING fts5(
    title, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4 5 6'
);
)sql";

// The longest prefix `search` has an index for (its `prefix` option above). FTS5 answers a
// longer prefix by merging the doclists of every word it could be before the first row, so the
// kiosk expands such a prefix into those words first (ContentStore::search).
inline constexpr int kLongestIndexedPrefix = 6;
// The tokenizer of `search`, for the kiosk's own FTS5 tables that must fold text the same way.
inline constexpr const char* kSearchTokenizer = "unicode61 remove_diacritics 2";

// The tables a v1 bundle must contain, for the structural check. zone_offset, track,
// session_track, link, session_partnership and event_brand came later in v1: checked when
// present (their references by foreign_key_check), not required.
inline constexpr const char* kRequiredTables[] = {
    "bundle_meta", "language", "translation", "event",      "programme", "theme", "sdg",
    "country",     "city",     "partnership", "practice",   "day",       "room",  "speaker",
    "session",     "media",    "media_image", "search_doc", "search"};

}  // namespace plaza::content
