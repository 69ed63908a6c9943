// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's whole UI for one bundle: the screens (listed in screens/screens.cpp) with the
// feed they read, the navigation stack, the visitor's language and session, and the frame's
// layout: the screen on top, the accessibility bar along the bottom edge, and what covers it
// when nobody is there (idle_cover.h). The app draws it once per frame.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "content/content_store.h"
#include "core/idle_policy.h"
#include "core/opening_hours.h"
#include "ui/access_bar.h"
#include "ui/idle_cover.h"
#include "ui/screen_change.h"
#include "ui/screen_feed.h"
#include "ui/screens/screen.h"
#include "ui/spoken_mode.h"
#include "ui/ui_context.h"

namespace plaza::ui {

class RoomSignScreen;

// How this kiosk looks after itself (from the configuration file or the command line).
struct KioskSettings {
    int idle_timeout_seconds = 90;                    // quiet time before "Still there?"
    std::optional<core::OpeningHours> display_hours;  // nullopt: the screen is always on
    std::string room;        // non-empty: a room sign for this room id (rooms.csv), not the kiosk
    bool low_reach = false;  // a new visitor finds every control in the lower band
    bool high_contrast = false;  // a new visitor (and a room sign) finds the high-contrast palette
    float low_reach_top = 0.4f;  // where that band starts, as a fraction of the screen height
    // The world map's shapes (assets/map/); null: the kiosk shows no map.
    std::shared_ptr<const WorldShapes> world;
    // The wall clock was set by the operator (plaza --clock): the programme believes it even
    // far from the bundle's build date.
    bool trust_clock = false;
    // Screens change without sliding (the venue's setting; spoken mode always does).
    bool reduced_motion = false;
};

class KioskUi {
  public:
    explicit KioskUi(content::ContentStore& store, KioskSettings settings = {});
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Draws one frame into a full-screen window; call between ImGui::NewFrame() and Render().
    core::FrameRequest draw(UiContext& ctx);
    // After the frame is on screen: the language a tap chose, and what the screen about to be
    // drawn reads from the feed (a page just opened, a search after a keystroke; see KioskApp).
    void between_frames();
    // After a frame is built, before it is presented: loads what the frame asked for that it
    // should show itself (a search for a key). True: build the frame again (KioskApp).
    bool before_present();
    // The voice of spoken mode (from the platform); null: spoken mode stays silent.
    void set_speech(core::Speech* speech) { spoken_ = SpokenMode(speech); }
    // Reads the programme ahead of its first use, as between_frames() does after each frame: the
    // start calls it while the main thread would otherwise wait for the font atlas.
    void prepare_programme() { feed_.programme().prepare(); }
    // The world map's shapes, when they were read after the UI was made (the start reads them
    // while the font atlas is built).
    void set_world(std::shared_ptr<const WorldShapes> world) {
        settings_.world = world;
        feed_.set_world(std::move(world));
    }
    // The text size the visitor chose; the app builds the fonts at it between frames.
    float text_scale() const { return access_.text_scale(); }
    const std::string& language() const { return language_; }
    // The characters drawn at the type scale's large sizes (the event's name, what the attract
    // loop features and its sessions, its invitation in every language): the app builds those
    // sizes for them.
    std::set<char32_t> large_text_code_points() const;
    void set_language(const std::string& code);
    // Everything back to how a new visitor should find it: language, screens, filters, text.
    void reset_session();
    // False when the device clock looked wrong the last time the programme was shown (before
    // the bundle was built, or months away from the event): no "now" marker is shown then.
    bool clock_plausible() const;
    // Called when a visitor opens a screen: the anonymous usage counters (issue 7) count views
    // per item and searches from it, never what was typed.
    std::function<void(ScreenId, std::int64_t)> on_open;

  private:
    struct Place {
        ScreenId screen;
        std::int64_t record;
    };
    Screen* find(ScreenId id);
    Screen& top() { return *find(stack_.back().screen); }
    // The screen this frame shows when no cover hides it reads what it needs from the feed.
    void load_shown();
    void apply(const Navigation& nav);

    content::ContentStore& store_;
    ScreenFeed feed_;
    std::vector<std::pair<ScreenId, std::unique_ptr<Screen>>> screens_;  // kiosk_screens()
    std::unique_ptr<RoomSignScreen> room_sign_;                          // room mode only
    std::string language_;
    std::string pending_language_;
    std::vector<Place> stack_;
    KioskSettings settings_;
    IdleCover cover_;
    ScreenChange change_;
    // Accessibility: the visitor's choices, reset with the rest for the next visitor.
    SpokenMode spoken_{nullptr};
    AccessBar access_;
};

}  // namespace plaza::ui
