// SPDX-License-Identifier: GPL-3.0-or-later
// One partnership's profile: cities and roles, programme, period, themes and SDGs, the texts,
// photos, contacts with QR codes, related good practices and the event's sessions about it.
#pragma once

#include <vector>

#include "content/model.h"
#include "ui/programme_data.h"
#include "ui/screens/screen.h"
#include "ui/screens/screen_parts.h"
#include "ui/widgets/kinetic_scroll.h"
#include "ui/widgets/world_map.h"

namespace plaza::ui {

class PartnershipScreen final : public Screen {
  public:
    static constexpr const char* kId = "partnership";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    void open(std::int64_t record) override { (void)record, reset(); }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }
    void show(PartnershipPage page);

  private:
    const content::EventInfo* event_ = nullptr;
    content::PartnershipProfile profile_;
    std::vector<ContactQr> contacts_;
    std::vector<ProgrammeSession> sessions_;
    KineticScrollState scroll_;
    // Its cities and arcs on a small map (none when the kiosk has no world map).
    const WorldShapes* world_ = nullptr;
    MapScene mini_scene_;
    WorldMap mini_map_;
};

}  // namespace plaza::ui
