// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces the programme screens, the attract loop and room signs share: dates in the visitor's
// language, language names, status badges (Cancelled, Moved, Live), and a tappable session row
// (time and badge, title struck through when cancelled, room, language and speakers).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "content/model.h"
#include "ui/programme_data.h"
#include "ui/ui_context.h"

namespace plaza::ui {

// "Tuesday 19 March", "martes 19 de marzo" for a local date YYYY-MM-DD (the text itself when it
// is not one).
std::string day_label(const std::string& language, const std::string& date);

// "11:00–12:00", or "11:00" for a session without an end.
std::string time_range(const ProgrammeSession& s);

// A partnership's start or end as the visitor's language writes it: "2022" as it is, "2022-03"
// as "mars 2022" or "marzo de 2022", "2022-03-15" as "15 mars 2022"; other text as it is.
std::string period_label(const std::string& language, const std::string& date);

// A language's own name from the event's list, else its code.
std::string language_name(const std::string& code, const std::string& ui_language,
                          const content::EventInfo& event);

// "Cancelled" / "Moved" for a session's status, empty for a confirmed one.
std::string status_label(const std::string& language, const std::string& status);

// A session's badge: "Cancelled", "Moved", or "Live" while it is on (empty for none), in the
// palette's colours for each.
struct BadgeLook {
    std::string label;
    unsigned int fill = 0, ink = 0;
};
BadgeLook session_badge(const UiContext& ctx, const content::SessionItem& s);
// The badge's size, and the badge drawn at `at`; Badge() places it as an item on the line and
// records its word.
ImVec2 BadgeSize(const UiContext& ctx, const BadgeLook& badge);
void DrawBadge(const UiContext& ctx, ImDrawList* draw, ImVec2 at, const BadgeLook& badge);
void Badge(UiContext& ctx, const BadgeLook& badge);

// One session as a row `width_px` wide; returns true when tapped. With `show_room` false the
// room is left out (a room sign, or a grid column that names it).
bool SessionRow(UiContext& ctx, const std::string& id, const ProgrammeSession& s, float width_px,
                const content::EventInfo& event, bool show_room = true);

}  // namespace plaza::ui
