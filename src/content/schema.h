// The bundle's SQLite schema, in one place: plaza-bundle writes it and the kiosk reads it.
// A bundle holds tables and indexes only (no views, no triggers): the kiosk writes every query.
#pragma once

namespace plaza::content {

inline constexpr int kSchemaVersion = 1;

inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE bundle_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
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

CREATE TABLE language (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE partnership (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    title    TEXT NOT NULL,
    cities   TEXT NOT NULL,
    summary  TEXT NOT NULL,
    featured INTEGER NOT NULL DEFAULT 0
);
)sql";

}  // namespace plaza::content
