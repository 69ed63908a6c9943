// SPDX-License-Identifier: GPL-3.0-or-later
// platform::render_draw_data against Dear ImGui's own SDL_Renderer backend on SDL's software
// renderer: the same frame must come out pixel for pixel the same, with the opaque rectangles
// filled without blending.
#include <doctest/doctest.h>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdint>
#include <vector>

#include "imgui_software_surface.h"
#include "platform/draw_data_renderer.h"

using plaza::platform::opaque_rect_at;
using plaza::platform::OpaqueRect;

namespace {

constexpr int kWidth = 320, kHeight = 240;

ImDrawVert vertex(float x, float y, ImU32 col, ImVec2 uv = ImVec2(0.5f, 0.5f)) {
    ImDrawVert v;
    v.pos = ImVec2(x, y);
    v.uv = uv;
    v.col = col;
    return v;
}

// What ImDrawList::PrimRect writes for a rectangle from (10, 20) to (50, 80).
std::vector<ImDrawVert> rect_vertices(ImU32 col) {
    return {vertex(10, 20, col), vertex(50, 20, col), vertex(50, 80, col), vertex(10, 80, col)};
}

const ImDrawIdx kRectIndices[6] = {0, 1, 2, 0, 2, 3};

// Plaza's theme on a software surface: an opaque window background, outlines without feathering.
struct ImGuiOnSoftwareRenderer : plaza::test::ImGuiSoftwareSurface {
    ImGuiOnSoftwareRenderer() : ImGuiSoftwareSurface(kWidth, kHeight) {
        ImGui::GetIO().Fonts->AddFontDefault();
        ImGui::GetStyle().Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.95f, 0.92f, 1.0f);
        ImGui::GetStyle().AntiAliasedLines = false;
    }

    // A frame with what Plaza's screens draw: a window background, opaque and translucent
    // rectangles, an outline, a rounded rectangle, a triangle, text over a card.
    ImDrawData* build_frame() {
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(kWidth, kHeight));
        ImGui::Begin("frame", nullptr, ImGuiWindowFlags_NoDecoration);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(ImVec2(10.5f, 10.25f), ImVec2(150, 90), IM_COL32(250, 250, 245, 255));
        draw->AddRectFilled(ImVec2(20, 20), ImVec2(60, 60), IM_COL32(200, 40, 40, 255));
        draw->AddRectFilled(ImVec2(40, 40), ImVec2(120, 80), IM_COL32(40, 40, 200, 128));
        draw->AddRect(ImVec2(5, 100), ImVec2(155, 200), IM_COL32(0, 0, 0, 255), 0, 0, 2);
        draw->AddRectFilled(ImVec2(170, 10), ImVec2(300, 90), IM_COL32(30, 120, 60, 255), 12);
        draw->AddTriangleFilled(ImVec2(170, 200), ImVec2(230, 110), ImVec2(300, 220),
                                IM_COL32(240, 180, 0, 255));
        draw->AddRectFilled(ImVec2(20, 120), ImVec2(140, 180), IM_COL32(255, 255, 255, 255));
        draw->AddText(ImVec2(26, 130), IM_COL32(20, 20, 20, 255), "Gent - Da Nang");
        ImGui::End();
        ImGui::Render();
        return ImGui::GetDrawData();
    }

    void clear() { ImGuiSoftwareSurface::clear(9, 9, 9); }
};

}  // namespace

TEST_CASE("an opaque rectangle as Dear ImGui writes it is recognised, with its colour") {
    const auto v = rect_vertices(IM_COL32(12, 34, 56, 255));
    OpaqueRect r{};
    REQUIRE(opaque_rect_at(v.data(), 4, kRectIndices, r));
    CHECK(r.rect.x == 10);
    CHECK(r.rect.y == 20);
    CHECK(r.rect.w == 40);
    CHECK(r.rect.h == 60);
    CHECK(r.color.r == 12);
    CHECK(r.color.g == 34);
    CHECK(r.color.b == 56);
    CHECK(r.color.a == 255);
}

