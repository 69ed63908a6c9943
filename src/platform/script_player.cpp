// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/script_player.h"

#include <stb_image_write.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/log.h"
#include "core/rotation.h"
#include "core/utf8.h"

namespace plaza::platform {
namespace {
constexpr double kFrameSeconds = 1.0 / 60.0;
constexpr int kTapHoldFrames = 5;      // a tap keeps the finger down about 80 ms
constexpr int kFlickFrames = 6;        // a flick lasts 100 ms
constexpr int kSettleMaxFrames = 120;  // two seconds

int frames_for_ms(float ms) {
    return std::max(1, static_cast<int>(std::lround(ms * 60.0 / 1000.0)));
}
}  // namespace

ScriptPlayer::ScriptPlayer(FrameLoop& loop, core::ManualClock& clock, KioskApp& app,
                           const core::RecordingSpeech& speech, std::string out_dir,
                           const DisplayPowerLog* power_log)
    : loop_(loop),
      clock_(clock),
      app_(app),
      speech_(speech),
      out_dir_(std::move(out_dir)),
      power_log_(power_log) {}

bool ScriptPlayer::fail(const std::string& message) {
    failure_ = where_ + message;
    return false;
}

bool ScriptPlayer::tick() {
    clock_.advance(kFrameSeconds);
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        // SDL turns SIGTERM and SIGINT into a quit event: a script stops there, like the kiosk.
        if (!loop_.handle_event(event)) return fail("stopped: the process was asked to quit");
    }
    if (!loop_.should_draw()) return true;
    if (!loop_.draw_frame()) return fail("frames keep failing; see the log");
    // What the frame handed to a worker (the map's vertices) is done before the next frame, as
    // it would be at 60 frames a second with a core to spare, on any machine.
    if (!loop_.finish_drawing(10.0)) return fail("the map is still being built after 10 seconds");
    return true;
}

bool ScriptPlayer::ticks(int count) {
    for (int i = 0; i < count; ++i) {
        if (!tick()) return false;
    }
    return true;
}

bool ScriptPlayer::wait_for_app(const std::string& still) {
    // The work runs on a worker thread in real time; wait for it, then let the loop run what it
    // posted (the content swap) between frames, as the live loop would.
    const Uint32 give_up_at = SDL_GetTicks() + 120000;
    while (app_.busy()) {
        if (SDL_TICKS_PASSED(SDL_GetTicks(), give_up_at)) return fail(still + " after 120 seconds");
        SDL_Delay(2);
    }
    if (!loop_.finish_loading(10.0)) return fail("images are still loading after 10 seconds");
    loop_.request_redraw();
    return settle();
}

bool ScriptPlayer::settle() {
    for (int i = 0; i < kSettleMaxFrames && loop_.should_draw(); ++i) {
        if (!tick()) return false;
    }
    return true;
}

bool ScriptPlayer::push_finger(Uint32 type, float x, float y, SDL_FingerID finger) {
    const core::Size screen = loop_.display().screen_size();
    SDL_Event event{};
    event.type = type;
    event.tfinger.timestamp = SDL_GetTicks();
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = finger;
    // Script coordinates are what the touch panel reports, as pixels of the screen.
    event.tfinger.x = x / static_cast<float>(screen.width);
    event.tfinger.y = y / static_cast<float>(screen.height);
    event.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    if (SDL_PushEvent(&event) < 0) return fail(std::string("SDL_PushEvent: ") + SDL_GetError());
    return true;
}

bool ScriptPlayer::tap_on(core::Point ui_point) {
    // Where a finger on the control's centre is on the glass, then what a calibrated panel
    // reports for it.
    const Display& display = loop_.display();
    const core::Size screen = display.screen_size();
    const core::Point on_screen = core::ui_to_screen(ui_point, screen, display.rotation());
    const float w = static_cast<float>(screen.width), h = static_cast<float>(screen.height);
    const core::Point raw = display.touch_calibration().to_raw({on_screen.x / w, on_screen.y / h});
    return tap_at(raw.x * w, raw.y * h);
}

bool ScriptPlayer::tap_at(float x, float y) {
    return push_finger(SDL_FINGERDOWN, x, y) && ticks(kTapHoldFrames) &&
           push_finger(SDL_FINGERUP, x, y) && ticks(1) && settle();
}

bool ScriptPlayer::drag(float x0, float y0, float x1, float y1, int frames) {
    if (!push_finger(SDL_FINGERDOWN, x0, y0) || !tick()) return false;
    for (int i = 1; i <= frames; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(frames);
        if (!push_finger(SDL_FINGERMOTION, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f) || !tick())
            return false;
    }
    return push_finger(SDL_FINGERUP, x1, y1) && ticks(1);
}

