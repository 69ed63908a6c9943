// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/runner.h"

#include <imgui.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/clock.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "core/script.h"
#include "platform/display_power.h"
#include "platform/frame_loop.h"
#include "platform/script_player.h"
#include "platform/service_notify.h"
#include "platform/speech_output.h"

namespace plaza::platform {
namespace {

nlohmann::json summary(const core::SampleStats& s) {
    return {{"p50", s.percentile(50)}, {"p99", s.percentile(99)}, {"max", s.max()}};
}

nlohmann::json by_screen(const FrameFigures& f) {
    nlohmann::json screens = nlohmann::json::object();
    for (const auto& [screen, frame] : f.frame_ms_by_screen) {
        nlohmann::json entry = {{"frames", frame.count()},
                                {"frame_ms", summary(frame)},
                                {"ui_build_ms", summary(f.ui_build_ms_by_screen.at(screen))},
                                {"frame_cpu_ms", summary(f.frame_cpu_ms_by_screen.at(screen))}};
        screens[screen.empty() ? "(none)" : screen] = entry;
    }
    return screens;
}

bool write_stats(const std::string& path, const FrameLoop& loop, const KioskApp& app,
                 const RunnerOptions& options, const core::StartSpans& runner_spans) {
    const FrameFigures& f = loop.figures();
    // The steps of the start as they ran: the app's (content, world map, fonts), then the
    // runner's (display, everything before the first frame).
    nlohmann::json start_spans = nlohmann::json::array();
    core::StartSpans spans = app.start_spans();
    spans.insert(spans.end(), runner_spans.begin(), runner_spans.end());
    for (const core::StartSpan& span : spans)
        start_spans.push_back({{"step", span.step}, {"ms", span.ms}, {"cpu_ms", span.cpu_ms}});
    nlohmann::json missing = nlohmann::json::array();
    for (char32_t cp : app.missing_glyphs())
        missing.push_back(static_cast<std::uint32_t>(cp));
    const nlohmann::json doc = {
        {"startup_to_first_frame_ms",
         f.first_frame_at < 0 ? -1.0 : (f.first_frame_at - options.process_start_seconds) * 1000.0},
        {"startup_cpu_ms", f.first_frame_cpu_ms},
        {"frames", f.frames},
        {"ui_build_ms", summary(f.ui_build_ms)},
        {"frame_ms", summary(f.frame_ms)},
        {"frame_cpu_ms", summary(f.frame_cpu_ms)},
        {"by_screen", by_screen(f)},
        {"peak_rss_kib", core::peak_rss_kib()},
        {"rss_kib_at_exit", core::current_rss_kib()},
        {"pss_kib_at_exit", core::current_pss_kib()},
        {"missing_glyphs", {{"count", missing.size()}, {"code_points", missing}}},
        {"font_atlas",
         {{"width", ImGui::GetIO().Fonts->TexWidth}, {"height", ImGui::GetIO().Fonts->TexHeight}}},
        {"display", loop.display().describe()},
        {"start_spans_ms", start_spans},
    };
    std::ofstream out(path);
    out << doc.dump(2) << '\n';
    if (!out) {
        core::log_error("cannot write the stats file " + path);
        return false;
    }
    return true;
}

int run_live(FrameLoop& loop, ServiceNotifier& notifier, const core::Clock& clock) {
    bool announced = false;
    for (;;) {
        SDL_Event event;
        double sleep = loop.sleep_seconds();
        // Under a watchdog the loop wakes often enough to ping it (half its interval).
        if (notifier.max_sleep_seconds() > 0) sleep = std::min(sleep, notifier.max_sleep_seconds());
        // Sleep in SDL's event wait when idle; on KMSDRM this is a 1 ms polling loop inside SDL
        // (no WaitEventTimeout in its KMSDRM driver), which is still light (tech research §A3).
        bool have =
            sleep > 0 ? SDL_WaitEventTimeout(&event, static_cast<int>(std::ceil(sleep * 1000))) == 1
                      : SDL_PollEvent(&event) == 1;
        while (have) {
            if (!loop.handle_event(event)) return kExitOk;
            have = SDL_PollEvent(&event) == 1;
        }
        if (loop.should_draw() && !loop.draw_frame()) return kExitFramesFailing;
        if (!announced && loop.figures().frames > 0) {
            notifier.ready();
            announced = true;
        }
        // Only a loop that gets here pings; a frame stuck in drawing stops the pings, and the
        // service manager restarts Plaza.
        notifier.watchdog(clock.monotonic_seconds());
    }
}

// A kiosk whose screen is not there yet (switched off, still starting) waits for it instead of
// exiting: under systemd every exit is a restart, and a few in a row reboot the box.
core::Result<std::unique_ptr<Display>> wait_for_display(const DisplayOptions& options,
                                                        ServiceNotifier& notifier,
                                                        const core::Clock& clock) {
    auto display = Display::open(options);
    if (display || !notifier.active()) return display;
    core::log_error(display.error() + "; trying again every 5 seconds");
    notifier.status("waiting for a display");
    notifier.ready();
    while (!display) {
        for (int i = 0; i < 5; ++i) {
            notifier.watchdog(clock.monotonic_seconds());
            SDL_Delay(1000);
        }
        display = Display::open(options);
    }
    notifier.status("showing content");
    return display;
}

int run_headless(FrameLoop& loop, core::ManualClock& clock, KioskApp& app,
                 const core::RecordingSpeech& speech, const DisplayPowerLog& power_log,
                 const RunnerOptions& options) {
    std::ifstream in(options.script_path, std::ios::binary);
    if (!in) {
        core::log_error("cannot read the script " + options.script_path);
        return kExitIo;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const core::ParsedScript script = core::parse_script(text.str(), options.script_path);
    if (!script.errors.empty()) {
        for (const auto& e : script.errors)
            core::log_error(e);
        return kExitScriptFailed;
    }
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) {
        core::log_error("cannot create the output folder " + options.out_dir + ": " + ec.message());
        return kExitIo;
    }
    ScriptPlayer player(loop, clock, app, speech, options.out_dir, &power_log);
    if (!player.run(script, options.script_path)) {
        core::log_error(player.failure());
        return kExitScriptFailed;
    }
    core::log_info("script finished: " + std::to_string(script.steps.size()) + " steps, " +
                   std::to_string(loop.figures().frames) + " frames drawn");
    return kExitOk;
}

}  // namespace

int run(KioskApp& app, const RunnerOptions& options) {
    const bool headless = options.display.mode == WindowMode::headless;
    core::SystemClock system_clock;
    core::ManualClock virtual_clock(options.clock_ms.value_or(options.initial_wall_time_ms));
    const core::ShiftedClock demo_clock(system_clock,
                                        options.clock_ms.value_or(system_clock.wall_time_ms()));
    const core::Clock& live_clock =
        options.clock_ms ? static_cast<const core::Clock&>(demo_clock) : system_clock;
    const core::Clock& clock =
        headless ? static_cast<const core::Clock&>(virtual_clock) : live_clock;
    ServiceNotifier notifier;
    // From main() to here: options, configuration, opening the content, the world map.
    core::StartSpans spans{{"before_display",
                            core::steady_ms() - options.process_start_seconds * 1000.0,
                            core::process_cpu_ms()}};
    const core::StartTimer opening;
    auto display = headless ? Display::open(options.display)
                            : wait_for_display(options.display, notifier, system_clock);
    if (!display) {
        core::log_error(display.error());
        return kExitNoDisplay;
    }
    spans.push_back(opening.end("display_open"));
    core::log_info(display.value()->describe());
    // Headless runs record what the spoken mode says instead of playing it.
    core::RecordingSpeech recorded;
    std::unique_ptr<core::Speech> voice;
    if (!headless) voice = make_speech_output();
    core::Speech& speech = headless ? static_cast<core::Speech&>(recorded) : *voice;
    // Headless runs switch a recording connector and CEC command line (shots list what they
    // were asked), so scripts see the commands the kiosk gives a real panel.
    DisplayPowerLog power_log;
    std::unique_ptr<DisplayPowerGroup> power;
    if (headless) {
        auto now = [&virtual_clock] { return virtual_clock.wall_time_ms(); };
        power = std::make_unique<DisplayPowerGroup>();
        power->add(std::make_unique<KmsDpms>(recording_connectors(power_log, now)));
        power->add(std::make_unique<CecPower>("/dev/cec0", recording_runner(power_log, now)));
    } else {
        power = make_display_power(*display.value());
    }
    int code;
    {
        const core::StartTimer starting;
        FrameLoop loop(app, *display.value(), clock, speech,
                       power->empty() ? nullptr : power.get());
        spans.push_back(starting.end("app_start"));
        const core::StartTimer first_frame;
        code = headless ? run_headless(loop, virtual_clock, app, recorded, power_log, options)
                        : run_live(loop, notifier, system_clock);
        notifier.stopping();
        const FrameFigures& figures = loop.figures();
        if (figures.first_frame_at >= 0) {
            spans.push_back(first_frame.until("first_frame", figures.first_frame_at * 1000.0,
                                              figures.first_frame_cpu_ms));
        }
        if (!options.stats_path.empty() &&
            !write_stats(options.stats_path, loop, app, options, spans) && code == kExitOk) {
            code = kExitIo;
        }
    }
    return code;
}

}  // namespace plaza::platform
