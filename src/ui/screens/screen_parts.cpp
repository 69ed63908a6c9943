// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/screen_parts.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

unsigned int colour_of(const content::Colour& c) {
    return IM_COL32(c.r, c.g, c.b, 255);
}

std::string cities_with_countries(const content::Facets& facets,
                                  const content::PartnershipCard& card) {
    if (card.city_ids.empty()) return card.cities;
    std::string line;
    for (std::int64_t id : card.city_ids) {
        const auto it = std::lower_bound(
            facets.cities.begin(), facets.cities.end(), id,
            [](const content::Facet& facet, std::int64_t value) { return facet.id < value; });
        if (it == facets.cities.end() || it->id != id) return card.cities;
        if (!line.empty()) line += " · ";
        line += it->label;
    }
    return line;
}

bool SkipToResults(UiContext& ctx, const std::string& id, const std::string& target) {
    if (!ctx.spoken) return false;
    const bool tapped = TapButton(ctx, id, tr(ctx.language, Phrase::skip_to_content), ImVec2(0, 0),
                                  ButtonStyle::secondary, 0, {}, icon::skip);
    if (!ctx.report.items.empty() && ctx.report.items.back().id == id)
        ctx.report.items.back().skip_to_list = target;
    return tapped;
}

void Section(UiContext& ctx, const char* heading, const std::string& text) {
    if (text.empty()) return;
    const Theme& t = theme();
    ImGui::Dummy(ImVec2(0, ctx.mm(2)));
    // The heading is Plaza's own words, in the visitor's language.
    const std::string content_language = std::exchange(ctx.content_language, std::string());
    Heading(ctx, ctx.fonts.heading, heading, t.text);
    ctx.content_language = content_language;
    TextWrapped(ctx, ctx.fonts.body, text, t.text);
}

void FacetLabels(UiContext& ctx, const std::vector<content::Facet>& facets) {
    const Theme& t = theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Labels flow left to right and start a new line where the next one would not fit (up to
    // the text wrap position when one is set), at every text size.
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float right = window->DC.TextWrapPos > 0
                            ? window->Pos.x - window->Scroll.x + window->DC.TextWrapPos
                            : window->WorkRect.Max.x;
    const float r = ctx.mm(1.8f);
    float x = 0;
    for (size_t i = 0; i < facets.size(); ++i) {
        const float width =
            2 * r + ctx.mm(2) + ShownTextSize(ctx.fonts, ctx.fonts.body, facets[i].label).x;
        if (i > 0 && x + ctx.mm(4) + width <= right) ImGui::SameLine(0, ctx.mm(4));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        x = pos.x + width;
        ImGui::Dummy(ImVec2(2 * r + ctx.mm(1), ctx.fonts.body->FontSize));
        draw->AddCircleFilled(ImVec2(pos.x + r, pos.y + ctx.fonts.body->FontSize / 2), r,
                              colour_of(facets[i].colour));
        ImGui::SameLine(0, ctx.mm(1));
        Text(ctx, ctx.fonts.body, facets[i].label, t.text);
    }
}

std::vector<ContactQr> contact_qr_codes(const std::vector<content::Contact>& contacts) {
    std::vector<ContactQr> out;
    for (const content::Contact& c : contacts) {
        const bool person = !c.person.empty() || !c.email.empty();
        out.push_back(
            {c, core::encode_qr(person ? core::make_vcard(c.person, c.organisation, c.email, c.url)
                                       : c.url)});
    }
    return out;
}

void Contacts(UiContext& ctx, const std::string& id_prefix,
              const std::vector<ContactQr>& contacts) {
    if (contacts.empty()) return;
    const Theme& t = theme();
    ImGui::Dummy(ImVec2(0, ctx.mm(2)));
    Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::contacts), t.text);
    Text(ctx, ctx.fonts.body, tr(ctx.language, Phrase::scan_to_keep), t.text_muted);
    for (size_t i = 0; i < contacts.size(); ++i) {
        const content::Contact& c = contacts[i].contact;
        ImGui::PushID(static_cast<int>(i));
        if (contacts[i].qr.size > 0) {
            QrCode(ctx, id_prefix + "/contact/" + std::to_string(i) + "/qr", contacts[i].qr, 40);
            ImGui::SameLine(0, ctx.mm(5));
        }
        ImGui::BeginGroup();
        Text(ctx, ctx.fonts.body_bold, c.organisation, t.text);
        for (const std::string* line : {&c.person, &c.email, &c.url}) {
            if (!line->empty()) Text(ctx, ctx.fonts.body, *line, t.text);
        }
        ImGui::EndGroup();
        ImGui::PopID();
    }
}

