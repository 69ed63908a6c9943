// Plaza's own words in Catalan.
#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kCatalan;
const Translation kCatalan = {
    "ca",
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
        {Phrase::good_practices, "Bones pràctiques"},
        {Phrase::search, "Cerca"},
        {Phrase::search_prompt, "Escriviu una ciutat, un tema o un nom"},
        {Phrase::no_results, "No s'ha trobat res"},
        {Phrase::sessions, "Sessions"},
        {Phrase::speakers, "Ponents"},
        {Phrase::themes, "Temes"},
        {Phrase::programmes, "Programes"},
        {Phrase::regions, "Regions"},
        {Phrase::sdgs, "Objectius de Desenvolupament Sostenible"},
        {Phrase::clear_filters, "Treu els filtres"},
        {Phrase::of, "de"},
        {Phrase::summary, "Resum"},
        {Phrase::objectives, "Objectius"},
        {Phrase::activities, "Activitats"},
        {Phrase::results, "Resultats"},
        {Phrase::lessons, "Lliçons apreses"},
        {Phrase::contacts, "Contactes"},
        {Phrase::scan_to_keep, "Escanegeu per desar-ho al telèfon"},
        {Phrase::related_practices, "Bones pràctiques relacionades"},
        {Phrase::related_partnerships, "Associacions relacionades"},
        {Phrase::key_figures, "Xifres clau"},
        {Phrase::links, "Enllaços"},
        {Phrase::lead_city, "coordinadora"},
        {Phrase::partner_city, "sòcia"},
        {Phrase::status_planned, "prevista"},
        {Phrase::status_active, "en curs"},
        {Phrase::status_completed, "finalitzada"},
        {Phrase::shown_in, "No disponible en la vostra llengua; es mostra en"},
    }};

}  // namespace plaza::ui
