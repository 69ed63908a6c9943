// The kiosk's whole UI for one bundle: the content data the screens read, the screens, the
// navigation stack and the visitor's session state (language). The app draws it once per frame.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "content/model.h"
#include "core/idle_policy.h"
#include "ui/screens/screen.h"
#include "ui/ui_context.h"

namespace plaza::ui {

// Everything the screens show, loaded from the content store before the UI is built.
struct KioskData {
    content::EventInfo event;
    content::ContentCounts counts;
    std::vector<content::PartnershipCard> featured;
    std::vector<content::PartnershipCard> partnerships;
};

class KioskUi {
public:
    explicit KioskUi(KioskData data);
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Draws one frame into a full-screen window; call between ImGui::NewFrame() and Render().
    core::FrameRequest draw(UiContext& ctx);
    const std::string& language() const { return language_; }
    // Everything back to how a new visitor should find it.
    void reset_session();

private:
    Screen& screen(ScreenId id);
    void apply(const Navigation& nav);

    KioskData data_;
    std::string language_;
    std::vector<ScreenId> stack_{ScreenId::home};
    std::vector<std::unique_ptr<Screen>> screens_;  // indexed by ScreenId
};

}  // namespace plaza::ui
