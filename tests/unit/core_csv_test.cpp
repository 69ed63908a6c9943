// SPDX-License-Identifier: GPL-3.0-or-later
// core::parse_csv: RFC 4180 quoting, line endings, BOM, blank lines, line numbers and errors.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "core/csv.h"

using plaza::core::CsvTable;
using plaza::core::parse_csv;

namespace {

CsvTable parse_ok(const std::string& text) {
    auto result = parse_csv(text, "p.csv");
    CAPTURE(result.error());
    REQUIRE(result.ok());
    return result.value();
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: a header and plain records, with line numbers") {
    const CsvTable t = parse_ok("name,city\nAlpha,Ghent\nBeta,Lyon\n");
    CHECK(t.header == Fields{"name", "city"});
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == Fields{"Alpha", "Ghent"});
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].fields == Fields{"Beta", "Lyon"});
    CHECK(t.records[1].line == 3);
}

TEST_CASE("csv: column() finds header names and gives -1 otherwise") {
    const CsvTable t = parse_ok("id,name,city\n");
    CHECK(t.column("id") == 0);
    CHECK(t.column("city") == 2);
    CHECK(t.column("City") == -1);
    CHECK(t.column("") == -1);
    CHECK(t.records.empty());
}

TEST_CASE("csv: the last record needs no newline") {
    const CsvTable t = parse_ok("a,b\n1,2");
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].fields == Fields{"1", "2"});
}

TEST_CASE("csv: empty fields are kept, including trailing ones") {
    const CsvTable t = parse_ok("a,b,c\n,,\n1,,3\nx,y,\n");
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[0].fields == Fields{"", "", ""});
    CHECK(t.records[1].fields == Fields{"1", "", "3"});
    CHECK(t.records[2].fields == Fields{"x", "y", ""});
}

TEST_CASE("csv: quoted fields may hold commas, newlines and doubled quotes") {
    const CsvTable t = parse_ok(
        "title,notes\n"
        "\"Ghent, Belgium\",\"line one\nline two\"\n"
        "\"He said \"\"hi\"\"\",\"\"\n"
        "after,x\n");
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[0].fields == Fields{"Ghent, Belgium", "line one\nline two"});
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].fields == Fields{"He said \"hi\"", ""});
    CHECK(t.records[1].line == 4);  // the record before spans lines 2 and 3
    CHECK(t.records[2].fields == Fields{"after", "x"});
    CHECK(t.records[2].line == 5);
}

TEST_CASE("csv: a byte-order mark is skipped") {
    const CsvTable t = parse_ok("\xEF\xBB\xBFname,city\nA,B\n");
    CHECK(t.header == Fields{"name", "city"});
    CHECK(t.column("name") == 0);
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].line == 2);
}

TEST_CASE("csv: CRLF line endings are the same as LF") {
    const CsvTable t = parse_ok("name,city\r\nA,B\r\n\"q,1\",C\r\n");
    CHECK(t.header == Fields{"name", "city"});
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == Fields{"A", "B"});
    CHECK(t.records[1].fields == Fields{"q,1", "C"});
    CHECK(t.records[1].line == 3);
}

TEST_CASE("csv: blank lines are skipped but still counted") {
    const CsvTable t = parse_ok("\nname\n\nA\r\n\r\nB\n\n");
    CHECK(t.header == Fields{"name"});
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == Fields{"A"});
    CHECK(t.records[0].line == 4);
    CHECK(t.records[1].fields == Fields{"B"});
    CHECK(t.records[1].line == 6);
}

TEST_CASE("csv: UTF-8 text passes through unchanged") {
    const CsvTable t = parse_ok(
        "city\nK\xC3\xB8"
        "benhavn\n\xE5\x8C\x97\xE4\xBA\xAC\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields[0] ==
          "K\xC3\xB8"
          "benhavn");
    CHECK(t.records[1].fields[0] == "\xE5\x8C\x97\xE4\xBA\xAC");
}

TEST_CASE("csv: an unterminated quote names the line where the field began") {
    const auto r = parse_csv("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n", "data/p.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == "data/p.csv:3: quoted field is never closed");

    const auto first = parse_csv("\"a,b\n", "x.csv");
    REQUIRE_FALSE(first.ok());
    CHECK(first.error() == "x.csv:1: quoted field is never closed");
}

TEST_CASE("csv: an empty file or one with only blank lines is an error") {
    for (const char* text : {"", "\n", "\r\n\r\n", "\xEF\xBB\xBF"}) {
        CAPTURE(text);
        const auto r = parse_csv(text, "e.csv");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "e.csv:1: the file is empty; a header row is required");
    }
}
