// SPDX-License-Identifier: GPL-3.0-or-later
// The display power port: KMS DPMS on the connectors that drive a display, the same connectors
// switched on again, HDMI-CEC through cec-ctl, and the frame loop switching the panel when the
// app's frames go dark and light again (commands recorded by fakes).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "platform/display.h"
#include "platform/display_power.h"
#include "platform/frame_loop.h"
#include "test_kiosk_app.h"

using plaza::platform::CecPower;
using plaza::platform::KmsConnectors;
using plaza::platform::KmsDpms;

namespace {

struct FakeKms {
    std::vector<std::uint32_t> active{31, 40};
    std::map<std::uint32_t, std::uint32_t> dpms_property{{31, 5}, {40, 6}, {50, 7}};
    bool refuse = false;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> set;  // connector, DPMS value
};

class FakeConnectors final : public KmsConnectors {
  public:
    explicit FakeConnectors(FakeKms& kms) : kms_(kms) {}
    std::vector<std::uint32_t> active_connectors() override { return kms_.active; }
    std::optional<std::uint32_t> property_id(std::uint32_t connector,
                                             const std::string& name) override {
        const auto it = kms_.dpms_property.find(connector);
        if (name != "DPMS" || it == kms_.dpms_property.end()) return std::nullopt;
        return it->second;
    }
    bool set_property(std::uint32_t connector, std::uint32_t property,
                      std::uint64_t value) override {
        REQUIRE(kms_.dpms_property.at(connector) == property);
        if (kms_.refuse) return false;
        kms_.set.emplace_back(connector, value);
        return true;
    }

  private:
    FakeKms& kms_;
};

using Set = std::vector<std::pair<std::uint32_t, std::uint64_t>>;

}  // namespace

TEST_CASE("DPMS off on every connector that drives a display, and on again on the same ones") {
    FakeKms kms;
    KmsDpms dpms(std::make_unique<FakeConnectors>(kms));
    dpms.set_on(false);
    CHECK(kms.set == Set{{31, 3}, {40, 3}});
    // With the CRTC off a driver may no longer list the connector as driven.
    kms.active.clear();
    dpms.set_on(true);
    CHECK(kms.set == Set{{31, 3}, {40, 3}, {31, 0}, {40, 0}});
}

TEST_CASE("a connector without DPMS is left alone, and one the kernel refuses is not remembered") {
    FakeKms kms;
    kms.active = {31, 60};  // 60 has no DPMS property
    KmsDpms dpms(std::make_unique<FakeConnectors>(kms));
    dpms.set_on(false);
    CHECK(kms.set == Set{{31, 3}});
    dpms.set_on(true);
    kms.refuse = true;
    dpms.set_on(false);
    kms.refuse = false;
    kms.active = {40};
    dpms.set_on(true);  // nothing was switched off: the connectors driven now
    CHECK(kms.set == Set{{31, 3}, {31, 0}, {40, 0}});
}

TEST_CASE("HDMI-CEC: standby at closing, image view on at opening, to the TV") {
    std::vector<std::vector<std::string>> ran;
    CecPower cec("/dev/cec1", [&](const std::vector<std::string>& argv) { ran.push_back(argv); });
    cec.set_on(false);
    cec.set_on(true);
    REQUIRE(ran.size() == 2);
    CHECK(ran[0] == std::vector<std::string>{"cec-ctl", "-d", "/dev/cec1", "--playback", "--to",
                                             "0", "--standby"});
    CHECK(ran[1].back() == "--image-view-on");
}

namespace {

// An app whose frames are dark while `dark` says so.
class DarkApp final : public plaza::test::TestKioskApp {
  public:
    plaza::core::FrameRequest draw_frame(const plaza::platform::FrameTime&) override {
        plaza::core::FrameRequest request;
        request.display_off = dark;
        return request;
    }
    bool dark = true;
};

class CountingPower final : public plaza::platform::DisplayPower {
  public:
    void set_on(bool on) override { calls.push_back(on); }
    std::vector<bool> calls;
};

}  // namespace

TEST_CASE("the frame loop switches the panel off once when frames go dark and on when they light") {
    plaza::platform::DisplayOptions options;
    options.mode = plaza::platform::WindowMode::headless;
    options.size = {320, 240};
    auto display = plaza::platform::Display::open(options);
    REQUIRE(display.ok());
    plaza::core::ManualClock clock;
    plaza::core::RecordingSpeech speech;
    DarkApp app;
    CountingPower power;
    plaza::platform::FrameLoop loop(app, *display.value(), clock, speech, &power);
    for (int i = 0; i < 3; ++i)
        CHECK(loop.draw_frame());
    CHECK(power.calls == std::vector<bool>{false});
    app.dark = false;
    CHECK(loop.draw_frame());
    CHECK(loop.draw_frame());
    CHECK(power.calls == std::vector<bool>{false, true});
    app.dark = true;
    CHECK(loop.draw_frame());
    CHECK(power.calls == std::vector<bool>{false, true, false});
}
