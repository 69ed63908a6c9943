// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/search_text.h"

#include <string>
#include <string_view>

#include "core/utf8.h"

namespace plaza::content {
namespace {

// Letters FTS5's unicode61 tokenizer cannot strip diacritics from, because Unicode gives them
// no decomposition. Lower and upper case map to the same spelling; the tokenizer lower-cases.
const char* plain_spelling(char32_t cp) {
    switch (cp) {
        case U'Ł':
        case U'ł':
            return "l";
        case U'Đ':
        case U'đ':
        case U'Ð':
        case U'ð':
            return "d";
        case U'Ø':
        case U'ø':
            return "o";
        case U'Æ':
        case U'æ':
            return "ae";
        case U'Œ':
        case U'œ':
            return "oe";
        case U'ß':
        case U'ẞ':
            return "ss";
        case U'Þ':
        case U'þ':
            return "th";
        case U'Ħ':
        case U'ħ':
            return "h";
        case U'ı':
            return "i";
        case U'Ŧ':
        case U'ŧ':
            return "t";
        case U'Ŀ':
        case U'ŀ':
            return "l";
        case U'Ĳ':
        case U'ĳ':
            return "ij";
        default:
            return nullptr;
    }
}

// True for characters that separate words in what a visitor types. Everything else (letters,
// digits, marks, CJK) stays inside a word, as in the unicode61 tokenizer.
bool separates_words(char32_t cp) {
    if (cp < 0x80) {
        const bool alnum =
            (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        return !alnum;
    }
    return cp == 0x00A0 || cp == 0x00B7 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 ||
           (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0xFF01 && cp <= 0xFF0F);
}

// Arabic's short vowels and shadda, and Hebrew's points: written on a city's name in the
// content, left out by most visitors and keyboards ("عمان" finds "عمّان"). FTS5's unicode61
// removes diacritics from Latin letters only.
bool is_vowel_mark(char32_t cp) {
    return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x0591 && cp <= 0x05BD) ||
           cp == 0x05BF || cp == 0x05C1 || cp == 0x05C2 || cp == 0x05C4 || cp == 0x05C5 ||
           cp == 0x05C7;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
    std::u32string points = core::decode_utf8(text);
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : points) {
        if (is_vowel_mark(cp)) continue;
        if (const char* plain = plain_spelling(cp)) {
            out += plain;
        } else {
            core::append_utf8(out, cp);
        }
    }
    return out;
}

std::vector<std::string> search_words(std::string_view typed) {
    std::vector<std::string> words(1);
    for (char32_t cp : core::decode_utf8(typed)) {
        if (is_vowel_mark(cp)) continue;
        if (separates_words(cp)) {
            if (!words.back().empty()) words.emplace_back();
        } else if (const char* plain = plain_spelling(cp)) {
            words.back() += plain;
        } else {
            core::append_utf8(words.back(), cp);
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

namespace {

// The base letter of ASCII letters and digits (lower case) and of U+00C0..U+017F, from their
// Unicode decompositions; 0 where there is none (Æ, Ø, ß, Ł, ... are spelled out by
// plain_spelling()) or FTS5's folding is not a plain base letter. tests/unit/fts_test.cpp checks
// every entry against FTS5.
char base_letter(char32_t cp) {
    static constexpr std::string_view kLatinBase =
        "aaaaaa?ceeeeiiii?nooooo??uuuuy??aaaaaa?ceeeeiiii?nooooo??uuuuy?y"
        "aaaaaaccccccccdd??eeeeeeeeeegggggggghh??iiiiiiiii???jjkk?llllll????nnnnnn???oooooo??"
        "rrrrrrsssssssstttt??uuuuuuuuuuuuwwyyyzzzzzz?";
    static_assert(kLatinBase.size() == 0x180 - 0xC0);
    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) return static_cast<char>(cp);
    if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
    if (cp >= 0xC0 && cp - 0xC0 < kLatinBase.size() && kLatinBase[cp - 0xC0] != '?')
        return kLatinBase[cp - 0xC0];
    return 0;
}

}  // namespace

std::optional<std::string> index_term(std::string_view word) {
    std::string term;
    term.reserve(word.size());
    for (char32_t cp : core::decode_utf8(word)) {
        const char base = base_letter(cp);
        if (!base) return std::nullopt;
        term += base;
    }
    return term;
}

std::string sort_key(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (char32_t cp : core::decode_utf8(text)) {
        if (const char* plain = plain_spelling(cp)) {
            key += plain;
        } else if (const char base = base_letter(cp)) {
            key += base;
        } else {
            core::append_utf8(key, cp);
        }
    }
    return key;
}

std::string search_query(std::string_view typed) {
    std::string query;
    for (const std::string& word : search_words(typed)) {
        if (!query.empty()) query += ' ';
        query += '"' + word + "\"*";
    }
    return query;
}

}  // namespace plaza::content
