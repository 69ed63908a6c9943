// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/onscreen_keyboard.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

std::vector<std::string> keys(std::initializer_list<const char*> list) {
    return std::vector<std::string>(list.begin(), list.end());
}

const std::vector<KeyboardLayout>& layouts() {
    static const std::vector<KeyboardLayout> all = {
        {"en",
         {keys({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
          keys({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}),
          keys({"a", "s", "d", "f", "g", "h", "j", "k", "l", "'"}),
          keys({"z", "x", "c", "v", "b", "n", "m", "-", "."})}},
        {"es",
         {keys({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
          keys({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}),
          keys({"a", "s", "d", "f", "g", "h", "j", "k", "l", "ñ"}),
          keys({"z", "x", "c", "v", "b", "n", "m", "-", "."}),
          keys({"á", "é", "í", "ó", "ú", "ü"})}},
        {"ca",
         {keys({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
          keys({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}),
          keys({"a", "s", "d", "f", "g", "h", "j", "k", "l", "ç"}),
          keys({"z", "x", "c", "v", "b", "n", "m", "-", ".", "·"}),
          keys({"à", "è", "é", "í", "ï", "ò", "ó", "ú", "ü", "'"})}},
        {"fr",
         {keys({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
          keys({"a", "z", "e", "r", "t", "y", "u", "i", "o", "p"}),
          keys({"q", "s", "d", "f", "g", "h", "j", "k", "l", "m"}),
          keys({"w", "x", "c", "v", "b", "n", "'", "-", "."}),
          keys({"à", "â", "ç", "é", "è", "ê", "ë", "î", "ï", "ô", "œ", "ù", "û"})}},
    };
    return all;
}

constexpr float kKeyHeightMm = 14.0f;
constexpr float kMaxKeyWidthMm = 20.0f;

}  // namespace

const KeyboardLayout& keyboard_layout(const std::string& language) {
    for (const KeyboardLayout& layout : layouts()) {
        if (layout.language == language) return layout;
    }
    return layouts().front();
}

void delete_last_character(std::string& text) {
    if (text.empty()) return;
    size_t cut = text.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    text.erase(cut);
}

bool OnScreenKeyboard(UiContext& ctx, std::string& text, std::size_t max_bytes) {
    const KeyboardLayout& layout = keyboard_layout(ctx.language);
    const ImGuiStyle& style = ImGui::GetStyle();
    size_t widest = 0;
    for (const auto& row : layout.rows)
        widest = std::max(widest, row.size());
    const float available = ImGui::GetContentRegionAvail().x;
    const float spacing = style.ItemSpacing.x;
    const float key_width_px =
        std::min(ctx.mm(kMaxKeyWidthMm), (available - spacing * static_cast<float>(widest - 1)) /
                                             static_cast<float>(widest));
    const float key_width_mm = key_width_px / ctx.px_per_mm;
    const float block_width =
        key_width_px * static_cast<float>(widest) + spacing * static_cast<float>(widest - 1);
    const float left = ImGui::GetCursorPosX() + std::max(0.0f, (available - block_width) / 2);

    bool changed = false;
    auto type = [&](const std::string& character) {
        if (text.size() + character.size() > max_bytes) return;
        text += character;
        changed = true;
    };
    for (const auto& row : layout.rows) {
        // Shorter rows are centred under the longer ones, as on a physical keyboard.
        const float row_width = key_width_px * static_cast<float>(row.size()) +
                                spacing * static_cast<float>(row.size() - 1);
        ImGui::SetCursorPosX(left + (block_width - row_width) / 2);
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (TapButton(ctx, "keyboard/key/" + row[i], row[i], ImVec2(key_width_mm, kKeyHeightMm),
                          ButtonStyle::secondary)) {
                type(row[i]);
            }
        }
    }
    // Bottom row: clear, space, delete.
    const float side_mm = key_width_mm * 2 + spacing / ctx.px_per_mm;
    const float space_mm = block_width / ctx.px_per_mm - 2 * side_mm - 2 * spacing / ctx.px_per_mm;
    ImGui::SetCursorPosX(left);
    if (TapButton(ctx, "keyboard/clear", tr(ctx.language, Phrase::keyboard_clear),
                  ImVec2(side_mm, kKeyHeightMm), ButtonStyle::secondary) &&
        !text.empty()) {
        text.clear();
        changed = true;
    }
    ImGui::SameLine();
    if (TapButton(ctx, "keyboard/key/ ", tr(ctx.language, Phrase::keyboard_space),
                  ImVec2(space_mm, kKeyHeightMm), ButtonStyle::secondary) &&
        !text.empty() && text.back() != ' ') {
        type(" ");
    }
    ImGui::SameLine();
    // Delete repeats while held, like a physical backspace.
    ImGui::PushButtonRepeat(true);
    if (TapButton(ctx, "keyboard/delete", tr(ctx.language, Phrase::keyboard_delete),
                  ImVec2(side_mm, kKeyHeightMm), ButtonStyle::secondary) &&
        !text.empty()) {
        delete_last_character(text);
        changed = true;
    }
    ImGui::PopButtonRepeat();
    return changed;
}

}  // namespace plaza::ui
