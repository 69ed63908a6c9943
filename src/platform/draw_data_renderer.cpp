// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/draw_data_renderer.h"

#include <algorithm>
#include <cstddef>

namespace plaza::platform {
namespace {

constexpr int kRectIndices = 6;

bool same_colour_and_uv(const ImDrawVert& a, const ImDrawVert& b) {
    return a.col == b.col && a.uv.x == b.uv.x && a.uv.y == b.uv.y;
}

// Hands indices [first, last) of a command to SDL as triangles, as the backend does.
void draw_triangles(SDL_Renderer* renderer, SDL_Texture* texture, const ImDrawVert* vertices,
                    int vertex_count, const ImDrawIdx* first, const ImDrawIdx* last) {
    if (first == last) return;
    const char* base = reinterpret_cast<const char*>(vertices);
    SDL_RenderGeometryRaw(renderer, texture,
                          reinterpret_cast<const float*>(base + offsetof(ImDrawVert, pos)),
                          static_cast<int>(sizeof(ImDrawVert)),
                          reinterpret_cast<const SDL_Color*>(base + offsetof(ImDrawVert, col)),
                          static_cast<int>(sizeof(ImDrawVert)),
                          reinterpret_cast<const float*>(base + offsetof(ImDrawVert, uv)),
                          static_cast<int>(sizeof(ImDrawVert)), vertex_count, first,
                          static_cast<int>(last - first), static_cast<int>(sizeof(ImDrawIdx)));
}

}  // namespace

bool opaque_rect_at(const ImDrawVert* vertices, int vertex_count, const ImDrawIdx* indices,
                    OpaqueRect& out) {
    const unsigned first = indices[0];
    if (first + 3 >= static_cast<unsigned>(vertex_count)) return false;
    if (indices[1] != first + 1 || indices[2] != first + 2 || indices[3] != first ||
        indices[4] != first + 2 || indices[5] != first + 3)
        return false;
    const ImDrawVert& tl = vertices[first];
    const ImDrawVert& tr = vertices[first + 1];
    const ImDrawVert& br = vertices[first + 2];
    const ImDrawVert& bl = vertices[first + 3];
    if (!same_colour_and_uv(tl, tr) || !same_colour_and_uv(tl, br) || !same_colour_and_uv(tl, bl))
        return false;
    if ((tl.col >> IM_COL32_A_SHIFT & 0xFF) != 0xFF) return false;
    if (tl.pos.y != tr.pos.y || tr.pos.x != br.pos.x || br.pos.y != bl.pos.y ||
        bl.pos.x != tl.pos.x)
        return false;
    if (!(tl.pos.x < tr.pos.x) || !(tl.pos.y < bl.pos.y)) return false;
    out.rect = SDL_FRect{tl.pos.x, tl.pos.y, tr.pos.x - tl.pos.x, bl.pos.y - tl.pos.y};
    out.color = SDL_Color{static_cast<Uint8>(tl.col >> IM_COL32_R_SHIFT),
                          static_cast<Uint8>(tl.col >> IM_COL32_G_SHIFT),
                          static_cast<Uint8>(tl.col >> IM_COL32_B_SHIFT), 0xFF};
    return true;
}

void render_draw_data(SDL_Renderer* renderer, const ImDrawData& draw_data, bool fill_opaque_rects) {
    const ImVec2 offset = draw_data.DisplayPos;
    const ImVec2 scale = draw_data.FramebufferScale;
    const float width = draw_data.DisplaySize.x * scale.x;
    const float height = draw_data.DisplaySize.y * scale.y;
    if (width <= 0 || height <= 0) return;
    SDL_RenderSetViewport(renderer, nullptr);
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState)
                    cmd.UserCallback(&list, &cmd);
                continue;
            }
            const float x0 = std::max(0.0f, (cmd.ClipRect.x - offset.x) * scale.x);
            const float y0 = std::max(0.0f, (cmd.ClipRect.y - offset.y) * scale.y);
            const float x1 = std::min(width, (cmd.ClipRect.z - offset.x) * scale.x);
            const float y1 = std::min(height, (cmd.ClipRect.w - offset.y) * scale.y);
            if (x1 <= x0 || y1 <= y0) continue;
            const SDL_Rect clip{static_cast<int>(x0), static_cast<int>(y0),
                                static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
            SDL_RenderSetClipRect(renderer, &clip);

            const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
            const int vertex_count = list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
            SDL_Texture* texture = static_cast<SDL_Texture*>(cmd.GetTexID());
            const ImDrawIdx* pending = list.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawIdx* const end = pending + cmd.ElemCount;
            if (fill_opaque_rects) {
                // A rectangle is two triangles in a row (PrimRect), after any number of other
                // triangles, so the scan moves one triangle (three indices) at a time.
                for (const ImDrawIdx* at = pending; end - at >= kRectIndices;) {
                    OpaqueRect r;
                    if (!opaque_rect_at(vertices, vertex_count, at, r)) {
                        at += 3;
                        continue;
                    }
                    draw_triangles(renderer, texture, vertices, vertex_count, pending, at);
                    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
                    SDL_SetRenderDrawColor(renderer, r.color.r, r.color.g, r.color.b, 0xFF);
                    SDL_RenderFillRectF(renderer, &r.rect);
                    at += kRectIndices;
                    pending = at;
                }
                SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
            }
            draw_triangles(renderer, texture, vertices, vertex_count, pending, end);
        }
    }
    SDL_RenderSetClipRect(renderer, nullptr);
}

}  // namespace plaza::platform
