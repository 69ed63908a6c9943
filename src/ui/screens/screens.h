// SPDX-License-Identifier: GPL-3.0-or-later
// Every screen a visitor can open, listed once (screens.cpp), as the kiosk's navigator finds
// them. A new screen is its two files, ui/screens/NAME_screen.{h,cpp}, and one line there.
#pragma once

#include <memory>
#include <vector>

#include "ui/screens/screen.h"

namespace plaza::ui {

struct ScreenEntry {
    ScreenId id;                        // what Navigation::open() names it by
    std::unique_ptr<Screen> (*make)();  // one per KioskUi, made when the UI is
};

// In the order the list gives; the first is home, where every visitor starts.
const std::vector<ScreenEntry>& kiosk_screens();

}  // namespace plaza::ui
