// SPDX-License-Identifier: GPL-3.0-or-later
// ui::KineticScroll with ui::TapButton/TapCard on a real Dear ImGui context: tap vs drag, inertia.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <initializer_list>
#include <map>
#include <string>

#include "core/frame_report.h"
#include "core/pointer_input.h"
#include "ui/fonts.h"
#include "ui/ui_context.h"
#include "ui/widgets/kinetic_scroll.h"
#include "ui/widgets/touch_widgets.h"

using plaza::core::FrameReport;
using plaza::core::Point;
using plaza::core::PointerEvent;
using plaza::core::PointerFrame;
using plaza::core::PointerTracker;
using plaza::core::VisibleItem;

namespace {

constexpr int kButtons = 24;
constexpr int kCards = 6;
constexpr long kFinger = 1;

// A full-screen window holding a scrolling list of buttons and cards, driven frame by frame
// through a PointerTracker exactly as src/platform/frame_loop.cpp feeds Dear ImGui.
class ListHarness {
  public:
    ListHarness() {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60.0f;
        ImFont* font = io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        fonts_.body = fonts_.body_bold = fonts_.body_italic = fonts_.heading = fonts_.title = font;
        for (int i = 0; i < 3; ++i)
            frame();  // let the windows settle
    }
    ~ListHarness() { ImGui::DestroyContext(context_); }
    ListHarness(const ListHarness&) = delete;
    ListHarness& operator=(const ListHarness&) = delete;

    float px_per_mm() const { return 4.0f; }
    float slop_px() const { return plaza::ui::kTapSlopMm * px_per_mm(); }

    void down(Point p) { tracker_.push({PointerEvent::Kind::down, p, kFinger}); }
    void move(Point p) { tracker_.push({PointerEvent::Kind::move, p, kFinger}); }
    void up(Point p) { tracker_.push({PointerEvent::Kind::up, p, kFinger}); }

    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        const PointerFrame pointer = tracker_.next_frame();
        io.MousePos = pointer.has_position ? ImVec2(pointer.position.x, pointer.position.y)
                                           : ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[0] = pointer.down;

        ImGui::NewFrame();
        report_.clear();
        plaza::ui::UiContext ui{report_, fonts_};
        ui.px_per_mm = px_per_mm();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("root", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        report_.screen_id = "test";
        ImGui::BeginChild("list", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
        for (int i = 0; i < kButtons; ++i) {
            const std::string id = "list/button/" + std::to_string(i);
            if (plaza::ui::TapButton(ui, id, "Button " + std::to_string(i), ImVec2(60, 20)))
                ++presses_[id];
        }
        const float width = ImGui::GetContentRegionAvail().x;
        for (int i = 0; i < kCards; ++i) {
            const std::string id = "list/card/" + std::to_string(i);
            if (plaza::ui::TapCard(ui, id, "Card " + std::to_string(i), "subtitle", width, 24))
                ++presses_[id];
        }
        animating_ = plaza::ui::KineticScroll(ui, scroll_);
        scroll_y_ = ImGui::GetScrollY();
        scroll_max_y_ = ImGui::GetScrollMaxY();
        ImGui::EndChild();
        ImGui::End();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i)
            frame();
    }

    // The centre of a visible control, from the frame report.
    Point centre_of(const std::string& id) const {
        const VisibleItem* item = find(id);
        REQUIRE(item != nullptr);
        return item->rect.center();
    }
    const VisibleItem* find(const std::string& id) const {
        for (const VisibleItem& item : report_.items) {
            if (item.id == id) return &item;
        }
        return nullptr;
    }

    int presses(const std::string& id) const {
        const auto it = presses_.find(id);
        return it == presses_.end() ? 0 : it->second;
    }
    int total_presses() const {
        int n = 0;
        for (const auto& [id, count] : presses_)
            n += count;
        return n;
    }
    float scroll_y() const { return scroll_y_; }
    float scroll_max_y() const { return scroll_max_y_; }
    bool animating() const { return animating_; }
    bool pointer_busy() const { return tracker_.busy(); }
    const FrameReport& report() const { return report_; }

