// What screens know of images: a key (which picture, which size) and what the texture cache has
// for it right now. Screens never hold textures; they ask every frame and draw what is there.
#pragma once

#include <imgui.h>

#include <cstdint>

namespace plaza::ui {

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
    ImTextureID texture = nullptr;  // set when ready
    float width = 0, height = 0;    // pixels of the decoded image
};

class ImageProvider {
  public:
    virtual ~ImageProvider() = default;
    // Asks for an image; starts loading it if needed. Main thread only, during a frame.
    virtual ImageView image(const ImageKey& key) = 0;
};

}  // namespace plaza::ui
