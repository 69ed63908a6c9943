// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/font_coverage.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace plaza::content {
namespace {

// Lower is preferred: Noto Sans (the interface's own family) in its plain cut, then Noto Serif,
// then the other Noto designs (Kufi, Naskh, Looped, Rashi...), then any other font.
int preference(const std::string& file) {
    const std::string name = std::filesystem::path(file).filename().string();
    const bool regular = name.find("-Regular.") != std::string::npos;
    const bool variant = name.find("UI-") != std::string::npos ||
                         name.find("Mono") != std::string::npos ||
                         name.find("Display") != std::string::npos;
    int rank = 3;
    if (name.rfind("NotoSans", 0) == 0 && !variant) {
        rank = 0;
    } else if (name.rfind("NotoSerif", 0) == 0 && !variant) {
        rank = 1;
    } else if (name.rfind("Noto", 0) == 0) {
        rank = 2;
    }
    return rank * 2 + (regular ? 0 : 1);
}

std::string bold_of(const std::string& regular) {
    const auto at = regular.rfind("-Regular.");
    if (at == std::string::npos) return regular;
    std::string bold = regular;
    bold.replace(at, 9, "-Bold.");
    return std::filesystem::exists(bold) ? bold : regular;
}

struct Candidate {
    std::string file;
    int rank = 0;
    FcCharSet* charset = nullptr;  // owned by the font set
};

}  // namespace

FaceChoice choose_faces(const std::set<char32_t>& code_points) {
    FaceChoice out;
    if (code_points.empty()) return out;
    // fontconfig's cache holds every installed font's character set: listing them takes a few
    // tens of milliseconds where reading the character maps of Noto's 300 files takes 200.
    std::unique_ptr<FcConfig, decltype(&FcConfigDestroy)> config(FcInitLoadConfigAndFonts(),
                                                                 FcConfigDestroy);
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(FcPatternCreate(),
                                                                    FcPatternDestroy);
    std::unique_ptr<FcObjectSet, decltype(&FcObjectSetDestroy)> objects(
        FcObjectSetBuild(FC_FILE, FC_INDEX, FC_CHARSET, nullptr), FcObjectSetDestroy);
    std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)> fonts(
        config && pattern && objects ? FcFontList(config.get(), pattern.get(), objects.get())
                                     : nullptr,
        FcFontSetDestroy);
    std::vector<Candidate> candidates;
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        FcChar8* file = nullptr;
        FcCharSet* charset = nullptr;
        int index = 0;
        if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &charset) != FcResultMatch)
            continue;
        // A collection's other faces cover the same characters as its first.
        if (FcPatternGetInteger(fonts->fonts[i], FC_INDEX, 0, &index) == FcResultMatch &&
            index != 0)
            continue;
        const std::string path = reinterpret_cast<const char*>(file);
        const std::string ext = std::filesystem::path(path).extension().string();
        if (ext != ".ttf" && ext != ".otf" && ext != ".ttc") continue;
        // A collection's first face (Noto Sans CJK JP) covers Han and Hangul for the census;
        // for any other character a single face is preferred.
        candidates.push_back({path, ext == ".ttc" ? 8 : preference(path), charset});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                         return a.rank != b.rank ? a.rank < b.rank : a.file < b.file;
                     });
    // Each character goes to the first candidate that has it; a candidate already chosen for
    // another character is taken before an unchosen one of the same rank, so that a text in
    // one script stays in one face.
    std::map<std::string, size_t> chosen;
    for (char32_t cp : code_points) {
        const Candidate* best = nullptr;
        for (const Candidate& c : candidates) {
            if (best && c.rank > best->rank) break;
            if (!FcCharSetHasChar(c.charset, cp)) continue;
            if (!best) best = &c;
            if (chosen.count(c.file)) {
                best = &c;
                break;
            }
        }
        if (!best) {
            out.uncovered.push_back(cp);
            continue;
        }
        auto [at, added] = chosen.emplace(best->file, out.faces.size());
        if (added) out.faces.push_back({best->file, bold_of(best->file), {}});
        out.faces[at->second].code_points.push_back(cp);
    }
    return out;
}

std::string font_package_for(char32_t cp) {
    if ((cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF))
        return "fonts-noto-color-emoji";
    if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
        (cp >= 0x20000 && cp <= 0x3FFFF))
        return "fonts-noto-cjk-extra";
    if (cp >= 0xE000 && cp <= 0xF8FF) return "none: a private-use character has no standard glyph";
    return "fonts-noto-extra";
}

}  // namespace plaza::content
