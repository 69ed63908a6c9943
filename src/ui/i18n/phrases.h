// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's own words (not content). The texts are gettext files beside this header: plaza.pot
// holds the English (msgctxt is the phrase's name below, msgid its English) and LANG.po each
// language; the build turns them into translations() (cmake/po_to_cpp.cmake). English is the
// fallback; a test checks that every language has every phrase.
#pragma once

#include <cstddef>
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
    cities,
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
    related_sessions,
    key_figures,
    links,
    lead_city,
    partner_city,
    status_planned,
    status_active,
    status_completed,
    shown_in,
    programme,
    programme_prompt,
    now_and_next,
    now_on,
    up_next,
    day_view,
    view_list,
    view_grid,
    languages,
    tracks,
    cancelled,
    moved,
    not_started,
    opens_on,
    event_over,
    nothing_now,
    next_starts_at,
    clock_unsure,
    room,
    about_session,
    add_to_calendar,
    still_there,
    touch_to_continue,
    restarting_in,
    seconds_short,
    touch_to_start,
    coming_up,
    later_today,
    nothing_more_today,
    room_unknown,
    good_practice,
    // The world map
    map,
    map_prompt,
    world_map,
    map_cities_listed,  // follows a number: "46 cities, listed after the map"
    zoom_in,
    zoom_out,
    map_unavailable,
    partnerships_count,  // follows a number: "12 partnerships"
    partnership_count,   // follows 1: "1 partnership"
    cities_count,        // follows a number: "17 cities"
    city_count,          // follows 1: "1 city"
    more_filters,
    local_time,
    weekday_sunday,  // weekday_sunday + n is the weekday n (0 = Sunday)
    weekday_monday,
    weekday_tuesday,
    weekday_wednesday,
    weekday_thursday,
    weekday_friday,
    weekday_saturday,
    month_january,  // + n - 1 for month n; written to follow the day: "19 March", "19 de marzo"
    month_february,
    month_march,
    month_april,
    month_may,
    month_june,
    month_july,
    month_august,
    month_september,
    month_october,
    month_november,
    month_december,
    // Partnership periods (issue 19): the months standing alone, then two patterns
    month_alone_january,
    month_alone_february,
    month_alone_march,
    month_alone_april,
    month_alone_may,
    month_alone_june,
    month_alone_july,
    month_alone_august,
    month_alone_september,
    month_alone_october,
    month_alone_november,
    month_alone_december,
    month_year,  // "{month} {year}"
    date_year,   // "{date} {year}", the date as "19 March"
    // USB content, notices and the admin panel (issue 7)
    content_updated,
    version,
    usb_refused,
    details_in_admin,
    usb_bundle_in_folder,  // followed by the bundles found in folders
    usage_exported,
    // A kiosk with nothing to show, and a stick it has let go of (issue 14)
    no_content_yet,
    content_unreadable,
    remove_stick,
    admin_panel,
    admin_enter_pin,
    admin_wrong_pin,
    admin_locked,
    admin_no_pin,
    admin_close,
    admin_bundle,
    admin_signing_key,
    admin_history,
    admin_uptime,
    admin_frames,
    admin_memory,
    admin_free_disk,
    admin_missing_glyphs,
    admin_last_errors,
    admin_clock,
    admin_roll_back,
    admin_reload,
    admin_export,
    admin_test_pattern,
    admin_quit,
    admin_none,
    // Accessibility (issue 9)
    listen,
    stop_listening,
    spoken_previous,
    spoken_next,
    spoken_select,
    spoken_back,
    spoken_intro,
    spoken_top,
    seconds_spoken,
    role_button,
    role_heading,
    role_filter,
    state_on,
    state_off,
    role_partnership,
    role_session,
    role_city,
    role_result,
    text_size,
    high_contrast,
    low_reach,
    low_reach_note,
    photo,
    live_now,
    skip_to_content,
    filters,
    item_count,       // follows 1: "1 item"
    map_city_listed,  // follows 1: "1 city, listed after the map"
    second_spoken,    // follows 1: "1 second"
    count             // not a phrase: the number of phrases
};

// Which numbers take a phrase's singular, from the .po file's Plural-Forms: 1 alone (English,
// Spanish, Catalan: plural=(n != 1)), or 0 and 1 (French: plural=(n > 1)).
enum class PluralRule { one, zero_and_one };

struct Translation {
    const char* language;  // BCP 47 code
    std::vector<std::pair<Phrase, const char*>> phrases;
    PluralRule plural = PluralRule::one;
};

// The translations Plaza ships: English first, then one per .po file in src/ui/i18n/.
const std::vector<const Translation*>& translations();

// The phrase in `language`, or in English when that language or phrase is missing.
const char* tr(const std::string& language, Phrase phrase);

// A number and what it counts, singular or plural as `language` says for it ("1 city",
// "0 ville", "17 cities"): `one` and `many` are the two phrases, e.g. city_count, cities_count.
std::string count_phrase(const std::string& language, std::size_t n, Phrase one, Phrase many);

}  // namespace plaza::ui
