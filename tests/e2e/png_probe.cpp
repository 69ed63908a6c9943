// SPDX-License-Identifier: GPL-3.0-or-later
// Pixel checks for the end-to-end tests: what share of a screenshot, or of one item's rectangle
// in its UI dump, is within a tolerance of a colour (run_script_test.cmake calls it for PIXELS),
// and how much of a screenshot differs from its golden (golden_test.cmake).
//   plaza-png-probe SHOT.png #RRGGBB MIN_PERCENT [SHOT.json ITEM_ID]
//   plaza-png-probe --compare GOLDEN.png SHOT.png MAX_PERCENT
// Exits 0 when at least MIN_PERCENT of the pixels match (at most MAX_PERCENT differ), 1 when
// not, 2 on bad input.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/image_decode.h"

namespace {

// Screenshots are lossless, but a photo went through JPEG and scaling on its way to the screen.
constexpr int kTolerance = 24;

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    out = text.str();
    return true;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "plaza-png-probe: %s\n", message.c_str());
    return 2;
}

// The share of pixels of `shot` that differ from `golden` by more than the tolerance.
int compare(const std::string& golden_path, const std::string& shot_path, double max_percent) {
    std::string golden_bytes, shot_bytes;
    if (!read_file(golden_path, golden_bytes)) return fail(golden_path + ": cannot be read");
    if (!read_file(shot_path, shot_bytes)) return fail(shot_path + ": cannot be read");
    auto golden = plaza::core::decode_image(golden_bytes);
    if (!golden) return fail(golden_path + ": " + golden.error());
    auto shot = plaza::core::decode_image(shot_bytes);
    if (!shot) return fail(shot_path + ": " + shot.error());
    if (golden->width != shot->width || golden->height != shot->height) {
        std::printf("%s: %dx%d, its golden is %dx%d\n", shot_path.c_str(), shot->width,
                    shot->height, golden->width, golden->height);
        return 1;
    }
    long long differing = 0;
    for (size_t i = 0; i + 3 < shot->rgba.size(); i += 4) {
        bool differs = false;
        for (size_t c = 0; c < 3; ++c)
            differs = differs || std::abs(shot->rgba[i + c] - golden->rgba[i + c]) > kTolerance;
        differing += differs;
    }
    const double percent =
        100.0 * static_cast<double>(differing) / (static_cast<double>(shot->width) * shot->height);
    std::printf("%s: %.2f %% of pixels differ from %s\n", shot_path.c_str(), percent,
                golden_path.c_str());
    return percent <= max_percent ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::string(argv[1]) == "--compare")
        return compare(argv[2], argv[3], std::atof(argv[4]));
    if (argc != 4 && argc != 6)
        return fail(
            "usage: plaza-png-probe SHOT.png #RRGGBB MIN_PERCENT [SHOT.json ITEM_ID]\n"
            "       plaza-png-probe --compare GOLDEN.png SHOT.png MAX_PERCENT");
    const std::string colour = argv[2];
    if (colour.size() != 7 || colour[0] != '#') return fail(colour + " is not #RRGGBB");
    const unsigned long rgb = std::strtoul(colour.c_str() + 1, nullptr, 16);
    const int want[3] = {static_cast<int>(rgb >> 16) & 255, static_cast<int>(rgb >> 8) & 255,
                         static_cast<int>(rgb) & 255};
    const double min_percent = std::atof(argv[3]);

    std::string bytes;
    if (!read_file(argv[1], bytes)) return fail(std::string(argv[1]) + ": cannot be read");
    auto image = plaza::core::decode_image(bytes);
    if (!image) return fail(std::string(argv[1]) + ": " + image.error());
    int x0 = 0, y0 = 0, w = image->width, h = image->height;
    if (argc == 6) {
        std::string text;
        if (!read_file(argv[4], text)) return fail(std::string(argv[4]) + ": cannot be read");
        const auto dump = nlohmann::json::parse(text, nullptr, false);
        if (dump.is_discarded()) return fail(std::string(argv[4]) + ": not JSON");
        bool found = false;
        for (const auto& item : dump.value("items", nlohmann::json::array())) {
            if (item.value("id", "") != argv[5]) continue;
            const auto& r = item.at("rect");
            x0 = r.at(0), y0 = r.at(1), w = r.at(2), h = r.at(3);
            found = true;
        }
        if (!found) return fail(std::string(argv[4]) + ": no visible item " + argv[5]);
    }
    x0 = std::clamp(x0, 0, image->width), y0 = std::clamp(y0, 0, image->height);
    w = std::clamp(w, 0, image->width - x0), h = std::clamp(h, 0, image->height - y0);
    if (w == 0 || h == 0) return fail("the region is empty");

    long long matching = 0, sum[3] = {0, 0, 0};
    for (int y = y0; y < y0 + h; ++y) {
        for (int x = x0; x < x0 + w; ++x) {
            const std::uint8_t* p = &image->rgba[(static_cast<size_t>(y) * image->width + x) * 4];
            bool close = true;
            for (int c = 0; c < 3; ++c) {
                sum[c] += p[c];
                close = close && std::abs(p[c] - want[c]) <= kTolerance;
            }
            matching += close;
        }
    }
    const long long total = static_cast<long long>(w) * h;
    const double percent = 100.0 * static_cast<double>(matching) / static_cast<double>(total);
    std::printf("%s %d,%d %dx%d: %.1f %% within %d of %s (mean #%02llx%02llx%02llx)\n", argv[1], x0,
                y0, w, h, percent, kTolerance, colour.c_str(), sum[0] / total, sum[1] / total,
                sum[2] / total);
    return percent >= min_percent ? 0 : 1;
}
