// SPDX-License-Identifier: GPL-3.0-or-later
// A KioskApp for frame-loop tests: Dear ImGui's built-in font, an empty frame report, no missing
// glyphs. Tests derive from it and draw what they need.
#pragma once

#include <imgui.h>

#include <vector>

#include "platform/kiosk_app.h"

namespace plaza::test {

class TestKioskApp : public platform::KioskApp {
  public:
    void start(platform::PlatformServices&) override {
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->AddFontDefault();
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    const core::FrameReport& frame_report() const override { return report_; }
    std::vector<char32_t> missing_glyphs() const override { return {}; }

  private:
    core::FrameReport report_;
};

}  // namespace plaza::test
