// SPDX-License-Identifier: GPL-3.0-or-later
// core::decode_image: PNG and JPEG only, sizes checked from the header before decoding.
#include <doctest/doctest.h>

#include "core/image_decode.h"
#include "test_images.h"

using plaza::core::decode_image;
using plaza::core::ImageFormat;
using plaza::core::ImageLimits;
using plaza::core::sniff_image_format;

TEST_CASE("a PNG decodes to RGBA with its size and colour") {
    const std::string png = plaza::test::solid_image(7, 5, 0x11223344);
    CHECK(sniff_image_format(png) == ImageFormat::png);
    auto image = decode_image(png);
    REQUIRE(image.ok());
    CHECK(image->width == 7);
    CHECK(image->height == 5);
    REQUIRE(image->rgba.size() == 7 * 5 * 4);
    CHECK(image->rgba[0] == 0x11);
    CHECK(image->rgba[1] == 0x22);
    CHECK(image->rgba[2] == 0x33);
    CHECK(image->rgba[3] == 0x44);
}

TEST_CASE("a JPEG decodes to opaque RGBA") {
    const std::string jpeg = plaza::test::solid_image(16, 8, 0xC0C0C0FF, true);
    CHECK(sniff_image_format(jpeg) == ImageFormat::jpeg);
    auto image = decode_image(jpeg);
    REQUIRE(image.ok());
    CHECK(image->width == 16);
    CHECK(image->height == 8);
    CHECK(image->rgba[3] == 255);
}

TEST_CASE("formats other than PNG and JPEG are refused") {
    CHECK(decode_image("GIF89a\x01\x00\x01\x00").error() == "not a PNG or JPEG image");
    CHECK(decode_image("BM").error() == "not a PNG or JPEG image");
    CHECK(decode_image("").error() == "not a PNG or JPEG image");
}

TEST_CASE("an image larger than the limits is refused before any pixel is decoded") {
    std::string png = plaza::test::solid_image(64, 32, 0xFFFFFFFF);
    ImageLimits limits;
    limits.max_width = 32;
    auto image = decode_image(png, limits);
    REQUIRE_FALSE(image.ok());
    CHECK(image.error() == "image of 64x32 pixels is over the limit of 32x4096");

    // A header that declares 5000 x 5000 pixels (a decompression bomb) in a tiny file.
    png[16] = 0, png[17] = 0, png[18] = 0x13, png[19] = static_cast<char>(0x88);
    png[20] = 0, png[21] = 0, png[22] = 0x13, png[23] = static_cast<char>(0x88);
    auto bomb = decode_image(png);
    REQUIRE_FALSE(bomb.ok());
    CHECK(bomb.error() == "image of 5000x5000 pixels is over the limit of 4096x4096");

    // 60000 x 60000: stb_image itself refuses the header; the message still names the size.
    png[18] = static_cast<char>(0xEA), png[19] = 0x60, png[22] = static_cast<char>(0xEA),
    png[23] = 0x60;
    auto huge = decode_image(png);
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error() == "image of 60000x60000 pixels is over the limit of 4096x4096");

    // A PNG too short for its header is unreadable, not over a limit.
    auto cut = decode_image(std::string_view(png).substr(0, 20));
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().rfind("unreadable image header: ", 0) == 0);
}

TEST_CASE("a truncated image fails with a message, not a crash") {
    const std::string png = plaza::test::solid_image(40, 40, 0x336699FF);
    auto image = decode_image(std::string_view(png).substr(0, png.size() / 2));
    REQUIRE_FALSE(image.ok());
    CHECK(image.error().rfind("image cannot be decoded: ", 0) == 0);
}

TEST_CASE("a JPEG whose Huffman table declares more than 256 codes is refused before stb") {
    // Found by fuzz_image: Debian's stb_image 2.27 writes past its table for this file.
    std::string jpeg = plaza::test::solid_image(16, 8, 0x808080FF, true);
    const size_t dht = jpeg.find("\xFF\xC4");
    REQUIRE(dht != std::string::npos);
    for (size_t i = 0; i < 16; ++i)
        jpeg[dht + 5 + i] = static_cast<char>(0x20);  // 16 x 32 = 512 codes
    auto image = decode_image(jpeg);
    REQUIRE_FALSE(image.ok());
    CHECK(image.error() ==
          "image cannot be decoded: a JPEG Huffman table holds more than 256 codes");
}
