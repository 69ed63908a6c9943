// SPDX-License-Identifier: GPL-3.0-or-later
// Which installed font faces draw the content's characters beyond Noto Sans and Noto Sans CJK:
// read from fontconfig's cache of every installed font's character map (no hand-made list of
// scripts), preferring Debian's Noto Sans faces (fonts-noto-core), and which Debian package to
// name for a character no installed font draws.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace plaza::content {

struct CoveringFace {
    std::string regular;                // the face's file
    std::string bold;                   // its bold file, or `regular` when it has none
    std::vector<char32_t> code_points;  // the asked characters this face draws
};

struct FaceChoice {
    std::vector<CoveringFace> faces;  // fewest faces first in preference order
    std::vector<char32_t> uncovered;  // no installed font draws these
};

// The faces that draw `code_points` (each character by the most preferred face that has it:
// Noto Sans families, then Noto Serif, then other Noto faces, then any other installed font).
FaceChoice choose_faces(const std::set<char32_t>& code_points);

// The Debian package whose fonts draw `cp`, for the message about characters no installed font
// has.
std::string font_package_for(char32_t cp);

}  // namespace plaza::content
