// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-window-bench: the kiosk as a visitor meets it, in a real window on an X server (run it
// under Xvfb; platform/bench/run.sh does). It starts plaza with --stats, opens Search with a
// click, types letters on the on-screen keyboard with real pointer events (XTest) and times each
// keystroke from the finger lifting to the results being on the X server's screen (read back
// with XGetImage), then stops plaza and prints start-up time, PSS and the keystroke times as JSON.
//   plaza-window-bench PLAZA BUNDLE LAYOUT_DIR STATS_FILE CONFIG [LETTERS]
// CONFIG is the kiosk's configuration (--config): its data folder holds the font atlas cache,
// so a run is cold or warm as the caller leaves that folder.
// LAYOUT_DIR holds home.json and search.json, shots of the same bundle at 1920x1080
// (platform/bench/window_layout.plz): where Search, the keys and the results are.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Point {
    int x = 0, y = 0;
};

struct Strip {
    int x, y, w, h;
};

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void sleep_ms(int ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return nlohmann::json::parse(in);
}

std::optional<Strip> rect_of(const nlohmann::json& shot, const std::string& id) {
    for (const auto& item : shot["items"]) {
        if (item.value("id", "") != id) continue;
        const auto& r = item["rect"];
        return Strip{r[0].get<int>(), r[1].get<int>(), r[2].get<int>(), r[3].get<int>()};
    }
    return std::nullopt;
}

std::optional<Point> centre_of(const nlohmann::json& shot, const std::string& id) {
    const auto r = rect_of(shot, id);
    if (!r) return std::nullopt;
    return Point{r->x + r->w / 2, r->y + r->h / 2};
}

class XServer {
  public:
    XServer() : display_(XOpenDisplay(nullptr)) {
        if (!display_) throw std::runtime_error("cannot open the X display (is DISPLAY set?)");
        // A window can go between listing and asking for its name (SDL's GL renderer makes its
        // window again): such errors are expected while looking for plaza's window.
        XSetErrorHandler([](::Display*, XErrorEvent*) { return 0; });
    }
    ~XServer() { XCloseDisplay(display_); }

    void press(Point p) {
        XTestFakeMotionEvent(display_, 0, p.x, p.y, CurrentTime);
        XTestFakeButtonEvent(display_, 1, True, CurrentTime);
        XSync(display_, False);
    }
    void release() {
        XTestFakeButtonEvent(display_, 1, False, CurrentTime);
        XSync(display_, False);
    }
    void tap(Point p) {
        press(p);
        sleep_ms(60);
        release();
    }
    // A strip of the screen, as raw pixels: compared, never interpreted.
    std::vector<unsigned long> strip(int x, int y, int w, int h) {
        XImage* image =
            XGetImage(display_, DefaultRootWindow(display_), x, y, w, h, AllPlanes, ZPixmap);
        std::vector<unsigned long> out;
        if (!image) return out;
        for (int j = 0; j < h; ++j) {
            for (int i = 0; i < w; ++i)
                out.push_back(XGetPixel(image, i, j));
        }
        XDestroyImage(image);
        return out;
    }
    bool window_named_plaza_shown() {
        Window root = DefaultRootWindow(display_), parent, *children = nullptr;
        unsigned count = 0;
        bool found = false;
        if (!XQueryTree(display_, root, &root, &parent, &children, &count)) return false;
        for (unsigned i = 0; i < count && !found; ++i) {
            char* name = nullptr;
            XWindowAttributes a{};
            if (XFetchName(display_, children[i], &name) && name) {
                found = std::string(name) == "Plaza" &&
                        XGetWindowAttributes(display_, children[i], &a) &&
                        a.map_state == IsViewable;
                XFree(name);
            }
        }
        if (children) XFree(children);
        return found;
    }

  private:
    ::Display* display_;
};

// Waits until the strip has looked the same for `quiet_ms` and is not one flat colour (the
// screen has drawn there); false after `timeout_ms`.
bool wait_until_drawn_and_still(XServer& x, Strip s, int quiet_ms, int timeout_ms) {
    const auto started = Clock::now();
    auto last = x.strip(s.x, s.y, s.w, s.h);
    auto same_since = Clock::now();
    while (ms_since(started) < timeout_ms) {
        sleep_ms(10);
        auto now = x.strip(s.x, s.y, s.w, s.h);
        if (now != last) {
            last = std::move(now);
            same_since = Clock::now();
            continue;
        }
        const bool flat = std::all_of(last.begin(), last.end(),
                                      [&](unsigned long p) { return p == last.front(); });
        if (!flat && ms_since(same_since) >= quiet_ms) return true;
    }
    return false;
}

