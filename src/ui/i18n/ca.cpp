// Plaza's own words in Catalan.
#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kCatalan;
const Translation kCatalan = {"ca",
                              {
                                  {Phrase::back, "Enrere"},
                                  {Phrase::home, "Inici"},
                                  {Phrase::partnerships, "Associacions"},
                                  {Phrase::featured, "Destacats"},
                                  {Phrase::language, "Idioma"},
                                  {Phrase::items_count, "elements"},
                                  {Phrase::keyboard_space, "Espai"},
                                  {Phrase::keyboard_delete, "Esborra"},
                                  {Phrase::keyboard_clear, "Buida"},
                              }};

}  // namespace plaza::ui
