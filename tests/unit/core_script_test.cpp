// SPDX-License-Identifier: GPL-3.0-or-later
// core::parse_script: every verb of the headless script language and each error message.
#include <doctest/doctest.h>

#include <string>

#include "core/frame_report.h"
#include "core/script.h"

using plaza::core::parse_script;
using plaza::core::ParsedScript;
using plaza::core::ScriptStep;
using Verb = plaza::core::ScriptStep::Verb;

namespace {

// Parses one line that must succeed and returns its step.
ScriptStep one_step(const std::string& line) {
    const ParsedScript s = parse_script(line, "t.plz");
    CAPTURE(line);
    REQUIRE(s.errors.empty());
    REQUIRE(s.steps.size() == 1);
    return s.steps[0];
}

// Parses one line that must fail and returns its single error message.
std::string one_error(const std::string& line) {
    const ParsedScript s = parse_script(line, "t.plz");
    CAPTURE(line);
    CHECK(s.steps.empty());
    REQUIRE(s.errors.size() == 1);
    return s.errors[0];
}

}  // namespace

TEST_CASE("script: tap X Y parses two numbers") {
    const ScriptStep s = one_step("tap 120 340.5");
    CHECK(s.verb == Verb::tap_point);
    CHECK(s.line == 1);
    REQUIRE(s.numbers.size() == 2);
    CHECK(s.numbers[0] == 120.0f);
    CHECK(s.numbers[1] == 340.5f);
}

TEST_CASE("script: tap \"Label\" taps by label") {
    const ScriptStep s = one_step("tap \"Partnerships (3)\"");
    CHECK(s.verb == Verb::tap_label);
    CHECK(s.text == "Partnerships (3)");
    CHECK(s.numbers.empty());
}

TEST_CASE("script: drag X0 Y0 X1 Y1 MS and flick X0 Y0 X1 Y1") {
    const ScriptStep d = one_step("drag 10 20 30 40 250");
    CHECK(d.verb == Verb::drag);
    REQUIRE(d.numbers.size() == 5);
    CHECK(d.numbers[0] == 10.0f);
    CHECK(d.numbers[3] == 40.0f);
    CHECK(d.numbers[4] == 250.0f);

    const ScriptStep f = one_step("flick 500 900 500 100");
    CHECK(f.verb == Verb::flick);
    REQUIRE(f.numbers.size() == 4);
    CHECK(f.numbers[1] == 900.0f);
    CHECK(f.numbers[3] == 100.0f);

    const ScriptStep p = one_step("pinch 700 500 100 200 300");
    CHECK(p.verb == Verb::pinch);
    REQUIRE(p.numbers.size() == 5);
    CHECK(p.numbers[2] == 100.0f);
    CHECK(p.numbers[3] == 200.0f);
}

TEST_CASE("script: type, expect and expect-not take quoted text") {
    const ScriptStep t = one_step("type \"Ghent\"");
    CHECK(t.verb == Verb::type);
    CHECK(t.text == "Ghent");
    const ScriptStep e = one_step("expect \"Featured\"");
    CHECK(e.verb == Verb::expect);
    CHECK(e.text == "Featured");
    const ScriptStep n = one_step("expect-not \"Error\"");
    CHECK(n.verb == Verb::expect_not);
    CHECK(n.text == "Error");
}

TEST_CASE("script: wait takes milliseconds, zero included") {
    const ScriptStep w = one_step("wait 1500");
    CHECK(w.verb == Verb::wait);
    REQUIRE(w.numbers.size() == 1);
    CHECK(w.numbers[0] == 1500.0f);
    CHECK(one_step("wait 0").numbers[0] == 0.0f);
}

TEST_CASE("script: clock takes an instant with an offset or Z") {
    const ScriptStep a = one_step("clock 2024-03-20T10:30:00+01:00");
    CHECK(a.verb == Verb::clock);
    CHECK(a.wall_time_ms == 1710927000000);  // 2024-03-20T09:30:00Z
    const ScriptStep b = one_step("clock 2024-03-20T09:30:00Z");
    CHECK(b.wall_time_ms == a.wall_time_ms);
}

