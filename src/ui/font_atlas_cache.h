// SPDX-License-Identifier: GPL-3.0-or-later
// The rasterised font atlas kept in a file in the kiosk's data folder, so a kiosk starting again
// on the same content skips FreeType (about half of its start-up). The file is keyed by what the
// atlas is made from (font files, sizes, code points, Dear ImGui's layout) and checksummed; a file
// that does not match or is damaged is ignored and the atlas built as always.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "ui/fonts.h"

struct ImFontAtlas;

namespace plaza::ui {

// The key of an atlas build_fonts would make from these arguments. The font files count by path,
// size and modification time: hashing their bytes (20 MB with the CJK collection) would cost
// what the cache saves, and a package upgrade that changes a font changes both.
std::uint64_t font_atlas_key(const std::set<char32_t>& content_code_points, float px_per_mm,
                             const FontFiles& files, const FontSizesMm& sizes,
                             const std::set<char32_t>& large_code_points);

// The atlas `build_fonts` just made, with `set`'s fonts, as the bytes of a cache file. Call
// before the atlas's pixels are handed to the renderer and dropped. Empty when `set` is not worth
// keeping (a font was missing, the built-in fallback).
std::string font_atlas_file(std::uint64_t key, ImFontAtlas& atlas, const FontSet& set);

// Writes `bytes` to `path` through a temporary file renamed over it, so a reader never sees half a
// file. False when it could not; `why` says what.
bool write_font_atlas_file(const std::string& path, const std::string& bytes, std::string& why);

// Fills `atlas` and `set` from the cache file at `path` when it was made for `key` and is whole.
// Otherwise returns false, says why, and leaves `atlas` cleared for build_fonts.
bool load_font_atlas(const std::string& path, std::uint64_t key, ImFontAtlas& atlas, FontSet& set,
                     std::string& why);

}  // namespace plaza::ui
