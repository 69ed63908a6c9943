// SPDX-License-Identifier: GPL-3.0-or-later
// Starts that never got going: content that makes the kiosk fail as it starts (a file it cannot
// open, an abort, a crash) must not turn the service's restarts into a reboot loop. Each start of
// the installed bundle is counted in a small file in the data folder before the content is
// opened, and the count is cleared once the kiosk has run on it for a while. After two failed
// starts in a row the next start rolls back to the previous bundle, or shows the packaged sample
// when there is none (or when the previous one failed the same way), and says why.
#pragma once

#include <string>

#include "install/bundle_installer.h"

namespace plaza::install {

// Failed starts in a row after which the next start gives up on the bundle.
inline constexpr int kFailedStartsBeforeRollBack = 2;

struct StartDecision {
    std::string bundle;  // the file to show
    // Set when the installed bundle was given up: for the screen, the log and the install
    // history ("the kiosk failed to start twice on version 3; it went back to version 2").
    std::string notice;
    BundleInfo given_up;   // the bundle that failed to start
    BundleInfo now_shown;  // what is shown instead (empty for the sample)
};

class StartGuard {
  public:
    // `installer` names the data folder; `sample` is the packaged sample bundle.
    StartGuard(const Installer& installer, std::string sample);

    // Before the content is opened: counts this start and decides which bundle to show.
    StartDecision begin();
    // The kiosk has run long enough on what begin() chose: the count starts again.
    void started();

    std::string record_path() const { return record_; }

  private:
    const Installer& installer_;
    std::string sample_;
    std::string record_;
    std::string chosen_;  // which file begin() chose to show, when it was the installed one
};

}  // namespace plaza::install
