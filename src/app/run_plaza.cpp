// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/run_plaza.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/options.h"
#include "app/plaza_app.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "core/safe_file.h"
#include "install/start_guard.h"
#include "platform/heap_policy.h"

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

// The world map's shapes: the file the command line names, else the one beside the program in
// a build folder (copied there by CMake), else the one the package installs relative to it.
// Without a usable one the kiosk runs without its map and says why.
std::shared_ptr<const ui::WorldShapes> load_world_map(const std::string& named) {
    std::string path = named;
    if (path.empty()) {
        std::error_code ec;
        std::filesystem::path bin = std::filesystem::read_symlink("/proc/self/exe", ec);
        bin = ec ? std::filesystem::path("/usr/bin") : bin.parent_path();
        const auto beside = bin / "assets/map/world_110m.bin";
        path = std::filesystem::is_regular_file(beside, ec)
                   ? beside.string()
                   : (bin / PLAZA_WORLD_MAP_FROM_BINDIR).lexically_normal().string();
    }
    auto shapes = ui::load_world_shapes(path);
    if (!shapes) {
        core::log_error(shapes.error() + "; the kiosk runs without its world map");
        return nullptr;
    }
    return std::make_shared<const ui::WorldShapes>(std::move(shapes.value()));
}

// A kiosk that has drawn frames this long on a bundle started on it: its failed starts are
// forgotten.
constexpr double kStartedAfterSeconds = 60.0;

}  // namespace

