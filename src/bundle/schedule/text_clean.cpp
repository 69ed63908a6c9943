// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/schedule/text_clean.h"

#include <libxml/HTMLparser.h>

#include <limits>
#include <memory>
#include <regex>

#include "core/utf8.h"

namespace plaza::schedule {

void CleanReport::note(const std::string& kind, const std::string& where, int count) {
    Entry& e = entries_[kind];
    if (e.count == 0) e.first_where = where;
    e.count += count;
}

void CleanReport::append_warnings(std::vector<ImportWarning>& out) const {
    for (const auto& [kind, e] : entries_) {
        // kind is "what|action"; the count makes one line per kind instead of one per session.
        const size_t bar = kind.find('|');
        std::string what = kind.substr(0, bar) + " (" + std::to_string(e.count) +
                           (e.count == 1 ? " occurrence" : " occurrences") + ", first here)";
        out.push_back(ImportWarning{e.first_where, what, kind.substr(bar + 1)});
    }
}

namespace {

const char* const kInvalidUtf8 = "invalid UTF-8|replaced each invalid byte with U+FFFD";
const char* const kSoftHyphen =
    "soft hyphens (U+00AD)|removed: the kiosk breaks lines itself, and a stray one would show "
    "as a visible hyphen or box";
const char* const kZeroWidth =
    "zero-width spaces or byte-order marks (U+200B, U+2060, U+FEFF)|removed (zero-width joiners "
    "in emoji and scripts are kept)";
const char* const kCarriageReturn = "CR or CR/LF line endings in text|converted to LF";
const char* const kControl = "control characters in text|removed";

// Character-level cleaning shared by lines and blocks; newlines come out as '\n' only.
std::string clean_chars(std::string_view text, const std::string& where, CleanReport& report) {
    std::string out;
    out.reserve(text.size());
    int invalid = 0, soft = 0, zero = 0, cr = 0, control = 0;
    size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const size_t length = core::decode_utf8_at(text, i, cp);
        i += length == 0 ? 1 : length;
        if (length == 0) {
            ++invalid;
            core::append_utf8(out, 0xFFFD);
        } else if (cp == '\r') {
            ++cr;
            out += '\n';
            if (i < text.size() && text[i] == '\n') ++i;
        } else if (cp == '\n') {
            out += '\n';
        } else if (cp == '\t') {
            out += ' ';
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            ++control;
        } else if (cp == 0xAD) {
            ++soft;
        } else if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) {
            ++zero;
        } else if (cp == 0x2028 || cp == 0x2029) {
            out += '\n';
        } else {
            core::append_utf8(out, cp);
        }
    }
    if (invalid) report.note(kInvalidUtf8, where, invalid);
    if (soft) report.note(kSoftHyphen, where, soft);
    if (zero) report.note(kZeroWidth, where, zero);
    if (cr) report.note(kCarriageReturn, where, cr);
    if (control) report.note(kControl, where, control);
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\n';
}

// Trailing spaces off every line, runs of blank lines down to one, no blank start or end.
std::string normalise_block(const std::string& s) {
    std::string out;
    int newlines = 0;
    size_t pending_spaces = 0;
    for (char c : s) {
        if (c == '\n') {
            pending_spaces = 0;
            ++newlines;
            continue;
        }
        if (c == ' ' && (out.empty() || newlines > 0)) {
            // Leading indentation is kept only for Markdown list continuation; drop at start.
            if (out.empty()) continue;
        }
        if (newlines > 0) {
            if (!out.empty()) out.append(newlines >= 2 ? "\n\n" : "\n");
            newlines = 0;
        }
        if (c == ' ') {
            ++pending_spaces;
            continue;
        }
        out.append(pending_spaces, ' ');
        pending_spaces = 0;
        out += c;
    }
    return out;
}

}  // namespace

