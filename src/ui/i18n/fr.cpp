// Plaza's own words in French.
#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kFrench;
const Translation kFrench = {
    "fr",
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
        {Phrase::good_practices, "Bonnes pratiques"},
        {Phrase::search, "Rechercher"},
        {Phrase::search_prompt, "Tapez une ville, un thème ou un nom"},
        {Phrase::no_results, "Aucun résultat"},
        {Phrase::sessions, "Sessions"},
        {Phrase::speakers, "Intervenants"},
        {Phrase::themes, "Thèmes"},
        {Phrase::programmes, "Programmes"},
        {Phrase::regions, "Régions"},
        {Phrase::sdgs, "Objectifs de développement durable"},
        {Phrase::clear_filters, "Effacer les filtres"},
        {Phrase::of, "sur"},
        {Phrase::summary, "Résumé"},
        {Phrase::objectives, "Objectifs"},
        {Phrase::activities, "Activités"},
        {Phrase::results, "Résultats"},
        {Phrase::lessons, "Enseignements"},
        {Phrase::contacts, "Contacts"},
        {Phrase::scan_to_keep, "Scannez pour le garder sur votre téléphone"},
        {Phrase::related_practices, "Bonnes pratiques liées"},
        {Phrase::related_partnerships, "Partenariats liés"},
        {Phrase::key_figures, "Chiffres clés"},
        {Phrase::links, "Liens"},
        {Phrase::lead_city, "chef de file"},
        {Phrase::partner_city, "partenaire"},
        {Phrase::status_planned, "prévu"},
        {Phrase::status_active, "en cours"},
        {Phrase::status_completed, "terminé"},
        {Phrase::shown_in, "Non disponible dans votre langue ; affiché en"},
    }};

}  // namespace plaza::ui
