// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/frame_report.h"

namespace plaza::core {

std::vector<const VisibleItem*> FrameReport::controls_labelled(const std::string& label) const {
    std::vector<const VisibleItem*> found;
    for (const VisibleItem& item : items) {
        if (item.visible && item.kind == VisibleItem::Kind::control && item.label == label)
            found.push_back(&item);
    }
    return found;
}

bool FrameReport::shows_text(const std::string& text) const {
    for (const VisibleItem& item : items) {
        if (item.visible && item.label.find(text) != std::string::npos) return true;
    }
    return false;
}

std::string FrameReport::describe_controls() const {
    std::string out;
    for (const VisibleItem& item : items) {
        // Unlabelled controls (a map's tap targets) cannot be tapped by label.
        if (!item.visible || item.kind != VisibleItem::Kind::control || item.label.empty())
            continue;
        if (!out.empty()) out += ", ";
        out += '"' + item.label + '"';
    }
    return out.empty() ? "no controls" : out;
}

std::string FrameReport::describe_clipped() const {
    std::string out;
    for (const VisibleItem& item : items) {
        if (!item.visible || !item.clipped) continue;
        if (!out.empty()) out += ", ";
        out += '"' + (item.label.size() > 60 ? item.label.substr(0, 57) + "..." : item.label) + '"';
    }
    return out;
}

}  // namespace plaza::core
