// SPDX-License-Identifier: GPL-3.0-or-later
// core::parse_markdown: the blocks and runs good-practice pages are drawn from.
#include <doctest/doctest.h>

#include "core/markdown.h"

using plaza::core::MarkdownBlock;
using plaza::core::parse_markdown;

TEST_CASE("headings, paragraphs and emphasis become blocks of styled runs") {
    const auto doc = parse_markdown("# Ghent buys fair\n\nThe city **changed** its *tenders*.\n");
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].kind == MarkdownBlock::Kind::heading);
    CHECK(doc.blocks[0].level == 1);
    CHECK(doc.blocks[0].runs[0].text == "Ghent buys fair");
    const auto& p = doc.blocks[1];
    CHECK(p.kind == MarkdownBlock::Kind::paragraph);
    REQUIRE(p.runs.size() == 5);
    CHECK(p.runs[0].text == "The city ");
    CHECK(p.runs[1].text == "changed");
    CHECK(p.runs[1].strong);
    CHECK(p.runs[3].text == "tenders");
    CHECK(p.runs[3].emphasis);
    CHECK(p.runs[4].text == ".");
}

TEST_CASE("bullet and numbered lists keep their markers and nesting") {
    const auto doc = parse_markdown("- one\n- two\n  1. first\n  2. second\n");
    REQUIRE(doc.blocks.size() == 4);
    CHECK(doc.blocks[0].bullet == "•");
    CHECK(doc.blocks[0].level == 1);
    CHECK(doc.blocks[1].runs[0].text == "two");
    CHECK(doc.blocks[2].bullet == "1.");
    CHECK(doc.blocks[2].level == 2);
    CHECK(doc.blocks[3].bullet == "2.");
    CHECK(doc.blocks[3].runs[0].text == "second");
}

TEST_CASE("links are collected with their text so the page can show a QR code") {
    const auto doc =
        parse_markdown("See [the award](https://example.org/award) and https://a.b/c.");
    REQUIRE(doc.links.size() == 2);
    CHECK(doc.links[0].text == "the award");
    CHECK(doc.links[0].url == "https://example.org/award");
    CHECK(doc.links[1].url == "https://a.b/c");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].runs[1].link == 0);
}

TEST_CASE("an image becomes its own block between the text around it") {
    const auto doc = parse_markdown("Before ![A market](images/market.jpg) after.");
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].runs[0].text == "Before ");
    CHECK(doc.blocks[1].kind == MarkdownBlock::Kind::image);
    CHECK(doc.blocks[1].image_source == "images/market.jpg");
    CHECK(doc.blocks[2].runs[0].text == " after.");
}

TEST_CASE("raw HTML is not shown, and entities become characters") {
    const auto doc = parse_markdown("<script>alert(1)</script>\n\nFish &amp; chips <b>x</b>");
    REQUIRE(doc.blocks.size() == 1);
    std::string text;
    for (const auto& run : doc.blocks[0].runs)
        text += run.text;
    CHECK(text == "Fish & chips x");
}
