// SPDX-License-Identifier: GPL-3.0-or-later
// Spoken mode: a blind visitor operates the kiosk through audio alone. The focus walks through
// what the screen shows (every text and control the widgets recorded, in drawing order) with the
// large previous / next / select / back controls along the bottom edge, and each item is read
// aloud with its role and its place in its list ("Partnership 3 of 12: ..."), each part in its
// own language. The widgets see the focus through UiContext::spoken (touch_widgets.h).
#pragma once

#include <string>

#include "core/frame_report.h"
#include "core/speech.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class SpokenMode {
  public:
    // `speech` may be null (a UI without a voice, in tests of other parts): nothing is said.
    explicit SpokenMode(core::Speech* speech) : speech_(speech) {}

    bool on() const { return on_; }
    void start();
    void stop();
    // What the widgets draw with; null while spoken mode is off.
    SpokenFocus* focus() { return on_ ? &focus_ : nullptr; }

    enum class Move { previous, next, select };
    // From the bottom controls: acts after the frame (select: the focused control acts as if
    // tapped in the next frame).
    void request(Move move);

    // After the screens drew into `report` in the visitor's `language`: follows a new screen,
    // moves the focus as asked and says the focused item. Returns true while it needs another
    // frame (a long list scrolling to the next item, a control about to act).
    bool after_frame(const core::FrameReport& report, const std::string& language);

    // Says something that is not an item on the screen ("Still there?").
    void announce(const std::string& text, const std::string& language);

    // How an item is read: role and position in the visitor's language, the label in its own.
    static core::Utterance reading(const core::VisibleItem& item, const std::string& language);

  private:
    void say(core::Utterance utterance);
    void focus_on(const core::VisibleItem& item, core::Utterance prefix = {});

    core::Speech* speech_;
    bool on_ = false;
    bool introduce_ = false;  // the next utterance starts with how spoken mode works
    SpokenFocus focus_;
    std::string screen_;  // the screen the focus belongs to
    enum class Pending { none, previous, next, select };
    Pending pending_ = Pending::none;
    // A long list is scrolling to the item the focus moves to: its list and 1-based position.
    std::string wanted_list_;
    int wanted_position_ = 0;
    int frames_waiting_ = 0;
    std::string language_;  // the visitor's language at the last frame
};

}  // namespace plaza::ui