TEST_CASE("script: shot takes a file name") {
    const ScriptStep s = one_step("shot home-01_a.b");
    CHECK(s.verb == Verb::shot);
    CHECK(s.text == "home-01_a.b");
}

TEST_CASE("script: comments and blank lines are skipped and line numbers still count") {
    const ParsedScript s = parse_script(
        "# a script\n"
        "\n"
        "   \t\n"
        "tap 1 2   # tap near the corner\n"
        "  # indented comment\n"
        "wait 100\r\n"
        "expect \"#1 # not a comment\"\n",
        "t.plz");
    CHECK(s.errors.empty());
    REQUIRE(s.steps.size() == 3);
    CHECK(s.steps[0].verb == Verb::tap_point);
    CHECK(s.steps[0].line == 4);
    CHECK(s.steps[1].verb == Verb::wait);
    CHECK(s.steps[1].line == 6);
    CHECK(s.steps[2].text == "#1 # not a comment");
    CHECK(s.steps[2].line == 7);
}

TEST_CASE("script: an empty script has no steps and no errors") {
    const ParsedScript s = parse_script("", "t.plz");
    CHECK(s.steps.empty());
    CHECK(s.errors.empty());
    const ParsedScript t = parse_script("\n\n# only a comment", "t.plz");
    CHECK(t.steps.empty());
    CHECK(t.errors.empty());
}

TEST_CASE("script: a last line without a newline is parsed") {
    const ParsedScript s = parse_script("wait 1\nshot end", "t.plz");
    CHECK(s.errors.empty());
    REQUIRE(s.steps.size() == 2);
    CHECK(s.steps[1].text == "end");
    CHECK(s.steps[1].line == 2);
}

TEST_CASE("script: escapes in quoted text") {
    CHECK(one_step(R"(type "say \"hi\"")").text == "say \"hi\"");
    CHECK(one_step(R"(type "back\\slash")").text == "back\\slash");
    CHECK(one_step(R"(expect "a  b")").text == "a  b");
    CHECK(one_step("expect \"Caf\xC3\xA9\"").text == "Caf\xC3\xA9");
}

TEST_CASE("script: an unknown verb names itself and the known ones") {
    CHECK(one_error("press 1 2") ==
          "t.plz:1: unknown verb 'press' (known: tap, drag, flick, pinch, type, wait, clock, "
          "shot, expect, expect-not, usb, save, expect-said, expect-unclipped, "
          "expect-controls-within, wait-until, expect-apart)");
}

TEST_CASE("the frame report names the items of one id that overlap, for expect-apart") {
    plaza::core::FrameReport report;
    using Item = plaza::core::VisibleItem;
    report.items.push_back({Item::Kind::text, "map/world/label", "Accra", {0, 0, 100, 20}});
    report.items.push_back({Item::Kind::text, "map/world/label", "Abuja", {150, 0, 100, 20}});
    report.items.push_back({Item::Kind::text, "other", "Dakar", {0, 0, 100, 20}});
    int count = 0;
    CHECK(report.describe_overlapping("map/world/label", "", count).empty());
    CHECK(count == 2);
    // Touching edges are apart; one pixel into the other's box is not.
    report.items.push_back({Item::Kind::text, "map/world/label", "Lagos", {100, 20, 50, 20}});
    CHECK(report.describe_overlapping("map/world/label", "", count).empty());
    report.items.push_back({Item::Kind::text, "map/world/label", "Lomé", {240, 19, 50, 20}});
    CHECK(report.describe_overlapping("map/world/label", "", count) == "\"Abuja\" and \"Lomé\"");
    CHECK(count == 4);
    // A label over a dot, when dots are named as the second id.
    report.items.push_back({Item::Kind::text, "map/world/dot", "", {40, 10, 8, 8}});
    CHECK(report.describe_overlapping("map/world/label", "map/world/dot", count) ==
          "\"Accra\" and map/world/dot at 40,10, \"Abuja\" and \"Lomé\"");
}

