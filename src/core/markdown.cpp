// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/markdown.h"

#include <md4c.h>

namespace plaza::core {
namespace {

struct Builder {
    MarkdownDocument doc;
    int strong = 0, emphasis = 0, link = -1;
    bool in_block = false;
    std::vector<int> list_counters;  // next number per nesting level; -1 for bullet lists
    int image_depth = 0;

    MarkdownBlock& block() {
        if (!in_block) {
            doc.blocks.emplace_back();
            in_block = true;
        }
        return doc.blocks.back();
    }
    void start(MarkdownBlock::Kind kind, int level) {
        doc.blocks.emplace_back();
        doc.blocks.back().kind = kind;
        doc.blocks.back().level = level;
        in_block = true;
    }
    void text(std::string_view t) {
        if (image_depth > 0) return;  // the image's alt text is its caption, kept separately
        MarkdownBlock& b = block();
        const bool s = strong > 0, e = emphasis > 0;
        if (!b.runs.empty() && b.runs.back().strong == s && b.runs.back().emphasis == e &&
            b.runs.back().link == link) {
            b.runs.back().text.append(t);
        } else {
            b.runs.push_back({std::string(t), s, e, link});
        }
        if (link >= 0) doc.links[static_cast<size_t>(link)].text.append(t);
    }
};

std::string attribute(const MD_ATTRIBUTE& a) {
    return std::string(a.text, a.size);
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_BLOCK_H:
            b.start(MarkdownBlock::Kind::heading,
                    static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
            break;
        case MD_BLOCK_UL:
            b.list_counters.push_back(-1);
            break;
        case MD_BLOCK_OL:
            b.list_counters.push_back(
                static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start));
            break;
        case MD_BLOCK_LI: {
            b.start(MarkdownBlock::Kind::list_item, static_cast<int>(b.list_counters.size()));
            std::string bullet = "•";
            if (!b.list_counters.empty() && b.list_counters.back() >= 0)
                bullet = std::to_string(b.list_counters.back()++) + ".";
            b.doc.blocks.back().bullet = bullet;
            break;
        }
        case MD_BLOCK_P:
            // A paragraph inside a list item continues the item.
            if (!(b.in_block && b.doc.blocks.back().kind == MarkdownBlock::Kind::list_item &&
                  b.doc.blocks.back().runs.empty())) {
                b.start(MarkdownBlock::Kind::paragraph, 0);
            }
            break;
        default:
            break;
    }
    return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
    auto& b = *static_cast<Builder*>(user);
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
        if (!b.list_counters.empty()) b.list_counters.pop_back();
    }
    if (type == MD_BLOCK_H || type == MD_BLOCK_P || type == MD_BLOCK_LI) b.in_block = false;
    return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_SPAN_STRONG:
            ++b.strong;
            break;
        case MD_SPAN_EM:
            ++b.emphasis;
            break;
        case MD_SPAN_A:
            b.doc.links.push_back({"", attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href)});
            b.link = static_cast<int>(b.doc.links.size()) - 1;
            break;
        case MD_SPAN_IMG: {
            // An image becomes a block of its own between the text around it.
            const std::string src = attribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
            const MarkdownBlock::Kind resume =
                b.in_block ? b.doc.blocks.back().kind : MarkdownBlock::Kind::paragraph;
            b.start(MarkdownBlock::Kind::image, 0);
            b.doc.blocks.back().image_source = src;
            b.start(resume, 0);
            ++b.image_depth;
            break;
        }
        default:
            break;
    }
    return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_SPAN_STRONG:
            --b.strong;
            break;
        case MD_SPAN_EM:
            --b.emphasis;
            break;
        case MD_SPAN_A:
            b.link = -1;
            break;
        case MD_SPAN_IMG:
            --b.image_depth;
            break;
        default:
            break;
    }
    return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_TEXT_NORMAL:
        case MD_TEXT_CODE:
            b.text(std::string_view(data, size));
            break;
        case MD_TEXT_SOFTBR:
        case MD_TEXT_BR:
            b.text(" ");
            break;
        case MD_TEXT_ENTITY: {
            const std::string_view e(data, size);
            b.text(e == "&amp;"    ? "&"
                   : e == "&lt;"   ? "<"
                   : e == "&gt;"   ? ">"
                   : e == "&quot;" ? "\""
                                   : " ");
            break;
        }
        default:
            break;  // raw HTML and the rest are not shown
    }
    return 0;
}

}  // namespace

MarkdownDocument parse_markdown(std::string_view markdown) {
    Builder builder;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_PERMISSIVEAUTOLINKS;  // HTML is parsed so its tags can be dropped
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = text;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &builder);
    // Blocks left empty (e.g. around an image at the end of a paragraph) are dropped.
    auto& blocks = builder.doc.blocks;
    for (size_t i = 0; i < blocks.size();) {
        const bool empty = blocks[i].kind != MarkdownBlock::Kind::image && blocks[i].runs.empty() &&
                           blocks[i].kind != MarkdownBlock::Kind::list_item;
        if (empty)
            blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
        else
            ++i;
    }
    return builder.doc;
}

}  // namespace plaza::core
