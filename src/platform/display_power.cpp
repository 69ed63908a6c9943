// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/display_power.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <filesystem>

#include "core/background_worker.h"
#include "core/civil_time.h"
#include "core/log.h"
#include "platform/display.h"
#include "platform/run_program.h"

namespace plaza::platform {
namespace {

// libdrm on the descriptor SDL's KMSDRM driver opened (and holds DRM master on, which the
// property ioctl needs).
class DrmConnectors final : public KmsConnectors {
  public:
    explicit DrmConnectors(int fd) : fd_(fd) {}

    std::vector<std::uint32_t> active_connectors() override {
        std::vector<std::uint32_t> out;
        drmModeRes* resources = drmModeGetResources(fd_);
        if (!resources) return out;
        for (int i = 0; i < resources->count_connectors; ++i) {
            drmModeConnector* c = drmModeGetConnector(fd_, resources->connectors[i]);
            if (!c) continue;
            if (c->connection == DRM_MODE_CONNECTED && c->encoder_id != 0)
                out.push_back(c->connector_id);
            drmModeFreeConnector(c);
        }
        drmModeFreeResources(resources);
        return out;
    }

    std::optional<std::uint32_t> property_id(std::uint32_t connector,
                                             const std::string& name) override {
        std::optional<std::uint32_t> id;
        drmModeObjectProperties* props =
            drmModeObjectGetProperties(fd_, connector, DRM_MODE_OBJECT_CONNECTOR);
        if (!props) return id;
        for (std::uint32_t i = 0; i < props->count_props && !id; ++i) {
            drmModePropertyRes* p = drmModeGetProperty(fd_, props->props[i]);
            if (p && name == p->name) id = p->prop_id;
            drmModeFreeProperty(p);
        }
        drmModeFreeObjectProperties(props);
        return id;
    }

    bool set_property(std::uint32_t connector, std::uint32_t property,
                      std::uint64_t value) override {
        return drmModeConnectorSetProperty(fd_, connector, property, value) == 0;
    }

  private:
    int fd_;
};

// cec-ctl runs on a thread of its own, one command after the other: a CEC bus is slow (a
// message takes tens of milliseconds, a TV that does not answer much longer) and must not hold
// up a frame, and "on" must never overtake the "off" before it.
CommandRunner spawning_runner() {
    auto worker = std::make_shared<core::BackgroundWorker>();
    return [worker](const std::vector<std::string>& argv) {
        worker->post([argv] {
            std::string error;
            if (run_program(argv, error) != 0) core::log_warning("display power: " + error);
        });
    };
}

std::optional<std::string> first_cec_device() {
    std::error_code ec;
    std::optional<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("cec", 0) == 0 && (!found || entry.path().string() < *found))
            found = entry.path().string();
    }
    return found;
}

std::string stamp(const std::function<std::int64_t()>& now_ms) {
    return core::format_iso8601(now_ms(), 0) + " ";
}

class RecordingConnectors final : public KmsConnectors {
  public:
    RecordingConnectors(DisplayPowerLog& log, std::function<std::int64_t()> now_ms)
        : log_(log), now_ms_(std::move(now_ms)) {}
    std::vector<std::uint32_t> active_connectors() override { return {kConnector}; }
    std::optional<std::uint32_t> property_id(std::uint32_t connector,
                                             const std::string& name) override {
        if (connector == kConnector && name == "DPMS") return kDpmsProperty;
        return std::nullopt;
    }
    bool set_property(std::uint32_t connector, std::uint32_t property,
                      std::uint64_t value) override {
        log_.entries.push_back(stamp(now_ms_) + "connector " + std::to_string(connector) +
                               " property " + std::to_string(property) +
                               " (DPMS) = " + std::to_string(value));
        return true;
    }

  private:
    static constexpr std::uint32_t kConnector = 42;
    static constexpr std::uint32_t kDpmsProperty = 2;
    DisplayPowerLog& log_;
    std::function<std::int64_t()> now_ms_;
};

}  // namespace

void DisplayPowerGroup::set_on(bool on) {
    for (auto& part : parts_)
        part->set_on(on);
}

KmsDpms::KmsDpms(std::unique_ptr<KmsConnectors> connectors) : connectors_(std::move(connectors)) {}

void KmsDpms::set_on(bool on) {
    const std::vector<std::uint32_t> targets =
        on && !switched_off_.empty() ? switched_off_ : connectors_->active_connectors();
    switched_off_.clear();
    for (std::uint32_t connector : targets) {
        const auto dpms = connectors_->property_id(connector, "DPMS");
        if (!dpms) {
            core::log_warning("display power: connector " + std::to_string(connector) +
                              " has no DPMS property");
            continue;
        }
        if (!connectors_->set_property(connector, *dpms,
                                       on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF)) {
            core::log_warning("display power: the kernel refused to switch connector " +
                              std::to_string(connector) + (on ? " on" : " off"));
            continue;
        }
        if (!on) switched_off_.push_back(connector);
    }
}

CecPower::CecPower(std::string device, CommandRunner run)
    : device_(std::move(device)), run_(std::move(run)) {}

void CecPower::set_on(bool on) {
    // --playback gives the adapter a logical address first (a fresh adapter has none and can send
    // nothing); --to 0 is the TV. Standby and Image View On are the CEC messages for off and on.
    run_({"cec-ctl", "-d", device_, "--playback", "--to", "0",
          on ? "--image-view-on" : "--standby"});
}

std::unique_ptr<DisplayPowerGroup> make_display_power(const Display& display) {
    auto group = std::make_unique<DisplayPowerGroup>();
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(display.window(), &info) && info.subsystem == SDL_SYSWM_KMSDRM &&
        info.info.kmsdrm.drm_fd >= 0) {
        group->add(
            std::make_unique<KmsDpms>(std::make_unique<DrmConnectors>(info.info.kmsdrm.drm_fd)));
    }
    const auto cec = first_cec_device();
    if (cec && on_path("cec-ctl")) {
        group->add(std::make_unique<CecPower>(*cec, spawning_runner()));
    } else if (cec) {
        core::log_info("display power: " + *cec +
                       " is there but cec-ctl is not (Debian's v4l-utils); no HDMI-CEC standby");
    }
    return group;
}

std::unique_ptr<KmsConnectors> recording_connectors(DisplayPowerLog& log,
                                                    std::function<std::int64_t()> now_ms) {
    return std::make_unique<RecordingConnectors>(log, std::move(now_ms));
}

CommandRunner recording_runner(DisplayPowerLog& log, std::function<std::int64_t()> now_ms) {
    return [&log, now_ms = std::move(now_ms)](const std::vector<std::string>& argv) {
        log.entries.push_back(stamp(now_ms) + command_line(argv));
    };
}

}  // namespace plaza::platform
