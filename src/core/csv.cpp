// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv.h"

namespace plaza::core {

int CsvTable::column(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
}

Result<CsvTable> parse_csv(std::string_view text, const std::string& origin, char separator) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRecord> rows;
    CsvRecord current;
    std::string field;
    int line = 1;
    current.line = 1;
    bool in_quotes = false, field_started = false;
    int quote_line = 0;
    auto end_field = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_record = [&] {
        end_field();
        const bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank) rows.push_back(std::move(current));
        current = CsvRecord{};
        current.line = line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == '"' && !field_started) {
            in_quotes = field_started = true;
            quote_line = line;
        } else if (c == separator) {
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            end_record();
        } else {
            field += c;
            field_started = true;
        }
    }
    if (in_quotes) {
        return Error{origin + ":" + std::to_string(quote_line) + ": quoted field is never closed"};
    }
    if (!field.empty() || !current.fields.empty()) end_record();
    CsvTable table;
    if (rows.empty()) return Error{origin + ":1: the file is empty; a header row is required"};
    table.header = std::move(rows.front().fields);
    rows.erase(rows.begin());
    table.records = std::move(rows);
    return table;
}

}  // namespace plaza::core
