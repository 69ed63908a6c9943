// SPDX-License-Identifier: GPL-3.0-or-later
// Text files as spreadsheets save them (issue 19): Excel's "Unicode text" is UTF-16 with a
// byte-order mark, its CSV in European locales is ';'-separated, its legacy CSV is not UTF-8,
// and a character its encoding lacks becomes '?'. The source reader reads every CSV through
// these, so each of those cases gets one clear message per file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plaza::bundle {

// The file as UTF-8: UTF-16 (little- or big-endian, told by its byte-order mark) is decoded, a
// UTF-8 byte-order mark removed, anything else returned as it is. nullopt for UTF-16 that is
// not (a lone surrogate, an odd number of bytes).
std::optional<std::string> decode_spreadsheet_text(std::string_view bytes);

// The 1-based line of the first byte that is not UTF-8, or 0 when the whole text is UTF-8.
int first_line_not_utf8(std::string_view text);

// The separator the header line uses: a tab, a comma, or a semicolon (Excel's CSV where the
// decimal mark is a comma), in that order of preference; ',' when the line has none of them.
char detect_separator(std::string_view text);

// True when `value` looks like a name a legacy encoding could not hold: two '?' in a row, or a
// '?' between two letters ("S?o Paulo"). Web addresses are left alone.
bool has_lost_characters(std::string_view value);

}  // namespace plaza::bundle
