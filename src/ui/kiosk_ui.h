// The kiosk's whole UI for one bundle: the data the screens read (loaded from the content store
// in the visitor's language), the screens, the navigation stack and the visitor's session state.
// The app draws it once per frame.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/content_store.h"
#include "core/idle_policy.h"
#include "core/inactivity.h"
#include "core/opening_hours.h"
#include "ui/browse_data.h"
#include "ui/programme_data.h"
#include "ui/screens/screen.h"
#include "ui/spoken_mode.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class HomeScreen;
class PartnershipsScreen;
class PartnershipScreen;
class PracticesScreen;
class PracticeScreen;
class SearchScreen;
class NowNextScreen;
class ProgrammeScreen;
class SessionScreen;
class AttractScreen;
class RoomSignScreen;

// How this kiosk looks after itself (from the configuration file or the command line).
struct KioskSettings {
    int idle_timeout_seconds = 90;                    // quiet time before "Still there?"
    std::optional<core::OpeningHours> display_hours;  // nullopt: the screen is always on
    std::string room;        // non-empty: a room sign for this room id (rooms.csv), not the kiosk
    bool low_reach = false;  // a new visitor finds every control in the lower band
    float low_reach_top = 0.4f;  // where that band starts, as a fraction of the screen height
};

// The three text sizes a visitor can choose: the fonts are built at these scales.
inline constexpr float kTextScales[] = {1.0f, 1.3f, 1.6f};

class KioskUi {
  public:
    explicit KioskUi(content::ContentStore& store, KioskSettings settings = {});
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Draws one frame into a full-screen window; call between ImGui::NewFrame() and Render().
    core::FrameRequest draw(UiContext& ctx);
    // Runs the search a keystroke asked for, after the frame is on screen (see KioskApp).
    void between_frames();
    // The voice of spoken mode (from the platform); null: spoken mode stays silent.
    void set_speech(core::Speech* speech) { spoken_ = SpokenMode(speech); }
    // The text size the visitor chose; the app builds the fonts at it between frames.
    float text_scale() const { return kTextScales[text_size_]; }
    const std::string& language() const { return language_; }
    void set_language(const std::string& code);
    // Everything back to how a new visitor should find it: language, screens, filters, text.
    void reset_session();
    // False when the device clock looked wrong the last time the programme was shown (before
    // the bundle was built, or months away from the event): no "now" marker is shown then.
    bool clock_plausible() const { return programme_.clock_plausible(); }
    // Called when a visitor opens a screen: the anonymous usage counters (issue 7) count views
    // per item and searches from it, never what was typed.
    std::function<void(ScreenId, std::int64_t)> on_open;

  private:
    struct Place {
        ScreenId screen;
        std::int64_t record;
    };
    Screen& screen(ScreenId id);
    void load_data();
    void enter(const Place& place);  // loads what a detail screen shows
    void apply(const Navigation& nav);
    void show_partnership(std::int64_t id);  // loads a profile and its sessions' local times
    void show_session(std::int64_t id);      // loads a session's detail and its calendar QR code
    // What covers the screen instead of the visitor's screens, if anything.
    enum class Cover { none, dark, asking, attract };
    Cover update_cover(const UiContext& ctx);
    core::FrameRequest draw_cover(UiContext& ctx, Cover cover);
    // Low reach: the part of the screen above the band shows the event and the time only.
    void draw_above_band(UiContext& ctx, float height);
    // Along the bottom edge on every screen: Listen, text size, contrast and low reach; in
    // spoken mode the previous / next / select / back controls instead.
    float access_bar_height(const UiContext& ctx) const;
    // Returns true when one of its controls was pressed.
    bool draw_access_bar(UiContext& ctx, float top, float height, Navigation& nav);

    content::ContentStore& store_;
    BrowseData data_;
    std::string language_;
    std::string pending_language_;
    bool search_pending_ = false;
    bool entering_ = false;  // the top of stack_ changed: enter() it between frames
    std::vector<Place> stack_;
    std::unique_ptr<HomeScreen> home_;
    std::unique_ptr<PartnershipsScreen> partnerships_;
    std::unique_ptr<PartnershipScreen> partnership_;
    std::unique_ptr<PracticesScreen> practices_;
    std::unique_ptr<PracticeScreen> practice_;
    std::unique_ptr<SearchScreen> search_;
    ProgrammeFeed programme_;
    std::unique_ptr<NowNextScreen> now_next_;
    std::unique_ptr<ProgrammeScreen> programme_screen_;
    std::unique_ptr<SessionScreen> session_;
    std::unique_ptr<AttractScreen> attract_screen_;
    std::unique_ptr<RoomSignScreen> room_sign_;  // room mode only
    // Looking after itself: idle reset, the attract loop and display hours.
    KioskSettings settings_;
    core::InactivityTimer inactivity_;
    core::ScreenHours hours_;
    bool attract_ = false;             // the attract loop runs (after an idle reset)
    bool touched_ = false;             // a visitor touched something since the last reset
    bool cover_pressed_ = false;       // a finger went down on a cover; it acts when lifted
    bool first_frame_ = true;          // the idle timer starts at the first frame's time
    Cover shown_cover_ = Cover::none;  // what covered the last frame
    // Accessibility: the visitor's choices, reset with the rest for the next visitor.
    SpokenMode spoken_{nullptr};
    int text_size_ = 0;  // index into kTextScales
    bool high_contrast_ = false;
    bool low_reach_ = false;
    bool style_stale_ = true;
    bool asked_ = false;  // "Still there?" was up in the last frame  // Dear ImGui's style must
                          // follow the palette at the next frame
};

}  // namespace plaza::ui