TEST_CASE("translucent, textured, slanted or differently indexed quads are left to blending") {
    OpaqueRect r{};
    SUBCASE("translucent") {
        const auto v = rect_vertices(IM_COL32(12, 34, 56, 254));
        CHECK_FALSE(opaque_rect_at(v.data(), 4, kRectIndices, r));
    }
    SUBCASE("a glyph or an image: texture coordinates differ per corner") {
        auto v = rect_vertices(IM_COL32_WHITE);
        v[2].uv = ImVec2(0.75f, 0.75f);
        CHECK_FALSE(opaque_rect_at(v.data(), 4, kRectIndices, r));
    }
    SUBCASE("a colour gradient") {
        auto v = rect_vertices(IM_COL32_WHITE);
        v[3].col = IM_COL32_BLACK;
        CHECK_FALSE(opaque_rect_at(v.data(), 4, kRectIndices, r));
    }
    SUBCASE("not axis-aligned") {
        auto v = rect_vertices(IM_COL32_WHITE);
        v[2].pos.x += 1;
        CHECK_FALSE(opaque_rect_at(v.data(), 4, kRectIndices, r));
    }
    SUBCASE("two triangles that are not PrimRect's pair") {
        const auto v = rect_vertices(IM_COL32_WHITE);
        const ImDrawIdx other[6] = {0, 1, 2, 1, 2, 3};
        CHECK_FALSE(opaque_rect_at(v.data(), 4, other, r));
    }
    SUBCASE("indices past the vertices") {
        const auto v = rect_vertices(IM_COL32_WHITE);
        CHECK_FALSE(opaque_rect_at(v.data(), 3, kRectIndices, r));
    }
}

TEST_CASE("a frame comes out the same as through Dear ImGui's backend, pixel for pixel") {
    ImGuiOnSoftwareRenderer sdl;
    ImDrawData* frame = sdl.build_frame();

    int opaque_rects = 0;
    for (int n = 0; n < frame->CmdListsCount; ++n) {
        const ImDrawList& list = *frame->CmdLists[n];
        for (int i = 0; i + 6 <= list.IdxBuffer.Size; i += 3) {
            OpaqueRect r{};
            if (opaque_rect_at(list.VtxBuffer.Data, list.VtxBuffer.Size, list.IdxBuffer.Data + i,
                               r))
                ++opaque_rects;
        }
    }
    // The window background and the three opaque rectangles at least: the comparison below is
    // only worth something if the fast path was taken.
    CHECK(opaque_rects >= 4);

    sdl.clear();
    ImGui_ImplSDLRenderer_RenderDrawData(frame);
    const auto expected = sdl.pixels();
    sdl.clear();
    plaza::platform::render_draw_data(sdl.renderer, *frame, true);
    const auto filled = sdl.pixels();
    sdl.clear();
    plaza::platform::render_draw_data(sdl.renderer, *frame, false);
    const auto blended = sdl.pixels();

    int differing = 0;
    for (size_t i = 0; i < expected.size(); ++i)
        differing += expected[i] != filled[i];
    CHECK(differing == 0);
    CHECK(blended == expected);
    // And the frame is not blank: the red rectangle is where it was drawn.
    CHECK((filled[static_cast<size_t>(30) * kWidth + 30] & 0xFFFFFF) == 0xC82828);
}

TEST_CASE("a window past 65,536 vertices draws whole: commands are drawn from their VtxOffset") {
    // Dear ImGui starts a new command at a vertex offset when a list outgrows 16-bit indices,
    // if the renderer says it honours ImDrawCmd::VtxOffset (the backend's Init sets the flag).
    ImGuiOnSoftwareRenderer sdl;
    REQUIRE((ImGui::GetIO().BackendFlags & ImGuiBackendFlags_RendererHasVtxOffset) != 0);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(kWidth, kHeight));
    ImGui::Begin("many", nullptr, ImGuiWindowFlags_NoDecoration);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // 20,000 translucent squares (80,000 vertices), then one red square drawn last.
    for (int i = 0; i < 20000; ++i) {
        const float x = static_cast<float>(i % 150), y = static_cast<float>(i / 150 % 100);
        draw->AddRectFilled(ImVec2(x, y), ImVec2(x + 3, y + 3), IM_COL32(30, 60, 200, 40));
    }
    draw->AddRectFilled(ImVec2(200, 150), ImVec2(260, 210), IM_COL32(200, 40, 40, 200));
    ImGui::End();
    ImGui::Render();
    ImDrawData* frame = ImGui::GetDrawData();
    bool offset_used = false;
    for (int n = 0; n < frame->CmdListsCount; ++n) {
        CHECK(frame->CmdLists[n]->VtxBuffer.Size < 200000);
        for (const ImDrawCmd& cmd : frame->CmdLists[n]->CmdBuffer)
            offset_used = offset_used || cmd.VtxOffset > 0;
    }
    REQUIRE(offset_used);

    sdl.clear();
    ImGui_ImplSDLRenderer_RenderDrawData(frame);
    const auto expected = sdl.pixels();
    for (bool fill : {true, false}) {
        sdl.clear();
        plaza::platform::render_draw_data(sdl.renderer, *frame, fill);
        const auto drawn = sdl.pixels();
        CHECK(drawn == expected);
        // The square after the offset is where it was drawn, not scattered by wrapped indices.
        const std::uint32_t red = drawn[static_cast<size_t>(180) * kWidth + 230] & 0xFFFFFF;
        CHECK((red >> 16) > 150);
        CHECK((red & 0xFF) < 100);
    }
}