void RelatedPartnerships(UiContext& ctx, const std::string& id_prefix,
                         const std::vector<content::PartnershipCard>& cards, Navigation& nav) {
    if (cards.empty()) return;
    ImGui::Dummy(ImVec2(0, ctx.mm(2)));
    Heading(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::related_partnerships), theme().text);
    const float width = std::min(TextWidthLeft(), ctx.mm(260));
    for (size_t i = 0; i < cards.size(); ++i) {
        const content::PartnershipCard& card = cards[i];
        CardLook look;
        look.accent = colour_of(card.colour);
        look.thumbnail = card.thumbnail;
        look.icon = icon::partnership;
        look.whole_title = true;
        look.role = tr(ctx.language, Phrase::role_partnership);
        look.position = static_cast<int>(i) + 1;
        look.count = static_cast<int>(cards.size());
        if (TapCard(ctx, id_prefix + "/partnership/" + std::to_string(card.id), card.title,
                    card.cities, width, 30, look)) {
            nav.open("partnership", card.id);
        }
    }
}

void FallbackNote(UiContext& ctx, const std::string& fallback_language,
                  const std::vector<content::Language>& languages) {
    if (fallback_language.empty()) return;
    std::string name = fallback_language;
    for (const content::Language& l : languages) {
        if (l.code == fallback_language) name = l.name;
    }
    Text(ctx, ctx.fonts.body_italic, std::string(tr(ctx.language, Phrase::shown_in)) + " " + name,
         theme().text_muted);
}

DetailColumns detail_columns(const UiContext& ctx, float available_width) {
    ImFont* font = ctx.fonts.body;
    static const char kSample[] = "The quick brown fox jumps over the lazy dog, as cities do.";
    const float average =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, kSample).x / (sizeof kSample - 1);
    const float readable = std::floor(average * kReadableChars);
    const float gap = ctx.mm(kSpace.xl);
    DetailColumns c;
    // The side column holds QR codes (40 mm) with their words beside them, photos and the map;
    // it takes what the text column leaves, so the page spans the screen.
    const float side_min = ctx.mm(110);
    if (available_width - gap - side_min < std::min(readable, ctx.mm(170))) {
        c.stacked = true;
        c.text_width = std::min(readable, available_width);
        c.main_width = available_width;
        c.side_width = available_width;
        return c;
    }
    c.text_width = std::min(readable, available_width - gap - side_min);
    c.main_width = c.text_width;
    c.side_width = std::min(available_width - gap - c.text_width, ctx.mm(240));
    return c;
}

void DetailLayout(UiContext& ctx, const DetailColumns& columns, const std::function<void()>& main,
                  const std::function<void()>& side, const std::function<void()>& side_end) {
    auto column = [&](float width, float wrap, const std::function<void()>& draw,
                      const std::function<void()>& then) {
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        draw();
        if (then) then();
        ImGui::PopTextWrapPos();
        // The group is as wide as the column, whatever its lines are.
        ImGui::Dummy(ImVec2(width, 0));
        ImGui::EndGroup();
    };
    if (columns.stacked) {
        column(columns.side_width, columns.side_width, side, nullptr);
        column(columns.main_width, columns.text_width, main, nullptr);
        if (side_end) column(columns.side_width, columns.side_width, side_end, nullptr);
        return;
    }
    column(columns.main_width, columns.text_width, main, nullptr);
    ImGui::SameLine(0, ctx.mm(kSpace.xl));
    column(columns.side_width, columns.side_width, side, side_end);
}

void Photo(UiContext& ctx, const std::string& id, std::int64_t media_id, const std::string& caption,
           float width) {
    const float height = std::round(width * 2 / 3);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    if (ImGui::IsItemVisible()) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        DrawSurface(draw, at, ImVec2(at.x + width, at.y + height), theme().surface,
                    ctx.mm(kRadiusMm), Elevation::raised, ctx.px_per_mm);
        DrawImageCover(ctx, draw, {media_id, core::ImageVariant::display}, at,
                       ImVec2(at.x + width, at.y + height));
    }
    core::VisibleItem item;
    item.kind = core::VisibleItem::Kind::text;
    item.id = id;
    item.label = tr(ctx.language, Phrase::photo);
    RecordItem(ctx, std::move(item));
    if (!caption.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        TextWrapped(ctx, ctx.fonts.body, caption, theme().text_muted);
        ImGui::PopTextWrapPos();
    }
}

void BeginScrollArea(const char* id, KineticScrollState& state, float height) {
    // ImGui keeps a child window's scroll for as long as it lives: the profile area opened for
    // another partnership would still be scrolled as far as the last one was.
    if (state.from_top) ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
    state.from_top = false;
    // A little room above and below the content: a child window without a border has no
    // padding, and the outline of a card at the very top would be cut in half by the edge.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(0.0f, ImGui::GetStyle().ItemSpacing.y / 4));
    ImGui::BeginChild(id, ImVec2(0, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
}

bool EndScrollArea(UiContext& ctx, KineticScrollState& state) {
    const bool moving = KineticScroll(ctx, state);
    ImGui::EndChild();
    return moving;
}

}  // namespace plaza::ui
