#include "ui/screens/practice_screen.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/theme.h"
#include "ui/widgets/content_widgets.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

void PracticeScreen::load(ScreenFeed& feed, std::int64_t record) {
    languages_ = &feed.browse().event.languages;
    if (feed_changed(feed) || record != detail_.id) show(feed.practice(record));
}

void PracticeScreen::show(content::PracticeDetail detail) {
    detail_ = std::move(detail);
    body_ = core::parse_markdown(detail_.body_markdown);
    link_codes_.clear();
    for (const core::MarkdownLink& link : body_.links)
        link_codes_.push_back(core::encode_qr(link.url));
    contacts_ = contact_qr_codes(detail_.contacts);
    scroll_ = {};
}

core::FrameRequest PracticeScreen::draw(UiContext& ctx, Navigation& nav) {
    const Theme& t = theme();
    const content::PracticeDetail& d = detail_;
    core::FrameRequest request;
    BeginScrollArea("practice", scroll_);
    ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, ctx.mm(260)));
    ctx.content_language = d.fallback_language;
    Heading(ctx, ctx.fonts.title, d.title, t.text);
    Text(ctx, ctx.fonts.heading, d.city, t.text);
    FacetLabels(ctx, d.themes);
    FallbackNote(ctx, d.fallback_language, *languages_);

    if (!d.key_figures.empty()) {
        // Key figures stand out: a big number over its label, side by side.
        ImGui::Dummy(ImVec2(0, ctx.mm(2)));
        const float box = ctx.mm(60);
        for (size_t i = 0; i < d.key_figures.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + box);
            Text(ctx, ctx.fonts.title, d.key_figures[i].value, t.accent);
            TextWrapped(ctx, ctx.fonts.body, d.key_figures[i].label, t.text);
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
        }
    }
    Section(ctx, tr(ctx.language, Phrase::summary), d.summary);
    ImGui::Dummy(ImVec2(0, ctx.mm(2)));
    MarkdownView(ctx, body_, [&](const std::string& source) -> std::int64_t {
        for (const content::MediaRef& m : d.media) {
            if (m.source == source) return m.media_id;
        }
        return 0;
    });
    ctx.content_language.clear();
    if (!body_.links.empty()) {
        ImGui::Dummy(ImVec2(0, ctx.mm(2)));
        Text(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::links), t.text);
        for (size_t i = 0; i < body_.links.size(); ++i) {
            QrCode(ctx, "practice/link/" + std::to_string(i) + "/qr", link_codes_[i], 36);
            ImGui::SameLine(0, ctx.mm(5));
            ImGui::BeginGroup();
            Text(ctx, ctx.fonts.body_bold, body_.links[i].text, t.text);
            Text(ctx, ctx.fonts.body, body_.links[i].url, t.text_muted);
            ImGui::EndGroup();
        }
    }
    RelatedPartnerships(ctx, "practice", d.partnerships, nav);
    Contacts(ctx, "practice", contacts_);
    ImGui::PopTextWrapPos();
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

}  // namespace plaza::ui
