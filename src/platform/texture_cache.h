// SPDX-License-Identifier: GPL-3.0-or-later
// Images from the bundle as SDL textures: bytes are read and decoded on a worker thread, uploaded
// on the main thread within a per-frame byte budget, and kept in a least-recently-used cache with
// a byte budget (GPU memory on a Pi is shared and small; libsdl-org/SDL#3974). A failure is
// remembered so a broken image is not decoded again every frame.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/background_worker.h"
#include "core/image_decode.h"
#include "core/image_provider.h"
#include "core/result.h"

namespace plaza::platform {

struct TextureBudget {
    std::int64_t cache_bytes = 8ll * 1024 * 1024;
    std::int64_t upload_bytes_per_frame = 4ll * 1024 * 1024;
    // A visitor sees one screen of images at a time: an image not drawn for this many frames
    // (about five seconds of animation) goes whatever the budget, and when the kiosk goes idle
    // the images not on screen are kept only up to `idle_bytes` (about a screen of thumbnails,
    // so going back a step rarely shows placeholders). Issue #16: memory after browsing.
    std::int64_t release_after_frames = 300;
    std::int64_t idle_bytes = 2ll * 1024 * 1024;
};

class TextureCache final : public core::ImageProvider {
  public:
    // Runs on the worker thread: the encoded bytes of an image, or why there are none.
    using Loader = std::function<core::Result<std::string>(const core::ImageKey&)>;

    TextureCache(SDL_Renderer* renderer, core::MainThreadQueue& main_thread,
                 TextureBudget budget = {});
    ~TextureCache() override;

    // Sets where bytes come from and forgets every image (new content).
    void set_loader(Loader loader);

    core::ImageView image(const core::ImageKey& key) override;
    // Between frames: uploads decoded images within the per-frame budget and evicts images not
    // drawn recently while the cache is over its byte budget. Returns true if an upload is left
    // for the next frame.
    bool upload_and_evict();
    // After the last frame before the kiosk sleeps: releases images that frame did not draw,
    // the least recently drawn first, down to the budget's `idle_bytes`.
    void release_undrawn();

    std::int64_t bytes_in_use() const { return bytes_; }
    std::size_t textures() const { return entries_.size(); }
    // True while an image asked for is still being read or decoded on the worker; decoded ones
    // are uploaded by the next frame's upload_and_evict().
    bool loading() const;

  private:
    struct Entry {
        core::ImageState state = core::ImageState::loading;
        SDL_Texture* texture = nullptr;
        int width = 0, height = 0;
        std::int64_t last_used_frame = 0;
    };
    struct Decoded {
        core::ImageKey key;
        std::uint64_t generation;
        core::Result<core::DecodedImage> image;
    };
    void forget_all();
    // Releases images last drawn before frame `drawn_since`, oldest first, while more than
    // `limit` bytes are in use; those last drawn before `stale_before` go whatever the limit.
    void evict(std::int64_t limit, std::int64_t drawn_since, std::int64_t stale_before);

    SDL_Renderer* renderer_;
    core::MainThreadQueue& main_thread_;
    TextureBudget budget_;
    Loader loader_;
    std::map<core::ImageKey, Entry> entries_;
    std::vector<std::shared_ptr<Decoded>> ready_;  // decoded, waiting for upload
    std::int64_t bytes_ = 0;
    std::int64_t frame_ = 0;
    std::uint64_t generation_ = 0;
    // Last member: destroyed first, so no job outlives what it refers to.
    core::BackgroundWorker worker_;
};

}  // namespace plaza::platform
