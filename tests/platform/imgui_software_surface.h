// SPDX-License-Identifier: GPL-3.0-or-later
// Dear ImGui on SDL's software renderer drawing into a plain surface, with the SDL_Renderer
// backend initialised: for tests that check the pixels a frame comes out as. Add fonts before the
// first ImGui_ImplSDLRenderer_NewFrame (the backend makes the font texture there).
#pragma once

#include <doctest/doctest.h>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdint>
#include <vector>

namespace plaza::test {

struct ImGuiSoftwareSurface {
    ImGuiSoftwareSurface(int w, int h) : width(w), height(h) {
        surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        REQUIRE(surface);
        renderer = SDL_CreateSoftwareRenderer(surface);
        REQUIRE(renderer);
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
        REQUIRE(ImGui_ImplSDLRenderer_Init(renderer));
    }
    ~ImGuiSoftwareSurface() {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
    ImGuiSoftwareSurface(const ImGuiSoftwareSurface&) = delete;
    ImGuiSoftwareSurface& operator=(const ImGuiSoftwareSurface&) = delete;

    void clear(Uint8 r, Uint8 g, Uint8 b) {
        SDL_SetRenderDrawColor(renderer, r, g, b, 255);
        SDL_RenderClear(renderer);
    }
    // The target's pixels, ARGB8888, row by row.
    std::vector<std::uint32_t> pixels() const {
        std::vector<std::uint32_t> out(static_cast<size_t>(width) * height);
        REQUIRE(SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, out.data(),
                                     width * 4) == 0);
        return out;
    }

    int width, height;
    SDL_Surface* surface = nullptr;
    SDL_Renderer* renderer = nullptr;
};

}  // namespace plaza::test
