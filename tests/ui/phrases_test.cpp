// SPDX-License-Identifier: GPL-3.0-or-later
// Plaza's own words: every language has every phrase once, and lookups fall back to English.
#include <doctest/doctest.h>

#include <string>

#include "ui/i18n/phrases.h"

using plaza::ui::Phrase;
using plaza::ui::tr;

TEST_CASE("every language has every phrase exactly once, none empty") {
    const int phrase_count = static_cast<int>(Phrase::count);
    REQUIRE(plaza::ui::translations().size() >= 4);
    for (const plaza::ui::Translation* t : plaza::ui::translations()) {
        CAPTURE(t->language);
        for (int p = 0; p < phrase_count; ++p) {
            CAPTURE(p);
            int found = 0;
            for (const auto& [key, text] : t->phrases) {
                if (static_cast<int>(key) == p) {
                    ++found;
                    CHECK(std::string(text).size() > 0);
                }
            }
            CHECK(found == 1);
        }
        CHECK(t->phrases.size() == static_cast<size_t>(phrase_count));
    }
}

TEST_CASE("a phrase comes in the chosen language, or in English for one Plaza does not ship") {
    CHECK(std::string(tr("ca", Phrase::back)) == "Enrere");
    CHECK(std::string(tr("fr", Phrase::featured)) == "À la une");
    CHECK(std::string(tr("es", Phrase::partnerships)) == "Asociaciones");
    CHECK(std::string(tr("vi", Phrase::back)) == "Back");
    CHECK(std::string(tr("", Phrase::home)) == "Home");
}
