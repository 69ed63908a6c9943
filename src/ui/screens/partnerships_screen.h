// All partnerships as a scrolling list of cards; only the cards on screen are built, so the list
// stays smooth with tens of thousands of records.
#pragma once

#include <vector>

#include "content/model.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class PartnershipsScreen final : public Screen {
public:
    explicit PartnershipsScreen(const std::vector<content::PartnershipCard>& partnerships)
        : partnerships_(partnerships) {}
    const char* id() const override { return "partnerships"; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }

private:
    const std::vector<content::PartnershipCard>& partnerships_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
