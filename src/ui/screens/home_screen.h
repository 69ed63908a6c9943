// SPDX-License-Identifier: GPL-3.0-or-later
// The home screen: the event's band (logo, name, dates, venue, today's date and time, hero
// picture), language chooser, the entries into the content (partnerships, good practices,
// search, programme) and featured items.
#pragma once

#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class HomeScreen final : public Screen {
  public:
    static constexpr const char* kId = "home";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }

  private:
    // The event's band: logo, name, dates, venue and today's date and time on the event's
    // colour, beside (landscape) or under (portrait) its hero picture with the credit.
    void draw_hero(UiContext& ctx);

    const BrowseData* data_ = nullptr;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
