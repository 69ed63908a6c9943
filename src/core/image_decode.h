// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding images that come from a bundle: PNG and JPEG only, dimensions checked from the header
// before any pixel memory is allocated (Debian's stb_image trusts declared sizes; see the
// reliability research on stb_image hardening), always to 8-bit RGBA.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace plaza::core {

struct DecodedImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes
};

struct ImageLimits {
    int max_width = 4096;
    int max_height = 4096;
    std::int64_t max_pixels = 16 * 1024 * 1024;
};

enum class ImageFormat { unknown, png, jpeg };
ImageFormat sniff_image_format(std::string_view bytes);

struct ImageSize {
    int width = 0, height = 0;
};
// What decode_image checks before it allocates any pixel memory: format, the sanity of the
// data's structure, and the dimensions against `limits`. Cheap: the pixels are not decoded.
Result<ImageSize> read_image_header(std::string_view bytes, const ImageLimits& limits = {});

Result<DecodedImage> decode_image(std::string_view bytes, const ImageLimits& limits = {});

// The image scaled down (sRGB-aware, aspect kept) so neither side exceeds `max_side`; unchanged
// when it already fits. A texture larger than it is drawn only costs memory.
DecodedImage fit_within(DecodedImage image, int max_side);

}  // namespace plaza::core
