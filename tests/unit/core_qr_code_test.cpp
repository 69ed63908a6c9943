// SPDX-License-Identifier: GPL-3.0-or-later
// core::encode_qr and core::make_vcard.
#include <doctest/doctest.h>

#include "core/qr_code.h"

TEST_CASE("a web address encodes to a square QR matrix with finder patterns") {
    const auto qr = plaza::core::encode_qr("https://www.intracen.org/");
    REQUIRE(qr.size >= 21);
    CHECK(qr.dark.size() == static_cast<size_t>(qr.size * qr.size));
    // The three finder patterns have dark corners; the fourth corner does not.
    CHECK(qr.at(0, 0));
    CHECK(qr.at(qr.size - 1, 0));
    CHECK(qr.at(0, qr.size - 1));
    CHECK(qr.at(7, 7) == false);
}

TEST_CASE("text too long for any QR code gives an empty matrix, not an exception") {
    const auto qr = plaza::core::encode_qr(std::string(5000, 'x'));
    CHECK(qr.size == 0);
}

TEST_CASE("a vCard names the person, escapes separators and leaves out empty fields") {
    const std::string card =
        plaza::core::make_vcard("An Nguyen", "City of Ghent; Economy", "an@example.org", "");
    CHECK(card ==
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:An Nguyen\r\nN:An Nguyen;;;;\r\n"
          "ORG:City of Ghent\\; Economy\r\nEMAIL;TYPE=INTERNET:an@example.org\r\nEND:VCARD\r\n");
    const std::string org_only = plaza::core::make_vcard("", "ITC", "", "https://intracen.org");
    CHECK(org_only.find("FN:ITC\r\n") != std::string::npos);
    CHECK(org_only.find("URL:https://intracen.org\r\n") != std::string::npos);
}
