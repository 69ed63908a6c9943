#include "app/run_plaza.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/options.h"
#include "app/plaza_app.h"
#include "core/log.h"

namespace plaza::app {
namespace {

Config load_configuration(const std::string& path) {
    if (path.empty()) return {};
    auto loaded = load_config(path);
    if (!loaded) {
        core::log_error(loaded.error() + "; starting with the default configuration");
        return {};
    }
    for (const ConfigWarning& warning : loaded->warnings)
        core::log_warning(warning.text);
    return loaded->config;
}

// The bundle to show when the command line names none: the one installed in the data folder,
// else the sample the package ships.
std::string default_bundle(const Config& config) {
    const std::string installed = config.data_folder + "/content.plaza";
    std::error_code ec;
    if (std::filesystem::is_regular_file(installed, ec)) return installed;
    return packaged_sample_bundle();
}

}  // namespace

int run_plaza(int argc, char** argv, double process_start_seconds) {
    auto options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!options) {
        std::fprintf(stderr, "plaza: %s\n\n%s", options.error().c_str(), kUsage);
        return platform::kExitUsage;
    }
    if (options->show_help) {
        std::fputs(kUsage, stdout);
        return platform::kExitOk;
    }
    if (options->show_version) {
        std::printf("plaza %s\n", PLAZA_VERSION);
        return platform::kExitOk;
    }
    const Config config = load_configuration(options->config_path);
    platform::RunnerOptions& runner = options->runner;
    runner.display.rotation = options->rotation.value_or(config.rotation);
    if (runner.display.mode != platform::WindowMode::headless) {
        runner.display.mode = options->fullscreen.value_or(config.fullscreen)
                                  ? platform::WindowMode::fullscreen
                                  : platform::WindowMode::windowed;
    }
    if (config.kmsdrm_device_index) {
        // A Pi 5 has its display and GPU on separate DRM devices (libsdl-org/SDL#13705); SDL
        // reads this when its KMSDRM driver starts. An index set in the environment wins.
        setenv("SDL_KMSDRM_DEVICE_INDEX", std::to_string(*config.kmsdrm_device_index).c_str(), 0);
    }
    runner.display.renderer = config.renderer;
    runner.display.touch_calibration = config.touch_calibration;
    platform::start_renderer_probe_early(runner.display);
    const std::string bundle =
        options->bundle_path.empty() ? default_bundle(config) : options->bundle_path;
    ui::KioskSettings settings;
    settings.idle_timeout_seconds = config.idle_timeout_seconds;
    settings.low_reach = config.low_reach;
    // The operator set the time (--clock): the kiosk does not second-guess it.
    settings.trust_clock = runner.clock_ms.has_value();
    settings.low_reach_top = static_cast<float>(config.low_reach_top_percent) / 100.0f;
    if (config.display_hours) {
        settings.display_hours = core::OpeningHours{config.display_hours->start_minute,
                                                    config.display_hours->end_minute};
    }
    if (options->mode.value_or(config.mode) == KioskMode::room) {
        settings.room = options->room.empty() ? config.room : options->room;
        if (settings.room.empty()) {
            std::fprintf(stderr,
                         "plaza: --mode room needs --room ID (or room = ID in the config)\n");
            return platform::kExitUsage;
        }
    }
    auto app =
        PlazaApp::load(bundle, options->px_per_mm.value_or(config.px_per_mm), std::move(settings));
    // USB content and the state database: always on a real kiosk; headless only with a
    // configuration file, so tests never write to the system's data folder.
    if (runner.display.mode != platform::WindowMode::headless || !options->config_path.empty()) {
        UsbSettings usb;
        usb.data_folder = config.data_folder;
        usb.trusted_key_files = config.trusted_keys;
        usb.watch_folders = config.watch_folders;
        usb.admin_pin = config.admin_pin;
        usb.usage_export = config.usage_export;
        usb.allow_quit = config.admin_quit;
        usb.watch = runner.display.mode != platform::WindowMode::headless;
        app->enable_usb(std::move(usb));
    }
    runner.process_start_seconds = process_start_seconds;
    runner.initial_wall_time_ms = app->event_morning_ms();
    return platform::run(*app, runner);
}

}  // namespace plaza::app
