// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/font_check.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "content/font_coverage.h"
#include "core/safe_file.h"
#include "core/utf8.h"

namespace plaza::bundle {
namespace {

// Characters that lay text out and are never drawn as glyphs (as the kiosk's atlas skips them).
bool is_layout_only(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
           cp == 0xFEFF;
}

// The spreadsheet column a byte of a CSV line is in, by its header (quotes respected within
// the line).
std::string column_of(const std::string& header, const std::string& line, size_t at) {
    size_t column = 0;
    bool quoted = false;
    for (size_t i = 0; i < at && i < line.size(); ++i) {
        if (line[i] == '"') quoted = !quoted;
        if (line[i] == ',' && !quoted) ++column;
    }
    size_t start = 0;
    for (size_t c = 0; c < column; ++c) {
        start = header.find(',', start);
        if (start == std::string::npos) return "text";
        ++start;
    }
    const size_t end = header.find(',', start);
    return header.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Where each of `wanted` first occurs in the folder's text files: "file:line: field".
std::map<char32_t, std::string> locate(const std::string& folder,
                                       const std::vector<char32_t>& wanted) {
    std::map<char32_t, std::string> found;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const std::string ext = it->path().extension().string();
        if (it->is_regular_file() && (ext == ".csv" || ext == ".md" || ext == ".txt" ||
                                      ext == ".xml" || ext == ".json" || ext == ".ics"))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        auto text = core::read_regular_file(path.string(), 64 * 1024 * 1024, core::Links::follow);
        if (!text) continue;
        const std::string& all = text.value();
        const std::string relative = std::filesystem::relative(path, folder).string();
        const bool csv = path.extension() == ".csv";
        const std::string header = all.substr(0, all.find('\n'));
        size_t line_start = 0;
        for (int line = 1; line_start < all.size(); ++line) {
            size_t line_end = all.find('\n', line_start);
            if (line_end == std::string::npos) line_end = all.size();
            const std::string row = all.substr(line_start, line_end - line_start);
            for (char32_t cp : wanted) {
                if (found.count(cp)) continue;
                std::string needle;
                core::append_utf8(needle, cp);
                const size_t at = row.find(needle);
                if (at == std::string::npos) continue;
                found[cp] = relative + ":" + std::to_string(line) + ": " +
                            (csv ? column_of(header, row, at) : std::string("text"));
            }
            line_start = line_end + 1;
        }
    }
    return found;
}

}  // namespace

std::vector<std::string> uncovered_characters(const std::set<char32_t>& census,
                                              const std::string& source_dir) {
    std::set<char32_t> asked;
    std::vector<char32_t> uncovered;
    for (char32_t cp : census) {
        if (is_layout_only(cp)) continue;
        // Dear ImGui 1.86, as Debian builds it, draws 16-bit characters only.
        if (cp > 0xFFFF)
            uncovered.push_back(cp);
        else
            asked.insert(cp);
    }
    for (char32_t cp : content::choose_faces(asked).uncovered)
        uncovered.push_back(cp);
    std::sort(uncovered.begin(), uncovered.end());
    const std::map<char32_t, std::string> where =
        source_dir.empty() ? std::map<char32_t, std::string>{} : locate(source_dir, uncovered);
    std::vector<std::string> out;
    for (char32_t cp : uncovered) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        std::string character;
        core::append_utf8(character, cp);
        const auto at = where.find(cp);
        std::string line = at == where.end() ? std::string() : at->second + ": ";
        line += std::string(code) + " \"" + character + "\": ";
        line += cp > 0xFFFF ? "the kiosk draws no characters beyond U+FFFF (emoji and "
                              "historic scripts) — kiosks show \"?\""
                            : "no installed font has it — kiosks show \"?\" (the Debian package " +
                                  content::font_package_for(cp) + " may have it)";
        out.push_back(line);
    }
    return out;
}

}  // namespace plaza::bundle
