// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over image decoding: PNG and JPEG only, header limits, capped allocations.
#include <cstdint>
#include <string_view>

#include "core/image_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    plaza::core::ImageLimits limits;
    limits.max_width = limits.max_height = 2048;
    limits.max_pixels = 2048 * 2048;
    plaza::core::decode_image(std::string_view(reinterpret_cast<const char*>(data), size), limits);
    return 0;
}
