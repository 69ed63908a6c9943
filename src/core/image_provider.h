// SPDX-License-Identifier: GPL-3.0-or-later
// What screens know of images: a key (which picture, which size) and what the texture cache has
// for it right now. Screens never hold textures; they ask every frame and draw what is there.
// Plain C++: the texture is an opaque handle (an SDL texture to the platform, an ImTextureID to
// Dear ImGui), so the platform's texture cache and the UI meet here without depending on each
// other.
#pragma once

#include <cstdint>

namespace plaza::core {

// A texture as the renderer knows it; Dear ImGui 1.86's ImTextureID is this same void*.
using TextureHandle = void*;

enum class ImageVariant { thumbnail, display };

struct ImageKey {
    std::int64_t media_id = 0;
    ImageVariant variant = ImageVariant::thumbnail;
    bool operator<(const ImageKey& o) const {
        return media_id != o.media_id ? media_id < o.media_id : variant < o.variant;
    }
    bool operator==(const ImageKey& o) const {
        return media_id == o.media_id && variant == o.variant;
    }
};

enum class ImageState { loading, ready, failed };

struct ImageView {
    ImageState state = ImageState::loading;
    TextureHandle texture = nullptr;  // set when ready
    float width = 0, height = 0;      // pixels of the decoded image
};

class ImageProvider {
  public:
    virtual ~ImageProvider() = default;
    // Asks for an image; starts loading it if needed. Main thread only, during a frame.
    virtual ImageView image(const ImageKey& key) = 0;
};

}  // namespace plaza::core
