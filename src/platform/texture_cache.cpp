// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/texture_cache.h"

#include <algorithm>

#include "core/log.h"

namespace plaza::platform {
namespace {
// Thumbnails fill cards about 100 px tall; photos at most a third of a 1080p screen's width.
// Pixels beyond what is drawn would only cost memory.
constexpr int kThumbnailMaxSide = 128;
constexpr int kDisplayMaxSide = 800;

std::string describe(const core::ImageKey& key) {
    return "image " + std::to_string(key.media_id) +
           (key.variant == core::ImageVariant::thumbnail ? " (thumbnail)" : " (display)");
}
}  // namespace

TextureCache::TextureCache(SDL_Renderer* renderer, core::MainThreadQueue& main_thread,
                           TextureBudget budget)
    : renderer_(renderer), main_thread_(main_thread), budget_(budget) {}

TextureCache::~TextureCache() {
    forget_all();
}

void TextureCache::forget_all() {
    worker_.cancel_pending();
    ++generation_;  // results of jobs already running are dropped when they arrive
    for (auto& [key, entry] : entries_) {
        if (entry.texture) SDL_DestroyTexture(entry.texture);
    }
    entries_.clear();
    ready_.clear();
    bytes_ = 0;
}

void TextureCache::set_loader(Loader loader) {
    forget_all();
    loader_ = std::move(loader);
}

core::ImageView TextureCache::image(const core::ImageKey& key) {
    auto [it, inserted] = entries_.try_emplace(key);
    Entry& entry = it->second;
    entry.last_used_frame = frame_;
    if (inserted) {
        if (!loader_) {
            entry.state = core::ImageState::failed;
        } else {
            const std::uint64_t generation = generation_;
            worker_.post([this, key, generation, loader = loader_] {
                auto bytes = loader(key);
                auto decoded = std::make_shared<Decoded>(
                    Decoded{key, generation,
                            bytes ? core::decode_image(bytes.value())
                                  : core::Result<core::DecodedImage>(core::Error{bytes.error()})});
                main_thread_.post([this, decoded] {
                    if (decoded->generation == generation_) ready_.push_back(decoded);
                });
            });
        }
    }
    core::ImageView view;
    view.state = entry.state;
    view.texture = entry.texture;
    view.width = static_cast<float>(entry.width);
    view.height = static_cast<float>(entry.height);
    return view;
}

bool TextureCache::upload_and_evict() {
    ++frame_;
    std::int64_t uploaded = 0;
    size_t done = 0;
    for (; done < ready_.size() && uploaded < budget_.upload_bytes_per_frame; ++done) {
        Decoded& d = *ready_[done];
        auto it = entries_.find(d.key);
        if (it == entries_.end()) continue;  // evicted while decoding
        Entry& entry = it->second;
        if (!d.image) {
            entry.state = core::ImageState::failed;
            core::log_warning(describe(d.key) + " shows a placeholder: " + d.image.error());
            continue;
        }
        const core::DecodedImage& img = d.image.value();
        SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888,
                                                 SDL_TEXTUREACCESS_STATIC, img.width, img.height);
        if (!texture || SDL_UpdateTexture(texture, nullptr, img.rgba.data(), img.width * 4) != 0) {
            if (texture) SDL_DestroyTexture(texture);
            entry.state = core::ImageState::failed;
            core::log_warning(describe(d.key) + " cannot be uploaded: " + SDL_GetError());
            continue;
        }
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
        entry.texture = texture;
        entry.width = img.width;
        entry.height = img.height;
        entry.state = core::ImageState::ready;
        const std::int64_t bytes = static_cast<std::int64_t>(img.rgba.size());
        bytes_ += bytes;
        uploaded += bytes;
    }
    ready_.erase(ready_.begin(), ready_.begin() + static_cast<std::ptrdiff_t>(done));

    // Images drawn in the last frame stay even over budget.
    evict(budget_.cache_bytes, frame_ - 1, frame_ - budget_.release_after_frames);
    return !ready_.empty();
}

void TextureCache::release_undrawn() {
    evict(budget_.idle_bytes, frame_, frame_ - budget_.release_after_frames);
}

void TextureCache::evict(std::int64_t limit, std::int64_t drawn_since, std::int64_t stale_before) {
    const bool over = bytes_ > limit;
    std::vector<std::pair<std::int64_t, core::ImageKey>> by_age;
    for (const auto& [key, entry] : entries_) {
        if (entry.texture && entry.last_used_frame < drawn_since &&
            (over || entry.last_used_frame < stale_before))
            by_age.emplace_back(entry.last_used_frame, key);
    }
    if (by_age.empty()) return;
    std::sort(by_age.begin(), by_age.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [last_used, key] : by_age) {
        if (bytes_ <= limit && last_used >= stale_before) break;
        Entry& entry = entries_[key];
        bytes_ -= static_cast<std::int64_t>(entry.width) * entry.height * 4;
        SDL_DestroyTexture(entry.texture);
        entries_.erase(key);
    }
}

bool TextureCache::loading() const {
    for (const auto& [key, entry] : entries_) {
        if (entry.state != core::ImageState::loading) continue;
        // Decoded and waiting for upload_and_evict() is done as far as the worker goes: only a
        // frame uploads it, so waiting for it between frames would wait forever.
        const bool decoded =
            std::any_of(ready_.begin(), ready_.end(), [&](const auto& d) { return d->key == key; });
        if (!decoded) return true;
    }
    return false;
}

}  // namespace plaza::platform
