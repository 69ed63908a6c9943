#include "ui/strings.h"

#include <array>
#include <cstring>

namespace plaza::ui {
namespace {

struct Phrase {
    Text key;
    const char* en;
    const char* es;
    const char* ca;
    const char* fr;
};

// items_count is a suffix after a number ("12 items").
constexpr std::array<Phrase, 7> kPhrases = {{
    {Text::back, "Back", "Atrás", "Enrere", "Retour"},
    {Text::home, "Home", "Inicio", "Inici", "Accueil"},
    {Text::partnerships, "Partnerships", "Asociaciones", "Associacions", "Partenariats"},
    {Text::featured, "Featured", "Destacados", "Destacats", "À la une"},
    {Text::language, "Language", "Idioma", "Idioma", "Langue"},
    {Text::items_count, "items", "elementos", "elements", "éléments"},
    {Text::today, "Today", "Hoy", "Avui", "Aujourd’hui"},
}};

}  // namespace

const char* tr(const std::string& language, Text text) {
    for (const Phrase& p : kPhrases) {
        if (p.key != text) continue;
        if (language == "es") return p.es;
        if (language == "ca") return p.ca;
        if (language == "fr") return p.fr;
        return p.en;
    }
    return "";
}

}  // namespace plaza::ui
