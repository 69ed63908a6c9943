#include "ui/fonts.h"

#include <imgui.h>
#include <imgui_freetype.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

namespace plaza::ui {
namespace {

bool needs_cjk(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0x9FFF) ||
           (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// Characters that are never drawn as glyphs.
bool is_layout_only(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
           cp == 0xFEFF;
}

// A font file mapped read-only. Dear ImGui's AddFontFromFileTTF reads the whole file for every
// size, 20 MB each for the CJK collection; a mapping shared by all sizes lets FreeType touch only
// the pages of the glyphs it rasterises.
class MappedFile {
public:
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE,
                                fd, 0);
            if (data != MAP_FAILED) data_ = data, size_ = static_cast<size_t>(st.st_size);
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(data_, size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    void* data() const { return data_; }
    int size() const { return static_cast<int>(size_); }

private:
    void* data_ = nullptr;
    size_t size_ = 0;
};

class FontFileCache {
public:
    const MappedFile* get(const std::string& path) {
        auto& slot = files_[path];
        if (!slot) slot = std::make_unique<MappedFile>(path);
        return slot->data() ? slot.get() : nullptr;
    }

private:
    std::map<std::string, std::unique_ptr<MappedFile>> files_;
};

ImFont* add_font(ImFontAtlas& atlas, FontFileCache& files, const std::string& path, float size_px,
                 const ImWchar* ranges, const std::string& cjk_path, int cjk_face, bool with_cjk) {
    const MappedFile* file = files.get(path);
    if (!file) return nullptr;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    ImFont* font = atlas.AddFontFromMemoryTTF(file->data(), file->size(), size_px, &config, ranges);
    const MappedFile* cjk = with_cjk ? files.get(cjk_path) : nullptr;
    if (font && cjk) {
        // Merged fonts only fill glyphs the first font lacks (ImFontAtlas never overwrites a
        // glyph in MergeMode), so Latin text keeps Noto Sans' shapes.
        ImFontConfig merge = config;
        merge.MergeMode = true;
        merge.FontNo = cjk_face;
        atlas.AddFontFromMemoryTTF(cjk->data(), cjk->size(), size_px, &merge, ranges);
    }
    return font;
}

}  // namespace

FontSet build_fonts(ImFontAtlas& atlas, const std::set<char32_t>& content_code_points,
                    float px_per_mm, const FontFiles& files, const FontSizesMm& sizes) {
    FontSet set;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();

    for (const std::string* path : {&files.regular, &files.bold}) {
        if (!std::filesystem::exists(*path)) {
            set.error = "font file missing: " + *path + " (Debian package fonts-noto-core)";
        }
    }
    bool with_cjk = false;
    for (char32_t cp : content_code_points) with_cjk = with_cjk || needs_cjk(cp);
    if (with_cjk && !std::filesystem::exists(files.cjk)) {
        set.error = "font file missing: " + files.cjk + " (Debian package fonts-noto-cjk)";
        with_cjk = false;
    }

    // Base ranges: what the on-screen keyboards can type and common punctuation, always present.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddRanges(atlas.GetGlyphRangesCyrillic());
    builder.AddRanges(atlas.GetGlyphRangesVietnamese());
    static const ImWchar extra[] = {0x0100, 0x017F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0x2190, 0x2193,
                                    0};
    builder.AddRanges(extra);
    for (char32_t cp : content_code_points) {
        if (cp <= 0xFFFF && !is_layout_only(cp)) builder.AddChar(static_cast<ImWchar>(cp));
    }
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);

    FontFileCache mapped;
    if (set.error.empty()) {
        set.body = add_font(atlas, mapped, files.regular, sizes.body * px_per_mm, ranges.Data, files.cjk,
                            files.cjk_face, with_cjk);
        set.heading = add_font(atlas, mapped, files.bold, sizes.heading * px_per_mm, ranges.Data,
                               files.cjk, files.cjk_face, with_cjk);
        set.title = add_font(atlas, mapped, files.bold, sizes.title * px_per_mm, ranges.Data, files.cjk,
                             files.cjk_face, with_cjk);
    }
    if (!set.body || !set.heading || !set.title || !atlas.Build()) {
        // Keep the kiosk usable: Dear ImGui's built-in font, and every content glyph counted missing.
        atlas.Clear();
        ImFont* fallback = atlas.AddFontDefault();
        atlas.Build();
        set.body = set.heading = set.title = fallback;
        if (set.error.empty()) set.error = "the font atlas could not be built";
    }
    // The glyphs are in the atlas now; the font files' bytes are unmapped when `mapped` goes.
    atlas.ClearInputData();

    for (char32_t cp : content_code_points) {
        if (is_layout_only(cp)) continue;
        if (cp > 0xFFFF || !set.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)))
            set.missing.push_back(cp);
    }
    return set;
}

std::string describe_code_points(const std::vector<char32_t>& code_points) {
    std::string out;
    for (char32_t cp : code_points) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%sU+%04X", out.empty() ? "" : " ", static_cast<unsigned>(cp));
        out += buf;
    }
    return out;
}

}  // namespace plaza::ui
