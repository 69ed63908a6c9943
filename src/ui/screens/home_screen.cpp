#include "ui/screens/home_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/programme_data.h"
#include "ui/screens/programme_parts.h"
#include "ui/screens/screen_parts.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {
namespace {

// "Tuesday, 19 March  09:00" in the visitor's language, as the programme names its days.
std::string format_local_time(const std::string& language, std::int64_t wall_ms,
                              int offset_minutes) {
    return day_label(language, local_date(wall_ms, offset_minutes)) + "  " +
           clock_time(wall_ms, offset_minutes);
}

}  // namespace

void HomeScreen::load(ScreenFeed& feed, std::int64_t) {
    data_ = &feed.browse();
}

core::FrameRequest HomeScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    const content::EventInfo& event = data_->event;
    // One scrolling page: with large text or the low-reach band, the featured items move below
    // the fold instead of being squeezed out.
    core::FrameRequest request;
    BeginScrollArea("home", scroll_);
    Heading(ctx, ctx.fonts.title, event.name, t.text);
    Text(ctx, ctx.fonts.body, event.venue + " · " + event.city, t.text_muted);
    Text(ctx, ctx.fonts.heading,
         format_local_time(ctx.language, ctx.wall_time_ms, ctx.local_offset_minutes), t.text);

    // The languages flow onto a second line when large text makes one too narrow.
    float line_left = ImGui::GetContentRegionAvail().x;
    const float spacing_x = ImGui::GetStyle().ItemSpacing.x;
    for (size_t i = 0; i < event.languages.size(); ++i) {
        const content::Language& language = event.languages[i];
        const float width = std::max(
            ctx.mm(kMinTargetMm),
            ctx.fonts.body
                    ->CalcTextSizeA(ctx.fonts.body->FontSize, FLT_MAX, 0, language.name.c_str())
                    .x +
                2 * ImGui::GetStyle().FramePadding.x);
        if (i > 0 && width <= line_left) {
            ImGui::SameLine();
        } else {
            line_left = ImGui::GetContentRegionAvail().x;
        }
        line_left -= width + spacing_x;
        const bool current = language.code == ctx.language;
        // Each language's name is read in that language.
        ButtonSpeech speech;
        speech.language = language.code;
        if (TapButton(ctx, "home/language/" + language.code, language.name, ImVec2(0, 0),
                      current ? ButtonStyle::selected : ButtonStyle::secondary, 0, speech)) {
            nav.language = language.code;
        }
    }

    // The ways in, as large cards: the programme's only when the bundle has sessions.
    const bool programme = data_->counts.sessions > 0;
    const float entries = programme ? 4.0f : 3.0f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float entry_width = (ImGui::GetContentRegionAvail().x - (entries - 1) * gap) / entries;
    const std::string items = std::string(" ") + tr(ctx.language, Phrase::items_count);
    const ImU32 accent = t.accent;
    if (TapCard(ctx, "home/partnerships", tr(ctx.language, Phrase::partnerships),
                std::to_string(data_->partnerships.size()) + items, entry_width, 24, {accent, 0})) {
        nav.open("partnerships");
    }
    ImGui::SameLine();
    if (TapCard(ctx, "home/practices", tr(ctx.language, Phrase::good_practices),
                std::to_string(data_->practices.size()) + items, entry_width, 24, {accent, 0})) {
        nav.open("practices");
    }
    ImGui::SameLine();
    if (TapCard(ctx, "home/search", tr(ctx.language, Phrase::search),
                tr(ctx.language, Phrase::search_prompt), entry_width, 24, {accent, 0})) {
        nav.open("search");
    }
    if (programme) {
        ImGui::SameLine();
        if (TapCard(ctx, "home/programme", tr(ctx.language, Phrase::programme),
                    tr(ctx.language, Phrase::programme_prompt), entry_width, 24, {accent, 0})) {
            nav.open("now_next");
        }
    }

    Heading(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::featured), t.text);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing) / 2;
    int column = 0;
    auto next_column = [&] {
        if (++column % 2 == 1) ImGui::SameLine();
    };
    for (const content::PartnershipCard& card : data_->partnerships) {
        if (!card.featured) continue;
        if (TapCard(ctx, "home/featured/partnership/" + std::to_string(card.id), card.title,
                    cities_with_countries(data_->facets, card), width, 32,
                    {colour_of(card.colour), card.thumbnail})) {
            nav.open("partnership", card.id);
        }
        next_column();
    }
    for (const content::PracticeCard& card : data_->practices) {
        if (!card.featured) continue;
        if (TapCard(ctx, "home/featured/practice/" + std::to_string(card.id), card.title, card.city,
                    width, 32, {colour_of(card.colour), card.thumbnail})) {
            nav.open("practice", card.id);
        }
        next_column();
    }
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
