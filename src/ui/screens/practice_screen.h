// SPDX-License-Identifier: GPL-3.0-or-later
// One good practice, using the width: in a readable column its city, key figures highlighted,
// the Markdown body with its images, links as QR codes and related partnerships; beside it (under
// the title in portrait) its themes, its photo with the caption, and contacts.
#pragma once

#include <string>
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
    bool in_body(const std::string& source) const;  // the body shows this image itself

    const std::vector<content::Language>* languages_ = nullptr;
    content::PracticeDetail detail_;
    core::MarkdownDocument body_;
    std::vector<core::QrMatrix> link_codes_;  // one per body_.links
    std::vector<ContactQr> contacts_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
