// SPDX-License-Identifier: GPL-3.0-or-later
// Small encoded images made in memory for tests (stb_image_write from Debian's libstb).
#pragma once

#include <stb_image_write.h>

#include <cstdint>
#include <string>
#include <vector>

namespace plaza::test {

inline void append_bytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<size_t>(size));
}

// A w x h RGBA image filled with one colour, as PNG or JPEG bytes.
inline std::string solid_image(int w, int h, std::uint32_t rgba, bool jpeg = false) {
    std::vector<std::uint8_t> pixels(static_cast<size_t>(w) * h * 4);
    for (size_t i = 0; i < pixels.size(); i += 4) {
        pixels[i] = rgba >> 24;
        pixels[i + 1] = (rgba >> 16) & 0xFF;
        pixels[i + 2] = (rgba >> 8) & 0xFF;
        pixels[i + 3] = rgba & 0xFF;
    }
    std::string out;
    if (jpeg) {
        stbi_write_jpg_to_func(append_bytes, &out, w, h, 4, pixels.data(), 90);
    } else {
        stbi_write_png_to_func(append_bytes, &out, w, h, 4, pixels.data(), w * 4);
    }
    return out;
}

}  // namespace plaza::test
