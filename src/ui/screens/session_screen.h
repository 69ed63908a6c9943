// SPDX-License-Identifier: GPL-3.0-or-later
// One session: its day and time in the event's zone, room and where to find it, language,
// track, speakers with their organisations and photos, the abstract, the partnerships it is
// about, and a QR code that puts the session into the visitor's phone calendar.
#pragma once

#include <string>
#include <vector>

#include "content/model.h"
#include "core/markdown.h"
#include "core/qr_code.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class SessionScreen final : public Screen {
  public:
    static constexpr const char* kId = "session";
    const char* id() const override { return kId; }
    void load(ScreenFeed& feed, std::int64_t record) override;
    void open(std::int64_t record) override { (void)record, reset(); }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }
    void show(SessionPage page);

  private:
    const content::EventInfo* event_ = nullptr;
    content::SessionDetail detail_;
    std::string starts_, ends_;
    core::MarkdownDocument abstract_;
    std::vector<core::MarkdownDocument> bios_;  // one per speaker
    core::QrMatrix calendar_qr_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
