// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/content_widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include <fribidi.h>

#include "core/utf8.h"
#include "ui/i18n/phrases.h"
#include "ui/shaped_text.h"
#include "ui/theme.h"
#include "ui/widgets/touch_widgets.h"

namespace plaza::ui {

ImU32 to_imgui_colour(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    return IM_COL32(r, g, b, 255);
}

bool FilterChip(UiContext& ctx, const std::string& id, const std::string& label, bool selected,
                ImU32 dot) {
    ButtonSpeech speech;
    speech.toggle = true;
    speech.role = tr(ctx.language, Phrase::role_filter);
    return TapButton(ctx, id, label, ImVec2(0, kMinTargetMm),
                     selected ? ButtonStyle::selected : ButtonStyle::secondary, dot, speech);
}

void DrawImageCover(UiContext& ctx, ImDrawList* draw, const core::ImageKey& key, ImVec2 min,
                    ImVec2 max) {
    const float rounding = ImGui::GetStyle().FrameRounding;
    core::ImageView view;
    if (key.media_id != 0 && ctx.images) view = ctx.images->image(key);
    if (view.state != core::ImageState::ready || view.width <= 0 || view.height <= 0) {
        draw->AddRectFilled(min, max, theme().placeholder, rounding);
        return;
    }
    // Cover: crop the longer side of the picture so it fills the box without distortion.
    const float box_aspect = (max.x - min.x) / (max.y - min.y);
    const float image_aspect = view.width / view.height;
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (image_aspect > box_aspect) {
        const float keep = box_aspect / image_aspect;
        uv0.x = (1 - keep) / 2, uv1.x = 1 - uv0.x;
    } else {
        const float keep = image_aspect / box_aspect;
        uv0.y = (1 - keep) / 2, uv1.y = 1 - uv0.y;
    }
    draw->AddImageRounded(view.texture, min, max, uv0, uv1, IM_COL32_WHITE, rounding);
}

void DrawIconTile(UiContext& ctx, ImDrawList* draw, const char* icon, ImU32 colour, ImVec2 min,
                  ImVec2 max) {
    // A white icon on the theme's colour, darkened as far as white needs: light theme colours
    // (yellow) and dark ones alike. High contrast: the palette's brand pair.
    const bool high = high_contrast_in_use();
    DrawSurface(draw, min, max, high ? theme().brand : readable_under_white(colour),
                ctx.mm(kRadiusMm));
    ImFont* font = ctx.fonts.title;
    const float size = std::min(font->FontSize, (max.y - min.y) * 0.6f);
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, icon);
    const ImU32 ink = high ? theme().on_brand : IM_COL32_WHITE;
    draw->AddText(font, size,
                  ImVec2(std::round((min.x + max.x - extent.x) / 2),
                         std::round((min.y + max.y - extent.y) / 2)),
                  ink, icon);
}

void Thumbnail(UiContext& ctx, const core::ImageKey& key, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (!ImGui::IsItemVisible()) return;
    DrawImageCover(ctx, ImGui::GetWindowDrawList(), key, min,
                   ImVec2(min.x + size.x, min.y + size.y));
}

void QrCode(UiContext& ctx, const std::string& id, const core::QrMatrix& qr, float size_mm) {
    const float size = ctx.mm(size_mm);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    if (!ImGui::IsItemVisible() || qr.size == 0) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, ImVec2(min.x + size, min.y + size), IM_COL32_WHITE);
    // Four modules of quiet zone on each side (ISO/IEC 18004 §6.3.8).
    const int total = qr.size + 8;
    const float module = std::floor(size / static_cast<float>(total));
    const float offset = std::floor((size - module * static_cast<float>(qr.size)) / 2);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.at(x, y)) continue;
            const ImVec2 a(min.x + offset + module * static_cast<float>(x),
                           min.y + offset + module * static_cast<float>(y));
            draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
        }
    }
    RecordItem(ctx, core::VisibleItem::Kind::text, id, "QR code");
}

namespace {

ImFont* font_for(const FontSet& fonts, const core::TextRun& run) {
    if (run.strong) return fonts.body_bold;
    if (run.emphasis) return fonts.body_italic;
    return fonts.body;
}

float width_in(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str(), text.c_str() + text.size())
        .x;
}

