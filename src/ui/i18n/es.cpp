// Plaza's own words in Spanish.
#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kSpanish;
const Translation kSpanish = {"es",
                              {
                                  {Phrase::back, "Atrás"},
                                  {Phrase::home, "Inicio"},
                                  {Phrase::partnerships, "Asociaciones"},
                                  {Phrase::featured, "Destacados"},
                                  {Phrase::language, "Idioma"},
                                  {Phrase::items_count, "elementos"},
                                  {Phrase::keyboard_space, "Espacio"},
                                  {Phrase::keyboard_delete, "Borrar"},
                                  {Phrase::keyboard_clear, "Vaciar"},
                              }};

}  // namespace plaza::ui
