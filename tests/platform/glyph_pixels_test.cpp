// SPDX-License-Identifier: GPL-3.0-or-later
// City names in six scripts drawn with Plaza's real fonts (Noto Sans, Noto Sans CJK) through the
// production draw path onto SDL's software renderer: each name leaves ink, and not the ink of
// Dear ImGui's fallback '?' or of an empty box, so no visitor reads question marks.
#include <doctest/doctest.h>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "imgui_software_surface.h"
#include "platform/draw_data_renderer.h"
#include "ui/fonts.h"

namespace {

constexpr int kWidth = 480, kHeight = 80;

struct FontsOnSoftwareRenderer : plaza::test::ImGuiSoftwareSurface {
    explicit FontsOnSoftwareRenderer(const std::string& text)
        : ImGuiSoftwareSurface(kWidth, kHeight) {
        std::set<char32_t> points;
        plaza::core::collect_code_points(text, points);
        fonts = plaza::ui::build_fonts(*ImGui::GetIO().Fonts, points, 4.0f);
    }

    // `text` in black on white in the body font; the frame's pixels.
    std::vector<std::uint32_t> draw(const std::string& text) {
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui::NewFrame();
        ImGui::GetForegroundDrawList()->AddText(fonts.body, fonts.body->FontSize, ImVec2(8, 8),
                                                IM_COL32_BLACK, text.c_str());
        ImGui::Render();
        clear(255, 255, 255);
        plaza::platform::render_draw_data(renderer, *ImGui::GetDrawData(), true);
        return pixels();
    }

    plaza::ui::FontSet fonts;
};

int inked(const std::vector<std::uint32_t>& pixels) {
    int n = 0;
    for (std::uint32_t p : pixels)
        n += (p & 0xFF) < 128;  // darker than mid-grey in blue, on white
    return n;
}

}  // namespace

TEST_CASE("city names in six scripts render as themselves, not as '?' or empty boxes") {
    const std::vector<std::string> names = {"Αθήνα", "Київ", "서울", "台北", "Đà Nẵng", "Łódź"};
    std::string all;
    for (const auto& n : names)
        all += n + " ";
    FontsOnSoftwareRenderer sdl(all);
    REQUIRE(sdl.fonts.error.empty());
    CHECK(sdl.fonts.missing.empty());
    REQUIRE(sdl.fonts.body != nullptr);

    for (const std::string& name : names) {
        CAPTURE(name);
        const auto pixels = sdl.draw(name);
        CHECK(inked(pixels) > 30);
        // What the same number of characters would look like drawn as the fallback '?', and as
        // a character no font here has (U+0E01, Thai): different pixels from the name.
        const std::size_t length = plaza::core::utf8_length(name);
        CHECK(pixels != sdl.draw(std::string(length, '?')));
        std::string missing;
        for (std::size_t i = 0; i < length; ++i)
            missing += "\xE0\xB8\x81";
        CHECK(pixels != sdl.draw(missing));
    }
}