// Stops plaza if the bench gives up half-way.
struct Child {
    pid_t pid = -1;
    ~Child() {
        if (pid <= 0) return;
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    int stop() {
        int status = 0;
        kill(pid, SIGTERM);
        waitpid(pid, &status, 0);
        pid = -1;
        return status;
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(
            stderr,
            "usage: plaza-window-bench PLAZA BUNDLE LAYOUT_DIR STATS_FILE CONFIG [LETTERS]\n");
        return 64;
    }
    const std::string plaza = argv[1], bundle = argv[2], layout = argv[3], stats = argv[4],
                      config = argv[5];
    const std::string letters = argc > 6 ? argv[6] : "cegmpswcegmpsw";
    try {
        const nlohmann::json home = read_json(layout + "/home.json");
        const nlohmann::json search = read_json(layout + "/search.json");
        const auto search_button = centre_of(home, "home/search");
        const auto clear = centre_of(search, "keyboard/clear");
        if (!search_button || !clear) throw std::runtime_error("the layout has no Search or Clear");
        const auto card = rect_of(home, "home/search");
        const auto field = rect_of(search, "search/prompt");
        if (!card || !field) throw std::runtime_error("the layout has no search card or field");
        // The results: a strip across the first result row, below the search field.
        const Strip results{field->x + 200, field->y + field->h + 60, 1000, 24};

        XServer x;
        Child plaza_process;
        const pid_t pid = fork();
        if (pid == 0) {
            execl(plaza.c_str(), plaza.c_str(), "--config", config.c_str(), "--bundle",
                  bundle.c_str(), "--windowed", "1920x1080", "--stats", stats.c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        plaza_process.pid = pid;
        const auto started = Clock::now();
        while (!x.window_named_plaza_shown()) {
            if (ms_since(started) > 30000) throw std::runtime_error("no Plaza window after 30 s");
            sleep_ms(10);
        }
        // Home is on screen (the Search card is drawn and still), then the search screen (the
        // prompt's field is).
        if (!wait_until_drawn_and_still(x, *card, 500, 30000))
            throw std::runtime_error("home did not appear");
        x.tap(*search_button);
        if (!wait_until_drawn_and_still(x, *field, 500, 10000))
            throw std::runtime_error("the search screen did not appear");

        nlohmann::json keystrokes = nlohmann::json::array();
        for (char c : letters) {
            const auto key = centre_of(search, std::string("keyboard/key/") + c);
            if (!key) throw std::runtime_error(std::string("no key for ") + c);
            const auto before = x.strip(results.x, results.y, results.w, results.h);
            x.press(*key);
            sleep_ms(60);
            // The key acts when the finger lifts: that is the keystroke.
            const auto lifted = Clock::now();
            x.release();
            double took = -1;
            while (ms_since(lifted) < 3000) {
                if (x.strip(results.x, results.y, results.w, results.h) != before) {
                    took = ms_since(lifted);
                    break;
                }
            }
            keystrokes.push_back(took);
            sleep_ms(300);
            x.tap(*clear);
            // Cleared: the prompt is back in the field, and the results are gone.
            if (!wait_until_drawn_and_still(x, *field, 300, 10000))
                throw std::runtime_error("the search field did not settle after Clear");
        }
        const int status = plaza_process.stop();
        const nlohmann::json figures = read_json(stats);
        std::vector<double> times;
        for (const auto& t : keystrokes) {
            if (t.get<double>() >= 0) times.push_back(t.get<double>());
        }
        std::sort(times.begin(), times.end());
        const nlohmann::json out = {
            {"startup_to_first_frame_ms", figures["startup_to_first_frame_ms"]},
            {"startup_cpu_ms", figures.value("startup_cpu_ms", -1.0)},
            {"pss_mib", figures["pss_kib_at_exit"].get<double>() / 1024.0},
            {"display", figures["display"]},
            {"keystroke_to_results_ms", keystrokes},
            {"keystroke_p50_ms", times.empty() ? -1.0 : times[times.size() / 2]},
            {"keystrokes_without_results", keystrokes.size() - times.size()},
        };
        std::printf("%s\n", out.dump().c_str());
        return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "plaza-window-bench: %s\n", e.what());
        return 1;
    }
}
