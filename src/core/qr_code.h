// SPDX-License-Identifier: GPL-3.0-or-later
// QR codes a visitor's phone can scan to take a contact or a link away (Debian's qrcodegen),
// and the vCard text for a person.
#pragma once

#include <string>
#include <vector>

namespace plaza::core {

struct QrMatrix {
    int size = 0;            // modules per side; 0 when the text could not be encoded
    std::vector<bool> dark;  // size * size, row by row
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

// Medium error correction: still readable on a glossy screen with a reflection on it.
QrMatrix encode_qr(const std::string& text);

// A vCard 3.0 (RFC 2426) with name, organisation, e-mail and web address; empty fields left out.
std::string make_vcard(const std::string& person, const std::string& organisation,
                       const std::string& email, const std::string& url);

}  // namespace plaza::core
