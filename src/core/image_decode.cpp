#include "core/image_decode.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace plaza::core {

ImageFormat sniff_image_format(std::string_view b) {
    if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
        return ImageFormat::png;
    if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3))
        return ImageFormat::jpeg;
    return ImageFormat::unknown;
}

Result<DecodedImage> decode_image(std::string_view bytes, const ImageLimits& limits) {
    if (sniff_image_format(bytes) == ImageFormat::unknown) return Error{"not a PNG or JPEG image"};
    if (bytes.size() > static_cast<size_t>(INT_MAX)) return Error{"image file too large"};
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &w, &h, &channels))
        return Error{std::string("unreadable image header: ") + stbi_failure_reason()};
    if (w <= 0 || h <= 0 || w > limits.max_width || h > limits.max_height ||
        static_cast<std::int64_t>(w) * h > limits.max_pixels) {
        return Error{"image of " + std::to_string(w) + "x" + std::to_string(h) +
                     " pixels is over the limit of " + std::to_string(limits.max_width) + "x" +
                     std::to_string(limits.max_height)};
    }
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
