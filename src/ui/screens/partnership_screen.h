// One partnership's profile: cities and roles, programme, period, themes and SDGs, the texts,
// photos, contacts with QR codes, related good practices and the event's sessions about it.
#pragma once

#include <vector>

#include "content/model.h"
#include "ui/programme_data.h"
#include "ui/screens/screen.h"
#include "ui/screens/screen_parts.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class PartnershipScreen final : public Screen {
  public:
    explicit PartnershipScreen(const std::vector<content::Language>& languages)
        : languages_(languages) {}
    const char* id() const override { return "partnership"; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }
    // `sessions`: the profile's sessions with their local times (see programme_session()).
    void show(content::PartnershipProfile profile, std::vector<ProgrammeSession> sessions);
    std::int64_t showing() const { return profile_.id; }

  private:
    const std::vector<content::Language>& languages_;
    content::PartnershipProfile profile_;
    std::vector<ContactQr> contacts_;
    std::vector<ProgrammeSession> sessions_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
