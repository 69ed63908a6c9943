// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/script.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "core/civil_time.h"

namespace plaza::core {
namespace {

struct Token {
    std::string text;
    bool quoted = false;
};

// Splits a line into words and quoted strings; returns nullopt on an unterminated quote.
std::optional<std::vector<Token>> tokenize(std::string_view line) {
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '#') {
            break;
        } else if (c == '"') {
            Token t{"", true};
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '\\' && i + 1 < line.size()) {
                    t.text += line[i + 1];
                    i += 2;
                } else if (line[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    t.text += line[i++];
                }
            }
            if (!closed) return std::nullopt;
            tokens.push_back(std::move(t));
        } else {
            Token t;
            while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
                t.text += line[i++];
            tokens.push_back(std::move(t));
        }
    }
    return tokens;
}

bool parse_number(const Token& token, float& out) {
    if (token.quoted || token.text.empty()) return false;
    char* end = nullptr;
    out = std::strtof(token.text.c_str(), &end);
    // strtof also reads "inf", "nan" and overflows to infinity; `wait inf` would never end.
    return end == token.text.c_str() + token.text.size() && std::isfinite(out);
}

bool numbers_from(const std::vector<Token>& tokens, size_t count, std::vector<float>& out) {
    if (tokens.size() != count + 1) return false;
    out.clear();
    for (size_t i = 1; i < tokens.size(); ++i) {
        float v;
        if (!parse_number(tokens[i], v)) return false;
        out.push_back(v);
    }
    return true;
}

bool single_quoted(const std::vector<Token>& tokens) {
    return tokens.size() == 2 && tokens[1].quoted;
}

bool valid_shot_name(const std::string& name) {
    if (name.empty()) return false;
    for (char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    }
    return name[0] != '.';
}

}  // namespace

