// Plaza's own words in Spanish.
#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kSpanish;
const Translation kSpanish = {
    "es",
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
        {Phrase::good_practices, "Buenas prácticas"},
        {Phrase::search, "Buscar"},
        {Phrase::search_prompt, "Escriba una ciudad, un tema o un nombre"},
        {Phrase::no_results, "No se ha encontrado nada"},
        {Phrase::sessions, "Sesiones"},
        {Phrase::speakers, "Ponentes"},
        {Phrase::themes, "Temas"},
        {Phrase::programmes, "Programas"},
        {Phrase::regions, "Regiones"},
        {Phrase::sdgs, "Objetivos de Desarrollo Sostenible"},
        {Phrase::clear_filters, "Quitar filtros"},
        {Phrase::of, "de"},
        {Phrase::summary, "Resumen"},
        {Phrase::objectives, "Objetivos"},
        {Phrase::activities, "Actividades"},
        {Phrase::results, "Resultados"},
        {Phrase::lessons, "Lecciones aprendidas"},
        {Phrase::contacts, "Contactos"},
        {Phrase::scan_to_keep, "Escanee para guardarlo en su teléfono"},
        {Phrase::related_practices, "Buenas prácticas relacionadas"},
        {Phrase::related_partnerships, "Asociaciones relacionadas"},
        {Phrase::key_figures, "Cifras clave"},
        {Phrase::links, "Enlaces"},
        {Phrase::lead_city, "coordinadora"},
        {Phrase::partner_city, "socia"},
        {Phrase::status_planned, "prevista"},
        {Phrase::status_active, "en curso"},
        {Phrase::status_completed, "finalizada"},
        {Phrase::shown_in, "No disponible en su idioma; se muestra en"},
    }};

}  // namespace plaza::ui
