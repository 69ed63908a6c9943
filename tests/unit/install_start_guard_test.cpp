// SPDX-License-Identifier: GPL-3.0-or-later
// install::StartGuard (issue 20): content that makes the kiosk fail as it starts is given up after
// two failed starts in a row; the next start shows the previous bundle, or the sample, and says
// so. A kiosk that runs a while on a bundle starts counting again.
#include <doctest/doctest.h>

#include <filesystem>

#include "install/start_guard.h"
#include "install_test_support.h"

using plaza::install::StartGuard;
using plaza::test::KioskFixture;

namespace {

// Version 1 went live, then version 2 was installed over it (1 kept for roll-back).
struct TwoVersions : KioskFixture {
    std::string sample = dir / "sample.plaza";
    TwoVersions() {
        REQUIRE(installer().install(offer(2), 1).ok());
        plaza::test::build_test_bundle(dir, sample, 7);
    }
};

}  // namespace

TEST_CASE("start guard: two failed starts, then the previous bundle, said on the way") {
    TwoVersions k;
    const auto installer = k.installer();
    StartGuard guard(installer, k.sample);
    // Each start is a new process: a new guard reading the record the last one left.
    CHECK(StartGuard(installer, k.sample).begin().notice.empty());
    CHECK(StartGuard(installer, k.sample).begin().notice.empty());
    CHECK(k.live_version() == "2");
    const auto third = guard.begin();
    CHECK(third.bundle == installer.live_path());
    CHECK(k.live_version() == "1");
    CHECK(third.notice ==
          "The kiosk failed to start 2 times in a row on version 2 of Test meeting; it went back "
          "to version 1 of Test meeting.");
    CHECK(third.given_up.version == 2);
    CHECK(third.now_shown.version == 1);
    // Version 1 runs; later starts that run too give nothing up.
    guard.started();
    for (int i = 0; i < 3; ++i) {
        StartGuard later(installer, k.sample);
        CHECK(later.begin().notice.empty());
        later.started();
    }
    CHECK(k.live_version() == "1");
}

TEST_CASE("start guard: a kiosk that runs a while on a bundle counts from zero again") {
    TwoVersions k;
    const auto installer = k.installer();
    for (int i = 0; i < 5; ++i) {
        StartGuard guard(installer, k.sample);
        CHECK(guard.begin().notice.empty());
        guard.started();
    }
    CHECK(k.live_version() == "2");
}

TEST_CASE("start guard: without a previous bundle the sample is shown, start after start") {
    KioskFixture k;
    const std::string sample = k.dir / "sample.plaza";
    const auto installer = k.installer();
    StartGuard(installer, sample).begin();
    StartGuard(installer, sample).begin();
    for (int i = 0; i < 2; ++i) {
        StartGuard guard(installer, sample);
        const auto d = guard.begin();
        CHECK(d.bundle == sample);
        CHECK(d.notice.find("it shows the sample content until a new bundle is installed") !=
              std::string::npos);
        guard.started();  // the sample ran: the installed bundle is still given up
    }
    CHECK(k.live_version() == "1");
}

TEST_CASE("start guard: when the previous bundle failed the same way, the sample") {
    TwoVersions k;
    const auto installer = k.installer();
    for (int i = 0; i < 2; ++i)
        StartGuard(installer, k.sample).begin();
    CHECK(StartGuard(installer, k.sample).begin().now_shown.version == 1);
    // Version 1 fails too: the kiosk does not swap back to version 2.
    StartGuard(installer, k.sample).begin();
    const auto d = StartGuard(installer, k.sample).begin();
    CHECK(d.bundle == k.sample);
    CHECK(k.live_version() == "1");
}

TEST_CASE("start guard: a damaged installed bundle is named as one that cannot be opened") {
    TwoVersions k;
    plaza::test::write_file(k.data + "/content.plaza", "not a bundle any more");
    const auto installer = k.installer();
    for (int i = 0; i < 2; ++i)
        StartGuard(installer, k.sample).begin();
    const auto d = StartGuard(installer, k.sample).begin();
    CHECK(d.notice.find("on a bundle that cannot be opened; it went back to version 1") !=
          std::string::npos);
}

TEST_CASE("one stick, two newer bundles: roll-back returns to what was live before the stick") {
    KioskFixture k;
    const auto installer = k.installer();
    const auto first = k.offer(2);
    const std::string second = k.stick + "/event-v3.plaza";
    plaza::test::build_test_bundle(k.dir, second, 3);
    plaza::test::sign_bundle(second, k.key.secret_key, 3);
    REQUIRE(installer.install(first, 1).ok());
    REQUIRE(installer.install({second, second + ".minisig"}, 2, false, false).ok());
    CHECK(k.live_version() == "3");
    REQUIRE(installer.roll_back().ok());
    CHECK(k.live_version() == "1");
}