// The embedding level of each byte of `text` by the Unicode bidirectional algorithm (FriBidi),
// the paragraph left to right as the interface is (ui/shaped_text.h orders a text the same way).
std::vector<FriBidiLevel> levels_of(const std::string& text) {
    const std::u32string chars = core::decode_utf8(text);
    const auto n = static_cast<FriBidiStrIndex>(chars.size());
    std::vector<FriBidiCharType> types(chars.size());
    std::vector<FriBidiBracketType> brackets(chars.size());
    std::vector<FriBidiLevel> levels(chars.size(), 0);
    const auto* data = reinterpret_cast<const FriBidiChar*>(chars.data());
    fribidi_get_bidi_types(data, n, types.data());
    fribidi_get_bracket_types(data, n, types.data(), brackets.data());
    FriBidiParType direction = FRIBIDI_PAR_LTR;
    if (n > 0 && fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction,
                                                     levels.data()) == 0)
        std::fill(levels.begin(), levels.end(), FriBidiLevel{0});
    std::vector<FriBidiLevel> out;
    out.reserve(text.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++k;
        out.push_back(k < levels.size() ? levels[k] : FriBidiLevel{0});
    }
    return out;
}

// The parts of `all` in [begin, end) that lie in one run each: (run, begin, end).
struct Span {
    std::size_t run, begin, end;
};

std::vector<Span> spans_of(const std::vector<std::size_t>& run_starts, std::size_t begin,
                           std::size_t end) {
    std::vector<Span> out;
    for (std::size_t r = 0; r < run_starts.size() - 1 && begin < end; ++r) {
        const std::size_t b = std::max(begin, run_starts[r]), e = std::min(end, run_starts[r + 1]);
        if (b < e) out.push_back({r, b, e});
    }
    return out;
}

}  // namespace

std::vector<std::vector<ShapedPiece>> LayoutShapedRuns(const FontSet& fonts,
                                                       const std::vector<core::TextRun>& runs,
                                                       float width) {
    std::string all;
    std::vector<std::size_t> run_starts;
    for (const core::TextRun& run : runs) {
        run_starts.push_back(all.size());
        all += run.text;
    }
    run_starts.push_back(all.size());
    // The width of [begin, end) as drawn, each run's part in its own font.
    auto measure = [&](std::size_t begin, std::size_t end) {
        float w = 0;
        for (const Span& s : spans_of(run_starts, begin, end))
            w += width_in(font_for(fonts, runs[s.run]),
                          shown(fonts, all.substr(s.begin, s.end - s.begin)));
        return w;
    };
    // Words (between spaces) and the greedy lines they fill, in logical order.
    struct Word {
        std::size_t begin, end;
    };
    std::vector<Word> words;
    for (std::size_t i = 0; i < all.size();) {
        if (all[i] == ' ' || all[i] == '\n') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < all.size() && all[j] != ' ' && all[j] != '\n')
            ++j;
        words.push_back({i, j});
        i = j;
    }
    std::vector<std::pair<std::size_t, std::size_t>> lines;  // byte ranges of `all`
    float x = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const float word = measure(words[k].begin, words[k].end);
        const float gap = k == 0 ? 0.0f : measure(words[k - 1].end, words[k].begin);
        if (!lines.empty() && x + gap + word <= width) {
            lines.back().second = words[k].end;
            x += gap + word;
        } else {
            lines.emplace_back(words[k].begin, words[k].end);
            x = word;
        }
    }
    std::vector<std::vector<ShapedPiece>> out;
    for (const auto& [begin, end] : lines) {
        const std::string line = all.substr(begin, end - begin);
        const std::vector<FriBidiLevel> levels = levels_of(line);
        // Pieces of one run and one level each, put in visual order.
        struct Piece {
            std::size_t run, begin, end;  // bytes of `line`
            FriBidiLevel level;
        };
        std::vector<Piece> pieces;
        for (const Span& s : spans_of(run_starts, begin, end)) {
            for (std::size_t i = s.begin - begin; i < s.end - begin; ++i) {
                if (!pieces.empty() && pieces.back().run == s.run &&
                    pieces.back().level == levels[i] && pieces.back().end == i)
                    pieces.back().end = i + 1;
                else
                    pieces.push_back({s.run, i, i + 1, levels[i]});
            }
        }
        reorder_by_level(pieces);
        std::vector<ShapedPiece> placed;
        float left = 0;
        for (const Piece& p : pieces) {
            const std::string text = line.substr(p.begin, p.end - p.begin);
            ShapedPiece piece;
            piece.run = p.run;
            const std::size_t first = text.find_first_not_of(' ');
            if (first == std::string::npos) {
                piece.text = text;
            } else {
                const std::size_t last = text.find_last_not_of(' ');
                const std::string lead(first, ' '), trail(text.size() - 1 - last, ' ');
                const std::string& core = shown(fonts, text.substr(first, last + 1 - first));
                // A right-to-left piece's spaces change sides with its words.
                piece.text = p.level % 2 ? trail + core + lead : lead + core + trail;
            }
            piece.width = width_in(font_for(fonts, runs[p.run]), piece.text);
            piece.x = left;
            left += piece.width;
            placed.push_back(std::move(piece));
        }
        out.push_back(std::move(placed));
    }
    return out;
}

