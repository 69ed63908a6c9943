// Plaza's own words in English.
#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kEnglish;
const Translation kEnglish = {"en",
                              {
                                  {Phrase::back, "Back"},
                                  {Phrase::home, "Home"},
                                  {Phrase::partnerships, "Partnerships"},
                                  {Phrase::featured, "Featured"},
                                  {Phrase::language, "Language"},
                                  {Phrase::items_count, "items"},
                                  {Phrase::keyboard_space, "Space"},
                                  {Phrase::keyboard_delete, "Delete"},
                                  {Phrase::keyboard_clear, "Clear"},
                                  {Phrase::good_practices, "Good practices"},
                                  {Phrase::search, "Search"},
                                  {Phrase::search_prompt, "Type a city, a theme or a name"},
                                  {Phrase::no_results, "Nothing found"},
                                  {Phrase::sessions, "Sessions"},
                                  {Phrase::speakers, "Speakers"},
                                  {Phrase::themes, "Themes"},
                                  {Phrase::programmes, "Programmes"},
                                  {Phrase::regions, "Regions"},
                                  {Phrase::sdgs, "Sustainable Development Goals"},
                                  {Phrase::clear_filters, "Clear filters"},
                                  {Phrase::of, "of"},
                                  {Phrase::summary, "Summary"},
                                  {Phrase::objectives, "Objectives"},
                                  {Phrase::activities, "Activities"},
                                  {Phrase::results, "Results"},
                                  {Phrase::lessons, "Lessons learnt"},
                                  {Phrase::contacts, "Contacts"},
                                  {Phrase::scan_to_keep, "Scan to keep it on your phone"},
                                  {Phrase::related_practices, "Related good practices"},
                                  {Phrase::related_partnerships, "Related partnerships"},
                                  {Phrase::key_figures, "Key figures"},
                                  {Phrase::links, "Links"},
                                  {Phrase::lead_city, "lead"},
                                  {Phrase::partner_city, "partner"},
                                  {Phrase::status_planned, "planned"},
                                  {Phrase::status_active, "active"},
                                  {Phrase::status_completed, "completed"},
                                  {Phrase::shown_in, "Not available in your language; shown in"},
                              }};

}  // namespace plaza::ui
