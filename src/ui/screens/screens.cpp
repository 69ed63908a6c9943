// SPDX-License-Identifier: GPL-3.0-or-later
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
#include "ui/screens/map_screen.h"
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
        screen<HomeScreen>(),          // the event, its languages, the ways in, featured cards
        screen<PartnershipsScreen>(),  // the grid and its filters; a search names a city
        screen<PartnershipScreen>(),   // a profile and its sessions, read when opened
        screen<MapScreen>(),           // the partner cities and their arcs on a world map
        screen<PracticesScreen>(),     // good practices, narrowed by theme
        screen<PracticeScreen>(),      // a good practice's page, read when opened
        screen<SearchScreen>(),        // the keyboard; searches between frames as it types
        screen<NowNextScreen>(),       // what is on now and next in each room
        screen<ProgrammeScreen>(),     // the days as a list or as rooms by times
        screen<SessionScreen>(),       // a session's page, read when opened
    };
    return screens;
}

}  // namespace plaza::ui