TEST_CASE("script: expect-apart takes one item id") {
    const auto apart = one_step(R"(expect-apart "map/world/label")");
    CHECK(apart.verb == ScriptStep::Verb::expect_apart);
    CHECK(apart.text == "map/world/label");
    CHECK(one_step(R"(expect-apart "map/world/label" "map/world/dot")").target == "map/world/dot");
    CHECK(one_error("expect-apart") ==
          "t.plz:1: expect-apart takes an item id and maybe a second, e.g. expect-apart "
          "\"map/world/label\" \"map/world/dot\"");
}

TEST_CASE("script: the accessibility checks") {
    const auto said = one_step(R"(expect-said "Partnership 1 of 6")");
    CHECK(said.verb == ScriptStep::Verb::expect_said);
    CHECK(said.text == "Partnership 1 of 6");
    CHECK(one_step("expect-unclipped").verb == ScriptStep::Verb::expect_unclipped);
    CHECK(one_error("expect-unclipped now") == "t.plz:1: expect-unclipped takes nothing");
    const auto within = one_step("expect-controls-within 0 432 1920 648");
    CHECK(within.verb == ScriptStep::Verb::expect_controls_within);
    CHECK(within.numbers == std::vector<float>{0, 432, 1920, 648});
    CHECK(one_error("expect-controls-within 0 0 0 10") ==
          "t.plz:1: expect-controls-within takes X Y W H with W and H > 0");
}

TEST_CASE("script: usb takes one folder, quoted or not") {
    const auto step = one_step("usb usb/stick");
    CHECK(step.verb == ScriptStep::Verb::usb);
    CHECK(step.text == "usb/stick");
    CHECK(one_step(R"(usb "my stick")").text == "my stick");
    CHECK(one_error("usb").rfind("t.plz:1: usb takes one folder", 0) == 0);
    CHECK(one_error("usb a b").rfind("t.plz:1: usb takes one folder", 0) == 0);
}

TEST_CASE("script: bad numbers are refused with the verb's usage") {
    const std::string tap = "t.plz:1: tap takes X Y or a quoted label, e.g. tap \"Search\"";
    CHECK(one_error("tap 1") == tap);
    CHECK(one_error("tap 1 2 3") == tap);
    CHECK(one_error("tap x 2") == tap);
    CHECK(one_error("tap 1px 2") == tap);
    CHECK(one_error("tap \"1\" \"2\"") == tap);
    CHECK(one_error("tap") == tap);

    const std::string drag = "t.plz:1: drag takes X0 Y0 X1 Y1 MS with MS > 0";
    CHECK(one_error("drag 1 2 3 4") == drag);
    CHECK(one_error("drag 1 2 3 4 0") == drag);
    CHECK(one_error("drag 1 2 3 4 -5") == drag);
    CHECK(one_error("drag 1 2 3 four 5") == drag);

    CHECK(one_error("flick 1 2 3") == "t.plz:1: flick takes X0 Y0 X1 Y1");

    const std::string pinch = "t.plz:1: pinch takes X Y D0 D1 MS with D0, D1 and MS > 0";
    CHECK(one_error("pinch 1 2 3 4") == pinch);
    CHECK(one_error("pinch 1 2 0 4 5") == pinch);
    CHECK(one_error("pinch 1 2 3 4 0") == pinch);

    const std::string wait = "t.plz:1: wait takes a number of milliseconds";
    CHECK(one_error("wait") == wait);
    CHECK(one_error("wait -1") == wait);
    CHECK(one_error("wait soon") == wait);
}

TEST_CASE("script: numbers that are not finite are refused") {
    // strtof reads these, but `wait inf` would never end and `tap nan nan` taps nowhere.
    CHECK(one_error("wait inf") == "t.plz:1: wait takes a number of milliseconds");
    CHECK(one_error("wait 1e99") == "t.plz:1: wait takes a number of milliseconds");
    CHECK(one_error("tap nan 5") ==
          "t.plz:1: tap takes X Y or a quoted label, e.g. tap \"Search\"");
    CHECK(one_error("drag 0 0 10 10 infinity") == "t.plz:1: drag takes X0 Y0 X1 Y1 MS with MS > 0");
}

