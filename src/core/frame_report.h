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
    Rect rect;          // UI coordinates, clipped to what is visible
};

struct FrameReport {
    std::string screen_id;
    std::vector<VisibleItem> items;

    void clear() {
        screen_id.clear();
        items.clear();
    }
    std::vector<const VisibleItem*> controls_labelled(const std::string& label) const;
    // True if a visible control label or text run contains `text`.
    bool shows_text(const std::string& text) const;
    // A one-line list of the visible control labels, for error messages.
    std::string describe_controls() const;
};

}  // namespace plaza::core
