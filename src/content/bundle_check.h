// SPDX-License-Identifier: GPL-3.0-or-later
// Structural and content checks of a bundle file before anyone trusts its rows: exactly Plaza's
// schema (compared object by object with schema.h before any other query), SQLite integrity,
// the schema version and metadata, and every reference the kiosk follows, checked by Plaza's
// own queries rather than by what the file declares. plaza-bundle verify runs it; the kiosk runs
// it on its private copy before switching content, together with check_search_index().
#pragma once

#include <string>
#include <vector>

#include "core/deadline.h"

namespace plaza::content {

struct CheckProblem {
    enum class Kind {
        not_a_database,
        damaged,             // SQLite's integrity or page checks failed
        view_or_trigger,     // bundles hold tables and indexes only
        unexpected_schema,   // an object, column or setting that schema.h does not have
        not_a_plaza_bundle,  // missing tables, wrong schema version, missing metadata
        broken_reference,    // a row pointing at a record the bundle does not have
        broken_search_index,
        over_time,    // the checks ran past their deadline
        over_memory,  // SQLite ran out of the memory it may use
    };
    Kind kind;
    std::string text;  // "PATH: what is wrong"
};

// Every problem found (the first kind found stops the later checks), or nothing when sound.
// Past `deadline` every query is interrupted and the bundle refused.
std::vector<CheckProblem> check_bundle_problems(const std::string& path,
                                                const core::Deadline& deadline = {});
// The same as text, one problem a line.
std::vector<std::string> check_bundle(const std::string& path, const core::Deadline& deadline = {});

// FTS5's integrity-check of the search index, and that the file is a rollback-journal database
// as plaza-bundle writes it. SQLite runs integrity-check only as a write, so this takes the
// installer's private copy (never a file on a stick) and rolls the transaction back: the file's
// bytes do not change. The path must already have passed check_bundle().
std::vector<CheckProblem> check_search_index(const std::string& path,
                                             const core::Deadline& deadline = {});

}  // namespace plaza::content
