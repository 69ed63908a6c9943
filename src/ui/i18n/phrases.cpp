#include "ui/i18n/phrases.h"

namespace plaza::ui {

extern const Translation kEnglish;
extern const Translation kSpanish;
extern const Translation kCatalan;
extern const Translation kFrench;

const std::vector<const Translation*>& translations() {
    static const std::vector<const Translation*> all = {&kEnglish, &kSpanish, &kCatalan, &kFrench};
    return all;
}

namespace {
const char* find(const Translation& t, Phrase phrase) {
    for (const auto& [key, text] : t.phrases) {
        if (key == phrase) return text;
    }
    return nullptr;
}
}  // namespace

const char* tr(const std::string& language, Phrase phrase) {
    for (const Translation* t : translations()) {
        if (language == t->language) {
            if (const char* text = find(*t, phrase)) return text;
            break;
        }
    }
    const char* english = find(kEnglish, phrase);
    return english ? english : "";
}

}  // namespace plaza::ui
