// The kiosk's whole UI for one bundle: the data the screens read (loaded from the content store
// in the visitor's language), the screens, the navigation stack and the visitor's session state.
// The app draws it once per frame.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "content/content_store.h"
#include "core/idle_policy.h"
#include "ui/browse_data.h"
#include "ui/screens/screen.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class HomeScreen;
class PartnershipsScreen;
class PartnershipScreen;
class PracticesScreen;
class PracticeScreen;
class SearchScreen;

class KioskUi {
  public:
    explicit KioskUi(content::ContentStore& store);
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Draws one frame into a full-screen window; call between ImGui::NewFrame() and Render().
    core::FrameRequest draw(UiContext& ctx);
    // Runs the search a keystroke asked for, after the frame is on screen (see KioskApp).
    void between_frames();
    const std::string& language() const { return language_; }
    void set_language(const std::string& code);
    // Everything back to how a new visitor should find it: language, screens, filters, text.
    void reset_session();

  private:
    struct Place {
        ScreenId screen;
        std::int64_t record;
    };
    Screen& screen(ScreenId id);
    void load_data();
    void enter(const Place& place);  // loads what a detail screen shows
    void apply(const Navigation& nav);

    content::ContentStore& store_;
    BrowseData data_;
    std::string language_;
    std::string pending_language_;
    bool search_pending_ = false;
    std::vector<Place> stack_;
    std::unique_ptr<HomeScreen> home_;
    std::unique_ptr<PartnershipsScreen> partnerships_;
    std::unique_ptr<PartnershipScreen> partnership_;
    std::unique_ptr<PracticesScreen> practices_;
    std::unique_ptr<PracticeScreen> practice_;
    std::unique_ptr<SearchScreen> search_;
};

}  // namespace plaza::ui
