// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over HTML in imported schedule descriptions (schedule::clean_rich_text and
// html_to_markdown, libxml2's HTML parser underneath): any bytes must give text, never a crash.
#include <cstdint>
#include <string>
#include <string_view>

#include "bundle/schedule/text_clean.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    plaza::schedule::CleanReport report;
    plaza::schedule::TextFormat format = plaza::schedule::TextFormat::plain;
    plaza::schedule::clean_rich_text(text, false, "fuzz", report, format);
    // Unchecked bytes straight into the converter too: importers clean first, but the converter
    // must not depend on it.
    plaza::schedule::html_to_markdown(text);
    return 0;
}