  private:
    ImGuiContext* context_ = nullptr;
    plaza::ui::FontSet fonts_;
    FrameReport report_;
    PointerTracker tracker_;
    plaza::ui::KineticScrollState scroll_;
    std::map<std::string, int> presses_;
    float scroll_y_ = 0, scroll_max_y_ = 0;
    bool animating_ = false;
};

// Drags the finger from `from` by (dx, dy) in `steps` moves, one per frame, and lifts it.
void drag(ListHarness& h, Point from, float dx, float dy, int steps) {
    h.down(from);
    h.frame();
    for (int i = 1; i <= steps; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(steps);
        h.move({from.x + dx * f, from.y + dy * f});
        h.frame();
    }
    h.up({from.x + dx, from.y + dy});
    h.frame();
}

}  // namespace

TEST_CASE("kinetic scroll: the list is taller than its area and starts at the top") {
    ListHarness h;
    CHECK(h.scroll_y() == 0.0f);
    CHECK(h.scroll_max_y() > 1000.0f);
    CHECK_FALSE(h.animating());
    CHECK(h.total_presses() == 0);
}

TEST_CASE("kinetic scroll: a tap presses the button under the finger exactly once") {
    ListHarness h;
    const Point p = h.centre_of("list/button/1");
    h.down(p);
    h.frames(5);
    CHECK(h.presses("list/button/1") == 0);  // buttons fire on release, not on press
    h.up(p);
    h.frames(5);
    CHECK(h.presses("list/button/1") == 1);
    CHECK(h.total_presses() == 1);
    CHECK(h.scroll_y() == 0.0f);
    CHECK_FALSE(h.animating());
    CHECK_FALSE(h.pointer_busy());
}

TEST_CASE("kinetic scroll: a press and release queued between two frames still taps once") {
    ListHarness h;
    const Point p = h.centre_of("list/button/2");
    h.down(p);
    h.up(p);
    h.frames(4);
    CHECK(h.presses("list/button/2") == 1);
    CHECK(h.total_presses() == 1);
}

TEST_CASE("kinetic scroll: a small wobble within the slop still taps") {
    ListHarness h;
    const Point p = h.centre_of("list/button/1");
    const float s = h.slop_px() * 0.6f;
    h.down(p);
    h.frame();
    for (Point d : {Point{s, 0}, Point{0, -s}, Point{-s * 0.7f, s * 0.7f}, Point{0, s}}) {
        h.move({p.x + d.x, p.y + d.y});
        h.frame();
    }
    h.up({p.x, p.y + s});
    h.frames(3);
    CHECK(h.presses("list/button/1") == 1);
    CHECK(h.total_presses() == 1);
    CHECK(h.scroll_y() == 0.0f);
}

TEST_CASE("kinetic scroll: a drag that starts on a button does not press it and scrolls") {
    ListHarness h;
    const Point p = h.centre_of("list/button/3");
    const float distance = 240.0f;  // far beyond the slop, and slow enough not to glide far
    REQUIRE(distance > 4 * h.slop_px());
    drag(h, p, 0, -distance, 40);
    h.frames(3);
    CHECK(h.presses("list/button/3") == 0);
    CHECK(h.total_presses() == 0);
    // The content follows the finger once the slop is passed.
    CHECK(h.scroll_y() >= distance - 2 * h.slop_px());
    CHECK(h.scroll_y() <= h.scroll_max_y());
}

TEST_CASE("kinetic scroll: a drag just past the slop cancels the tap without scrolling far") {
    ListHarness h;
    const Point p = h.centre_of("list/button/2");
    drag(h, p, 0, h.slop_px() * 1.5f, 3);  // downwards, at the top: nothing to scroll to
    h.frames(3);
    CHECK(h.total_presses() == 0);
    CHECK(h.scroll_y() == 0.0f);
}

TEST_CASE("kinetic scroll: a drag back onto the starting button still does not press it") {
    ListHarness h;
    const Point p = h.centre_of("list/button/4");
    h.down(p);
    h.frame();
    for (int i = 1; i <= 10; ++i) {
        h.move({p.x, p.y - 6.0f * static_cast<float>(i)});
        h.frame();
    }
    for (int i = 9; i >= 0; --i) {
        h.move({p.x, p.y - 6.0f * static_cast<float>(i)});
        h.frame();
    }
    h.frames(10);  // hold still so that nothing glides
    h.up(p);
    h.frames(3);
    CHECK(h.total_presses() == 0);
}

