// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/spreadsheet_text.h"

#include <cctype>

#include "core/utf8.h"

namespace plaza::bundle {

std::optional<std::string> decode_spreadsheet_text(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return std::string(bytes.substr(3));
    const bool little = bytes.substr(0, 2) == "\xFF\xFE";
    const bool big = bytes.substr(0, 2) == "\xFE\xFF";
    if (!little && !big) return std::string(bytes);
    if (bytes.size() % 2 != 0) return std::nullopt;
    auto unit = [&](size_t i) -> char16_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char16_t>(little ? (b << 8 | a) : (a << 8 | b));
    };
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 2; i < bytes.size(); i += 2) {
        const char16_t u = unit(i);
        char32_t code_point = u;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= bytes.size()) return std::nullopt;
            const char16_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
            code_point = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return std::nullopt;
        }
        core::append_utf8(out, code_point);
    }
    return out;
}

int first_line_not_utf8(std::string_view text) {
    if (core::is_valid_utf8(text)) return 0;
    // Line by line, so the message can point at the first bad one.
    int line = 1;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (!core::is_valid_utf8(text.substr(start, end - start))) return line;
        ++line;
        start = end + 1;
    }
    return 1;  // a sequence cut by the line end itself
}

char detect_separator(std::string_view text) {
    const std::string_view header = text.substr(0, text.find('\n'));
    bool quoted = false, comma = false, semicolon = false;
    for (char c : header) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\t') return '\t';
        comma = comma || c == ',';
        semicolon = semicolon || c == ';';
    }
    return !comma && semicolon ? ';' : ',';
}

bool has_lost_characters(std::string_view value) {
    if (value.find("://") != std::string_view::npos) return false;
    if (value.find("??") != std::string_view::npos) return true;
    // A letter is an ASCII letter or any byte of a multi-byte UTF-8 character.
    auto letter = [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    };
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '?') continue;
        const bool before = i > 0 && letter(value[i - 1]);
        const bool after = i + 1 < value.size() && letter(value[i + 1]);
        if (before && after) return true;
    }
    return false;
}

}  // namespace plaza::bundle
