// SPDX-License-Identifier: GPL-3.0-or-later
// Good practices as a list of cards, with theme chips to narrow it.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class PracticesScreen final : public Screen {
  public:
    static constexpr const char* kId = "practices";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override {
        themes_.clear();
        scroll_ = {};
    }

  private:
    const BrowseData* data_ = nullptr;
    std::set<std::int64_t> themes_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
