// SPDX-License-Identifier: GPL-3.0-or-later
// Text cleaning for schedule import: invisible characters, line endings, invalid UTF-8, HTML to
// Plaza Markdown, and status prefixes in titles.
#include <doctest/doctest.h>

#include <string>

#include "bundle/schedule/text_clean.h"

using namespace plaza::schedule;

TEST_CASE("schedule text clean: lines lose soft hyphens, zero-width spaces, control characters") {
    CleanReport report;
    CHECK(clean_line("Daten\xC2\xAD"
                     "schutz",
                     "f:1", report) == "Datenschutz");
    CHECK(clean_line("a\xE2\x80\x8B"
                     "b\xEF\xBB\xBF",
                     "f:2", report) == "ab");
    CHECK(clean_line("  two\r\n lines\t here \x07", "f:3", report) == "two lines here");
    // Zero-width joiners hold emoji sequences together: kept.
    CHECK(clean_line("\xF0\x9F\xA4\xB7\xE2\x80\x8D\xE2\x99\x82\xEF\xB8\x8F", "f:4", report) ==
          "\xF0\x9F\xA4\xB7\xE2\x80\x8D\xE2\x99\x82\xEF\xB8\x8F");
    std::vector<ImportWarning> warnings;
    report.append_warnings(warnings);
    CHECK(warnings.size() == 4);  // soft hyphen, zero-width, CR, control
    for (const ImportWarning& w : warnings) {
        CHECK_FALSE(w.where.empty());
        CHECK_FALSE(w.action.empty());
    }
}

TEST_CASE("schedule text clean: invalid UTF-8 becomes U+FFFD and is reported") {
    CleanReport report;
    CHECK(clean_line("caf\xE9 \xC0\xAF ok", "f:1", report) ==
          "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok");
    std::vector<ImportWarning> warnings;
    report.append_warnings(warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].what.find("invalid UTF-8") != std::string::npos);
    CHECK(warnings[0].what.find("3 occurrences") != std::string::npos);
}

TEST_CASE("schedule text clean: blocks normalise line endings and blank lines") {
    CleanReport report;
    CHECK(clean_block("\r\nfirst  \r\nsecond\r\n\r\n\r\n\r\nthird\r", "f", report) ==
          "first\nsecond\n\nthird");
}

TEST_CASE("schedule text clean: HTML becomes Plaza Markdown") {
    CHECK(looks_like_html("<p>Hello</p>"));
    CHECK(looks_like_html("a &amp; b"));
    CHECK_FALSE(looks_like_html("3 < 4 and x<y"));
    CHECK_FALSE(looks_like_html("I <3 Markdown **bold**"));
    CHECK(html_to_markdown("<p>One <em>two</em> <strong>three</strong></p><p>Four<br/>five</p>") ==
          "One *two* **three**\n\nFour\nfive");
    CHECK(html_to_markdown("<ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>") ==
          "- a\n- b\n\n1. x\n2. y");
    CHECK(html_to_markdown("see <a href=\"https://fosdem.org/\">FOSDEM</a> or "
                           "<a href=\"/programme/\">the programme</a>") ==
          "see [FOSDEM](https://fosdem.org/) or the programme");
    CHECK(html_to_markdown("<h2>Title</h2>use <code>rustc_tools</code>") ==
          "## Title\n\nuse `rustc\\_tools`");
    CHECK(html_to_markdown("a<script>alert(1)</script>b &lt;tag&gt; &#8364; &#x1F4AB;") ==
          "ab <tag> \xE2\x82\xAC \xF0\x9F\x92\xAB");
    CHECK(html_to_markdown("5 * 3 = 15") == "5 \\* 3 = 15");
    // Unclosed elements close where the parser closes them: the emphasis stays balanced.
    CHECK(html_to_markdown("<p>unclosed <b>bold") == "unclosed **bold**");
}

TEST_CASE("schedule text clean: every named HTML entity is decoded, even with no tag around") {
    // As a Spanish, Portuguese, Catalan or French event's export writes its accents.
    const char* text =
        "Bogot&aacute; y S&atilde;o Paulo: cooperaci&oacute;n, Espa&ntilde;a, pol&iacute;tica, "
        "Fran&ccedil;a, &Eacute;vora, &uacute;til, cr&ecirc;pe, &agrave; la, h&ocirc;tel, "
        "&laquo;Pla&ccedil;a&raquo; &ndash; &euro;";
    CHECK(looks_like_html(text));
    CleanReport report;
    TextFormat format = TextFormat::plain;
    CHECK(clean_rich_text(text, false, "f", report, format) ==
          "Bogotá y São Paulo: cooperación, España, política, França, Évora, útil, crêpe, à la, "
          "hôtel, «Plaça» – €");
    CHECK_FALSE(looks_like_html("AT&T; R&D; &notanentity;"));
}

TEST_CASE("schedule text clean: nested HTML markup keeps its structure") {
    CHECK(html_to_markdown("<ul><li>Metro <b>cable <i>lines</i></b><ol><li>first</li><li>second"
                           "</li></ol></li><li>bus</li></ul><p>after</p>") ==
          "- Metro **cable *lines***\n1. first\n2. second\n\n- bus\n\nafter");
    CHECK(html_to_markdown("<div><blockquote><p>quoted <a href=\"https://a.example/\">link "
                           "<em>inside</em></a></p></blockquote></div>") ==
          "quoted [link *inside*](https://a.example/)");
    CHECK(html_to_markdown("<table><tr><th>Time</th><th>Room</th></tr><tr><td>10:00</td>"
                           "<td>A&amp;B</td></tr></table><b></b>") == "Time Room\n10:00 A&B");
}

