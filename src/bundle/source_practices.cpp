// SPDX-License-Identifier: GPL-3.0-or-later
// practices/: one Markdown file per good practice, with its front matter.
#include "bundle/source_reader_internal.h"

#include <algorithm>
#include <sstream>

namespace plaza::bundle::detail {

void Reader::read_practices() {
    const fs::path folder = dir_ / "practices";
    if (!fs::is_directory(folder)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".md")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    // Splits "---\nfront matter\n---\nbody" and reports a missing block.
    struct Document {
        std::vector<KeyValue> keys;
        std::string body;
        bool ok = false;
    };
    auto parse = [&](const std::string& file, std::string text) {
        Document doc;
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
        if (text.rfind("---\n", 0) != 0 && text.rfind("---\r\n", 0) != 0) {
            p_.add(file, 1, "",
                   "the file must start with a front matter block between '---' lines");
            return doc;
        }
        const size_t start = text.find('\n') + 1;
        size_t end = text.find("\n---", start - 1);
        if (end == std::string::npos) {
            p_.add(file, 1, "", "the front matter block is never closed with '---'");
            return doc;
        }
        doc.keys = parse_key_values(text.substr(start, end + 1 - start), 2, file, p_);
        const size_t body_start = text.find('\n', end + 1);
        doc.body = body_start == std::string::npos ? "" : trim(text.substr(body_start + 1));
        while (!doc.body.empty() && (doc.body.front() == '\n'))
            doc.body.erase(0, 1);
        doc.ok = true;
        return doc;
    };

    std::map<std::string, size_t> index;
    std::vector<std::pair<fs::path, std::string>> translations;  // path, language
    for (const auto& path : files) {
        const std::string stem = path.stem().string();
        const std::string file = "practices/" + path.filename().string();
        const auto dot = stem.find('.');
        if (dot != std::string::npos) {
            translations.push_back({path, stem.substr(dot + 1)});
            continue;
        }
        std::string text;
        if (!read_whole_file(path, text)) {
            p_.add(file, 1, "", "cannot be read: " + read_error_);
            continue;
        }
        if (!is_valid_id(stem) || stem.size() > kIdChars) {
            p_.add(file, 1, "id",
                   single_quoted(stem) +
                       " is not a valid id (up to 64 of a-z, 0-9 and -; the file name "
                       "without .md is the id)");
        }
        Document doc = parse(file, text);
        if (!doc.ok) {
            unreadable_.insert(file);
            continue;
        }
        PracticeSource ps;
        ps.id = stem;
        std::map<std::string, int> lines;
        for (const auto& kv : doc.keys) {
            const std::string& k = kv.key;
            const bool repeatable = k == "figure" || k == "contact" || k == "image";
            if (!repeatable && !lines.emplace(k, kv.line).second) {
                p_.add(file, kv.line, k, "appears twice");
                continue;
            }
            const size_t limit = k == "summary" ? kSummaryChars : kTitleChars + kLinkChars;
            if (!check_text(p_, file, kv.line, k, kv.value, k == "title" ? kTitleChars : limit))
                continue;
            if (k == "title") {
                ps.title.base = kv.value;
            } else if (k == "summary") {
                ps.summary.base = kv.value;
            } else if (k == "city") {
                ps.city = kv.value;
                if (!cities_.count(kv.value) && !unreadable_.count("cities.csv"))
                    p_.add(file, kv.line, k,
                           "unknown city " + single_quoted(kv.value) + " (not in cities.csv)");
            } else if (k == "themes") {
                ps.themes = split_list(kv.value);
                for (const auto& t : ps.themes)
                    if (!themes_.count(t) && !unreadable_.count("themes.csv"))
                        p_.add(file, kv.line, k,
                               "unknown theme " + single_quoted(t) + " (not in themes.csv)");
            } else if (k == "partnerships") {
                ps.partnerships = split_list(kv.value);
                for (const auto& t : ps.partnerships)
                    if (!partnerships_.count(t) && !unreadable_.count("partnerships.csv"))
                        p_.add(file, kv.line, k,
                               "unknown partnership " + single_quoted(t) +
                                   " (not in partnerships.csv)");
            } else if (k == "figure") {
                const auto parts = split(kv.value, '|');
                if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
                    p_.add(file, kv.line, k, "expected 'value | label', e.g. '57 | partnerships'");
                } else {
                    ps.figures.push_back({{parts[0], {}}, {parts[1], {}}});
                }
            } else if (k == "contact") {
                auto parts = split(kv.value, '|');
                parts.resize(std::max<size_t>(parts.size(), 4));
                if (auto c =
                        parse_contact(p_, file, kv.line, k, parts[0], parts[1], parts[2], parts[3]))
                    ps.contacts.push_back(*c);
            } else if (k == "image") {
                auto parts = split(kv.value, '|');
                parts.resize(std::max<size_t>(parts.size(), 2));
                const std::string key = image(file, kv.line, k, parts[0]);
                if (!key.empty()) ps.images.push_back({key, parts[1]});
            } else if (k == "featured") {
                if (kv.value != "0" && kv.value != "1")
                    p_.add(file, kv.line, k, single_quoted(kv.value) + " is not 1 or 0");
                ps.featured = kv.value == "1";
            } else {
                p_.add(file, kv.line, k, "unknown key");
            }
        }
        const std::pair<const char*, const std::string*> required[] = {
            {"title", &ps.title.base}, {"summary", &ps.summary.base}, {"city", &ps.city}};
        for (const auto& [key, value] : required) {
            if (value->empty() && !lines.count(key))
                p_.add(file, 1, key, "required value is missing");
            else if (value->empty())
                p_.add(file, lines.at(key), key, "required value is missing");
        }
        if (doc.body.empty()) {
            p_.add(file, 1, "body", "required text is missing (write it below the front matter)");
        } else {
            check_text(p_, file, 1, "body", doc.body, kBodyChars);
            ps.body.base = doc.body;
        }
        index.emplace(stem, b_.practices.size());
        b_.practices.push_back(std::move(ps));
    }