bool ScriptPlayer::pinch(float x, float y, float d0, float d1, int frames) {
    // The first finger, then the second a frame later, as hands land; both spread or close
    // along a line, one frame a step.
    if (!push_finger(SDL_FINGERDOWN, x - d0 / 2, y) || !tick()) return false;
    if (!push_finger(SDL_FINGERDOWN, x + d0 / 2, y, kSecondFinger) || !tick()) return false;
    float d = d0;
    for (int i = 1; i <= frames; ++i) {
        d = d0 + (d1 - d0) * static_cast<float>(i) / static_cast<float>(frames);
        if (!push_finger(SDL_FINGERMOTION, x - d / 2, y) ||
            !push_finger(SDL_FINGERMOTION, x + d / 2, y, kSecondFinger) || !tick())
            return false;
    }
    return push_finger(SDL_FINGERUP, x + d / 2, y, kSecondFinger) && tick() &&
           push_finger(SDL_FINGERUP, x - d / 2, y) && ticks(1) && settle();
}

bool ScriptPlayer::shot(const std::string& name) {
    // Images decode on a worker thread in real time; wait for them so the picture is the same
    // on a fast and a slow machine, and draw until every upload is on screen.
    if (!loop_.finish_loading(10.0)) return fail("images are still loading after 10 seconds");
    if (!settle()) return false;
    std::vector<std::uint8_t> pixels;
    if (!loop_.draw_frame(&pixels)) return fail("frames keep failing; see the log");
    const core::Size screen = loop_.display().screen_size();
    if (pixels.empty()) return fail(std::string("cannot read the screen: ") + SDL_GetError());
    const std::string png = out_dir_ + "/" + name + ".png";
    if (!stbi_write_png(png.c_str(), screen.width, screen.height, 4, pixels.data(),
                        screen.width * 4)) {
        return fail("cannot write " + png);
    }
    const core::FrameReport& report = app_.frame_report();
    nlohmann::json items = nlohmann::json::array();
    for (const core::VisibleItem& item : report.items) {
        if (!item.visible) continue;
        const core::Rect r = core::ui_rect_to_screen(item.rect, screen, loop_.display().rotation());
        nlohmann::json j;
        j["kind"] = item.kind == core::VisibleItem::Kind::control ? "control" : "text";
        if (!item.id.empty()) j["id"] = item.id;
        j["label"] = item.label;
        if (item.clipped) j["clipped"] = true;
        if (item.em_px > 0) j["em_px"] = std::lround(item.em_px);
        j["rect"] = {std::lround(r.x), std::lround(r.y), std::lround(r.width),
                     std::lround(r.height)};
        items.push_back(std::move(j));
    }
    nlohmann::json said = nlohmann::json::array();
    for (const core::Utterance& u : speech_.said())
        said.push_back(core::utterance_text(u));
    nlohmann::json power = nlohmann::json::array();
    if (power_log_) power = power_log_->entries;
    const nlohmann::json doc = {
        {"screen", report.screen_id},
        {"said", std::move(said)},
        {"display_power", std::move(power)},
        {"size", {screen.width, screen.height}},
        {"rotation", core::rotation_degrees(loop_.display().rotation())},
        {"items", std::move(items)},
    };
    const std::string json_path = out_dir_ + "/" + name + ".json";
    std::ofstream out(json_path);
    out << doc.dump(2) << '\n';
    if (!out) return fail("cannot write " + json_path);
    return true;
}