TEST_CASE("schedule text clean: malformed HTML is read as a browser would, never lost") {
    // Misnested, unclosed and stray closing tags, an unquoted attribute, a tag cut off at the end.
    CHECK(html_to_markdown("<p>one <b>two <i>three</b> four</i></p></div></span>five<p>six") ==
          "one **two *three*** four\n\nfive\n\nsix");
    CHECK(html_to_markdown("<a href=https://plaza.example/x>unquoted</a> tail <b") ==
          "[unquoted](https://plaza.example/x) tail");
    CHECK(html_to_markdown("<li>loose item<li>another") == "- loose item\n- another");
    CHECK(html_to_markdown("<p>a < b and c > d &amp; e</p>") == "a < b and c > d & e");
    CHECK(html_to_markdown("<!-- note --><p>kept<!-- unterminated") == "kept");
    CleanReport report;
    TextFormat format = TextFormat::plain;
    CHECK(clean_rich_text("<P>Upper <BR>case <STRONG>tags</STRONG>", false, "f", report, format) ==
          "Upper\ncase **tags**");
    CHECK(format == TextFormat::markdown);
}

TEST_CASE("schedule text clean: script and style go with their content") {
    CHECK(html_to_markdown("<style>p { color: red }</style><p>text</p><script type=\"text/"
                           "javascript\">document.write('<p>x</p>')</script>end") == "text\n\nend");
    CHECK(html_to_markdown("<SCRIPT>var a = 1 < 2;</SCRIPT>only this") == "only this");
    CHECK(html_to_markdown("<p>a<style>unclosed style") == "a");
}

TEST_CASE("schedule text clean: entities beyond a short hand-written table") {
    // Typography, Latin letters outside Latin-1, Greek, symbols, numeric forms and the apostrophe
    // written by XHTML exports.
    const char* text =
        "&hellip; &mdash; &lsquo;a&rsquo; &ldquo;b&rdquo; &bull; &trade; &oelig;uvre &Scaron;koda "
        "&Yuml; &alpha;&beta;&Omega; &larr;&rarr; &le;&ge; &frac12; &deg;C &sect; &thorn; "
        "&apos;s &#231;&#xE3;&#X1F30D; &nbsp;|";
    CHECK(looks_like_html(text));
    CleanReport report;
    TextFormat format = TextFormat::plain;
    CHECK(clean_rich_text(text, false, "f", report, format) ==
          "… — ‘a’ “b” • ™ œuvre Škoda Ÿ αβΩ ←→ ≤≥ ½ °C § þ 's çã🌍 \xC2\xA0|");
    // A numeric reference to no character (NUL, a lone surrogate) is dropped by the parser.
    CHECK(html_to_markdown("a&#0;b&#xD800;c") == "abc");
}

TEST_CASE("schedule text clean: rich text keeps Markdown from Markdown sources, plain otherwise") {
    CleanReport report;
    TextFormat format = TextFormat::plain;
    CHECK(clean_rich_text("**bold**\r\nnext", true, "f", report, format) == "**bold**\nnext");
    CHECK(format == TextFormat::markdown);
    CHECK(clean_rich_text("plain *text*", false, "f", report, format) == "plain *text*");
    CHECK(format == TextFormat::plain);
    CHECK(clean_rich_text("<p>html</p>", false, "f", report, format) == "html");
    CHECK(format == TextFormat::markdown);
}

TEST_CASE("schedule text clean: status prefixes in titles") {
    struct Case {
        const char* in;
        const char* title;
        SessionStatus status;
    };
    const Case cases[] = {
        {"CANCELLED - Mobian, \"upstream first\", and the Greater Good",
         "Mobian, \"upstream first\", and the Greater Good", SessionStatus::cancelled},
        {"[Canceled] Rust in space", "Rust in space", SessionStatus::cancelled},
        {"Abgesagt: Datenschutz", "Datenschutz", SessionStatus::cancelled},
        {"CANCELLED \xE2\x80\x93 Ghent fair trade", "Ghent fair trade", SessionStatus::cancelled},
        {"MOVED: Keynote", "Keynote", SessionStatus::moved},
        {"Cancelled culture and the internet", "Cancelled culture and the internet",
         SessionStatus::confirmed},
        {"CANCELLED", "CANCELLED", SessionStatus::confirmed},
        {"Moved by music", "Moved by music", SessionStatus::confirmed},
        // All in capitals, the word needs no separator; otherwise it is part of the title.
        {"CANCELLED Opening keynote", "Opening keynote", SessionStatus::cancelled},
        {"CANCELED Workshop: air sensors", "Workshop: air sensors", SessionStatus::cancelled},
        {"MOVED Keynote", "Keynote", SessionStatus::moved},
        {"Cancelled workshops and what they taught us",
         "Cancelled workshops and what they taught us", SessionStatus::confirmed},
        {"cancelled opening keynote", "cancelled opening keynote", SessionStatus::confirmed},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        std::string title = c.in;
        CHECK(take_status_prefix(title) == c.status);
        CHECK(title == c.title);
    }
}
