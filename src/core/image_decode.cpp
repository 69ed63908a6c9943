// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image_decode.h"

#include <stb_image_resize.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <memory>

namespace {

// Every allocation stb_image makes goes through a cap. Debian's stb_image 2.27 trusts a PNG
// IDAT chunk's declared length and grows its buffer to it before reading the data: an 89-byte
// file asks for 1.4 GB (reliability research, section 3.3), which a pixel budget checked from
// the header cannot catch. The cap turns that into a clean "outofmem" failure.
thread_local size_t allocation_cap = 64u * 1024 * 1024;

void* capped_malloc(size_t size) {
    return size > allocation_cap ? nullptr : std::malloc(size);
}

void* capped_realloc(void* p, size_t size) {
    return size > allocation_cap ? nullptr : std::realloc(p, size);
}

// Debian's stb_image 2.27 builds a JPEG Huffman table from the 16 code counts of a DHT segment
// without checking that they add up to at most 256 symbols, and writes past its 257-entry size
// array (found by fuzz_image; upstream added the "bad DHT header" check in 2.28). Every place
// stb could read a DHT from starts with the bytes FF C4, so each is checked, a superset of what
// stb parses.
bool jpeg_huffman_tables_sane(std::string_view b) {
    for (size_t at = b.find("\xFF\xC4"); at != std::string_view::npos;
         at = b.find("\xFF\xC4", at + 1)) {
        if (at + 4 > b.size()) return true;  // stb stops at the end of the data
        // The same walk as stb's DHT parser, which reads table after table while the declared
        // length has bytes left, even past the segment (bytes past the data read as 0).
        const auto byte = [&](size_t i) {
            return i < b.size() ? static_cast<unsigned char>(b[i]) : 0u;
        };
        long left = static_cast<long>(byte(at + 2) << 8 | byte(at + 3)) - 2;
        for (size_t p = at + 4; left > 0 && p < b.size();) {
            long symbols = 0;
            for (size_t i = 0; i < 16; ++i)
                symbols += byte(p + 1 + i);
            if (symbols > 256) return false;
            p += 17 + static_cast<size_t>(symbols);
            left -= 17 + symbols;
        }
    }
    return true;
}

// A PNG whose first IDAT chunk is empty makes stb_image 2.27 memcpy 0 bytes to a null buffer
// (undefined behaviour, found by fuzz_image). Encoders never write an empty IDAT; refuse it.
bool png_chunks_sane(std::string_view b) {
    for (size_t at = 8; at + 8 <= b.size();) {
        const std::uint32_t length = static_cast<std::uint32_t>(
            static_cast<unsigned char>(b[at]) << 24 | static_cast<unsigned char>(b[at + 1]) << 16 |
            static_cast<unsigned char>(b[at + 2]) << 8 | static_cast<unsigned char>(b[at + 3]));
        const std::string_view type = b.substr(at + 4, 4);
        if (type == "IDAT" && length == 0) return false;
        if (type == "IEND") return true;
        at += 12 + static_cast<size_t>(length);
    }
    return true;
}

}  // namespace

// A private copy of stb_image with PNG and JPEG only: linking Debian's prebuilt libstb would bring
// GIF, PSD, PIC, HDR, PNM and TGA decoders with known, unfixed bugs (research, section 3.2) and no
// way to cap allocations. STB_IMAGE_STATIC keeps these symbols out of libstb's way (plaza-bundle
// still uses libstb for organisers' originals). 32768 pixels a side keeps headers of giant images
// readable, so the limit below can name their size; larger ones stb refuses by itself.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_MAX_DIMENSIONS (1 << 15)
#define STBI_MALLOC(size) capped_malloc(size)
#define STBI_REALLOC(p, size) capped_realloc(p, size)
#define STBI_FREE(p) std::free(p)
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace plaza::core {

ImageFormat sniff_image_format(std::string_view b) {
    if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
        return ImageFormat::png;
    if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3))
        return ImageFormat::jpeg;
    return ImageFormat::unknown;
}

