// SPDX-License-Identifier: GPL-3.0-or-later
// The headless script language: one verb per line, `#` starts a comment, text in double quotes
// (with \" and \\ escapes). Parsing is separate from running so that every line is checked before
// the first frame is drawn.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plaza::core {

struct ScriptStep {
    enum class Verb {
        tap_point,
        tap_label,
        drag,
        flick,
        pinch,  // two fingers about X Y, from D0 to D1 pixels apart over MS milliseconds
        type,
        wait,
        clock,
        shot,
        expect,
        expect_not,
        usb,   // treat a folder as a plugged-in USB stick and wait for what the kiosk does with it
        save,  // copy a file over one in the previewed folder and wait for the rebuild
        expect_said,             // the last thing spoken aloud contains the text
        expect_unclipped,        // no visible text is cut off by its container
        expect_controls_within,  // every visible control lies inside X Y W H (screen pixels)
        wait_until,    // runs in real time until the live bundle is version N, at most S seconds
        expect_apart,  // visible items with an id (two or more) overlap neither each other nor
                       // any with a second id (target)
    };
    Verb verb = Verb::wait;
    int line = 0;  // 1-based line in the script file
    // tap: x y; drag: x0 y0 x1 y1 ms; flick: x0 y0 x1 y1; pinch: x y d0 d1 ms; wait: ms;
    // controls within: x y w h; wait-until: seconds
    std::vector<float> numbers;
    std::string text;    // label, typed text, shot name, expected text, usb folder, version
    std::string target;  // save: the file in the previewed folder (text: its new copy);
                         // expect-apart: the second id
    std::int64_t wall_time_ms = 0;  // clock
};

struct ParsedScript {
    std::vector<ScriptStep> steps;
    std::vector<std::string> errors;  // "script.plz:3: drag takes X0 Y0 X1 Y1 MS"
};

ParsedScript parse_script(std::string_view source, const std::string& origin);

}  // namespace plaza::core
