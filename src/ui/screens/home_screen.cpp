#include "ui/screens/home_screen.h"

#include <imgui.h>

#include <cstdio>

#include "core/civil_time.h"
#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

std::string format_local_time(std::int64_t wall_ms, int offset_minutes) {
    static const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    const core::CivilTime t = core::civil_from_unix_ms(wall_ms, offset_minutes);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %04d-%02d-%02d  %02d:%02d", kWeekdays[t.weekday], t.year,
                  t.month, t.day, t.hour, t.minute);
    return buf;
}

}  // namespace

HomeScreen::HomeScreen(const content::EventInfo& event, const content::ContentCounts& counts,
                       const std::vector<content::PartnershipCard>& featured,
                       std::function<void(const std::string&)> choose_language)
    : event_(event), counts_(counts), featured_(featured),
      choose_language_(std::move(choose_language)) {}

void HomeScreen::reset() { scroll_ = {}; }

core::FrameRequest HomeScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    Text(ctx, ctx.fonts.title, event_.name, t.text);
    Text(ctx, ctx.fonts.body, event_.venue + " · " + event_.city, t.text_muted);
    Text(ctx, ctx.fonts.heading, format_local_time(ctx.wall_time_ms, event_.utc_offset_minutes),
         t.text);

    for (const content::Language& language : event_.languages) {
        const bool current = language.code == ctx.language;
        if (TapButton(ctx, "home/language/" + language.code, language.name, ImVec2(0, 0),
                      current ? ButtonStyle::selected : ButtonStyle::secondary)) {
            choose_language_(language.code);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();

    if (TapButton(ctx, "home/partnerships", tr(ctx.language, Phrase::partnerships),
                  ImVec2(90, 20))) {
        nav.go_to(ScreenId::partnerships);
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ctx.mm(6));
    Text(ctx, ctx.fonts.heading,
         std::to_string(counts_.partnerships) + " " + tr(ctx.language, Phrase::items_count),
         t.text_muted);

    Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::featured), t.text);
    core::FrameRequest request;
    ImGui::BeginChild("featured", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float width = ImGui::GetContentRegionAvail().x;
    for (const content::PartnershipCard& card : featured_) {
        if (TapCard(ctx, "home/featured/" + std::to_string(card.id), card.title, card.cities,
                    width, 24)) {
            nav.go_to(ScreenId::partnerships);
        }
    }
    request.animating = KineticScroll(ctx, scroll_);
    ImGui::EndChild();
    return request;
}

}  // namespace plaza::ui
