// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-8 helpers: validation, decoding to code points, and the set of code points a text needs
// (the font atlas is built from the code points the content uses).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace plaza::core {

bool is_valid_utf8(std::string_view text);
// Decodes the code point at `pos`; returns its length in bytes, or 0 for an invalid sequence
// (overlong forms, surrogates and values past U+10FFFF are invalid, as RFC 3629 says).
size_t decode_utf8_at(std::string_view text, size_t pos, char32_t& code_point);
// Appends every code point of `text` to `out`; invalid sequences are skipped.
void collect_code_points(std::string_view text, std::set<char32_t>& out);
void append_utf8(std::string& out, char32_t code_point);
// The code points of `text`; invalid sequences are skipped.
std::u32string decode_utf8(std::string_view text);
// Length in code points (what an organiser counts as characters); invalid bytes count as one.
size_t utf8_length(std::string_view text);

}  // namespace plaza::core
