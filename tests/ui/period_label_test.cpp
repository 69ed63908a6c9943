// SPDX-License-Identifier: GPL-3.0-or-later
// A partnership's period as French, Spanish, Catalan and English visitors read it (issue 19):
// "2019-09" on a French screen was the file's text, not a date in French.
#include <doctest/doctest.h>

#include "ui/screens/programme_parts.h"

using plaza::ui::period_label;

TEST_CASE("a partnership's period is written in the visitor's language") {
    CHECK(period_label("fr", "2019-09") == "septembre 2019");
    CHECK(period_label("es", "2022-03") == "marzo de 2022");
    CHECK(period_label("ca", "2022-03") == "març de 2022");
    CHECK(period_label("en", "2022-03") == "March 2022");
    CHECK(period_label("fr", "2024-06-15") == "15 juin 2024");
    CHECK(period_label("es", "2024-06-15") == "15 de junio de 2024");
    CHECK(period_label("ca", "2024-08-01") == "1 d'agost de 2024");
    CHECK(period_label("en", "2024-06-15") == "15 June 2024");
    // A year alone, and what is not a date, stay as written.
    CHECK(period_label("fr", "2022") == "2022");
    CHECK(period_label("fr", "2022-13") == "2022-13");
    CHECK(period_label("fr", "2023-02-30") == "2023-02-30");
}
