// SPDX-License-Identifier: GPL-3.0-or-later
// The visitors' keyboard: big keys drawn by Plaza that edit an app-owned UTF-8 string (never
// ImGui::InputText, which steals focus from key buttons; see Roderick Kennedy, "A virtual
// keyboard in Dear ImGui"). Layouts are data, one per language, with a row of the language's
// accented letters so nothing needs a long press or a physical keyboard.
#pragma once

#include <string>
#include <vector>

#include "ui/ui_context.h"

namespace plaza::ui {

struct KeyboardLayout {
    std::string language;
    std::vector<std::vector<std::string>> rows;  // each key is one character, as UTF-8
};

// The layout for a language (QWERTY for en, es with ñ, ca with ç and l·l, AZERTY for fr).
const KeyboardLayout& keyboard_layout(const std::string& language);

// Edits of the text as whole code points; the caret is always at the end.
void delete_last_character(std::string& text);

// Draws the keyboard across the available width; returns true when `text` changed. Key ids are
// "keyboard/key/<character>" (the space bar is "keyboard/key/ "), "keyboard/delete" and
// "keyboard/clear". Text longer than `max_bytes` is not extended.
bool OnScreenKeyboard(UiContext& ctx, std::string& text, std::size_t max_bytes = 64);

}  // namespace plaza::ui