TEST_CASE("kinetic scroll: a fast drag whose last moves and release share a frame does not press") {
    // Touch screens report faster than the display refreshes, so the end of a quick swipe and
    // the lift of the finger often arrive between the same two frames.
    ListHarness h;
    const Point p = h.centre_of("list/button/5");
    h.down(p);
    h.frame();
    h.move({p.x, p.y - 20});
    h.move({p.x, p.y - 40});
    h.up({p.x, p.y - 40});
    h.frames(4);
    CHECK(h.total_presses() == 0);
    CHECK(h.scroll_y() > 0.0f);
}

TEST_CASE("kinetic scroll: after a flick the list keeps gliding for a while and then stops") {
    ListHarness h;
    const Point p = h.centre_of("list/button/4");
    drag(h, p, 0, -180, 6);  // 30 px per frame: a flick
    CHECK(h.total_presses() == 0);
    const float at_release = h.scroll_y();
    CHECK(at_release > 0.0f);

    int gliding_frames = 0;
    float last = at_release;
    int frames = 0;
    for (; frames < 600 && h.animating(); ++frames) {
        h.frame();
        if (h.scroll_y() > last) ++gliding_frames;
        CHECK(h.scroll_y() >= last);  // it never glides backwards
        last = h.scroll_y();
    }
    CHECK(gliding_frames >= 10);        // inertia: it kept moving after the finger left
    CHECK(last > at_release + 100.0f);  // and went noticeably further
    CHECK(frames < 600);                // it stopped
    CHECK_FALSE(h.animating());
    h.frames(5);
    CHECK(h.scroll_y() == last);  // and stays where it stopped
    CHECK(h.total_presses() == 0);
}

TEST_CASE("kinetic scroll: a tap on a gliding list stops it") {
    ListHarness h;
    drag(h, h.centre_of("list/button/4"), 0, -180, 6);
    h.frames(5);
    REQUIRE(h.animating());
    const Point p = h.centre_of("list/button/8");
    h.down(p);
    h.frames(2);
    const float held_at = h.scroll_y();
    h.frames(10);
    CHECK(h.scroll_y() == held_at);  // the finger holds the list still
    h.up(p);
    h.frames(5);
    CHECK_FALSE(h.animating());
}

TEST_CASE("kinetic scroll: a glide stops at the end of the list") {
    ListHarness h;
    for (int i = 0; i < 6; ++i) {
        drag(h, {400, 500}, 0, -400, 5);  // strong flicks towards the end
    }
    for (int frames = 0; frames < 600 && h.animating(); ++frames)
        h.frame();
    h.frames(2);
    CHECK_FALSE(h.animating());
    CHECK(h.scroll_y() == doctest::Approx(h.scroll_max_y()));
}

TEST_CASE("kinetic scroll: the frame report records visible buttons and cards with id and label") {
    ListHarness h;
    const auto buttons = h.report().controls_labelled("Button 0");
    REQUIRE(buttons.size() == 1);
    CHECK(buttons[0]->id == "list/button/0");
    CHECK(buttons[0]->kind == VisibleItem::Kind::control);
    CHECK(buttons[0]->rect.width == doctest::Approx(60 * h.px_per_mm()));
    CHECK(buttons[0]->rect.height == doctest::Approx(20 * h.px_per_mm()));
    CHECK(h.report().screen_id == "test");
    // Items scrolled out of view are not reported.
    CHECK(h.find("list/button/23") == nullptr);
    CHECK(h.find("list/card/5") == nullptr);
    CHECK(h.report().describe_controls().find("\"Button 0\"") == 0);
}

TEST_CASE("kinetic scroll: after scrolling the report lists what became visible, clipped") {
    ListHarness h;
    for (int i = 0; i < 8; ++i)
        drag(h, {400, 550}, 0, -500, 10);
    for (int frames = 0; frames < 600 && h.animating(); ++frames)
        h.frame();
    h.frames(2);
    REQUIRE(h.scroll_y() == doctest::Approx(h.scroll_max_y()));
    const VisibleItem* card = h.find("list/card/5");
    REQUIRE(card != nullptr);
    CHECK(card->label == "Card 5");
    CHECK(h.find("list/button/0") == nullptr);
    for (const VisibleItem& item : h.report().items) {
        CAPTURE(item.id);
        CHECK(item.rect.y >= 0.0f);
        CHECK(item.rect.y + item.rect.height <= 600.0f);
    }
    // A tap on the card at the end of the list presses it.
    const Point p = card->rect.center();
    h.down(p);
    h.frames(3);
    h.up(p);
    h.frames(3);
    CHECK(h.presses("list/card/5") == 1);
    CHECK(h.total_presses() == 1);
}
