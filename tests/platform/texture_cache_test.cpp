// SPDX-License-Identifier: GPL-3.0-or-later
// platform::TextureCache on a real SDL software renderer: worker decode, main-thread upload,
// failure placeholders, byte budget and forgetting on new content.
#include <doctest/doctest.h>

#include <SDL.h>

#include <chrono>
#include <thread>

#include "../unit/test_images.h"
#include "platform/texture_cache.h"

using plaza::core::ImageKey;
using plaza::core::ImageState;
using plaza::platform::TextureBudget;
using plaza::platform::TextureCache;

namespace {

struct SoftwareRenderer {
    SoftwareRenderer() {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        REQUIRE(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0);
        window = SDL_CreateWindow("test", 0, 0, 64, 64, 0);
        REQUIRE(window);
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
        REQUIRE(renderer);
    }
    ~SoftwareRenderer() {
        SDL_DestroyRenderer(renderer);
        SDL_DestroyWindow(window);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
};

// Runs main-thread work and uploads until `key` leaves the loading state (or 5 s pass).
ImageState wait_for(TextureCache& cache, plaza::core::MainThreadQueue& queue, ImageKey key) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        queue.run_pending();
        cache.upload_and_evict();
        const ImageState state = cache.image(key).state;
        if (state != ImageState::loading) return state;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return ImageState::loading;
}

}  // namespace

TEST_CASE("an image loads on the worker and is ready after the main thread uploads it") {
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureCache cache(sdl.renderer, queue);
    int loads = 0;
    cache.set_loader([&](const ImageKey& key) -> plaza::core::Result<std::string> {
        ++loads;
        return plaza::test::solid_image(20 + static_cast<int>(key.media_id), 10, 0xFF0000FF);
    });
    const ImageKey key{3, plaza::core::ImageVariant::thumbnail};
    CHECK(cache.image(key).state == ImageState::loading);
    REQUIRE(wait_for(cache, queue, key) == ImageState::ready);
    const auto view = cache.image(key);
    CHECK(view.texture != nullptr);
    CHECK(view.width == 23);
    CHECK(view.height == 10);
    CHECK(cache.bytes_in_use() == 23 * 10 * 4);
    CHECK(loads == 1);
}

