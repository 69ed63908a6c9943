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
                              }};

}  // namespace plaza::ui
