// SPDX-License-Identifier: GPL-3.0-or-later
// The content's characters that no installed font draws (the kiosk would show them as "?"):
// each with where it first occurs in the source folder (file:line: field) and the Debian font
// package that has it. plaza-bundle build and inspect warn with these lines.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace plaza::bundle {

// `source_dir` empty: the lines name the characters only (inspect has no source folder).
std::vector<std::string> uncovered_characters(const std::set<char32_t>& census,
                                              const std::string& source_dir);

}  // namespace plaza::bundle