TEST_CASE("a decoded image waiting for its upload no longer counts as loading") {
    // A headless screenshot waits between frames until nothing is loading; only a frame
    // uploads, so a decoded image that still counted would make it wait forever.
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureCache cache(sdl.renderer, queue);
    cache.set_loader([](const ImageKey&) -> plaza::core::Result<std::string> {
        return plaza::test::solid_image(8, 8, 0xFF00FF00);
    });
    const ImageKey key{5, plaza::core::ImageVariant::thumbnail};
    cache.image(key);
    CHECK(cache.loading());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (cache.loading() && std::chrono::steady_clock::now() < deadline) {
        queue.run_pending();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK_FALSE(cache.loading());
    CHECK(cache.image(key).state == ImageState::loading);  // not uploaded yet
    cache.upload_and_evict();
    CHECK(cache.image(key).state == ImageState::ready);
}

TEST_CASE("a broken image becomes a placeholder once and is not loaded again") {
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureCache cache(sdl.renderer, queue);
    int loads = 0;
    cache.set_loader([&](const ImageKey&) -> plaza::core::Result<std::string> {
        ++loads;
        return std::string("this is not an image");
    });
    const ImageKey key{1, plaza::core::ImageVariant::display};
    REQUIRE(wait_for(cache, queue, key) == ImageState::failed);
    for (int i = 0; i < 5; ++i) {
        CHECK(cache.image(key).state == ImageState::failed);
        cache.upload_and_evict();
    }
    CHECK(loads == 1);
    CHECK(cache.image(key).texture == nullptr);
}

TEST_CASE("a missing image (loader error) is a placeholder") {
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureCache cache(sdl.renderer, queue);
    cache.set_loader([](const ImageKey&) -> plaza::core::Result<std::string> {
        return plaza::core::Error{"no such image in the bundle"};
    });
    CHECK(wait_for(cache, queue, ImageKey{9}) == ImageState::failed);
}

TEST_CASE("over its byte budget the cache evicts images not drawn recently") {
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureBudget budget;
    budget.cache_bytes = 3 * 16 * 16 * 4;  // room for three 16x16 images
    TextureCache cache(sdl.renderer, queue, budget);
    cache.set_loader([](const ImageKey&) -> plaza::core::Result<std::string> {
        return plaza::test::solid_image(16, 16, 0x00FF00FF);
    });
    for (std::int64_t id = 1; id <= 5; ++id) {
        REQUIRE(wait_for(cache, queue, ImageKey{id}) == ImageState::ready);
    }
    // Draw only image 5 for a couple of frames; the others age and go.
    for (int frame = 0; frame < 3; ++frame) {
        cache.image(ImageKey{5});
        cache.upload_and_evict();
    }
    CHECK(cache.bytes_in_use() <= budget.cache_bytes);
    CHECK(cache.image(ImageKey{5}).state == ImageState::ready);
    CHECK(cache.textures() <= 3);
}

TEST_CASE("an image not drawn for a while is released, and loads again when drawn again") {
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureBudget budget;
    budget.release_after_frames = 3;
    TextureCache cache(sdl.renderer, queue, budget);
    int loads = 0;
    cache.set_loader([&](const ImageKey&) -> plaza::core::Result<std::string> {
        ++loads;
        return plaza::test::solid_image(16, 16, 0x00FF00FF);
    });
    // Frames drawing both until both are ready.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (cache.image(ImageKey{1}).state == ImageState::loading ||
           cache.image(ImageKey{2}).state == ImageState::loading) {
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        queue.run_pending();
        cache.upload_and_evict();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(cache.textures() == 2);
    // Well within the byte budget, but image 1 is no longer drawn.
    for (int frame = 0; frame < 2; ++frame) {
        cache.upload_and_evict();
        cache.image(ImageKey{2});
    }
    CHECK(cache.textures() == 2);
    for (int frame = 0; frame < 2; ++frame) {
        cache.upload_and_evict();
        cache.image(ImageKey{2});
    }
    CHECK(cache.textures() == 1);
    CHECK(cache.bytes_in_use() == 16 * 16 * 4);
    CHECK(cache.image(ImageKey{2}).state == ImageState::ready);
    CHECK(wait_for(cache, queue, ImageKey{1}) == ImageState::ready);
    CHECK(loads == 3);
}

TEST_CASE(
    "going idle releases the images the last frame did not draw, the oldest first, down to "
    "the idle budget") {
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureBudget budget;
    budget.idle_bytes = 2 * 16 * 16 * 4;  // room for two 16x16 images
    TextureCache cache(sdl.renderer, queue, budget);
    cache.set_loader([](const ImageKey&) -> plaza::core::Result<std::string> {
        return plaza::test::solid_image(16, 16, 0x00FF00FF);
    });
    for (std::int64_t id = 1; id <= 4; ++id)
        REQUIRE(wait_for(cache, queue, ImageKey{id}) == ImageState::ready);
    // Frames drawing 1, then 2, then 3 and 4 together; then the kiosk goes idle.
    for (std::int64_t id = 1; id <= 3; ++id) {
        cache.upload_and_evict();
        cache.image(ImageKey{id});
    }
    cache.image(ImageKey{4});
    cache.release_undrawn();
    // 3 and 4 are on screen and stay even beyond the idle budget; 1 and 2 are not: both go.
    CHECK(cache.textures() == 2);
    CHECK(cache.bytes_in_use() == 2 * 16 * 16 * 4);
    CHECK(cache.image(ImageKey{3}).state == ImageState::ready);
    CHECK(cache.image(ImageKey{4}).state == ImageState::ready);
    CHECK(cache.image(ImageKey{1}).state == ImageState::loading);

    // With only 4 on screen, the most recently drawn one beside it (3) fits the idle budget.
    REQUIRE(wait_for(cache, queue, ImageKey{1}) == ImageState::ready);
    for (std::int64_t id : {1, 3, 4}) {
        cache.upload_and_evict();
        cache.image(ImageKey{id});
    }
    cache.release_undrawn();
    CHECK(cache.textures() == 2);
    CHECK(cache.image(ImageKey{3}).state == ImageState::ready);
    CHECK(cache.image(ImageKey{1}).state == ImageState::loading);
}

TEST_CASE("new content forgets every image, and late results of old jobs are dropped") {
    SoftwareRenderer sdl;
    plaza::core::MainThreadQueue queue;
    TextureCache cache(sdl.renderer, queue);
    cache.set_loader([](const ImageKey&) -> plaza::core::Result<std::string> {
        return plaza::test::solid_image(8, 8, 0x0000FFFF);
    });
    REQUIRE(wait_for(cache, queue, ImageKey{1}) == ImageState::ready);
    cache.set_loader([](const ImageKey&) -> plaza::core::Result<std::string> {
        return plaza::core::Error{"gone"};
    });
    CHECK(cache.bytes_in_use() == 0);
    CHECK(wait_for(cache, queue, ImageKey{1}) == ImageState::failed);
}