bool ScriptPlayer::step(const core::ScriptStep& s) {
    using Verb = core::ScriptStep::Verb;
    const core::FrameReport& report = app_.frame_report();
    const core::Size screen = loop_.display().screen_size();
    const core::Rotation rotation = loop_.display().rotation();
    switch (s.verb) {
        case Verb::tap_point:
            return tap_at(s.numbers[0], s.numbers[1]);
        case Verb::tap_label: {
            const auto found = report.controls_labelled(s.text);
            if (found.empty()) {
                return fail("no control labelled \"" + s.text + "\" is visible on screen '" +
                            report.screen_id + "'; visible: " + report.describe_controls());
            }
            if (found.size() > 1) {
                return fail(std::to_string(found.size()) + " controls are labelled \"" + s.text +
                            "\" on screen '" + report.screen_id + "'; tap one by position");
            }
            return tap_on(found[0]->rect.center());
        }
        case Verb::drag:
            return drag(s.numbers[0], s.numbers[1], s.numbers[2], s.numbers[3],
                        frames_for_ms(s.numbers[4])) &&
                   settle();
        case Verb::pinch:
            return pinch(s.numbers[0], s.numbers[1], s.numbers[2], s.numbers[3],
                         frames_for_ms(s.numbers[4]));
        case Verb::flick:
            return drag(s.numbers[0], s.numbers[1], s.numbers[2], s.numbers[3], kFlickFrames) &&
                   ticks(1);
        case Verb::type: {
            for (size_t pos = 0; pos < s.text.size();) {
                // One key per character: the key's id is keyboard/key/<character>.
                size_t len = 1;
                while (pos + len < s.text.size() && (s.text[pos + len] & 0xC0) == 0x80)
                    ++len;
                const std::string character = s.text.substr(pos, len);
                pos += len;
                const core::VisibleItem* key = nullptr;
                for (const auto& item : app_.frame_report().items) {
                    if (item.visible && item.kind == core::VisibleItem::Kind::control &&
                        item.id == "keyboard/key/" + character)
                        key = &item;
                }
                if (!key) {
                    return fail("no on-screen keyboard key for \"" + character +
                                "\" is visible on screen '" + app_.frame_report().screen_id + "'");
                }
                if (!tap_on(key->rect.center())) return false;
            }
            return true;
        }
        case Verb::wait:
            return ticks(frames_for_ms(s.numbers[0]));
        case Verb::clock:
            clock_.set_wall_time_ms(s.wall_time_ms);
            loop_.request_redraw();
            return settle();
        case Verb::shot:
            return shot(s.text);
        case Verb::expect:
            if (report.shows_text(s.text)) return true;
            return fail("expected \"" + s.text + "\" on screen '" + report.screen_id +
                        "', but it is not visible; controls: " + report.describe_controls());
        case Verb::usb:
            if (!app_.simulate_usb(s.text))
                return fail("this kiosk has no USB handling to point at \"" + s.text + "\"");
            return wait_for_app("the USB stick is still being handled");
        case Verb::wait_until: {
            // Real time, drawing as the live loop would, so that what other programs do to the
            // kiosk's folders (a sync tool filling its inbox) reaches it while it waits.
            const std::int64_t want = std::stoll(s.text);
            const double give_up_at = SDL_GetTicks() / 1000.0 + s.numbers[0];
            while (app_.live_bundle_version() != want || app_.busy()) {
                if (SDL_GetTicks() / 1000.0 > give_up_at)
                    return fail("the live bundle is version " +
                                std::to_string(app_.live_bundle_version()) + ", not " + s.text +
                                ", after " + std::to_string(static_cast<int>(s.numbers[0])) +
                                " seconds");
                if (!tick()) return false;
                SDL_Delay(16);
            }
            return wait_for_app("the kiosk is still busy");
        }
        case Verb::save: {
            std::error_code ec;
            std::filesystem::copy_file(s.text, s.target,
                                       std::filesystem::copy_options::overwrite_existing, ec);
            if (ec)
                return fail("cannot save " + s.text + " over " + s.target + ": " + ec.message());
            if (!app_.source_saved())
                return fail("this kiosk previews no folder (start it with --preview FOLDER)");
            return wait_for_app("the preview is still rebuilding");
        }
        case Verb::expect_said: {
            const auto& said = speech_.said();
            if (!said.empty() &&
                core::utterance_text(said.back()).find(s.text) != std::string::npos)
                return true;
            std::string last =
                said.empty() ? "nothing yet" : '"' + core::utterance_text(said.back()) + '"';
            return fail("expected the kiosk to have just said \"" + s.text + "\", but it said " +
                        last);
        }
        case Verb::expect_unclipped: {
            const std::string clipped = report.describe_clipped();
            if (clipped.empty()) return true;
            return fail("text is cut off on screen '" + report.screen_id + "': " + clipped);
        }
        case Verb::expect_apart: {
            int count = 0;
            const std::string overlapping = report.describe_overlapping(s.text, s.target, count);
            if (count < 2)
                return fail("fewer than two items '" + s.text + "' on screen '" + report.screen_id +
                            "' to keep apart (" + std::to_string(count) + ")");
            if (overlapping.empty()) return true;
            return fail("items '" + s.text + "' overlap on screen '" + report.screen_id +
                        "': " + overlapping);
        }
        case Verb::expect_controls_within: {
            const core::Rect band{s.numbers[0], s.numbers[1], s.numbers[2], s.numbers[3]};
            std::string outside;
            for (const core::VisibleItem& item : report.items) {
                if (!item.visible || item.kind != core::VisibleItem::Kind::control) continue;
                const core::Rect r = core::ui_rect_to_screen(item.rect, screen, rotation);
                if (r.x >= band.x - 0.5f && r.y >= band.y - 0.5f &&
                    r.x + r.width <= band.x + band.width + 0.5f &&
                    r.y + r.height <= band.y + band.height + 0.5f)
                    continue;
                if (!outside.empty()) outside += ", ";
                outside += '"' + item.label + "\" at " + std::to_string(std::lround(r.x)) + "," +
                           std::to_string(std::lround(r.y)) + " " +
                           std::to_string(std::lround(r.width)) + "x" +
                           std::to_string(std::lround(r.height));
            }
            if (outside.empty()) return true;
            return fail("controls outside the band on screen '" + report.screen_id +
                        "': " + outside);
        }
        case Verb::expect_not:
            if (!report.shows_text(s.text)) return true;
            return fail("\"" + s.text + "\" is visible on screen '" + report.screen_id +
                        "' but should not be");
    }
    return fail("unknown step");
}

bool ScriptPlayer::run(const core::ParsedScript& script, const std::string& origin) {
    where_ = origin + ": start-up: ";
    if (!settle()) return false;
    for (const core::ScriptStep& s : script.steps) {
        where_ = origin + ":" + std::to_string(s.line) + ": ";
        if (!step(s)) return false;
    }
    return true;
}

}  // namespace plaza::platform
