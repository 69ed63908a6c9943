// SPDX-License-Identifier: GPL-3.0-or-later
// A real Dear ImGui context without SDL for widget tests: fonts from the default atlas, a
// full-screen window, and a finger fed through core::PointerTracker exactly as
// src/platform/frame_loop.cpp feeds Dear ImGui.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>

#include <cfloat>
#include <functional>
#include <string>

#include "core/frame_report.h"
#include "core/pointer_input.h"
#include "ui/fonts.h"
#include "ui/ui_context.h"

namespace plaza::test {

class ImGuiHarness {
  public:
    explicit ImGuiHarness(ImVec2 display = ImVec2(1280, 800), float px_per_mm = 4.0f)
        : px_per_mm_(px_per_mm) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        ImFont* font = io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        fonts_.body = fonts_.body_bold = fonts_.body_italic = fonts_.heading = fonts_.title = font;
    }
    ~ImGuiHarness() { ImGui::DestroyContext(context_); }
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    // Draws one frame with `draw` inside a full-screen window.
    void frame(const std::function<void(ui::UiContext&)>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        const core::PointerFrame pointer = tracker_.next_frame();
        io.MousePos = pointer.has_position ? ImVec2(pointer.position.x, pointer.position.y)
                                           : ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[0] = pointer.down;
        ImGui::NewFrame();
        report_.clear();
        ui::UiContext ctx{report_, fonts_, px_per_mm_};
        ctx.language = language;
        ctx.spoken = spoken;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("root", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings);
        draw(ctx);
        ImGui::End();
        ImGui::Render();
    }

    // A tap on the centre of the visible control `id`: finger down, five frames, up, settle.
    void tap(const std::string& id, const std::function<void(ui::UiContext&)>& draw) {
        const core::VisibleItem* item = find(id);
        REQUIRE_MESSAGE(item != nullptr, "no visible control " << id);
        const core::Point p = item->rect.center();
        tracker_.push({core::PointerEvent::Kind::down, p, 1});
        for (int i = 0; i < 5; ++i)
            frame(draw);
        tracker_.push({core::PointerEvent::Kind::up, p, 1});
        for (int i = 0; i < 3; ++i)
            frame(draw);
    }

    const core::VisibleItem* find(const std::string& id) const {
        for (const core::VisibleItem& item : report_.items) {
            if (item.id == id) return &item;
        }
        return nullptr;
    }
    const core::FrameReport& report() const { return report_; }
    float px_per_mm() const { return px_per_mm_; }

    std::string language = "en";
    ui::SpokenFocus* spoken = nullptr;  // set: the frames are drawn in spoken mode

  private:
    ImGuiContext* context_ = nullptr;
    float px_per_mm_;
    ui::FontSet fonts_;
    core::FrameReport report_;
    core::PointerTracker tracker_;
};

}  // namespace plaza::test
