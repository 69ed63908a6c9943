// The kiosk's own words (not content), one translation file per language beside this header.
// English is the fallback; a test checks that every language has every phrase.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plaza::ui {

enum class Phrase {
    back,
    home,
    partnerships,
    featured,
    language,
    items_count,  // follows a number: "12 items"
    keyboard_space,
    keyboard_delete,
    keyboard_clear,
    good_practices,
    search,
    search_prompt,
    no_results,
    sessions,
    speakers,
    themes,
    programmes,
    regions,
    sdgs,
    clear_filters,
    of,
    summary,
    objectives,
    activities,
    results,
    lessons,
    contacts,
    scan_to_keep,
    related_practices,
    related_partnerships,
    key_figures,
    links,
    lead_city,
    partner_city,
    status_planned,
    status_active,
    status_completed,
    shown_in,
    count  // not a phrase: the number of phrases
};

struct Translation {
    const char* language;  // BCP 47 code
    std::vector<std::pair<Phrase, const char*>> phrases;
};

// The translations Plaza ships (en, es, ca, fr).
const std::vector<const Translation*>& translations();

// The phrase in `language`, or in English when that language or phrase is missing.
const char* tr(const std::string& language, Phrase phrase);

}  // namespace plaza::ui
