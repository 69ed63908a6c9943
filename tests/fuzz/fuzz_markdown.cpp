// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over the Markdown a good-practice body is written in (core::parse_markdown,
// md4c underneath): any bytes must give blocks of text runs, never a crash.
#include <cstdint>
#include <string_view>

#include "core/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    plaza::core::parse_markdown(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
