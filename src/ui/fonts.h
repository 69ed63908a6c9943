// SPDX-License-Identifier: GPL-3.0-or-later
// Builds Dear ImGui's font atlas from real fonts (Noto Sans, with Noto Sans CJK merged in when the
// content needs Han or Hangul, the Noto faces of the content's other scripts as fontconfig finds
// them, and the icons of ui/icons.h from Material Icons) for exactly the code points the content
// uses plus the base ranges the on-screen keyboard can type, and reports any code point no font
// covers. Scripts that need shaping get their glyphs through ui/shaped_text.h. The two large sizes
// of the type scale (display, poster) hold only the characters of the texts drawn at them. The
// atlas stays within kMaxAtlasSide and kMaxAtlasPixels: content that would not fit is drawn in
// fewer styles and sizes, and what still does not fit is reported missing, never an abort or a
// giant texture.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ui/theme.h"

struct ImFont;
struct ImFontAtlas;

namespace plaza::ui {

class Shaper;

struct FontFiles {
    std::string regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::string bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    std::string italic = "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf";
    std::string cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    std::string cjk_bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    std::string icons =
        "/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf";
    int cjk_face = 2;  // faces in the collection: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
};

// Sizes of the em in millimetres: the theme's type scale (ui/theme.h) at the visitor's text size.
struct FontSizesMm {
    float body = kType.body;
    float heading = kType.heading;
    float title = kType.title;
    float display = kType.display;
    float poster = kType.poster;
};

// The atlas's largest side (the largest texture every Raspberry Pi GPU takes) and area: 4096 x
// 2048 pixels are 32 MB as the RGBA texture the renderer keeps, and while it is made the CPU
// holds another 40 MB; twice that takes the kiosk past its memory bar (PRODUCT.md) on the largest
// bundle. A census at its limit (content/limits.h) of Han characters fits whole at every text
// size on a 4 px/mm panel (bold, italic and headings drawing it in the regular body style).
inline constexpr int kMaxAtlasSide = 4096;
inline constexpr long kMaxAtlasPixels = 4096L * 2048;

struct FontSet {
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr;    // strong emphasis in running text
    ImFont* body_italic = nullptr;  // emphasis in running text
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* display = nullptr;      // the attract loop's invitation and Now & Next band
    ImFont* poster = nullptr;       // the attract loop, read from 4 m
    std::vector<char32_t> missing;  // content code points no font could provide
    // The faces drawn beyond Noto Sans and Noto Sans CJK (file names), for the report.
    std::vector<std::string> script_faces;
    // Shapes and orders the texts in scripts that need it (ui/shaped_text.h); null when the
    // content has none.
    std::shared_ptr<Shaper> shaper;
    std::string error;  // set when a font file could not be loaded
    // Set when the content's characters did not all fit the atlas at every size and style: what
    // was drawn in the regular style or at body size instead, and what was left out.
    std::string reduced;
};

// Clears `atlas` and builds it anew; call between frames only (the atlas is locked inside one).
// `large_code_points`: the characters drawn at display and poster size (only those are there).
FontSet build_fonts(ImFontAtlas& atlas, const std::set<char32_t>& content_code_points,
                    float px_per_mm, const FontFiles& files = {}, const FontSizesMm& sizes = {},
                    const std::set<char32_t>& large_code_points = {});

// The text as the fonts draw it: in visual order with shaped glyphs when its script needs it
// (ui/shaped_text.h), else `text` itself.
const std::string& shown(const FontSet& fonts, const std::string& text);

// "U+0041 U+1F600" for log lines and stats.
std::string describe_code_points(const std::vector<char32_t>& code_points);

}  // namespace plaza::ui
