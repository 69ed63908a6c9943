// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/image_processing.h"

#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace plaza::bundle {
namespace {

struct StbFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

struct Pixels {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
};

// Rotates or mirrors so the picture stands as the camera saw it (EXIF orientation 2-8).
Pixels orient(const Pixels& in, int orientation) {
    if (orientation < 2 || orientation > 8) return in;
    const bool swap = orientation >= 5;
    Pixels out;
    out.width = swap ? in.height : in.width;
    out.height = swap ? in.width : in.height;
    out.rgb.resize(in.rgb.size());
    const int w = in.width, h = in.height;
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            int sx = x, sy = y;
            switch (orientation) {
                case 2:
                    sx = w - 1 - x;
                    break;
                case 3:
                    sx = w - 1 - x, sy = h - 1 - y;
                    break;
                case 4:
                    sy = h - 1 - y;
                    break;
                case 5:
                    sx = y, sy = x;
                    break;
                case 6:
                    sx = y, sy = h - 1 - x;
                    break;
                case 7:
                    sx = w - 1 - y, sy = h - 1 - x;
                    break;
                case 8:
                    sx = w - 1 - y, sy = x;
                    break;
            }
            const size_t to = (static_cast<size_t>(y) * out.width + x) * 3;
            const size_t from = (static_cast<size_t>(sy) * w + sx) * 3;
            std::copy_n(&in.rgb[from], 3, &out.rgb[to]);
        }
    }
    return out;
}

EncodedImage scaled(const Pixels& p, int longest) {
    const int side = std::max(p.width, p.height);
    if (side <= longest) return encode_jpeg(p.rgb.data(), p.width, p.height, 85);
    const double scale = static_cast<double>(longest) / side;
    const int w = std::max(1, static_cast<int>(p.width * scale + 0.5));
    const int h = std::max(1, static_cast<int>(p.height * scale + 0.5));
    std::vector<unsigned char> out(static_cast<size_t>(w) * h * 3);
    stbir_resize_uint8(p.rgb.data(), p.width, p.height, 0, out.data(), w, h, 0, 3);
    return encode_jpeg(out.data(), w, h, 85);
}

std::uint32_t read_u32(const unsigned char* p, bool little) {
    return little ? p[0] | p[1] << 8 | p[2] << 16 | static_cast<std::uint32_t>(p[3]) << 24
                  : static_cast<std::uint32_t>(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3];
}
unsigned read_u16(const unsigned char* p, bool little) {
    return little ? p[0] | p[1] << 8 : p[0] << 8 | p[1];
}

// Reads IFD0's Orientation tag from a TIFF block (the body of an Exif APP1 segment).
int tiff_orientation(const unsigned char* t, size_t size) {
    if (size < 8) return 1;
    const bool little = t[0] == 'I' && t[1] == 'I';
    if (!little && !(t[0] == 'M' && t[1] == 'M')) return 1;
    const std::uint32_t ifd = read_u32(t + 4, little);
    if (ifd > size - 2 || size < 2) return 1;
    const unsigned entries = read_u16(t + ifd, little);
    for (unsigned i = 0; i < entries; ++i) {
        const size_t at = ifd + 2 + static_cast<size_t>(i) * 12;
        if (at + 12 > size) return 1;
        if (read_u16(t + at, little) == 0x0112) {
            const unsigned value = read_u16(t + at + 8, little);
            return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
        }
    }
    return 1;
}

}  // namespace

int exif_orientation(std::string_view jpeg) {
    const auto* d = reinterpret_cast<const unsigned char*>(jpeg.data());
    const size_t n = jpeg.size();
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8) return 1;
    size_t pos = 2;
    while (pos + 4 <= n && d[pos] == 0xFF) {
        const unsigned marker = d[pos + 1];
        if (marker == 0xDA || marker == 0xD9) break;  // image data starts: no more metadata
        const size_t length = static_cast<size_t>(d[pos + 2]) << 8 | d[pos + 3];
        if (length < 2 || pos + 2 + length > n) break;
        const unsigned char* body = d + pos + 4;
        const size_t body_size = length - 2;
        if (marker == 0xE1 && body_size >= 6 && std::equal(body, body + 6, "Exif\0\0")) {
            return tiff_orientation(body + 6, body_size - 6);
        }
        pos += 2 + length;
    }
    return 1;
}

EncodedImage encode_jpeg(const unsigned char* rgb, int width, int height, int quality) {
    EncodedImage out;
    out.width = width;
    out.height = height;
    out.mime = "image/jpeg";
    stbi_write_jpg_to_func(
        [](void* context, void* data, int size) {
            static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                                       static_cast<size_t>(size));
        },
        &out.data, width, height, 3, rgb, quality);
    return out;
}

core::Result<ProcessedImage> process_image(std::string_view bytes, const ImageLimits& limits) {
    if (bytes.size() > limits.max_file_bytes) {
        return core::Error{"the file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                           " MB, the limit is " +
                           std::to_string(limits.max_file_bytes / (1024 * 1024)) + " MB"};
    }
    const bool jpeg = bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF";
    const bool png = bytes.size() >= 8 && bytes.substr(0, 8) == "\x89PNG\r\n\x1A\n";
    if (!jpeg && !png) return core::Error{"is not a JPEG or PNG image"};
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const int size = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    // Dimensions first, from the header alone, so a tiny file claiming a huge picture is
    // refused before any memory is allocated for it.
    if (!stbi_info_from_memory(data, size, &w, &h, &channels)) {
        return core::Error{std::string("cannot be decoded (") + stbi_failure_reason() + ")"};
    }
    if (w > limits.max_side || h > limits.max_side ||
        static_cast<long long>(w) * h > limits.max_pixels) {
        return core::Error{"is " + std::to_string(w) + "×" + std::to_string(h) +
                           " pixels, the limit is " + std::to_string(limits.max_side) +
                           " on either side and " + std::to_string(limits.max_pixels / 1000000) +
                           " megapixels"};
    }
    std::unique_ptr<unsigned char, StbFree> decoded(
        stbi_load_from_memory(data, size, &w, &h, &channels, 4));
    if (!decoded) {
        return core::Error{std::string("cannot be decoded (") + stbi_failure_reason() + ")"};
    }
    // Transparent areas become white: the kiosk's cards are light.
    Pixels pixels;
    pixels.width = w;
    pixels.height = h;
    pixels.rgb.resize(static_cast<size_t>(w) * h * 3);
    const unsigned char* src = decoded.get();
    for (size_t i = 0, n = static_cast<size_t>(w) * h; i < n; ++i) {
        const unsigned a = src[i * 4 + 3];
        for (int c = 0; c < 3; ++c) {
            pixels.rgb[i * 3 + c] =
                static_cast<unsigned char>((src[i * 4 + c] * a + 255 * (255 - a) + 127) / 255);
        }
    }
    decoded.reset();
    if (jpeg) pixels = orient(pixels, exif_orientation(bytes));
    ProcessedImage out;
    out.width = pixels.width;
    out.height = pixels.height;
    out.large = scaled(pixels, limits.large_side);
    out.thumb = scaled(pixels, limits.thumb_side);
    return out;
}

}  // namespace plaza::bundle
