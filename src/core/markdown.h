// SPDX-License-Identifier: GPL-3.0-or-later
// Good-practice bodies are Markdown; the kiosk shows a small, safe part of it. md4c (Debian's
// libmd4c) parses it into blocks of styled text runs that the UI lays out: headings,
// paragraphs, bullet and numbered lists, emphasis, links (shown as text plus a QR code) and
// images from the bundle. Raw HTML is dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plaza::core {

struct TextRun {
    std::string text;
    bool strong = false;
    bool emphasis = false;
    int link = -1;  // index into MarkdownDocument::links, -1 for none
};

struct MarkdownBlock {
    enum class Kind { heading, paragraph, list_item, image };
    Kind kind = Kind::paragraph;
    int level = 0;       // heading level 1-6; list nesting depth from 1
    std::string bullet;  // "•" or "3." for list items
    std::vector<TextRun> runs;
    std::string image_source;  // images: the path as written in the Markdown
};

struct MarkdownLink {
    std::string text, url;
};

struct MarkdownDocument {
    std::vector<MarkdownBlock> blocks;
    std::vector<MarkdownLink> links;
};

MarkdownDocument parse_markdown(std::string_view markdown);

}  // namespace plaza::core
