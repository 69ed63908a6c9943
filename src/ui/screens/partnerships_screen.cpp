#include "ui/screens/partnerships_screen.h"

#include <imgui.h>

#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

core::FrameRequest PartnershipsScreen::draw(UiContext& ctx, Navigation&) {
    const Theme& t = theme();
    Text(ctx, ctx.fonts.title, tr(ctx.language, Phrase::partnerships), t.text);
    Text(ctx, ctx.fonts.body,
         std::to_string(partnerships_.size()) + " " + tr(ctx.language, Phrase::items_count),
         t.text_muted);

    core::FrameRequest request;
    ImGui::BeginChild("list", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float width = ImGui::GetContentRegionAvail().x;
    const float row_height = ctx.mm(24) + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(partnerships_.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const content::PartnershipCard& card = partnerships_[static_cast<size_t>(i)];
            TapCard(ctx, "partnerships/item/" + std::to_string(card.id), card.title, card.cities,
                    width, 24);
        }
    }
    request.animating = KineticScroll(ctx, scroll_);
    ImGui::EndChild();
    return request;
}

}  // namespace plaza::ui
