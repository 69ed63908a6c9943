// SPDX-License-Identifier: GPL-3.0-or-later
// core UTF-8: validation (overlong, surrogates, > U+10FFFF, truncation), code points, encoding.
#include <doctest/doctest.h>

#include <initializer_list>
#include <set>
#include <string>

#include "core/utf8.h"

using namespace plaza::core;

TEST_CASE("utf8: valid text of every sequence length is accepted") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("caf\xC3\xA9"));               // U+00E9, 2 bytes
    CHECK(is_valid_utf8("\xE5\x8C\x97\xE4\xBA\xAC"));  // 北京, 3 bytes
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));          // U+1F600, 4 bytes
    CHECK(is_valid_utf8(std::string("a\0b", 3)));      // NUL is a code point
    CHECK(is_valid_utf8("\xC2\x80"));                  // U+0080, the smallest 2-byte form
    CHECK(is_valid_utf8("\xE0\xA0\x80"));              // U+0800
    CHECK(is_valid_utf8("\xF0\x90\x80\x80"));          // U+10000
    CHECK(is_valid_utf8("\xED\x9F\xBF"));              // U+D7FF, just below the surrogates
    CHECK(is_valid_utf8("\xEE\x80\x80"));              // U+E000, just above them
    CHECK(is_valid_utf8("\xEF\xBF\xBF"));              // U+FFFF
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
}

TEST_CASE("utf8: overlong forms are refused") {
    CHECK_FALSE(is_valid_utf8("\xC0\x80"));          // U+0000 in 2 bytes
    CHECK_FALSE(is_valid_utf8("\xC1\xBF"));          // U+007F in 2 bytes
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // '/' in 3 bytes
    CHECK_FALSE(is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
    CHECK_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST_CASE("utf8: UTF-16 surrogates are refused") {
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));              // U+D800
    CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));              // U+DFFF
    CHECK_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // a CESU-8 pair
}

TEST_CASE("utf8: code points past U+10FFFF and impossible lead bytes are refused") {
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
    CHECK_FALSE(is_valid_utf8("\xF7\xBF\xBF\xBF"));
    CHECK_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // old 5-byte form
    CHECK_FALSE(is_valid_utf8("\xFC\x84\x80\x80\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xFE"));
    CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("utf8: stray continuation bytes and truncated sequences are refused") {
    CHECK_FALSE(is_valid_utf8("\x80"));
    CHECK_FALSE(
        is_valid_utf8("a\xBF"
                      "b"));
    CHECK_FALSE(is_valid_utf8("\xC3"));          // 2-byte lead at the end
    CHECK_FALSE(is_valid_utf8("\xE5\x8C"));      // 3-byte sequence cut short
    CHECK_FALSE(is_valid_utf8("\xF0\x9F\x98"));  // 4-byte sequence cut short
    CHECK_FALSE(
        is_valid_utf8("\xE5\x8C"
                      "a"));                     // cut short by an ASCII byte
    CHECK_FALSE(is_valid_utf8("\xC3\xC3\xA9"));  // a lead where a continuation belongs
    CHECK_FALSE(is_valid_utf8("ok \xF0\x9F\x98\x80 then \xE2\x82"));
}

TEST_CASE("utf8: collect_code_points gathers each distinct code point once") {
    std::set<char32_t> cps;
    collect_code_points("abca \xC3\xA9\xE5\x8C\x97\xF0\x9F\x98\x80", cps);
    CHECK(cps == std::set<char32_t>{U'a', U'b', U'c', U' ', 0xE9, 0x5317, 0x1F600});
    collect_code_points("zz", cps);  // appends to what is there
    CHECK(cps.count(U'z') == 1);
    CHECK(cps.size() == 8);
}

TEST_CASE("utf8: collect_code_points skips invalid bytes and keeps what follows") {
    std::set<char32_t> cps;
    collect_code_points(
        "\xFF"
        "a\xC0\x80"
        "b\xED\xA0\x80"
        "c\xE5\x8C",
        cps);
    CHECK(cps == std::set<char32_t>{U'a', U'b', U'c'});
    std::set<char32_t> after_truncation;
    collect_code_points(
        "\xF0\x9F"
        "d",
        after_truncation);
    CHECK(after_truncation == std::set<char32_t>{U'd'});
}

TEST_CASE("utf8: append_utf8 encodes each length and round-trips through the decoder") {
    std::string s;
    append_utf8(s, U'A');
    CHECK(s == "A");
    s.clear();
    append_utf8(s, 0xE9);
    CHECK(s == "\xC3\xA9");
    s.clear();
    append_utf8(s, 0x20AC);
    CHECK(s == "\xE2\x82\xAC");
    s.clear();
    append_utf8(s, 0x1F600);
    CHECK(s == "\xF0\x9F\x98\x80");

    for (char32_t cp : {char32_t(0), char32_t(0x7F), char32_t(0x80), char32_t(0x7FF),
                        char32_t(0x800), char32_t(0xD7FF), char32_t(0xE000), char32_t(0xFFFF),
                        char32_t(0x10000), char32_t(0x10FFFF)}) {
        CAPTURE(static_cast<unsigned>(cp));
        std::string enc;
        append_utf8(enc, cp);
        CHECK(is_valid_utf8(enc));
        std::set<char32_t> back;
        collect_code_points(enc, back);
        CHECK(back == std::set<char32_t>{cp});
    }
}
