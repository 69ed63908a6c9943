// SPDX-License-Identifier: GPL-3.0-or-later
// The hidden admin panel for venue staff (issue 7): reached by holding a finger still on the
// screen's top-left corner for a few seconds, then the configured PIN on an on-screen keypad
// (wrong PINs lock the keypad for longer and longer). Shows the health figures the app gathers
// and offers its actions; it never touches content or disk itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ui/ui_context.h"

namespace plaza::ui {

// The deliberate gesture: one finger held within `corner_mm` of the top-left corner for
// `hold_seconds` without leaving it. Plain logic, fed once per frame.
class AdminGesture {
  public:
    explicit AdminGesture(double hold_seconds = 3.0, float corner_mm = 15.0f)
        : hold_seconds_(hold_seconds), corner_mm_(corner_mm) {}
    // True once, on the frame the hold completes.
    bool update(bool down, float x_mm, float y_mm, double now);
    // While a hold is under way the app keeps drawing, so the hold is noticed without input.
    bool holding() const { return started_ >= 0; }

  private:
    double hold_seconds_;
    float corner_mm_;
    double started_ = -1.0;
    bool fired_ = false;
};

// What the panel shows; gathered by the app.
struct AdminStatus {
    std::string bundle_id, event_name, key_id, bundle_path;
    std::int64_t version = 0;
    std::vector<std::string> history;      // newest first, one line each
    std::vector<std::string> last_errors;  // newest first
    double uptime_seconds = 0;
    double frame_p99_ms = 0;
    long rss_kib = 0;
    std::int64_t free_disk_bytes = -1;
    std::string missing_glyphs;  // "none" or "U+0041 ..."
    std::string clock;           // "2024-03-20 10:30 (ok)" or a warning
    bool can_roll_back = false;
    bool can_export = false;
    bool can_quit = false;
};

enum class AdminAction { none, close, roll_back, reload, export_usage, quit };

class AdminScreen {
  public:
    // Shows the keypad (the gesture was made).
    void open();
    void close();
    bool active() const { return active_; }
    // Draws the keypad or the panel; `pin` is the configured one (empty: always locked).
    AdminAction draw(UiContext& ctx, const AdminStatus& status, const std::string& pin);

    // Keypad logic, apart from drawing so tests reach it: returns true when `typed` unlocks.
    bool try_pin(const std::string& typed, const std::string& pin, double now);
    // Seconds until the keypad takes another PIN (0: now).
    double locked_for(double now) const;

  private:
    void draw_keypad(UiContext& ctx, const std::string& pin);
    AdminAction draw_panel(UiContext& ctx, const AdminStatus& status);
    void draw_test_pattern(UiContext& ctx);

    bool active_ = false;
    bool unlocked_ = false;
    bool test_pattern_ = false;
    bool wrong_ = false;
    std::string typed_;
    int failures_ = 0;
    double locked_until_ = 0.0;
};

}  // namespace plaza::ui
