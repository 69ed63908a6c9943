// SPDX-License-Identifier: GPL-3.0-or-later
// Speech output for the kiosk's spoken mode: what to say and in which language each part is.
// The platform supplies the real voice (espeak-ng through the audio device); headless runs use
// RecordingSpeech, which keeps what it was asked to say so that scripts can check it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plaza::core {

// One stretch of speech in one language ("ca", "es", ...), so that a Catalan title is not read
// with an English voice inside an English sentence.
struct SpeechPart {
    std::string text;
    std::string language;
};
using Utterance = std::vector<SpeechPart>;

// Appends `text` read in `language`, except stretches in a script with its own espeak-ng voice
// (a city's name in Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Myanmar, Ethiopic,
// Georgian, Armenian...), which get that voice. Stretches in a script espeak-ng has no voice for
// (Lao, Khmer, Tibetan) are left out rather than read as noise by another voice.
void append_by_script(Utterance& utterance, const std::string& text, const std::string& language);

// The parts' texts joined with a space, for logs and headless checks.
std::string utterance_text(const Utterance& utterance);

class Speech {
  public:
    virtual ~Speech() = default;
    // Starts saying `utterance`, cutting off whatever is being said. Never blocks the caller.
    virtual void say(const Utterance& utterance) = 0;
    // Stops speaking at once.
    virtual void stop() = 0;
};

// Keeps the last kKept utterances (a long headless run must not grow without bound).
class RecordingSpeech final : public Speech {
  public:
    static constexpr std::size_t kKept = 500;
    void say(const Utterance& utterance) override;
    void stop() override { ++stops_; }
    const std::vector<Utterance>& said() const { return said_; }
    int stops() const { return stops_; }

  private:
    std::vector<Utterance> said_;
    int stops_ = 0;
};

}  // namespace plaza::core
