// The home screen: event name, venue, local date and time, language chooser, the entries into
// the content (partnerships, good practices, search) and featured items.
#pragma once

#include <functional>
#include <string>

#include "ui/browse_data.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class HomeScreen final : public Screen {
  public:
    HomeScreen(const BrowseData& data, std::function<void(const std::string&)> choose_language);
    const char* id() const override { return "home"; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }

  private:
    const BrowseData& data_;
    std::function<void(const std::string&)> choose_language_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