ParsedScript parse_script(std::string_view source, const std::string& origin) {
    ParsedScript result;
    int line_number = 0;
    size_t start = 0;
    while (start <= source.size()) {
        size_t end = source.find('\n', start);
        if (end == std::string_view::npos) end = source.size();
        std::string_view line = source.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++line_number;
        start = end + 1;

        auto fail = [&](const std::string& what) {
            result.errors.push_back(origin + ":" + std::to_string(line_number) + ": " + what);
        };
        const auto tokens = tokenize(line);
        if (!tokens) {
            fail("unterminated quoted text");
            continue;
        }
        if (tokens->empty()) continue;
        const std::string& verb = (*tokens)[0].text;
        ScriptStep step;
        step.line = line_number;
        bool ok = true;
        if (verb == "tap") {
            if (single_quoted(*tokens)) {
                step.verb = ScriptStep::Verb::tap_label;
                step.text = (*tokens)[1].text;
            } else {
                step.verb = ScriptStep::Verb::tap_point;
                ok = numbers_from(*tokens, 2, step.numbers);
                if (!ok) fail("tap takes X Y or a quoted label, e.g. tap \"Search\"");
            }
        } else if (verb == "drag") {
            step.verb = ScriptStep::Verb::drag;
            ok = numbers_from(*tokens, 5, step.numbers) && step.numbers[4] > 0;
            if (!ok) fail("drag takes X0 Y0 X1 Y1 MS with MS > 0");
        } else if (verb == "flick") {
            step.verb = ScriptStep::Verb::flick;
            ok = numbers_from(*tokens, 4, step.numbers);
            if (!ok) fail("flick takes X0 Y0 X1 Y1");
        } else if (verb == "pinch") {
            step.verb = ScriptStep::Verb::pinch;
            ok = numbers_from(*tokens, 5, step.numbers) && step.numbers[2] > 0 &&
                 step.numbers[3] > 0 && step.numbers[4] > 0;
            if (!ok) fail("pinch takes X Y D0 D1 MS with D0, D1 and MS > 0");
        } else if (verb == "wait") {
            step.verb = ScriptStep::Verb::wait;
            ok = numbers_from(*tokens, 1, step.numbers) && step.numbers[0] >= 0;
            if (!ok) fail("wait takes a number of milliseconds");
        } else if (verb == "type" || verb == "expect" || verb == "expect-not" ||
                   verb == "expect-said") {
            step.verb = verb == "type"         ? ScriptStep::Verb::type
                        : verb == "expect"     ? ScriptStep::Verb::expect
                        : verb == "expect-not" ? ScriptStep::Verb::expect_not
                                               : ScriptStep::Verb::expect_said;
            ok = single_quoted(*tokens) && !(*tokens)[1].text.empty();
            if (ok)
                step.text = (*tokens)[1].text;
            else
                fail(verb + " takes one non-empty quoted text, e.g. " + verb + " \"Ghent\"");
        } else if (verb == "clock") {
            step.verb = ScriptStep::Verb::clock;
            std::optional<std::int64_t> instant;
            if (tokens->size() == 2) instant = parse_iso8601_instant((*tokens)[1].text);
            ok = instant.has_value();
            if (ok)
                step.wall_time_ms = *instant;
            else
                fail("clock takes an instant with its UTC offset, e.g. 2024-03-20T10:30:00+01:00");
        } else if (verb == "shot") {
            step.verb = ScriptStep::Verb::shot;
            ok = tokens->size() == 2 && valid_shot_name((*tokens)[1].text);
            if (ok)
                step.text = (*tokens)[1].text;
            else
                fail("shot takes a file name made of letters, digits, '-', '_' and '.'");
        } else if (verb == "usb") {
            step.verb = ScriptStep::Verb::usb;
            ok = tokens->size() == 2 && !(*tokens)[1].text.empty();
            if (ok)
                step.text = (*tokens)[1].text;
            else
                fail("usb takes one folder, e.g. usb \"stick\" (relative to the working folder)");
        } else if (verb == "save") {
            step.verb = ScriptStep::Verb::save;
            ok = tokens->size() == 3 && !(*tokens)[1].text.empty() && !(*tokens)[2].text.empty();
            if (ok) {
                step.text = (*tokens)[1].text;
                step.target = (*tokens)[2].text;
            } else {
                fail(
                    "save takes a file and the previewed file it is saved over, e.g. save "
                    "\"new.csv\" \"content/cities.csv\"");
            }
        } else if (verb == "wait-until") {
            step.verb = ScriptStep::Verb::wait_until;
            ok = tokens->size() == 4 && (*tokens)[1].text == "bundle-version";
            if (ok) {
                step.text = (*tokens)[2].text;
                ok = !step.text.empty() && step.text.size() < 19 &&
                     step.text.find_first_not_of("0123456789") == std::string::npos;
                std::vector<Token> seconds{(*tokens)[0], (*tokens)[3]};
                ok = ok && numbers_from(seconds, 1, step.numbers) && step.numbers[0] > 0;
            }
            if (!ok)
                fail(
                    "wait-until takes bundle-version N SECONDS, e.g. wait-until bundle-version 3 "
                    "60");
        } else if (verb == "expect-unclipped") {
            step.verb = ScriptStep::Verb::expect_unclipped;
            ok = tokens->size() == 1;
            if (!ok) fail("expect-unclipped takes nothing");
        } else if (verb == "expect-apart") {
            step.verb = ScriptStep::Verb::expect_apart;
            ok = (tokens->size() == 2 || tokens->size() == 3) && !(*tokens)[1].text.empty() &&
                 (tokens->size() == 2 || !(*tokens)[2].text.empty());
            if (ok) {
                step.text = (*tokens)[1].text;
                if (tokens->size() == 3) step.target = (*tokens)[2].text;
            } else {
                fail(
                    "expect-apart takes an item id and maybe a second, e.g. expect-apart "
                    "\"map/world/label\" \"map/world/dot\"");
            }
        } else if (verb == "expect-controls-within") {
            step.verb = ScriptStep::Verb::expect_controls_within;
            ok = numbers_from(*tokens, 4, step.numbers) && step.numbers[2] > 0 &&
                 step.numbers[3] > 0;
            if (!ok) fail("expect-controls-within takes X Y W H with W and H > 0");
        } else {
            ok = false;
            fail("unknown verb '" + verb +
                 "' (known: tap, drag, flick, pinch, type, wait, clock, shot, expect, expect-not, "
                 "usb, save, expect-said, expect-unclipped, expect-controls-within, wait-until, "
                 "expect-apart)");
        }
        if (ok) result.steps.push_back(std::move(step));
        if (end == source.size()) break;
    }
    return result;
}

}  // namespace plaza::core
