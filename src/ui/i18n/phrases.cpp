// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/i18n/phrases.h"

namespace plaza::ui {

namespace {
const char* find(const Translation& t, Phrase phrase) {
    for (const auto& [key, text] : t.phrases) {
        if (key == phrase) return text;
    }
    return nullptr;
}
}  // namespace

const char* tr(const std::string& language, Phrase phrase) {
    const auto& all = translations();
    for (const Translation* t : all) {
        if (language == t->language) {
            if (const char* text = find(*t, phrase)) return text;
            break;
        }
    }
    const char* english = find(*all.front(), phrase);
    return english ? english : "";
}

std::string count_phrase(const std::string& language, std::size_t n, Phrase one, Phrase many) {
    PluralRule rule = PluralRule::one;
    for (const Translation* t : translations()) {
        if (language == t->language) rule = t->plural;
    }
    const bool singular = rule == PluralRule::one ? n == 1 : n <= 1;
    return std::to_string(n) + " " + tr(language, singular ? one : many);
}

}  // namespace plaza::ui
