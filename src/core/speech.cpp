// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/speech.h"

#include "core/utf8.h"

namespace plaza::core {
namespace {

// espeak-ng's voice for a script's letters, as Debian 12's espeak-ng-data has them (its lang/
// folder): nullptr for text read in the surrounding language, "" where espeak-ng has no voice.
const char* voice_of(char32_t cp) {
    struct Range {
        char32_t first, last;
        const char* voice;
    };
    static const Range kRanges[] = {
        {0x0530, 0x058F, "hy"}, {0x0590, 0x05FF, "he"}, {0x0600, 0x06FF, "ar"},
        {0x0750, 0x077F, "ar"}, {0x08A0, 0x08FF, "ar"}, {0x0900, 0x097F, "hi"},
        {0x0980, 0x09FF, "bn"}, {0x0A00, 0x0A7F, "pa"}, {0x0A80, 0x0AFF, "gu"},
        {0x0B00, 0x0B7F, "or"}, {0x0B80, 0x0BFF, "ta"}, {0x0C00, 0x0C7F, "te"},
        {0x0C80, 0x0CFF, "kn"}, {0x0D00, 0x0D7F, "ml"}, {0x0D80, 0x0DFF, "si"},
        {0x0E00, 0x0E7F, "th"}, {0x0E80, 0x0EFF, ""},   {0x0F00, 0x0FFF, ""},
        {0x1000, 0x109F, "my"}, {0x10A0, 0x10FF, "ka"}, {0x1200, 0x139F, "am"},
        {0x1780, 0x17FF, ""},   {0x19E0, 0x19FF, ""},   {0xFB1D, 0xFB4F, "he"},
        {0xFB50, 0xFDFF, "ar"}, {0xFE70, 0xFEFF, "ar"},
    };
    for (const Range& r : kRanges) {
        if (cp >= r.first && cp <= r.last) return r.voice;
    }
    return nullptr;
}

// Spaces, digits and punctuation belong to the stretch they are in.
bool is_neutral(char32_t cp) {
    return cp < 0x80 ? !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : (cp >= 0x2000 && cp <= 0x206F);
}

}  // namespace

void append_by_script(Utterance& utterance, const std::string& text, const std::string& language) {
    std::string part;
    const char* voice = nullptr;  // of `part`
    const auto flush = [&] {
        const bool blank = part.find_first_not_of(" ,.;:-") == std::string::npos;
        if (!blank && !(voice && !*voice)) utterance.push_back({part, voice ? voice : language});
        part.clear();
    };
    for (char32_t cp : decode_utf8(text)) {
        if (!is_neutral(cp)) {
            const char* v = voice_of(cp);
            if ((v == nullptr) != (voice == nullptr) || (v && voice && std::string(v) != voice)) {
                flush();
                voice = v;
            }
        }
        append_utf8(part, cp);
    }
    flush();
}

std::string utterance_text(const Utterance& utterance) {
    std::string out;
    for (const SpeechPart& part : utterance) {
        if (part.text.empty()) continue;
        if (!out.empty()) out += ' ';
        out += part.text;
    }
    return out;
}

void RecordingSpeech::say(const Utterance& utterance) {
    if (said_.size() == kKept) said_.erase(said_.begin());
    said_.push_back(utterance);
}

}  // namespace plaza::core
