// SPDX-License-Identifier: GPL-3.0-or-later
// The programme day by day: a tab per day, the sessions as a list grouped by start time or as a
// room × time grid, filters by track (or theme) and language. Cancelled sessions stay, struck
// through. Today's tab is chosen first and a line marks "now" in the grid when the clock can be
// trusted.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "ui/programme_data.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class ProgrammeScreen final : public Screen {
  public:
    static constexpr const char* kId = "programme";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override;

  private:
    bool shown(const ProgrammeSession& s) const;
    void draw_filters(UiContext& ctx, const ProgrammeData& p);
    void draw_list(UiContext& ctx, Navigation& nav, const ProgrammeData& p,
                   const ProgrammeDay& day);
    void draw_grid(UiContext& ctx, Navigation& nav, const ProgrammeData& p,
                   const ProgrammeDay& day);

    ProgrammeFeed* feed_ = nullptr;
    const content::EventInfo* event_ = nullptr;
    int day_ = -1;  // -1: today when the event is on, else the first day
    bool grid_ = false;
    std::set<std::string> tracks_, languages_shown_;
    KineticScrollState scroll_, filter_scroll_;
};

}  // namespace plaza::ui
