// Plaza's own words in French.
#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kFrench;
const Translation kFrench = {"fr",
                             {
                                 {Phrase::back, "Retour"},
                                 {Phrase::home, "Accueil"},
                                 {Phrase::partnerships, "Partenariats"},
                                 {Phrase::featured, "À la une"},
                                 {Phrase::language, "Langue"},
                                 {Phrase::items_count, "éléments"},
                                 {Phrase::keyboard_space, "Espace"},
                                 {Phrase::keyboard_delete, "Effacer"},
                                 {Phrase::keyboard_clear, "Vider"},
                             }};

}  // namespace plaza::ui
