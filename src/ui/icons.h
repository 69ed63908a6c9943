// SPDX-License-Identifier: GPL-3.0-or-later
// Icons from Material Icons (Debian's fonts-material-design-icons-iconfont, Apache-2.0), as UTF-8
// strings of their private-use code points (the font's own name table, scss/_variables.scss in
// the package). Only the glyphs listed in kCodePoints are merged into the font atlas
// (ui/fonts.cpp): an icon used anywhere is listed there too.
#pragma once

namespace plaza::ui::icon {

inline constexpr const char* home = "\xee\xa2\x8a";         // U+E88A home
inline constexpr const char* back = "\xee\x97\x84";         // U+E5C4 arrow_back
inline constexpr const char* search = "\xee\xa2\xb6";       // U+E8B6 search
inline constexpr const char* partnership = "\xee\xaf\x8b";  // U+EBCB handshake
inline constexpr const char* practice = "\xee\x83\xb0";     // U+E0F0 lightbulb
inline constexpr const char* programme = "\xee\xa1\xb8";    // U+E878 event
inline constexpr const char* listen = "\xee\x80\xa3";       // U+E023 hearing
inline constexpr const char* text_size = "\xee\x89\xa2";    // U+E262 text_fields
inline constexpr const char* contrast = "\xee\xac\xb7";     // U+EB37 contrast
inline constexpr const char* low_reach = "\xee\xa4\x94";    // U+E914 accessible
inline constexpr const char* filter = "\xee\x85\x92";       // U+E152 filter_list
inline constexpr const char* place = "\xee\x95\x9f";        // U+E55F place
inline constexpr const char* region = "\xee\xa0\x8b";       // U+E80B public
inline constexpr const char* map = "\xee\x95\x9b";          // U+E55B map
inline constexpr const char* time = "\xee\xa2\xb5";         // U+E8B5 schedule
inline constexpr const char* person = "\xee\x9f\xbd";       // U+E7FD person
inline constexpr const char* programmes = "\xef\x88\xb3";   // U+F233 groups
inline constexpr const char* theme = "\xee\x95\xb4";        // U+E574 category
inline constexpr const char* goal = "\xee\x85\x93";         // U+E153 flag
inline constexpr const char* language = "\xee\xa2\x94";     // U+E894 language
inline constexpr const char* touch = "\xee\xa4\x93";        // U+E913 touch_app
inline constexpr const char* clear = "\xee\x97\x8d";        // U+E5CD close
inline constexpr const char* previous = "\xee\x81\x85";     // U+E045 skip_previous
inline constexpr const char* next = "\xee\x81\x84";         // U+E044 skip_next
inline constexpr const char* select = "\xee\x97\x8a";       // U+E5CA check
inline constexpr const char* stop = "\xee\x81\x87";         // U+E047 stop
inline constexpr const char* expand = "\xee\x97\x8f";       // U+E5CF expand_more
inline constexpr const char* collapse = "\xee\x97\x8e";     // U+E5CE expand_less
inline constexpr const char* room = "\xee\xad\x8f";         // U+EB4F meeting_room
inline constexpr const char* skip = "\xee\x97\x9b";         // U+E5DB arrow_downward
inline constexpr const char* live = "\xee\x81\xa1";         // U+E061 fiber_manual_record
inline constexpr const char* photo = "\xee\x90\x92";        // U+E412 photo_camera
inline constexpr const char* calendar = "\xee\xa4\xb5";     // U+E935 calendar_today
inline constexpr const char* qr = "\xee\x80\x8a";           // U+E00A qr_code_2
inline constexpr const char* forward = "\xee\x97\x88";      // U+E5C8 arrow_forward

inline constexpr char16_t kCodePoints[] = {
    0xE88A, 0xE5C4, 0xE8B6, 0xEBCB, 0xE0F0, 0xE878, 0xE023, 0xE262, 0xEB37, 0xE914, 0xE152, 0xE55F,
    0xE80B, 0xE55B, 0xE8B5, 0xE7FD, 0xF233, 0xE574, 0xE153, 0xE894, 0xE913, 0xE5CD, 0xE045, 0xE044,
    0xE5CA, 0xE047, 0xE5CF, 0xE5CE, 0xEB4F, 0xE5DB, 0xE061, 0xE412, 0xE935, 0xE00A, 0xE5C8,
};

}  // namespace plaza::ui::icon