TEST_CASE("script: text verbs need one non-empty quoted text") {
    CHECK(one_error("type Ghent") ==
          "t.plz:1: type takes one non-empty quoted text, e.g. type \"Ghent\"");
    CHECK(one_error("expect \"\"") ==
          "t.plz:1: expect takes one non-empty quoted text, e.g. expect \"Ghent\"");
    CHECK(one_error("expect-not \"a\" \"b\"") ==
          "t.plz:1: expect-not takes one non-empty quoted text, e.g. expect-not \"Ghent\"");
}

TEST_CASE("script: an unterminated quote is refused") {
    CHECK(one_error("expect \"Featured") == "t.plz:1: unterminated quoted text");
    CHECK(one_error(R"(type "ends in an escaped quote\")") == "t.plz:1: unterminated quoted text");
}

TEST_CASE("script: clock without an offset or with a bad instant is refused") {
    const std::string clock =
        "t.plz:1: clock takes an instant with its UTC offset, e.g. 2024-03-20T10:30:00+01:00";
    CHECK(one_error("clock 2024-03-20T10:30:00") == clock);
    CHECK(one_error("clock") == clock);
    CHECK(one_error("clock 2024-13-20T10:30:00Z") == clock);
    CHECK(one_error("clock 2024-03-20T10:30:00+01:00 extra") == clock);
    CHECK(one_error("clock tomorrow") == clock);
}

TEST_CASE("script: save takes a file and the previewed file it is saved over") {
    const auto step = one_step(R"(save "variants/cities.csv" "folder/cities.csv")");
    CHECK(step.verb == ScriptStep::Verb::save);
    CHECK(step.text == "variants/cities.csv");
    CHECK(step.target == "folder/cities.csv");
    CHECK(one_error("save a.csv").rfind("t.plz:1: save takes a file and the previewed file", 0) ==
          0);
    CHECK(one_error("save a b c").rfind("t.plz:1: save takes a file and the previewed file", 0) ==
          0);
}

TEST_CASE("script: shot names are plain file names") {
    const std::string shot =
        "t.plz:1: shot takes a file name made of letters, digits, '-', '_' and '.'";
    CHECK(one_error("shot") == shot);
    CHECK(one_error("shot ../etc/passwd") == shot);
    CHECK(one_error("shot a/b") == shot);
    CHECK(one_error("shot .hidden") == shot);
    CHECK(one_error("shot two words") == shot);
    CHECK(one_error("shot \"\"") == shot);
}

TEST_CASE("script: errors carry origin and line, and good lines around them still parse") {
    const ParsedScript s = parse_script(
        "tap 1 2\n"
        "jump\n"
        "# fine\n"
        "wait x\n"
        "shot ok\n",
        "demo/home.plz");
    REQUIRE(s.errors.size() == 2);
    CHECK(s.errors[0].rfind("demo/home.plz:2: unknown verb 'jump'", 0) == 0);
    CHECK(s.errors[1] == "demo/home.plz:4: wait takes a number of milliseconds");
    REQUIRE(s.steps.size() == 2);
    CHECK(s.steps[0].line == 1);
    CHECK(s.steps[1].line == 5);
}

TEST_CASE("script: wait-until waits for a bundle version, at most some seconds") {
    const auto ok =
        plaza::core::parse_script("wait-until bundle-version 20240301000000 90\n", "t.plz");
    REQUIRE(ok.errors.empty());
    REQUIRE(ok.steps.size() == 1);
    CHECK(ok.steps[0].verb == plaza::core::ScriptStep::Verb::wait_until);
    CHECK(ok.steps[0].text == "20240301000000");
    CHECK(ok.steps[0].numbers == std::vector<float>{90.0f});
    for (const char* bad : {"wait-until bundle-version 3", "wait-until version 3 60",
                            "wait-until bundle-version -3 60", "wait-until bundle-version 3 0",
                            "wait-until bundle-version x 60"}) {
        INFO(bad);
        CHECK(one_error(bad).find("wait-until takes bundle-version N SECONDS") !=
              std::string::npos);
    }
}