Result<ImageSize> read_image_header(std::string_view bytes, const ImageLimits& limits) {
    if (sniff_image_format(bytes) == ImageFormat::unknown) return Error{"not a PNG or JPEG image"};
    if (bytes.size() > static_cast<size_t>(INT_MAX)) return Error{"image file too large"};
    if (sniff_image_format(bytes) == ImageFormat::png && !png_chunks_sane(bytes))
        return Error{"image cannot be decoded: a PNG data chunk is empty"};
    if (sniff_image_format(bytes) == ImageFormat::jpeg && !jpeg_huffman_tables_sane(bytes))
        return Error{"image cannot be decoded: a JPEG Huffman table holds more than 256 codes"};
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &w, &h, &channels)) {
        // stb_image refuses a huge PNG header as "too large" (or, past its dimension limit,
        // as "unknown image type"); read the declared size to say what was refused.
        const auto be32 = [&](size_t at) {
            return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at]) << 24 |
                                              static_cast<unsigned char>(bytes[at + 1]) << 16 |
                                              static_cast<unsigned char>(bytes[at + 2]) << 8 |
                                              static_cast<unsigned char>(bytes[at + 3]));
        };
        if (sniff_image_format(bytes) == ImageFormat::png && bytes.size() >= 24 &&
            bytes.substr(12, 4) == "IHDR") {
            const std::uint32_t pw = be32(16), ph = be32(20);
            if (pw > static_cast<std::uint32_t>(limits.max_width) ||
                ph > static_cast<std::uint32_t>(limits.max_height)) {
                return Error{"image of " + std::to_string(pw) + "x" + std::to_string(ph) +
                             " pixels is over the limit of " + std::to_string(limits.max_width) +
                             "x" + std::to_string(limits.max_height)};
            }
        }
        return Error{std::string("unreadable image header: ") + stbi_failure_reason()};
    }
    if (w <= 0 || h <= 0 || w > limits.max_width || h > limits.max_height ||
        static_cast<std::int64_t>(w) * h > limits.max_pixels) {
        return Error{"image of " + std::to_string(w) + "x" + std::to_string(h) +
                     " pixels is over the limit of " + std::to_string(limits.max_width) + "x" +
                     std::to_string(limits.max_height)};
    }
    return ImageSize{w, h};
}

Result<DecodedImage> decode_image(std::string_view bytes, const ImageLimits& limits) {
    auto size = read_image_header(bytes, limits);
    if (!size) return Error{size.error()};
    int w = size->width, h = size->height, channels = 0;
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    // Room for the decoded image at 16 bits per channel plus the compressed data: the largest
    // single buffer an honest image within the limits needs.
    allocation_cap =
        static_cast<size_t>(w) * static_cast<size_t>(h) * 8 + bytes.size() + (1u << 20);
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(data, length, &w, &h, &channels, 4), stbi_image_free);
    if (!pixels) return Error{std::string("image cannot be decoded: ") + stbi_failure_reason()};
    DecodedImage image;
    image.width = w;
    image.height = h;
    image.rgba.assign(pixels.get(), pixels.get() + static_cast<size_t>(w) * h * 4);
    return image;
}

DecodedImage fit_within(DecodedImage image, int max_side) {
    if (image.width <= max_side && image.height <= max_side) return image;
    const double scale = static_cast<double>(max_side) / std::max(image.width, image.height);
    DecodedImage out;
    out.width = std::max(1, static_cast<int>(image.width * scale + 0.5));
    out.height = std::max(1, static_cast<int>(image.height * scale + 0.5));
    out.rgba.resize(static_cast<size_t>(out.width) * out.height * 4);
    stbir_resize_uint8_srgb(image.rgba.data(), image.width, image.height, 0, out.rgba.data(),
                            out.width, out.height, 0, 4, 3, 0);
    return out;
}

}  // namespace plaza::core
