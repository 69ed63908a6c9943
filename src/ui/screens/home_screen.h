// The home screen: event name, venue, local date and time, language chooser, the entries into
// the content, and featured partnerships.
#pragma once

#include <functional>
#include <vector>

#include "content/model.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class HomeScreen final : public Screen {
public:
    HomeScreen(const content::EventInfo& event, const content::ContentCounts& counts,
               const std::vector<content::PartnershipCard>& featured,
               std::function<void(const std::string&)> choose_language);
    const char* id() const override { return "home"; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override;

private:
    const content::EventInfo& event_;
    const content::ContentCounts& counts_;
    const std::vector<content::PartnershipCard>& featured_;
    std::function<void(const std::string&)> choose_language_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
