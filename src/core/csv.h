// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 4180 CSV reading for organisers' spreadsheets: quoted fields, doubled quotes, CR/LF, and
// line numbers kept per record so every complaint can name file and line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace plaza::core {

struct CsvRecord {
    int line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRecord> records;
    // Index of a header column, or -1.
    int column(std::string_view name) const;
};

// Parses a whole file. A byte-order mark is skipped. An unterminated quote is an error naming
// the line where the field began; blank lines are skipped. `separator` is ',' in RFC 4180; Excel
// writes ';' in locales whose decimal mark is a comma, and a tab in "Unicode text".
Result<CsvTable> parse_csv(std::string_view text, const std::string& origin, char separator = ',');

}  // namespace plaza::core
