// SPDX-License-Identifier: GPL-3.0-or-later
// Re-encodes organisers' photos for the kiosk: checks size before decoding (decompression
// bombs), applies the EXIF orientation, bounds the dimensions and makes the thumbnail, so the
// kiosk only ever decodes small JPEGs it can trust the size of.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "bundle/source_model.h"
#include "content/limits.h"
#include "core/result.h"

namespace plaza::bundle {

struct ImageLimits {
    std::size_t max_file_bytes = 25 * 1024 * 1024;
    int max_side = content::limits::kOriginalSide;  // of the original, either side
    long long max_pixels = 50'000'000;
    int large_side = content::limits::kLargeSide;  // longest side of the stored image
    int thumb_side = content::limits::kThumbSide;  // longest side of the thumbnail
};

// Decodes a JPEG or PNG and returns the large and thumbnail renditions (JPEG). The error says
// what is wrong in words an organiser can act on ("is 14000×9000 pixels, the limit is ...").
core::Result<ProcessedImage> process_image(std::string_view bytes, const ImageLimits& limits = {});

// Encodes tightly packed RGB pixels as a JPEG.
EncodedImage encode_jpeg(const unsigned char* rgb, int width, int height, int quality);

// The EXIF orientation (1-8) of a JPEG, or 1 when there is none or it cannot be read.
int exif_orientation(std::string_view jpeg);

}  // namespace plaza::bundle
