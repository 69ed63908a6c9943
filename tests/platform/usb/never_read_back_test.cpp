// The installer on a real FAT stick reads the stick's bundle and signature once each, straight
// through, and never again: everything after the copy (hash, signature, SQLite checks, going
// live) works on the private copy. inotify sees every open and read of the two files.
#include <doctest/doctest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fat_stick.h"
#include "install_test_support.h"

namespace {

// What happened to one file, in order: O(pen), R(ead), C(lose), W(rite).
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
                const char c = (e->mask & IN_OPEN)     ? 'O'
                               : (e->mask & IN_ACCESS) ? 'R'
                               : (e->mask & IN_MODIFY) ? 'W'
                                                       : 'C';
                if (!(c == 'R' && !s.empty() && s.back() == 'R')) s += c;
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
