// SPDX-License-Identifier: GPL-3.0-or-later
// Names of languages in other languages from Debian's iso-codes data: ISO 639-3's English names
// (/usr/share/iso-codes/json/iso_639-3.json) and their gettext translations
// (/usr/share/locale/LANG/LC_MESSAGES/iso_639-3.mo), read when a bundle is built.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace plaza::bundle {

class IsoLanguageNames {
  public:
    // `prefix` holds share/iso-codes and share/locale (/usr on Debian; tests pass another).
    explicit IsoLanguageNames(std::string prefix = "/usr");

    // The name of language `code` (ISO 639-1 or 639-3, e.g. "pt" or "por") written in language
    // `in` ("fr": "portugais"); the English name when iso-codes has no translation into `in`;
    // nothing when iso-codes does not know `code` or its data cannot be read (then error() says
    // why).
    std::optional<std::string> name(const std::string& code, const std::string& in);
    const std::string& error() const { return error_; }

  private:
    bool load_codes();
    const std::map<std::string, std::string>& translations(const std::string& in);

    std::string prefix_, error_;
    bool loaded_ = false;
    std::map<std::string, std::string> english_;  // by ISO 639-1 and 639-3 code
    std::map<std::string, std::map<std::string, std::string>> translations_;  // by language
};

}  // namespace plaza::bundle
