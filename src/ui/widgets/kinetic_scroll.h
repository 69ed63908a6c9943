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
    // A new state (a screen reset, another record shown) starts at the top: Dear ImGui keeps
    // each window's scroll by its name, which the next record's page shares.
    bool to_top = true;
};

struct UiContext;

// Returns true while the area is dragged or still gliding (the runner keeps drawing then).
bool KineticScroll(UiContext& ctx, KineticScrollState& state);

// How far a finger may move and still tap (2.5 mm; Dear ImGui's 6 px default suits a mouse).
inline constexpr float kTapSlopMm = 2.5f;

}  // namespace plaza::ui
