// SPDX-License-Identifier: GPL-3.0-or-later
// What was on screen in the last frame, in words: the screen's id and every visible control and
// text run with its rectangle. Widgets fill it while drawing; headless scripts tap controls by
// label and check texts through it, and `shot` writes it as JSON.
#pragma once

#include <string>
#include <vector>

#include "core/geometry.h"

namespace plaza::core {

struct VisibleItem {
    enum class Kind { control, text };
    Kind kind = Kind::text;
    std::string id;     // stable id for controls ("home/partnerships"); empty for text runs
    std::string label;  // what a person reads on it
    Rect rect;          // UI coordinates, clipped to what is visible (whole when not visible)
    // False for an item scrolled out of view: recorded only in spoken mode, where the focus
    // walks through the whole screen, not just what is on the glass.
    bool visible = true;
    bool clipped = false;  // its text is cut off by its container (a layout fault)
    // A text run's type size (the em) in pixels, 0 where not recorded: tests measure reading
    // distance from it (Noto Sans' capitals are 0.714 em tall).
    float em_px = 0;
    // What spoken mode says beyond the label (the visitor's language unless `language` says
    // otherwise): the role ("button", "Partnership"), the second line of a card, a toggle's
    // state, the position in a list.
    std::string role;
    std::string detail;
    std::string language;  // the label's language when it is content in another language
    bool heading = false;
    bool toggle = false, selected = false;
    int position = 0, count = 0;  // 1-based place in a list of `count` (0: not in a list)
    std::string list;             // the list's id, for lists that only build what is visible
    // A control that takes spoken mode's focus past repeated blocks (filters) to the first item
    // of this list, or to the first item whose id starts with it when it ends in '/', instead
    // of acting (WCAG 2.4.1, bypass blocks).
    std::string skip_to_list;
};

struct FrameReport {
    std::string screen_id;
    std::vector<VisibleItem> items;

    void clear() {
        screen_id.clear();
        items.clear();
    }
    // Visible controls with exactly this label.
    std::vector<const VisibleItem*> controls_labelled(const std::string& label) const;
    // True if a visible control label or text run contains `text`.
    bool shows_text(const std::string& text) const;
    // A one-line list of the visible control labels, for error messages.
    std::string describe_controls() const;
    // A list of the visible text runs cut off by their container, for error messages; empty
    // when there are none.
    std::string describe_clipped() const;
    // The visible items with `id` whose rectangles overlap each other or one with `other_id`
    // (when not empty), in pairs ("Accra" and "Abuja"); in `count` how many have `id`.
    std::string describe_overlapping(const std::string& id, const std::string& other_id,
                                     int& count) const;
};

}  // namespace plaza::core
