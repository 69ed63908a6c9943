// The list of the kiosk's screens. Each screen says in its own class how it opens:
//   kId / id()  the stable name Navigation::open(), scripts, frame reports, stats and usage
//               counts know it by;
//   load()      what it reads between frames from the ScreenFeed: lists it keeps a reference
//               to, or the page of the record it was opened with (read from the content store
//               then, never while drawing);
//   open()      what a tap that opens it does first (a page starts at its top; the partnership
//               grid takes the city a search result named);
//   draw()      how it is drawn, from that plain data and its own small state.
// The attract loop and the room sign are not opened by visitors: KioskUi draws them as covers
// (ui/idle_cover.h) and in room mode.
#include "ui/screens/screens.h"

#include "ui/screens/home_screen.h"
#include "ui/screens/now_next_screen.h"
#include "ui/screens/partnership_screen.h"
#include "ui/screens/partnerships_screen.h"
#include "ui/screens/practice_screen.h"
#include "ui/screens/practices_screen.h"
#include "ui/screens/programme_screen.h"
#include "ui/screens/search_screen.h"
#include "ui/screens/session_screen.h"

namespace plaza::ui {
namespace {

template <typename S>
ScreenEntry screen() {
    return {S::kId, []() -> std::unique_ptr<Screen> { return std::make_unique<S>(); }};
}

}  // namespace

const std::vector<ScreenEntry>& kiosk_screens() {
    static const std::vector<ScreenEntry> screens = {
        screen<HomeScreen>(),      screen<PartnershipsScreen>(), screen<PartnershipScreen>(),
        screen<PracticesScreen>(), screen<PracticeScreen>(),     screen<SearchScreen>(),
        screen<NowNextScreen>(),   screen<ProgrammeScreen>(),    screen<SessionScreen>(),
    };
    return screens;
}

}  // namespace plaza::ui