    for (const auto& [path, lang] : translations) {
        const std::string file = "practices/" + path.filename().string();
        const std::string id = path.stem().string().substr(0, path.stem().string().find('.'));
        if (!is_event_language(lang)) {
            p_.add(file, 1, "",
                   single_quoted(lang) + " is not one of the event's languages (" +
                       languages_list() + ")");
            continue;
        }
        if (lang == b_.event.languages.front().code) {
            p_.add(file, 1, "",
                   single_quoted(lang) +
                       " is the default language; that text belongs in practices/" + id + ".md");
            continue;
        }
        auto original = index.find(id);
        if (unreadable_.count("practices/" + id + ".md")) continue;
        if (original == index.end()) {
            p_.add(file, 1, "", "there is no practices/" + id + ".md to translate");
            continue;
        }
        std::string text;
        if (!read_whole_file(path, text)) {
            p_.add(file, 1, "", "cannot be read: " + read_error_);
            continue;
        }
        Document doc = parse(file, text);
        if (!doc.ok) continue;
        PracticeSource& ps = b_.practices[original->second];
        size_t figure = 0;
        for (const auto& kv : doc.keys) {
            if (!check_text(p_, file, kv.line, kv.key, kv.value,
                            kv.key == "summary" ? kSummaryChars : kTitleChars))
                continue;
            if (kv.key == "title") {
                ps.title.by_lang[lang] = kv.value;
            } else if (kv.key == "summary") {
                ps.summary.by_lang[lang] = kv.value;
            } else if (kv.key == "figure") {
                // Figures are translated by position: the same figures, in the same order.
                if (figure >= ps.figures.size()) {
                    p_.add(file, kv.line, "figure",
                           "more figures than practices/" + id + ".md has (" +
                               std::to_string(ps.figures.size()) + ")");
                } else {
                    // "value | label" translates both ("1 | tarif unique"); a label alone keeps
                    // the value.
                    const auto parts = split(kv.value, '|');
                    ps.figures[figure].label.by_lang[lang] = parts.back();
                    if (parts.size() == 2 && !parts[0].empty() &&
                        parts[0] != ps.figures[figure].value.base)
                        ps.figures[figure].value.by_lang[lang] = parts[0];
                }
                ++figure;
            } else {
                p_.add(file, kv.line, kv.key, "cannot be translated (use title, summary, figure)");
            }
        }
        if (!doc.body.empty() && check_text(p_, file, 1, "body", doc.body, kBodyChars))
            ps.body.by_lang[lang] = doc.body;
    }
}

}  // namespace plaza::bundle::detail
