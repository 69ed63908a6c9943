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

std::string FrameReport::describe_overlapping(const std::string& id, const std::string& other_id,
                                              int& count) const {
    std::vector<const VisibleItem*> found, others;
    for (const VisibleItem& item : items) {
        if (item.visible && item.id == id) found.push_back(&item);
        if (item.visible && !other_id.empty() && item.id == other_id) others.push_back(&item);
    }
    count = static_cast<int>(found.size());
    auto overlap = [](const Rect& a, const Rect& b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height &&
               b.y < a.y + a.height;
    };
    auto name = [](const VisibleItem& item) {
        if (!item.label.empty()) return '"' + item.label + '"';
        return item.id + " at " + std::to_string(static_cast<int>(item.rect.x)) + "," +
               std::to_string(static_cast<int>(item.rect.y));
    };
    std::string out;
    auto note = [&](const VisibleItem& a, const VisibleItem& b) {
        if (!out.empty()) out += ", ";
        out += name(a) + " and " + name(b);
    };
    for (std::size_t i = 0; i < found.size(); ++i) {
        for (std::size_t j = i + 1; j < found.size(); ++j)
            if (overlap(found[i]->rect, found[j]->rect)) note(*found[i], *found[j]);
        for (const VisibleItem* other : others)
            if (overlap(found[i]->rect, other->rect)) note(*found[i], *other);
    }
    return out;
}

}  // namespace plaza::core
