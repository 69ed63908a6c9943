// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/font_atlas_cache.h"

#include <imgui.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace plaza::ui {
namespace {

constexpr char kMagic[8] = {'P', 'L', 'Z', 'A', 'T', 'L', 'S', '1'};
constexpr int kFontCount = 7;  // body, bold, italic, heading, title, display, poster
// A glyph count no real atlas reaches (kMaxAtlasPixels holds far fewer): a count above it is
// damage, not content.
constexpr std::uint32_t kMaxGlyphs = 1u << 20;
constexpr std::uint32_t kMaxTextBytes = 1u << 20;

// FNV-1a over 64-bit words (and the bytes left over): a damaged byte anywhere changes it, and a
// 16 MB atlas is checked in a few milliseconds.
std::uint64_t hash_bytes(const void* data, std::size_t size, std::uint64_t h = 0xcbf29ce484222325) {
    constexpr std::uint64_t kPrime = 0x100000001b3;
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, p + i, 8);
        h = (h ^ word) * kPrime;
        h ^= h >> 32;
    }
    for (; i < size; ++i)
        h = (h ^ p[i]) * kPrime;
    return h;
}

template <typename T>
void put(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads a payload front to back; any read past its end marks it damaged.
class Reader {
  public:
    Reader(const char* data, std::size_t size) : data_(data), size_(size) {}
    template <typename T>
    T get() {
        T value{};
        bytes(&value, sizeof value);
        return value;
    }
    void bytes(void* out, std::size_t n) {
        if (!ok_ || n > size_ - at_) {
            ok_ = false;
            return;
        }
        std::memcpy(out, data_ + at_, n);
        at_ += n;
    }
    // What was read makes no sense: the rest counts as damaged.
    void fail() { ok_ = false; }
    bool ok() const { return ok_; }
    bool at_end() const { return at_ == size_; }

  private:
    const char* data_;
    std::size_t size_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

bool finite_in(float v, float lo, float hi) {
    return std::isfinite(v) && v >= lo && v <= hi;
}

bool glyph_sane(const ImFontGlyph& g) {
    return g.Codepoint <= IM_UNICODE_CODEPOINT_MAX && finite_in(g.U0, 0, 1) &&
           finite_in(g.V0, 0, 1) && finite_in(g.U1, 0, 1) && finite_in(g.V1, 0, 1) &&
           std::isfinite(g.X0) && std::isfinite(g.X1) && std::isfinite(g.Y0) &&
           std::isfinite(g.Y1) && std::isfinite(g.AdvanceX);
}

// The fonts in the order build_fonts adds them to the atlas.
ImFont** font_slot(FontSet& set, int i) {
    ImFont** slots[kFontCount] = {&set.body,  &set.body_bold, &set.body_italic, &set.heading,
                                  &set.title, &set.display,   &set.poster};
    return slots[i];
}

// What the file holds and how, and which characters build_fonts puts in which font at which
// size, counted up when either changes so that an older file is a miss.
constexpr std::uint32_t kLayout = 5;

}  // namespace

std::uint64_t font_atlas_key(const std::set<char32_t>& content_code_points, float px_per_mm,
                             const FontFiles& files, const FontSizesMm& sizes,
                             const std::set<char32_t>& large_code_points) {
    std::string key;
    // What the bytes of the file mean: Dear ImGui's version and the layout of what is copied.
    put(key, kLayout);
    put(key, IMGUI_VERSION_NUM);
    put(key, sizeof(ImFontGlyph));
    put(key, sizeof(ImWchar));
    put(key, kMaxAtlasSide);
    put(key, kMaxAtlasPixels);
    for (const std::string* path :
         {&files.regular, &files.bold, &files.italic, &files.cjk, &files.cjk_bold, &files.icons}) {
        key += *path;
        key += '\0';
        struct stat st {};
        if (::stat(path->c_str(), &st) == 0) {
            put(key, static_cast<std::int64_t>(st.st_size));
            put(key, static_cast<std::int64_t>(st.st_mtim.tv_sec));
            put(key, static_cast<std::int64_t>(st.st_mtim.tv_nsec));
        }
    }
    put(key, files.cjk_face);
    put(key, px_per_mm);
    for (float size : {sizes.body, sizes.heading, sizes.title, sizes.display, sizes.poster})
        put(key, size);
    put(key, content_code_points.size());
    for (char32_t cp : content_code_points)
        put(key, cp);
    put(key, large_code_points.size());
    for (char32_t cp : large_code_points)
        put(key, cp);
    return hash_bytes(key.data(), key.size());
}

std::string font_atlas_file(std::uint64_t key, ImFontAtlas& atlas, const FontSet& set) {
    FontSet fonts = set;  // font_slot names the fonts of a set it may change
    if (!set.error.empty() || atlas.Fonts.Size != kFontCount || !atlas.TexPixelsAlpha8) return {};
    // The faces fontconfig chose for the content's other scripts and the shaper's glyph table
    // are not in the file: such content builds its atlas at every start.
    if (!set.script_faces.empty() || set.shaper) return {};
    std::string payload;
    put(payload, atlas.TexWidth);
    put(payload, atlas.TexHeight);
    put(payload, atlas.TexUvScale);
    put(payload, atlas.TexUvWhitePixel);
    for (const ImVec4& uv : atlas.TexUvLines)
        put(payload, uv);
    for (int i = 0; i < kFontCount; ++i) {
        const ImFont* font = atlas.Fonts[i];
        if (*font_slot(fonts, i) != font) return {};  // not the order build_fonts adds them in
        put(payload, font->FontSize);
        put(payload, font->Scale);
        put(payload, font->Ascent);
        put(payload, font->Descent);
        put(payload, font->MetricsTotalSurface);
        put(payload, font->FallbackChar);
        put(payload, font->EllipsisChar);
        put(payload, font->DotChar);
        put(payload, static_cast<std::uint32_t>(font->Glyphs.Size));
        payload.append(reinterpret_cast<const char*>(font->Glyphs.Data),
                       sizeof(ImFontGlyph) * static_cast<std::size_t>(font->Glyphs.Size));
    }
    put(payload, static_cast<std::uint32_t>(set.missing.size()));
    for (char32_t cp : set.missing)
        put(payload, cp);
    put(payload, static_cast<std::uint32_t>(set.reduced.size()));
    payload += set.reduced;
    payload.append(reinterpret_cast<const char*>(atlas.TexPixelsAlpha8),
                   static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight);

    std::string file(kMagic, sizeof kMagic);
    put(file, key);
    put(file, static_cast<std::uint64_t>(payload.size()));
    put(file, hash_bytes(payload.data(), payload.size()));
    return file + payload;
}

bool write_font_atlas_file(const std::string& path, const std::string& bytes, std::string& why) {
    const std::string temporary = path + ".new-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            why = "cannot write " + temporary;
            std::remove(temporary.c_str());
            return false;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        why = "cannot rename " + temporary + " to " + path + ": " + std::strerror(errno);
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

bool load_font_atlas(const std::string& path, std::uint64_t key, ImFontAtlas& atlas, FontSet& set,
                     std::string& why) {
    atlas.Clear();
    set = FontSet{};
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        why = "no cache file " + path;
        return false;
    }
    // In one read: a stream iterator over a few megabytes costs more than the rest of the load.
    std::string file(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    in.read(file.data(), static_cast<std::streamsize>(file.size()));
    if (!in) {
        why = "cannot read " + path;
        return false;
    }
    constexpr std::size_t kHeader = sizeof kMagic + 3 * sizeof(std::uint64_t);
    if (file.size() < kHeader || std::memcmp(file.data(), kMagic, sizeof kMagic) != 0) {
        why = path + " is not a font atlas cache file";
        return false;
    }
    Reader header(file.data() + sizeof kMagic, kHeader - sizeof kMagic);
    const auto file_key = header.get<std::uint64_t>();
    const auto size = header.get<std::uint64_t>();
    const auto checksum = header.get<std::uint64_t>();
    if (file_key != key) {
        why = path + " was made for other fonts, sizes or characters";
        return false;
    }
    if (size != file.size() - kHeader ||
        hash_bytes(file.data() + kHeader, file.size() - kHeader) != checksum) {
        why = path + " is damaged (its length or checksum does not match)";
        return false;
    }

    // Whole and made for this key: still every value is checked before Dear ImGui sees it.
    Reader r(file.data() + kHeader, file.size() - kHeader);
    const auto width = r.get<int>();
    const auto height = r.get<int>();
    const auto uv_scale = r.get<ImVec2>();
    const auto white = r.get<ImVec2>();
    ImVec4 lines[IM_ARRAYSIZE(atlas.TexUvLines)];
    for (ImVec4& uv : lines)
        uv = r.get<ImVec4>();
    const bool sized = width > 0 && height > 0 && width <= kMaxAtlasSide &&
                       height <= kMaxAtlasSide &&
                       static_cast<long>(width) * height <= kMaxAtlasPixels;
    if (!r.ok() || !sized) {
        why = path + " holds an atlas of impossible size";
        return false;
    }
    for (int i = 0; i < kFontCount && r.ok(); ++i) {
        auto* font = IM_NEW(ImFont);
        atlas.Fonts.push_back(font);
        *font_slot(set, i) = font;
        font->ContainerAtlas = &atlas;
        font->FontSize = r.get<float>();
        font->Scale = r.get<float>();
        font->Ascent = r.get<float>();
        font->Descent = r.get<float>();
        font->MetricsTotalSurface = r.get<int>();
        font->FallbackChar = r.get<ImWchar>();
        font->EllipsisChar = r.get<ImWchar>();
        font->DotChar = r.get<ImWchar>();
        const auto glyphs = r.get<std::uint32_t>();
        if (!r.ok() || glyphs == 0 || glyphs > kMaxGlyphs || !std::isfinite(font->FontSize) ||
            font->FontSize <= 0) {
            r.fail();
            break;
        }
        font->Glyphs.resize(static_cast<int>(glyphs));
        r.bytes(font->Glyphs.Data, sizeof(ImFontGlyph) * glyphs);
        for (const ImFontGlyph& g : font->Glyphs) {
            if (!glyph_sane(g)) r.fail();
        }
    }
    const auto missing = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; i < missing && i < kMaxGlyphs && r.ok(); ++i)
        set.missing.push_back(r.get<char32_t>());
    const auto reduced = r.get<std::uint32_t>();
    if (r.ok() && missing <= kMaxGlyphs && reduced <= kMaxTextBytes) {
        set.reduced.resize(reduced);
        r.bytes(set.reduced.data(), reduced);
    } else {
        r.fail();
    }
    const std::size_t pixels = static_cast<std::size_t>(width) * height;
    auto* alpha = static_cast<unsigned char*>(IM_ALLOC(pixels));
    r.bytes(alpha, pixels);
    if (!r.ok() || !r.at_end()) {
        IM_FREE(alpha);
        atlas.Clear();
        set = FontSet{};
        why = path + " does not hold what its header promises";
        return false;
    }
    atlas.TexPixelsAlpha8 = alpha;
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexUvScale = uv_scale;
    atlas.TexUvWhitePixel = white;
    std::copy(std::begin(lines), std::end(lines), std::begin(atlas.TexUvLines));
    atlas.TexReady = true;
    for (ImFont* font : atlas.Fonts)
        font->BuildLookupTable();
    return true;
}

}  // namespace plaza::ui
