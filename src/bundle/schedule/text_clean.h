// SPDX-License-Identifier: GPL-3.0-or-later
// Cleaning of imported schedule text: invalid UTF-8, soft hyphens, zero-width spaces, CR/LF,
// control characters, HTML in abstracts (mapped onto Plaza Markdown), and status prefixes in
// titles ("CANCELLED - "). Every change is counted so the importer can report it once per kind.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "bundle/schedule/schedule_model.h"

namespace plaza::schedule {

// What cleaning changed in one file: per kind of change, how often and where first.
class CleanReport {
  public:
    void note(const std::string& kind, const std::string& where, int count = 1);
    // One warning per kind, with the first place and the number of occurrences.
    void append_warnings(std::vector<ImportWarning>& out) const;

  private:
    struct Entry {
        std::string first_where;
        int count = 0;
    };
    std::map<std::string, Entry> entries_;
};

// One-line texts (titles, names, rooms): whitespace runs and newlines become one space.
std::string clean_line(std::string_view text, const std::string& where, CleanReport& report);

// Multi-line texts: CR/LF and lone CR become LF, trailing spaces go, at most one blank line.
std::string clean_block(std::string_view text, const std::string& where, CleanReport& report);

// True when `text` contains HTML markup (tags such as <p>, <br>, <a href>, or entities).
bool looks_like_html(std::string_view text);

// HTML fragment -> Plaza Markdown: <p>/<br>/<li>/<h1-6>/<em>/<strong>/<code>/<a href> are
// mapped, other tags are dropped with their text kept, <script>/<style> dropped entirely.
std::string html_to_markdown(std::string_view html);

// Cleans an abstract or description and decides its format: HTML becomes Markdown; text from a
// source that stores Markdown (pretalx) stays Markdown; anything else is plain text.
std::string clean_rich_text(std::string_view text, bool source_is_markdown,
                            const std::string& where, CleanReport& report, TextFormat& format);

// Strips a status prefix such as "CANCELLED - ", "[CANCELED] ", "Abgesagt: ", "MOVED: " or, all
// in capitals, "CANCELLED " from a title and returns the status it names (confirmed when there is
// none).
SessionStatus take_status_prefix(std::string& title);

}  // namespace plaza::schedule
