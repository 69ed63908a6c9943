// SPDX-License-Identifier: GPL-3.0-or-later
// Drag-to-scroll with inertia for Dear ImGui 1.86, which has none built in (ocornut/imgui#3379,
// #2675). Call KineticScroll() just before EndChild() of a child window drawn without scrollbars.
// Once the finger moves past a slop of a few millimetres, it takes the active id away from the
// button under the finger, so that a drag never presses the button it started on.
// Design after adnsv/implus touchscroll.cpp, rewritten for 1.86's internals.
#pragma once

namespace plaza::ui {

struct KineticScrollState {
    bool tracking = false;  // a press started inside this area
    bool dragging = false;  // the press moved past the slop: it is a drag, not a tap
    float velocity = 0.0f;  // pixels per second, positive scrolls content up
    bool from_top = true;   // a fresh state ({}: a new page) starts at the top (screen_parts.h)
};

struct UiContext;

// Returns true while the area is dragged or still gliding (the runner keeps drawing then).
bool KineticScroll(UiContext& ctx, KineticScrollState& state);

// How far a finger may move and still tap (2.5 mm; Dear ImGui's 6 px default suits a mouse).
inline constexpr float kTapSlopMm = 2.5f;

}  // namespace plaza::ui