int run_plaza(int argc, char** argv, double process_start_seconds) {
    platform::use_one_heap_for_all_threads();
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
    // The values the venue's fleet.csv assigned this kiosk, kept in its data folder, win over the
    // local configuration for their keys (only with a configuration file, as USB content).
    Config fleet_config = config;
    if (!options->config_path.empty()) {
        if (auto kept = core::read_regular_file(config.data_folder + "/" + kFleetValuesFile,
                                                kFleetFileBytes)) {
            apply_fleet_values(parse_fleet_values(kept.value()), fleet_config);
            core::log_info("applying what the venue's fleet.csv assigned this kiosk (" +
                           config.data_folder + "/" + kFleetValuesFile + ")");
        }
    }
    platform::RunnerOptions& runner = options->runner;
    runner.display.rotation = options->rotation.value_or(fleet_config.rotation);
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
    // USB content and the state database: always on a real kiosk; headless only with a
    // configuration file, so tests never write to the system's data folder; never in a preview.
    const bool usb_content =
        options->preview_folder.empty() &&
        (runner.display.mode != platform::WindowMode::headless || !options->config_path.empty());
    // Starts on the installed bundle are counted, so content that makes the kiosk fail as it
    // starts is given up after two such starts and the service's restarts never become a reboot
    // loop (issue 20).
    install::InstallerConfig data;
    data.data_folder = config.data_folder;
    const install::Installer installed(data);
    install::StartGuard guard(installed, packaged_sample_bundle());
    std::string bundle = options->bundle_path;
    std::string start_notice;
    const bool guarded = bundle.empty() && usb_content;
    auto start_on_installed = [&] {
        install::StartDecision decision = guard.begin();
        bundle = decision.bundle;
        start_notice = decision.notice;
        if (!start_notice.empty()) core::log_error(start_notice);
    };
    if (guarded) {
        start_on_installed();
    } else if (bundle.empty()) {
        bundle = default_bundle(config);
    }
    std::unique_ptr<Preview> preview;
    PreviewBuild first;
    if (!options->preview_folder.empty()) {
        PreviewSettings watch{options->preview_folder, preview_tool_beside_program(),
                              runner.display.mode != platform::WindowMode::headless};
        preview = std::make_unique<Preview>(std::move(watch));
        first = preview->build_first();
        // Until the folder builds, the packaged sample stands in under the problem list.
        bundle = first.ok ? preview->live_path() : packaged_sample_bundle();
        for (const std::string& line : first.output)
            core::log_info("preview: " + line);
    }
    // Read after the content, while the font atlas is built on a worker (set_world below).
    std::shared_ptr<const ui::WorldShapes> world;
    // What the UI takes from a configuration: the local one, with the values a venue's fleet.csv
    // assigned over it (at start, and live when a new one arrives).
    const auto settings_for = [&options, &runner, &world](const Config& c) {
        ui::KioskSettings s;
        s.idle_timeout_seconds = c.idle_timeout_seconds;
        s.low_reach = c.low_reach;
        s.reduced_motion = c.reduced_motion;
        s.high_contrast = c.high_contrast;
        // The operator set the time (--clock): the kiosk does not second-guess it.
        s.trust_clock = runner.clock_ms.has_value();
        s.low_reach_top = static_cast<float>(c.low_reach_top_percent) / 100.0f;
        s.world = world;
        if (c.display_hours)
            s.display_hours =
                core::OpeningHours{c.display_hours->start_minute, c.display_hours->end_minute};
        if (options->mode.value_or(c.mode) == KioskMode::room)
            s.room = options->room.empty() ? c.room : options->room;
        return s;
    };
    const ui::KioskSettings settings = settings_for(fleet_config);
    if (options->mode.value_or(fleet_config.mode) == KioskMode::room && settings.room.empty()) {
        std::fprintf(stderr, "plaza: --mode room needs --room ID (or room = ID in the config)\n");
        return platform::kExitUsage;
    }
    // The font atlas is kept in the data folder only where the kiosk keeps state (USB content).
    const std::string font_cache =
        usb_content ? config.data_folder + "/font-atlas.cache" : std::string();
    auto app =
        PlazaApp::load(bundle, options->px_per_mm.value_or(config.px_per_mm), settings, font_cache);
    // An installed bundle that cannot be opened is a start that failed at once: it is counted
    // as one and the guard asked again, so after two the kiosk comes up on the previous bundle
    // (or the sample) instead of on a screen saying its content could not be opened.
    for (int tries = 0; guarded && !app->has_content() && std::filesystem::exists(bundle) &&
                        tries < install::kFailedStartsBeforeRollBack;
         ++tries) {
        start_on_installed();
        app = PlazaApp::load(bundle, options->px_per_mm.value_or(config.px_per_mm), settings,
                             font_cache);
    }
    const core::StartTimer map_timer;
    world = load_world_map(options->world_map);
    app->set_world(world);
    app->note_start_span(map_timer.end("world_map"));
    if (preview)
        app->enable_preview(std::move(preview),
                            first.ok ? std::vector<std::string>{} : first.output);
    if (usb_content) {
        UsbSettings usb;
        usb.data_folder = config.data_folder;
        usb.trusted_key_files = config.trusted_keys;
        // Headless, only the inbox is watched (a test's data folder), never the system's sticks.
        usb.watch_folders = runner.display.mode == platform::WindowMode::headless
                                ? std::vector<std::string>{config.data_folder + "/inbox"}
                                : config.watch_folders;
        usb.admin_pin = config.admin_pin;
        usb.usage_export = config.usage_export;
        usb.allow_quit = config.admin_quit;
        usb.start_notice = start_notice;
        usb.kiosk_id = config.kiosk_id.empty() ? host_name() : config.kiosk_id;
        usb.kiosk_name = config.kiosk_name.empty() ? usb.kiosk_id : config.kiosk_name;
        usb.status_folder = config.status_folder;
        app->enable_usb(std::move(usb));
        app->enable_fleet(config, settings_for);
        app->when_running(kStartedAfterSeconds, [&guard] { guard.started(); });
    }
    runner.process_start_seconds = process_start_seconds;
    runner.initial_wall_time_ms = app->event_morning_ms();
    return platform::run(*app, runner);
}

}  // namespace plaza::app
