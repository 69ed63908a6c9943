// SPDX-License-Identifier: GPL-3.0-or-later
// The panel switched off outside display_hours and on again at opening time, instead of lit
// black all night: the KMS connector's DPMS property on KMSDRM, and HDMI-CEC standby /
// image-view-on through `cec-ctl` where the box has a CEC adapter and v4l-utils (issue 14). Both
// sit behind the narrow DisplayPower port; the KMS side talks to a KmsConnectors interface, which
// is libdrm on SDL's own DRM descriptor in the kiosk and a recording fake headless and in tests.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace plaza::platform {

class Display;

class DisplayPower {
  public:
    virtual ~DisplayPower() = default;
    virtual void set_on(bool on) = 0;
};

// Several at once (a Pi's HDMI output and the TV behind it on CEC).
class DisplayPowerGroup final : public DisplayPower {
  public:
    void add(std::unique_ptr<DisplayPower> part) { parts_.push_back(std::move(part)); }
    bool empty() const { return parts_.empty(); }
    void set_on(bool on) override;

  private:
    std::vector<std::unique_ptr<DisplayPower>> parts_;
};

// What the DPMS code needs of KMS.
class KmsConnectors {
  public:
    virtual ~KmsConnectors() = default;
    // Connectors with a display attached and an encoder (and so a CRTC) driving it.
    virtual std::vector<std::uint32_t> active_connectors() = 0;
    // The id of the connector's property called `name`, or nullopt.
    virtual std::optional<std::uint32_t> property_id(std::uint32_t connector,
                                                     const std::string& name) = 0;
    // Returns false (and the caller logs) when the kernel refused.
    virtual bool set_property(std::uint32_t connector, std::uint32_t property,
                              std::uint64_t value) = 0;
};

// DPMS through each driven connector's "DPMS" property: SDL 2.26's KMSDRM driver sets its mode
// with the legacy (non-atomic) calls, so the legacy property is the one that applies; atomic
// drivers (vc4) turn it into the CRTC's ACTIVE for us. The connectors switched off are the ones
// switched on again.
class KmsDpms final : public DisplayPower {
  public:
    explicit KmsDpms(std::unique_ptr<KmsConnectors> connectors);
    void set_on(bool on) override;

  private:
    std::unique_ptr<KmsConnectors> connectors_;
    std::vector<std::uint32_t> switched_off_;
};

// Runs a program (argv[0] looked up in PATH) without making the caller wait.
using CommandRunner = std::function<void(const std::vector<std::string>& argv)>;

// HDMI-CEC: asks the TV or monitor on the other end to go to standby and to wake up.
class CecPower final : public DisplayPower {
  public:
    CecPower(std::string device, CommandRunner run);
    void set_on(bool on) override;

  private:
    std::string device_;
    CommandRunner run_;
};

// The kiosk's: KMS DPMS on SDL's DRM descriptor when the video driver is KMSDRM, and CEC when a
// /dev/cec* device and `cec-ctl` are there. Empty elsewhere (an X server owns its own DPMS).
std::unique_ptr<DisplayPowerGroup> make_display_power(const Display& display);

// For headless runs and tests: one connector with a DPMS property, and a CEC command line, whose
// every call is written to `log` as text, stamped with `now_ms()` (the virtual wall clock).
struct DisplayPowerLog {
    std::vector<std::string> entries;
};
std::unique_ptr<KmsConnectors> recording_connectors(DisplayPowerLog& log,
                                                    std::function<std::int64_t()> now_ms);
CommandRunner recording_runner(DisplayPowerLog& log, std::function<std::int64_t()> now_ms);

}  // namespace plaza::platform
