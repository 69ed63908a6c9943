// The home screen: event name, venue, local date and time, language chooser, the entries into
// the content (partnerships, good practices, search) and featured items.
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
    const BrowseData* data_ = nullptr;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
