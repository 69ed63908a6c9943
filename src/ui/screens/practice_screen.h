// One good practice: city, themes, key figures highlighted, the Markdown body with its images,
// links as QR codes, related partnerships and contacts.
#pragma once

#include <vector>

#include "content/model.h"
#include "core/markdown.h"
#include "core/qr_code.h"
#include "ui/screens/screen.h"
#include "ui/screens/screen_parts.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class PracticeScreen final : public Screen {
  public:
    static constexpr const char* kId = "practice";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    void open(std::int64_t record) override { (void)record, reset(); }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }
    void show(content::PracticeDetail detail);

  private:
    const std::vector<content::Language>* languages_ = nullptr;
    content::PracticeDetail detail_;
    core::MarkdownDocument body_;
    std::vector<core::QrMatrix> link_codes_;  // one per body_.links
    std::vector<ContactQr> contacts_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
