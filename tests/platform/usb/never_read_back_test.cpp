// SPDX-License-Identifier: GPL-3.0-or-later
// A real FAT stick's bundle and signature are read once each, straight through, and never again:
// by the installer, whose every later step (hash, signature, SQLite checks, going live) works on
// the private copy, and on the kiosk's whole USB path, which then only writes its report into
// plaza-report/ and lets go of the stick. inotify sees every open and read of the two files.
#include <doctest/doctest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "app/usb_content.h"
#include "core/background_worker.h"
#include "fat_stick.h"
#include "install_test_support.h"

namespace {

// What happened to one file, in order: O(pen), R(ead), C(lose), W(rite), U(nmounted).
class FileWatch {
  public:
    FileWatch() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) { REQUIRE(fd_ >= 0); }
    ~FileWatch() { ::close(fd_); }
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    void watch(const std::string& path) {
        const int wd =
            inotify_add_watch(fd_, path.c_str(), IN_OPEN | IN_ACCESS | IN_CLOSE | IN_MODIFY);
        REQUIRE(wd >= 0);
        paths_.resize(static_cast<size_t>(wd) + 1);
        paths_[static_cast<size_t>(wd)] = path;
        seen_.resize(paths_.size());
    }
    // The events of `path` so far, with runs of reads written once ("ORC": opened, read, closed).
    std::string seen(const std::string& path) {
        drain();
        for (size_t i = 0; i < paths_.size(); ++i) {
            if (paths_[i] == path) return seen_[i];
        }
        return "not watched";
    }

  private:
    void drain() {
        alignas(inotify_event) char buf[4096];
        for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) {
            for (char* p = buf; p < buf + n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(p);
                std::string& s = seen_.at(static_cast<size_t>(e->wd));
                const char c = (e->mask & IN_OPEN)      ? 'O'
                               : (e->mask & IN_ACCESS)  ? 'R'
                               : (e->mask & IN_MODIFY)  ? 'W'
                               : (e->mask & IN_CLOSE)   ? 'C'
                               : (e->mask & IN_UNMOUNT) ? 'U'
                                                        : '\0';  // IN_IGNORED: the watch ended
                if (c && !(c == 'R' && !s.empty() && s.back() == 'R')) s += c;
                p += sizeof(inotify_event) + e->len;
            }
        }
    }
    int fd_;
    std::vector<std::string> paths_;
    std::vector<std::string> seen_;
};

}  // namespace

TEST_CASE("a bundle on a FAT stick is read once, straight through, and never again") {
    plaza::test::KioskFixture k;
    const plaza::install::Candidate made = k.offer(2);
    plaza::test::FatStick stick;
    const std::string bundle = stick.mount_point() + "/event.plaza";
    const std::string signature = bundle + ".minisig";
    const std::string original = plaza::test::read_file(made.bundle);
    plaza::test::write_file(bundle, original);
    plaza::test::write_file(signature, plaza::test::read_file(made.signature));

    FileWatch watch;
    watch.watch(bundle);
    watch.watch(signature);
    const plaza::install::Outcome o = k.installer().install({bundle, signature}, 1);
    INFO(o.reason << ": " << o.detail);
    CHECK(o.ok());
    CHECK(k.live_version() == "2");
    // One open, reads, one close each: no second look at the stick after the copy.
    CHECK(watch.seen(signature) == "ORC");
    CHECK(watch.seen(bundle) == "ORC");
    CHECK(plaza::test::read_file(k.data + "/content.plaza") == original);
}

TEST_CASE(
    "the kiosk's whole USB path reads a FAT stick's bundle once, then only writes its report") {
    plaza::test::KioskFixture k;
    const plaza::install::Candidate made = k.offer(2);
    plaza::test::FatStick stick;
    const std::string bundle = stick.mount_point() + "/event.plaza";
    plaza::test::write_file(bundle, plaza::test::read_file(made.bundle));
    plaza::test::write_file(bundle + ".minisig", plaza::test::read_file(made.signature));
    plaza::test::write_file(stick.mount_point() + "/plaza-export", "");
    const std::string key_file = k.dir / "organisers.pub";
    plaza::test::write_file(key_file, plaza::minisign::format_public_key(k.key.public_key));

    FileWatch watch;
    watch.watch(bundle);
    watch.watch(bundle + ".minisig");
    plaza::app::UsbSettings settings;
    settings.data_folder = k.data;
    settings.trusted_key_files = {key_file};
    settings.watch = false;
    plaza::core::MainThreadQueue main_thread;
    plaza::app::UsbHooks hooks;
    std::vector<std::string> notices;
    bool replaced = false;
    hooks.replace_content = [&](plaza::content::ContentStore, const std::string&) {
        replaced = true;
    };
    hooks.notice = [&](const std::string& text) { notices.push_back(text); };
    hooks.take_usage = [] { return plaza::content::UsageBatch{}; };
    {
        plaza::app::UsbContent usb(settings, main_thread, hooks, {});
        usb.stick_inserted(stick.mount_point());
        for (int i = 0; i < 30000 && usb.busy(); ++i)
            ::usleep(1000);
        REQUIRE_FALSE(usb.busy());
        main_thread.run_pending();
    }
    CHECK(replaced);
    // Read once each; then nothing until the kiosk unmounted the stick.
    CHECK(watch.seen(bundle) == "ORCU");
    CHECK(watch.seen(bundle + ".minisig") == "ORCU");
    REQUIRE_FALSE(notices.empty());
    CHECK(notices.back() == "You can remove the stick");
    CHECK_FALSE(plaza::test::mounted_at(stick.mount_point()));
    stick.mount("ro");
    CHECK(std::filesystem::exists(stick.mount_point() + "/plaza-report/plaza-report.txt"));
}
