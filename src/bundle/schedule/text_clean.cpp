// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/schedule/text_clean.h"

#include <libxml/HTMLparser.h>

#include <cstring>
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

// Decodes one UTF-8 sequence at `i`; returns the code point and advances, or -1 (and advances by
// one byte) for an invalid, overlong or surrogate sequence.
long decode_one(std::string_view s, size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int len;
    char32_t cp;
    if (c < 0x80) {
        ++i;
        return c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        ++i;
        return -1;
    }
    if (i + len > s.size()) {
        ++i;
        return -1;
    }
    for (int k = 1; k < len; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        ++i;
        return -1;
    }
    i += len;
    return static_cast<long>(cp);
}

// Character-level cleaning shared by lines and blocks; newlines come out as '\n' only.
std::string clean_chars(std::string_view text, const std::string& where, CleanReport& report) {
    std::string out;
    out.reserve(text.size());
    int invalid = 0, soft = 0, zero = 0, cr = 0, control = 0;
    size_t i = 0;
    while (i < text.size()) {
        const long cp = decode_one(text, i);
        if (cp < 0) {
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
            core::append_utf8(out, static_cast<char32_t>(cp));
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

const char* const kKnownTags[] = {"p",     "br",  "a",   "i",   "b",      "em",    "strong",
                                  "ul",    "ol",  "li",  "div", "span",   "h1",    "h2",
                                  "h3",    "h4",  "h5",  "h6",  "code",   "pre",   "img",
                                  "hr",    "sup", "sub", "u",   "s",      "tt",    "blockquote",
                                  "table", "tr",  "td",  "th",  "script", "style", "small"};

bool known_tag(std::string_view name) {
    for (const char* t : kKnownTags)
        if (name == t) return true;
    return false;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

struct Tag {
    std::string name;  // lower case, without '/'
    bool closing = false;
    std::string href, alt;
};

// Reads `<...>` at `i` (s[i] == '<'); returns false when it is not a tag (then '<' is text).
bool read_tag(std::string_view s, size_t& i, Tag& tag) {
    size_t p = i + 1;
    if (p < s.size() && s[p] == '/') {
        tag.closing = true;
        ++p;
    }
    const size_t name_start = p;
    while (p < s.size() && ((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= 'A' && s[p] <= 'Z') ||
                            (s[p] >= '0' && s[p] <= '9')))
        ++p;
    tag.name = lower(s.substr(name_start, p - name_start));
    if (!known_tag(tag.name)) return false;
    if (p < s.size() && s[p] != '>' && s[p] != '/' && s[p] != ' ' && s[p] != '\n') return false;
    const size_t close = s.find('>', p);
    if (close == std::string_view::npos) return false;
    const std::string attrs(s.substr(p, close - p));
    auto attr = [&](const char* key) -> std::string {
        const std::string lower_attrs = lower(attrs);
        size_t k = lower_attrs.find(key);
        if (k == std::string::npos) return {};
        k += std::strlen(key);
        while (k < attrs.size() && attrs[k] == ' ')
            ++k;
        if (k >= attrs.size() || attrs[k] != '=') return {};
        ++k;
        while (k < attrs.size() && attrs[k] == ' ')
            ++k;
        if (k >= attrs.size()) return {};
        const char quote = attrs[k];
        if (quote == '"' || quote == '\'') {
            const size_t end = attrs.find(quote, k + 1);
            return end == std::string::npos ? std::string{} : attrs.substr(k + 1, end - k - 1);
        }
        size_t end = k;
        while (end < attrs.size() && attrs[end] != ' ' && attrs[end] != '/')
            ++end;
        return attrs.substr(k, end - k);
    };
    if (tag.name == "a") tag.href = attr("href");
    if (tag.name == "img") tag.alt = attr("alt");
    i = close + 1;
    return true;
}

// Decodes the entity at s[i] == '&' into `out`; false when it is not one.
bool read_entity(std::string_view s, size_t& i, std::string& out) {
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return false;
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name.empty()) return false;
    char32_t cp = 0;
    if (name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const size_t from = hex ? 2 : 1;
        if (from >= name.size()) return false;
        for (size_t k = from; k < name.size(); ++k) {
            const char c = name[k];
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                return false;
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10FFFF) return false;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    } else {
        // libxml2's table is HTML 4's complete one: every accented letter Spanish, Portuguese,
        // Catalan and French descriptions use (&oacute; &atilde; &ccedil; ...).
        const std::string key(name);
        if (const htmlEntityDesc* e =
                htmlEntityLookup(reinterpret_cast<const xmlChar*>(key.c_str())))
            cp = e->value;
        if (cp == 0) return false;
    }
    core::append_utf8(out, cp);
    i = semi + 1;
    return true;
}

void escape_markdown(std::string& out, char c) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
}

void ensure_blank_line(std::string& out) {
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (out.empty()) return;
    if (out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") == 0) return;
    out += out.back() == '\n' ? "\n" : "\n\n";
}

void ensure_newline(std::string& out) {
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (!out.empty() && out.back() != '\n') out += '\n';
}

}  // namespace

bool looks_like_html(std::string_view text) {
    for (size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
        size_t k = i;
        Tag tag;
        if (read_tag(text, k, tag)) return true;
    }
    // Any entity, named or numeric: "Bogot&aacute;" alone is HTML, and must be decoded.
    for (size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
        size_t k = i;
        std::string decoded;
        if (read_entity(text, k, decoded)) return true;
    }
    return false;
}

std::string html_to_markdown(std::string_view s) {
    std::string out;
    std::string link_href;
    size_t link_text_start = 0;
    int skip_depth = 0, pre_depth = 0;
    std::vector<int> list_counters;  // -1 for <ul>, the next number for <ol>
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '<' && s.compare(i, 4, "<!--") == 0) {
            const size_t end = s.find("-->", i + 4);
            i = end == std::string_view::npos ? s.size() : end + 3;
            continue;
        }
        Tag tag;
        if (c == '<' && read_tag(s, i, tag)) {
            const std::string& n = tag.name;
            if (n == "script" || n == "style") {
                skip_depth += tag.closing ? (skip_depth > 0 ? -1 : 0) : 1;
            } else if (skip_depth > 0) {
            } else if (n == "p" || n == "div" || n == "blockquote" || n == "table" || n == "hr") {
                ensure_blank_line(out);
            } else if (n == "br" || n == "tr") {
                ensure_newline(out);
            } else if (n == "ul" || n == "ol") {
                if (tag.closing) {
                    if (!list_counters.empty()) list_counters.pop_back();
                    ensure_blank_line(out);
                } else {
                    ensure_newline(out);
                    list_counters.push_back(n == "ol" ? 1 : -1);
                }
            } else if (n == "li") {
                if (!tag.closing) {
                    ensure_newline(out);
                    if (!list_counters.empty() && list_counters.back() > 0)
                        out += std::to_string(list_counters.back()++) + ". ";
                    else
                        out += "- ";
                }
            } else if (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
                ensure_blank_line(out);
                if (!tag.closing) out += std::string(static_cast<size_t>(n[1] - '0'), '#') + " ";
            } else if (n == "em" || n == "i") {
                out += '*';
            } else if (n == "strong" || n == "b") {
                out += "**";
            } else if (n == "code" || n == "tt") {
                if (pre_depth == 0) out += '`';
            } else if (n == "pre") {
                pre_depth += tag.closing ? (pre_depth > 0 ? -1 : 0) : 1;
                ensure_blank_line(out);
            } else if (n == "td" || n == "th") {
                if (!tag.closing) out += ' ';
            } else if (n == "img") {
                for (char a : tag.alt)
                    escape_markdown(out, a);
            } else if (n == "a") {
                // Only absolute links survive: a kiosk cannot resolve "/programme/..." offline.
                if (!tag.closing &&
                    (tag.href.rfind("http://", 0) == 0 || tag.href.rfind("https://", 0) == 0)) {
                    link_href = tag.href;
                    out += '[';
                    link_text_start = out.size();
                } else if (tag.closing && !link_href.empty()) {
                    if (out.size() == link_text_start) out += link_href;
                    out += "](" + link_href + ")";
                    link_href.clear();
                }
            }
            continue;
        }
        if (skip_depth > 0) {
            ++i;
            continue;
        }
        if (c == '&') {
            std::string decoded;
            if (read_entity(s, i, decoded)) {
                for (char d : decoded)
                    escape_markdown(out, d);
                continue;
            }
        }
        if (pre_depth == 0 && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
            ++i;
            continue;
        }
        if (c == '#' && (out.empty() || out.back() == '\n')) out += '\\';
        escape_markdown(out, c);
        ++i;
    }
    return normalise_block(out);
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
