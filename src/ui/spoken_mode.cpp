// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spoken_mode.h"

#include <vector>

#include "ui/i18n/phrases.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

// The bottom controls and the accessibility bar steer the focus; they are not part of it.
bool in_focus_order(const core::VisibleItem& item) {
    return !item.label.empty() && item.id.rfind("spoken/", 0) != 0 &&
           item.id.rfind("access/", 0) != 0;
}

bool starts_with(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

}  // namespace

void SpokenMode::start() {
    on_ = true;
    introduce_ = true;
    screen_.clear();
    focus_ = {};
    pending_ = Pending::none;
    wanted_list_.clear();
}

void SpokenMode::stop() {
    if (on_ && speech_) speech_->stop();
    on_ = false;
    focus_ = {};
    pending_ = Pending::none;
    wanted_list_.clear();
}

void SpokenMode::request(Move move) {
    pending_ = move == Move::previous ? Pending::previous
               : move == Move::next   ? Pending::next
                                      : Pending::select;
}

void SpokenMode::say(core::Utterance utterance) {
    if (speech_ && !utterance.empty()) speech_->say(utterance);
}

void SpokenMode::announce(const std::string& text, const std::string& language) {
    if (on_) say({{text, language}});
}

core::Utterance SpokenMode::reading(const core::VisibleItem& item, const std::string& language) {
    core::Utterance u;
    const std::string& own = item.language.empty() ? language : item.language;
    if (!item.role.empty() && item.position > 0 && item.count > 0) {
        u.push_back({item.role + " " + std::to_string(item.position) + " " +
                         tr(language, Phrase::of) + " " + std::to_string(item.count) + ":",
                     language});
    }
    // A comma before the second line, as a reader would pause there.
    core::append_by_script(u, item.detail.empty() ? item.label : item.label + ",", own);
    if (!item.detail.empty()) core::append_by_script(u, item.detail, own);
    if (item.position > 0 && item.count > 0) return u;
    if (item.kind == core::VisibleItem::Kind::control) {
        std::string role = item.role.empty() ? tr(language, Phrase::role_button) : item.role;
        if (item.toggle)
            role += std::string(", ") +
                    tr(language, item.selected ? Phrase::state_on : Phrase::state_off);
        u.push_back({role, language});
    } else if (item.heading) {
        u.push_back({tr(language, Phrase::role_heading), language});
    }
    return u;
}

void SpokenMode::focus_on(const core::VisibleItem& item, core::Utterance prefix) {
    focus_.focus = FocusKey(item);
    focus_.bring_into_view = true;
    for (core::SpeechPart& part : reading(item, language_))
        prefix.push_back(std::move(part));
    say(std::move(prefix));
}

bool SpokenMode::after_frame(const core::FrameReport& report, const std::string& language) {
    if (!on_) return false;
    language_ = language;
    focus_.activate.clear();  // the control acted in this frame
    focus_.bring_into_view = false;
    focus_.list.clear();
    focus_.list_index = -1;

    std::vector<const core::VisibleItem*> order;
    for (const core::VisibleItem& item : report.items) {
        if (in_focus_order(item)) order.push_back(&item);
    }
    auto built = [&](const std::string& list, int position) -> const core::VisibleItem* {
        for (const core::VisibleItem* item : order) {
            if (item->list == list && item->position == position) return item;
        }
        return nullptr;
    };

    if (report.screen_id != screen_) {
        // A new screen: start at its first item after Back and Home.
        screen_ = report.screen_id;
        pending_ = Pending::none;
        wanted_list_.clear();
        const core::VisibleItem* first = order.empty() ? nullptr : order.front();
        for (const core::VisibleItem* item : order) {
            if (!starts_with(item->id, "nav/")) {
                first = item;
                break;
            }
        }
        core::Utterance intro;
        if (introduce_) intro.push_back({tr(language, Phrase::spoken_intro), language});
        introduce_ = false;
        if (first) {
            focus_on(*first, std::move(intro));
        } else {
            say(std::move(intro));
        }
        return true;  // once more, with the focus ring
    }

    if (!wanted_list_.empty()) {
        if (const core::VisibleItem* item = built(wanted_list_, wanted_position_)) {
            wanted_list_.clear();
            focus_on(*item);
            return true;
        }
        if (++frames_waiting_ < 3) {
            focus_.list = wanted_list_;
            focus_.list_index = wanted_position_ - 1;
            return true;
        }
        wanted_list_.clear();  // the list changed under the focus; stay where we are
    }

    if (pending_ == Pending::none) return false;
    const Pending move = pending_;
    pending_ = Pending::none;
    int at = -1;
    for (size_t i = 0; i < order.size(); ++i) {
        if (FocusKey(*order[i]) == focus_.focus) at = static_cast<int>(i);
    }
    if (move == Pending::select) {
        if (at < 0) return false;
        const core::VisibleItem& item = *order[static_cast<size_t>(at)];
        if (!item.skip_to_list.empty()) {
            // "Skip to results": the focus goes to the list's first item, as the list builds it,
            // or to the first item drawn with the id prefix.
            const std::string& target = item.skip_to_list;
            if (const core::VisibleItem* first = built(target, 1)) {
                focus_on(*first);
                return true;
            }
            if (target.back() == '/') {
                for (const core::VisibleItem* other : order) {
                    if (starts_with(other->id, target.c_str())) {
                        focus_on(*other);
                        return true;
                    }
                }
                return false;
            }
            wanted_list_ = target;
            wanted_position_ = 1;
            frames_waiting_ = 0;
            focus_.list = wanted_list_;
            focus_.list_index = 0;
            return true;
        }
        if (item.kind == core::VisibleItem::Kind::control) {
            focus_.activate = item.id;
            return true;
        }
        say(reading(item, language));  // a text: read it again
        return false;
    }
    if (order.empty()) return false;
    const int step = move == Pending::next ? 1 : -1;
    if (at >= 0) {
        // In a list that only builds what is in view, the neighbour may not exist yet: the
        // list scrolls to it first (SpokenFocus::list), and the focus follows a frame later.
        const core::VisibleItem& current = *order[static_cast<size_t>(at)];
        const int target = current.position + step;
        if (!current.list.empty() && target >= 1 && target <= current.count) {
            if (const core::VisibleItem* item = built(current.list, target)) {
                focus_on(*item);
                return true;
            }
            wanted_list_ = current.list;
            wanted_position_ = target;
            frames_waiting_ = 0;
            focus_.list = wanted_list_;
            focus_.list_index = target - 1;
            return true;
        }
    }
    const int count = static_cast<int>(order.size());
    int next = at < 0 ? (step > 0 ? 0 : count - 1) : at + step;
    core::Utterance prefix;
    if (next >= count) {
        next = 0;
        prefix.push_back({tr(language, Phrase::spoken_top), language});
    }
    if (next < 0) next = count - 1;
    focus_on(*order[static_cast<size_t>(next)], std::move(prefix));
    return true;
}

}  // namespace plaza::ui
