// SPDX-License-Identifier: GPL-3.0-or-later
// core::RecordingSpeech and utterance_text: what headless runs check spoken mode against.
#include <doctest/doctest.h>

#include <string>

#include "core/speech.h"

using plaza::core::RecordingSpeech;
using plaza::core::Utterance;

TEST_CASE("an utterance reads as its parts joined by spaces, empty parts left out") {
    const Utterance u{{"Partnership 3 of 12:", "en"}, {"", "ca"}, {"Gant i Đà Nẵng", "ca"}};
    CHECK(plaza::core::utterance_text(u) == "Partnership 3 of 12: Gant i Đà Nẵng");
    CHECK(plaza::core::utterance_text({}).empty());
}

TEST_CASE("the recording voice keeps what it was asked to say, the newest last, within bounds") {
    RecordingSpeech speech;
    speech.say({{"Hola", "es"}});
    speech.stop();
    CHECK(speech.stops() == 1);
    REQUIRE(speech.said().size() == 1);
    CHECK(speech.said()[0][0].language == "es");
    for (std::size_t i = 0; i < RecordingSpeech::kKept + 10; ++i)
        speech.say({{std::to_string(i), "en"}});
    CHECK(speech.said().size() == RecordingSpeech::kKept);
    CHECK(speech.said().back()[0].text == std::to_string(RecordingSpeech::kKept + 9));
    CHECK(speech.said().front()[0].text == "10");
}
