// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces several screens share: section headings with text, theme labels, contact blocks with
// QR codes, related partnerships, the scrolling content area, and the note shown when a text
// falls back to another language.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "content/model.h"
#include "core/qr_code.h"
#include "ui/screens/screen.h"
#include "ui/ui_context.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

// In spoken mode only, the step after a screen's heading that takes the focus past what repeats
// on every visit (filters, views, days) to the screen's results (WCAG 2.4.1, bypass blocks):
// `target` is a list's id (its first item) or an id prefix ending in '/' (the first item drawn
// with it). True when tapped by touch, as a button.
bool SkipToResults(UiContext& ctx, const std::string& id, const std::string& target);

// A heading and a wrapped paragraph; nothing at all when `text` is empty.
void Section(UiContext& ctx, const char* heading, const std::string& text);

// Coloured labels for themes or SDGs (not tappable).
void FacetLabels(UiContext& ctx, const std::vector<content::Facet>& facets);

// Contacts with a QR code each: a vCard for a person, the address for a web link.
struct ContactQr {
    content::Contact contact;
    core::QrMatrix qr;
};
std::vector<ContactQr> contact_qr_codes(const std::vector<content::Contact>& contacts);
void Contacts(UiContext& ctx, const std::string& id_prefix, const std::vector<ContactQr>& contacts);

// "Related partnerships" and a tappable card for each ("<id_prefix>/partnership/<id>") that
// opens its profile; nothing at all when there are none.
void RelatedPartnerships(UiContext& ctx, const std::string& id_prefix,
                         const std::vector<content::PartnershipCard>& cards, Navigation& nav);

// "Not available in your language; shown in Español" when `fallback_language` is set.
void FallbackNote(UiContext& ctx, const std::string& fallback_language,
                  const std::vector<content::Language>& languages);

// A child window filling the rest of the screen (or `height`) that `state` scrolls by dragging;
// End returns true while it glides. A fresh state (after show() or reset()) starts at the top,
// whatever the last page shown in this area was scrolled to.
void BeginScrollArea(const char* id, KineticScrollState& state, float height = 0);
bool EndScrollArea(UiContext& ctx, KineticScrollState& state);

// A detail page's two columns: the text in a readable column (at most kReadableChars average
// characters a line at the current text size) and beside it a side column of facts, photos,
// the map and QR codes. Where the screen is too narrow for both (portrait, large text) they
// stack across the whole width: the side column's pictures first, then the text, whose
// paragraphs still wrap at the readable width while its cards and rows span the page.
struct DetailColumns {
    float text_width = 0;  // pixels: where running text wraps
    float main_width = 0;  // the text column's cards, rows and figures
    float side_width = 0;
    bool stacked = false;
};
DetailColumns detail_columns(const UiContext& ctx, float available_width);
// Draws `main` and `side` as `columns` says, inside the current window (a scroll area);
// `side_end` closes the side column, or comes after the text when they stack (contacts: read
// after the story, not before it).
void DetailLayout(UiContext& ctx, const DetailColumns& columns, const std::function<void()>& main,
                  const std::function<void()>& side,
                  const std::function<void()>& side_end = nullptr);

// A photo from the bundle `width` pixels wide (3:2), with its credit or caption under it;
// spoken mode says "Photo", then reads the caption.
void Photo(UiContext& ctx, const std::string& id, std::int64_t media_id, const std::string& caption,
           float width);

// The colour of a content colour for ImGui.
unsigned int colour_of(const content::Colour& c);

// A partnership card's second line: its cities with their countries in the visitor's language
// ("Gent, Belgium · Đà Nẵng, Viet Nam", leads first), from the facets' city labels; the bundle's
// own line (cities only) when the card has no city ids or one is not among the facets.
std::string cities_with_countries(const content::Facets& facets,
                                  const content::PartnershipCard& card);

}  // namespace plaza::ui
