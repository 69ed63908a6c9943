// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/speech.h"

namespace plaza::core {

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
