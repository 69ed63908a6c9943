// SPDX-License-Identifier: GPL-3.0-or-later
// Draws a frame of Dear ImGui's draw lists with SDL_Renderer: the same calls as the backend's
// ImGui_ImplSDLRenderer_RenderDrawData, except that on SDL's software renderer the opaque
// rectangles Dear ImGui emits (window and card backgrounds, buttons, chips) are filled without
// blending.
//
// Why: SDL 2.26 turns every uniformly coloured quad into SDL_RenderFillRect with
// SDL_BLENDMODE_BLEND (SDL_SW_RenderGeometryRaw in src/render/SDL_render.c), and the software
// renderer then blends each pixel even when the colour is opaque. At 1920x1080 that per-pixel
// blend was three quarters of a frame of the partnership grid. Filled with SDL_BLENDMODE_NONE,
// an opaque rectangle gives the same pixels (blending with alpha 255 replaces the destination)
// through SDL's memset-speed fill.
#pragma once

#include <SDL.h>
#include <imgui.h>

namespace plaza::platform {

// A rectangle Dear ImGui's ImDrawList::PrimRect wrote: four vertices in the order top-left,
// top-right, bottom-right, bottom-left, indexed as (0,1,2, 0,2,3), of one colour and one texture
// coordinate (the font atlas's white pixel).
struct OpaqueRect {
    SDL_FRect rect;
    SDL_Color color;
};

// The opaque rectangle the six indices at `indices` draw, if they draw one.
bool opaque_rect_at(const ImDrawVert* vertices, int vertex_count, const ImDrawIdx* indices,
                    OpaqueRect& out);

// Renders `draw_data` into the renderer's current target. With `fill_opaque_rects` the opaque
// rectangles are filled without blending; the rest goes to SDL_RenderGeometryRaw in order.
void render_draw_data(SDL_Renderer* renderer, const ImDrawData& draw_data, bool fill_opaque_rects);

}  // namespace plaza::platform
