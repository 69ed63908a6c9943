// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/qr_code.h"

#include <qrcodegen/qrcodegen.hpp>

namespace plaza::core {

QrMatrix encode_qr(const std::string& text) {
    QrMatrix m;
    try {
        const auto qr = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        m.size = qr.getSize();
        m.dark.resize(static_cast<size_t>(m.size * m.size));
        for (int y = 0; y < m.size; ++y) {
            for (int x = 0; x < m.size; ++x)
                m.dark[static_cast<size_t>(y * m.size + x)] = qr.getModule(x, y);
        }
    } catch (const qrcodegen::data_too_long&) {
        m = {};
    }
    return m;
}

namespace {
// RFC 2426 §4: backslash, comma, semicolon and newline are escaped in text values.
std::string escape(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == ',' || c == ';') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}
}  // namespace

std::string make_vcard(const std::string& person, const std::string& organisation,
                       const std::string& email, const std::string& url) {
    std::string card = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    const std::string name = person.empty() ? organisation : person;
    card += "FN:" + escape(name) + "\r\n";
    card += "N:" + escape(name) + ";;;;\r\n";
    if (!organisation.empty()) card += "ORG:" + escape(organisation) + "\r\n";
    if (!email.empty()) card += "EMAIL;TYPE=INTERNET:" + email + "\r\n";
    if (!url.empty()) card += "URL:" + url + "\r\n";
    return card + "END:VCARD\r\n";
}

}  // namespace plaza::core
