// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over the organisers' CSV reader (core::parse_csv): quoting, line ends, BOM,
// line numbers. Any bytes must give a table or a message, never a crash.
#include <cstdint>
#include <string_view>

#include "core/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto table = plaza::core::parse_csv(
        std::string_view(reinterpret_cast<const char*>(data), size), "f.csv");
    if (table.ok()) table.value().column("id");
    return 0;
}