namespace {

// Advances past one UTF-8 character.
const char* next_char(const char* p, const char* end) {
    ++p;
    while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
        ++p;
    return p;
}

}  // namespace

float TextWidthLeft() {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    return wrap > 0 ? std::min(avail, wrap - ImGui::GetCursorPosX()) : avail;
}

void RichText(UiContext& ctx, const std::vector<core::TextRun>& runs, ImU32 colour) {
    const float width = std::max(TextWidthLeft(), ctx.mm(20));
    const float line_height = ctx.fonts.body->FontSize * 1.35f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Theme& t = theme();
    std::string all;
    for (const core::TextRun& run : runs)
        all += run.text;
    auto underline = [&](const core::TextRun& run, ImFont* font, ImVec2 pos, float w) {
        if (run.link >= 0)
            draw->AddLine(ImVec2(pos.x, pos.y + font->FontSize),
                          ImVec2(pos.x + w, pos.y + font->FontSize), t.accent, ctx.mm(0.3f));
    };
    if (ctx.fonts.shaper && has_shaped_script(all)) {
        const auto lines = LayoutShapedRuns(ctx.fonts, runs, width);
        float y = 0;
        for (const std::vector<ShapedPiece>& line : lines) {
            for (const ShapedPiece& piece : line) {
                const core::TextRun& run = runs[piece.run];
                ImFont* font = font_for(ctx.fonts, run);
                const ImVec2 pos(origin.x + piece.x, origin.y + y);
                draw->AddText(font, font->FontSize, pos, run.link >= 0 ? t.accent : colour,
                              piece.text.c_str(), piece.text.c_str() + piece.text.size());
                underline(run, font, pos, piece.width);
            }
            y += line_height;
        }
        ImGui::Dummy(ImVec2(width, std::max(y, line_height)));
        RecordItem(ctx, core::VisibleItem::Kind::text, "", all);
        return;
    }
    float x = 0, y = 0;
    for (const core::TextRun& run : runs) {
        ImFont* font = font_for(ctx.fonts, run);
        const ImU32 run_colour = run.link >= 0 ? t.accent : colour;
        const char* text = run.text.c_str();
        const char* end = text + run.text.size();
        while (text < end) {
            if (x == 0) {
                while (text < end && *text == ' ')
                    ++text;  // no space at the start of a line
                if (text == end) break;
            }
            const char* cut = font->CalcWordWrapPositionA(1.0f, text, end, width - x);
            if (cut == text) {
                if (x > 0) {  // nothing fits in what is left of this line
                    x = 0, y += line_height;
                    continue;
                }
                cut = next_char(text, end);  // a single character wider than the line
            }
            const ImVec2 pos(origin.x + x, origin.y + y);
            draw->AddText(font, font->FontSize, pos, run_colour, text, cut);
            const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text, cut).x;
            underline(run, font, pos, w);
            x += w;
            text = cut;
            if (text < end) x = 0, y += line_height;
        }
    }
    ImGui::Dummy(ImVec2(width, y + line_height));
    RecordItem(ctx, core::VisibleItem::Kind::text, "", all);
}

void MarkdownView(UiContext& ctx, const core::MarkdownDocument& doc,
                  const std::function<std::int64_t(const std::string&)>& image_for) {
    const Theme& t = theme();
    for (const core::MarkdownBlock& block : doc.blocks) {
        switch (block.kind) {
            case core::MarkdownBlock::Kind::heading: {
                std::string text;
                for (const auto& run : block.runs)
                    text += run.text;
                ImGui::Dummy(ImVec2(0, ctx.mm(2)));
                TextWrapped(ctx, block.level <= 1 ? ctx.fonts.title : ctx.fonts.heading, text,
                            t.text);
                break;
            }
            case core::MarkdownBlock::Kind::paragraph:
                RichText(ctx, block.runs, t.text);
                break;
            case core::MarkdownBlock::Kind::list_item: {
                const float indent = ctx.mm(6) * static_cast<float>(block.level);
                ImGui::Indent(indent);
                const ImVec2 pos = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddText(ctx.fonts.body, ctx.fonts.body->FontSize,
                                                    ImVec2(pos.x - ctx.mm(5), pos.y), t.text,
                                                    block.bullet.c_str());
                RichText(ctx, block.runs, t.text);
                ImGui::Unindent(indent);
                break;
            }
            case core::MarkdownBlock::Kind::image: {
                const std::int64_t media = image_for(block.image_source);
                const float w = std::min(TextWidthLeft(), ctx.mm(160));
                Thumbnail(ctx, {media, core::ImageVariant::display}, ImVec2(w, w * 9 / 16));
                break;
            }
        }
    }
}

}  // namespace plaza::ui