std::string clean_line(std::string_view text, const std::string& where, CleanReport& report) {
    const std::string chars = clean_chars(text, where, report);
    std::string out;
    bool space = false;
    for (char c : chars) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string clean_block(std::string_view text, const std::string& where, CleanReport& report) {
    return normalise_block(clean_chars(text, where, report));
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view name_of(const xmlNode* n) {
    return reinterpret_cast<const char*>(n->name);
}

struct FreeDoc {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, FreeDoc>;

// A fragment parsed by libxml2's HTML parser as browsers would take tag soup: errors recovered
// from and not printed, no network access. It is parsed inside a <div> so that every element
// under <body> came from the text itself: at the top level the parser would wrap loose text in
// an implied <p>. Names come out in lower case, entities decoded.
struct Fragment {
    HtmlDoc doc;
    xmlNode* body = nullptr;
    xmlNode* wrapper = nullptr;
};

Fragment parse_fragment(std::string_view html) {
    Fragment f;
    const std::string wrapped = "<div>" + std::string(html);
    if (wrapped.size() > static_cast<size_t>(std::numeric_limits<int>::max())) return f;
    f.doc.reset(htmlReadMemory(
        wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    // The wrapper is the first element the parser met, so the first <div> in document order;
    // the <html> and <body> around it are implied.
    for (xmlNode* n = f.doc ? xmlDocGetRootElement(f.doc.get()) : nullptr; n;) {
        if (n->type == XML_ELEMENT_NODE && name_of(n) == "div") {
            f.wrapper = n;
            f.body = n->parent;
            break;
        }
        n = n->children ? n->children : n->next;
    }
    if (!f.body && f.doc) f.body = xmlDocGetRootElement(f.doc.get());
    return f;
}

// The text of every text node under `n`, in order, without any markup.
void append_text(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            out += reinterpret_cast<const char*>(c->content);
        else if (c->type == XML_ELEMENT_NODE)
            append_text(c, out);
    }
}

std::string fragment_text(std::string_view html) {
    const Fragment f = parse_fragment(html);
    std::string out;
    if (f.body) append_text(f.body, out);
    return out;
}

// True when an element of HTML's own vocabulary sits under <body>, other than the wrapper: in
// "x<y" the parser makes an element <y>, which is no HTML, so the text is not either.
bool has_html_element(const xmlNode* n, const xmlNode* wrapper) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (c != wrapper && htmlTagLookup(c->name) != nullptr) return true;
        if (has_html_element(c, wrapper)) return true;
    }
    return false;
}

// Plaza Markdown from the parsed tree: block elements become blank lines, <br> and table rows
// line breaks, lists "- " and "1. " lines, headings "#" lines, emphasis, code and absolute links
// their Markdown; <script> and <style> go with their content; other elements keep their text.
class MarkdownWriter {
  public:
    std::string take() { return std::move(out_); }

    void children(const xmlNode* n, int depth) {
        // The parser stops nesting at 256 levels; the bound here keeps the recursion small even
        // if that changes.
        if (depth > 512) return;
        for (const xmlNode* c = n->children; c; c = c->next) {
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
                text(reinterpret_cast<const char*>(c->content));
            else if (c->type == XML_ELEMENT_NODE)
                element(c, depth + 1);
        }
    }

  private:
    void element(const xmlNode* n, int depth) {
        const std::string_view name = name_of(n);
        if (name == "script" || name == "style") return;
        if (name == "p" || name == "div" || name == "blockquote" || name == "table" ||
            name == "hr") {
            ensure_blank_line();
            children(n, depth);
            ensure_blank_line();
        } else if (name == "br") {
            ensure_newline();
        } else if (name == "tr") {
            ensure_newline();
            children(n, depth);
            ensure_newline();
        } else if (name == "ul" || name == "ol") {
            ensure_newline();
            list_counters_.push_back(name == "ol" ? 1 : -1);
            children(n, depth);
            list_counters_.pop_back();
            ensure_blank_line();
        } else if (name == "li") {
            ensure_newline();
            if (!list_counters_.empty() && list_counters_.back() > 0)
                out_ += std::to_string(list_counters_.back()++) + ". ";
            else
                out_ += "- ";
            children(n, depth);
        } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
            ensure_blank_line();
            out_ += std::string(static_cast<size_t>(name[1] - '0'), '#') + " ";
            children(n, depth);
            ensure_blank_line();
        } else if (name == "em" || name == "i") {
            surround(n, depth, "*");
        } else if (name == "strong" || name == "b") {
            surround(n, depth, "**");
        } else if (name == "code" || name == "tt") {
            surround(n, depth, pre_depth_ == 0 ? "`" : "");
        } else if (name == "pre") {
            ensure_blank_line();
            ++pre_depth_;
            children(n, depth);
            --pre_depth_;
            ensure_blank_line();
        } else if (name == "td" || name == "th") {
            if (!out_.empty() && out_.back() != '\n' && out_.back() != ' ') out_ += ' ';
            children(n, depth);
        } else if (name == "img") {
            escaped(attribute(n, "alt"));
        } else if (name == "a") {
            link(n, depth);
        } else {
            children(n, depth);
        }
    }

    // An element with no text ("<b></b>", or "<b" cut off at the end) leaves no marks behind.
    void surround(const xmlNode* n, int depth, std::string_view mark) {
        const size_t start = out_.size();
        out_ += mark;
        children(n, depth);
        if (out_.size() == start + mark.size())
            out_.resize(start);
        else
            out_ += mark;
    }

    // Only absolute links survive: a kiosk cannot resolve "/programme/..." offline. A link
    // inside a link keeps its text only.
    void link(const xmlNode* n, int depth) {
        const std::string href = attribute(n, "href");
        if (in_link_ || (href.rfind("http://", 0) != 0 && href.rfind("https://", 0) != 0)) {
            children(n, depth);
            return;
        }
        in_link_ = true;
        out_ += '[';
        const size_t text_start = out_.size();
        children(n, depth);
        if (out_.size() == text_start) escaped(href);
        out_ += "](" + href + ")";
        in_link_ = false;
    }

    static std::string attribute(const xmlNode* n, const char* key) {
        xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(key));
        if (!value) return {};
        std::string out(reinterpret_cast<const char*>(value));
        xmlFree(value);
        return out;
    }

    void text(std::string_view s) {
        for (const char c : s) {
            if (pre_depth_ == 0 && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
                if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') out_ += ' ';
                continue;
            }
            if (c == '#' && (out_.empty() || out_.back() == '\n')) out_ += '\\';
            escape(c);
        }
    }

    void escaped(std::string_view s) {
        for (const char c : s)
            escape(c);
    }

    void escape(char c) {
        if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '\\') out_ += '\\';
        out_ += c;
    }

    void ensure_blank_line() {
        while (!out_.empty() && out_.back() == ' ')
            out_.pop_back();
        if (out_.empty()) return;
        if (out_.size() >= 2 && out_.compare(out_.size() - 2, 2, "\n\n") == 0) return;
        out_ += out_.back() == '\n' ? "\n" : "\n\n";
    }

    void ensure_newline() {
        while (!out_.empty() && out_.back() == ' ')
            out_.pop_back();
        if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    }

    std::string out_;
    std::vector<int> list_counters_;  // -1 for <ul>, the next number for <ol>
    int pre_depth_ = 0;
    bool in_link_ = false;
};

}  // namespace

