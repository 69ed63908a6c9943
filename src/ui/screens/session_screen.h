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
    explicit SessionScreen(const std::vector<content::Language>& languages)
        : languages_(languages) {}
    const char* id() const override { return "session"; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override { scroll_ = {}; }
    // `starts`/`ends`: local "HH:MM" at each instant's own offset; `calendar`: the VEVENT text.
    void show(content::SessionDetail detail, std::string starts, std::string ends,
              const std::string& calendar);
    std::int64_t showing() const { return detail_.session.id; }

  private:
    const std::vector<content::Language>& languages_;
    content::SessionDetail detail_;
    std::string starts_, ends_;
    core::MarkdownDocument abstract_;
    std::vector<core::MarkdownDocument> bios_;  // one per speaker
    core::QrMatrix calendar_qr_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
