// SPDX-License-Identifier: GPL-3.0-or-later
// ui::StaffNotice: notices that come while one is shown stay together (two bundles installed
// from one stick give two lines, issue 20); an expired notice gives way to the next.
#include <doctest/doctest.h>

#include <string>

#include "imgui_harness.h"
#include "ui/widgets/staff_notice.h"

namespace {

bool shows(const plaza::test::ImGuiHarness& ui, const std::string& text) {
    for (const plaza::core::VisibleItem& item : ui.report().items)
        if (item.label == text) return true;
    return false;
}

void draw_at(plaza::test::ImGuiHarness& ui, plaza::ui::StaffNotice& notice, double now) {
    ui.frame([&](plaza::ui::UiContext& ctx) {
        ctx.now = now;
        plaza::core::FrameRequest request;
        notice.draw(ctx, request);
    });
}

}  // namespace

TEST_CASE("staff notice: two notices in a row are both shown") {
    plaza::test::ImGuiHarness ui;
    plaza::ui::StaffNotice notice;
    notice.show("Content updated - version 2");
    notice.show("Content updated - version 3");
    draw_at(ui, notice, 1.0);
    CHECK(shows(ui, "Content updated - version 2"));
    CHECK(shows(ui, "Content updated - version 3"));
    // One more while they are on screen joins them and keeps them a few seconds more.
    draw_at(ui, notice, 4.0);
    notice.show("USB content refused: not newer");
    draw_at(ui, notice, 5.0);
    draw_at(ui, notice, 9.0);
    CHECK(shows(ui, "Content updated - version 3"));
    CHECK(shows(ui, "USB content refused: not newer"));
}

TEST_CASE("staff notice: a notice after the last one went replaces it") {
    plaza::test::ImGuiHarness ui;
    plaza::ui::StaffNotice notice;
    notice.show("Content updated - version 2");
    draw_at(ui, notice, 1.0);
    draw_at(ui, notice, 8.0);
    CHECK_FALSE(shows(ui, "Content updated - version 2"));
    notice.show("Content updated - version 3");
    draw_at(ui, notice, 9.0);
    CHECK(shows(ui, "Content updated - version 3"));
    CHECK_FALSE(shows(ui, "Content updated - version 2"));
}