bool looks_like_html(std::string_view text) {
    const Fragment f = parse_fragment(text);
    if (!f.body) return false;
    if (has_html_element(f.body, f.wrapper)) return true;
    // An entity, named or numeric, with no tag around ("Bogot&aacute;") is HTML too and must be
    // decoded. The parser is the judge of what an entity is: the text it gives differs from the
    // one it gives with every '&' escaped only when it decoded one ("AT&T;" stays as it is).
    if (text.find('&') == std::string_view::npos) return false;
    std::string escaped;
    escaped.reserve(text.size() + 16);
    for (const char c : text)
        escaped += c == '&' ? std::string_view("&amp;") : std::string_view(&c, 1);
    std::string decoded;
    append_text(f.body, decoded);
    return decoded != fragment_text(escaped);
}

std::string html_to_markdown(std::string_view html) {
    const Fragment f = parse_fragment(html);
    if (!f.body) return {};
    MarkdownWriter writer;
    writer.children(f.body, 0);
    return normalise_block(writer.take());
}

std::string clean_rich_text(std::string_view text, bool source_is_markdown,
                            const std::string& where, CleanReport& report, TextFormat& format) {
    const std::string chars = clean_chars(text, where, report);
    if (looks_like_html(chars)) {
        report.note(
            "HTML markup in an abstract or description|converted to Plaza Markdown "
            "(paragraphs, lists, emphasis, absolute links); other tags dropped, their "
            "text kept",
            where);
        format = TextFormat::markdown;
        // Entities may have produced soft hyphens or zero-width spaces: clean once more.
        CleanReport ignored;
        return clean_block(html_to_markdown(chars), where, ignored);
    }
    format = source_is_markdown ? TextFormat::markdown : TextFormat::plain;
    return normalise_block(chars);
}

SessionStatus take_status_prefix(std::string& title) {
    // A separator (dash, colon) or brackets are required, so "Cancelled culture" stays a title.
    static const std::regex kPrefix(
        "^\\s*(?:\\[|\\()?\\s*(cancell?ed|abgesagt|annul\xC3\xA9|annule|cancelado|moved|"
        "verschoben)\\s*(?:(?:\\]|\\))\\s*(?:-|:|\xE2\x80\x93|\xE2\x80\x94)?|-|:|\xE2\x80\x93|"
        "\xE2\x80\x94)\\s*",
        std::regex::icase | std::regex::ECMAScript);
    // Written all in capitals the word stands out on its own ("CANCELLED Opening keynote"), as
    // calendar users mark an event without deleting it; "Cancelled culture" stays a title.
    static const std::regex kShouted(
        "^\\s*(CANCELL?ED|ABGESAGT|ANNUL\xC3\x89|ANNULE|CANCELADO|MOVED|VERSCHOBEN)\\s+",
        std::regex::ECMAScript);
    std::smatch m;
    if (!std::regex_search(title, m, kPrefix) && !std::regex_search(title, m, kShouted))
        return SessionStatus::confirmed;
    const std::string word = lower(m[1].str());
    const std::string rest = m.suffix().str();
    if (rest.empty()) return SessionStatus::confirmed;
    title = rest;
    return word == "moved" || word == "verschoben" ? SessionStatus::moved
                                                   : SessionStatus::cancelled;
}

}  // namespace plaza::schedule
