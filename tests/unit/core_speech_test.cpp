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

TEST_CASE("a city's name in its own script is read by that script's voice, or left out") {
    plaza::core::Utterance u;
    plaza::core::append_by_script(u, "Water in ວຽງຈັນ and عمّان, Jordan", "en");
    REQUIRE(u.size() == 4);
    CHECK(u[0].text == "Water in ");
    CHECK(u[0].language == "en");
    // Lao has no espeak-ng voice: left out, not read as noise by the English one.
    CHECK(u[1].text == "and ");
    CHECK(u[1].language == "en");
    CHECK(u[2].text == "عمّان, ");
    CHECK(u[2].language == "ar");
    CHECK(u[3].text == "Jordan");
    CHECK(u[3].language == "en");
    u.clear();
    plaza::core::append_by_script(u, "Երևան თბილისი", "fr");
    REQUIRE(u.size() == 2);
    CHECK(u[0].language == "hy");
    CHECK(u[1].language == "ka");
    u.clear();
    plaza::core::append_by_script(u, "Łódź", "pl");
    REQUIRE(u.size() == 1);
    CHECK(u[0].language == "pl");
}
