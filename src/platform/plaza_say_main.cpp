// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-say: says a text with the kiosk's voice (espeak-ng through SDL's audio output, exactly as
// spoken mode does), or writes it to a WAV file, so a technician can check the voice, the
// language and the headphone jack without walking through the kiosk.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "platform/speech_output.h"

namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 64;

constexpr const char* kUsageText =
    "usage: plaza-say [--wav FILE] LANGUAGE TEXT...\n"
    "Says TEXT with the kiosk's espeak-ng voice for LANGUAGE (en, ca, es, fr, pt-BR ...) through\n"
    "the audio output spoken mode uses, and returns when it has been said. With --wav it writes\n"
    "the speech to FILE (16-bit mono WAV) instead. A language without a voice is reported and\n"
    "read with the default English voice.\n"
    "Exit codes: 0 said or written; 1 no voice, no audio output or FILE not writable;\n"
    "            64 wrong usage.\n";

}  // namespace

int main(int argc, char** argv) {
    std::string wav;
    int i = 1;
    if (i < argc && (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)) {
        std::fputs(kUsageText, stdout);
        return kOk;
    }
    if (i + 1 < argc && std::strcmp(argv[i], "--wav") == 0) {
        wav = argv[i + 1];
        i += 2;
    }
    if (argc - i < 2 || argv[i][0] == '-') {
        std::fputs(kUsageText, stderr);
        return kUsage;
    }
    const std::string language = argv[i++];
    std::string text;
    for (; i < argc; ++i)
        text += (text.empty() ? "" : " ") + std::string(argv[i]);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::fputs("plaza-say: nothing to say: TEXT is empty\n", stderr);
        return kUsage;
    }
    const plaza::core::Utterance utterance{{text, language}};

    if (!wav.empty()) {
        const auto rendered = plaza::platform::render_to_wav(utterance, wav);
        if (!rendered.ok()) {
            std::fprintf(stderr, "plaza-say: %s\n", rendered.error().c_str());
            return kFailed;
        }
        std::printf("plaza-say: wrote %s: %.2f s at %d Hz\n", wav.c_str(), rendered->seconds(),
                    rendered->sample_rate);
        return kOk;
    }

    auto voice = plaza::platform::SpeechOutput::open();
    if (!voice.ok()) {
        std::fprintf(stderr, "plaza-say: %s\n", voice.error().c_str());
        return kFailed;
    }
    std::printf("plaza-say: %s\n", voice.value()->describe().c_str());
    std::fflush(stdout);
    voice.value()->say(utterance);
    if (!voice.value()->wait_until_quiet(std::chrono::minutes(10))) {
        std::fprintf(stderr, "plaza-say: still speaking after 10 minutes; giving up\n");
        return kFailed;
    }
    return kOk;
}
