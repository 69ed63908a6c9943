// SPDX-License-Identifier: GPL-3.0-or-later
// A door sign for one room (room mode): the room's name and where it is, the session on now, the
// next one and the rest of the day, in type large enough to read from about three metres (the app
// builds bigger fonts in room mode). Nothing to touch; it follows the clock by itself and drifts
// by a few millimetres over minutes so that nothing burns into the panel.
#pragma once

#include <string>
#include <vector>

#include "ui/programme_data.h"
#include "ui/screens/screen.h"

namespace plaza::ui {

class RoomSignScreen final : public Screen {
  public:
    explicit RoomSignScreen(std::string room_slug) : room_slug_(std::move(room_slug)) {}
    const char* id() const override { return "room_sign"; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;

  private:
    ProgrammeFeed* feed_ = nullptr;
    std::string room_slug_;
    const content::EventInfo* event_ = nullptr;
};

}  // namespace plaza::ui
