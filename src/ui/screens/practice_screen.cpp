// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/screens/practice_screen.h"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n/phrases.h"
#include "ui/icons.h"
#include "ui/screens/screen_parts.h"
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
    const DetailColumns columns = detail_columns(ctx, ImGui::GetContentRegionAvail().x);
    ctx.content_language = d.fallback_language;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + columns.main_width);
    Heading(ctx, ctx.fonts.title, d.title, t.text);
    ImGui::PopTextWrapPos();

    // The story in the readable column: key figures, summary, body, its links.
    auto main = [&] {
        ctx.content_language = d.fallback_language;
        IconText(ctx, ctx.fonts.heading, icon::place, d.city, t.text);
        FallbackNote(ctx, d.fallback_language, *languages_);
        if (!d.key_figures.empty()) {
            // Key figures stand out: a big number over its label, side by side as far as the
            // column allows.
            ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.s)));
            const float gap = ImGui::GetStyle().ItemSpacing.x;
            const int count = static_cast<int>(d.key_figures.size());
            const int per_row = std::clamp(
                static_cast<int>((columns.main_width + gap) / (ctx.mm(60) + gap)), 1, count);
            const float box = (columns.main_width - gap * static_cast<float>(per_row - 1)) /
                              static_cast<float>(per_row);
            for (int i = 0; i < count; ++i) {
                if (i % per_row != 0) ImGui::SameLine();
                ImGui::BeginGroup();
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + box);
                Text(ctx, ctx.fonts.title, d.key_figures[static_cast<size_t>(i)].value, t.accent);
                TextWrapped(ctx, ctx.fonts.body, d.key_figures[static_cast<size_t>(i)].label,
                            t.text);
                ImGui::PopTextWrapPos();
                ImGui::Dummy(ImVec2(box, 0));
                ImGui::EndGroup();
            }
        }
        Section(ctx, tr(ctx.language, Phrase::summary), d.summary);
        ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.s)));
        MarkdownView(ctx, body_, [&](const std::string& source) -> std::int64_t {
            for (const content::MediaRef& m : d.media) {
                if (m.source == source) return m.media_id;
            }
            return 0;
        });
        ctx.content_language.clear();
        if (!body_.links.empty()) {
            ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.s)));
            Heading(ctx, ctx.fonts.heading, tr(ctx.language, Phrase::links), t.text);
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
    };
    // Beside it: the themes, the practice's pictures with their captions (those the body does
    // not already show) and whom to contact.
    auto side = [&] {
        ctx.content_language = d.fallback_language;
        FacetLabels(ctx, d.themes);
        for (size_t i = 0; i < d.media.size(); ++i) {
            if (in_body(d.media[i].source)) continue;
            ImGui::Dummy(ImVec2(0, ctx.mm(kSpace.xs)));
            Photo(ctx, "practice/photo/" + std::to_string(i), d.media[i].media_id,
                  d.media[i].caption, columns.side_width);
        }
        ctx.content_language.clear();
    };
    DetailLayout(ctx, columns, main, side, [&] { Contacts(ctx, "practice", contacts_); });
    ctx.content_language.clear();
    request.animating = EndScrollArea(ctx, scroll_);
    return request;
}

bool PracticeScreen::in_body(const std::string& source) const {
    return std::any_of(body_.blocks.begin(), body_.blocks.end(), [&](const core::MarkdownBlock& b) {
        return b.kind == core::MarkdownBlock::Kind::image && b.image_source == source;
    });
}

}  // namespace plaza::ui
