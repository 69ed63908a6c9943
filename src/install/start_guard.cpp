// SPDX-License-Identifier: GPL-3.0-or-later
#include "install/start_guard.h"

#include <sys/stat.h>

#include <cstdio>
#include <sstream>

#include "content/content_store.h"
#include "core/safe_file.h"

namespace plaza::install {
namespace {

constexpr const char* kRecordName = "start-record";

// Which file a path names now: an install or a roll-back renames another file into place.
std::string identity(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    char buf[128];
    std::snprintf(buf, sizeof buf, "%llx:%llx:%lld:%lld.%09ld",
                  static_cast<unsigned long long>(st.st_dev),
                  static_cast<unsigned long long>(st.st_ino), static_cast<long long>(st.st_size),
                  static_cast<long long>(st.st_mtim.tv_sec), st.st_mtim.tv_nsec);
    return buf;
}

// The record: which live bundle the count is about, how many starts on it have not got going
// yet, and which bundle a start gave up on last.
struct Record {
    std::string live;
    int count = 0;
    std::string failed;
};

Record read_record(const std::string& path) {
    Record r;
    auto text = core::read_regular_file(path, 4096);
    if (!text) return r;
    std::istringstream words(text.value());
    for (std::string word; words >> word;) {
        if (word.rfind("live=", 0) == 0) r.live = word.substr(5);
        if (word.rfind("count=", 0) == 0) r.count = std::atoi(word.c_str() + 6);
        if (word.rfind("failed=", 0) == 0) r.failed = word.substr(7);
    }
    return r;
}

void write_record(const std::string& path, const Record& r) {
    const size_t slash = path.rfind('/');
    core::write_file_atomically(
        path.substr(0, slash), path.substr(slash + 1),
        "live=" + r.live + " count=" + std::to_string(r.count) + " failed=" + r.failed + "\n");
}

std::string describe(const BundleInfo& b) {
    if (b.version <= 0) return "a bundle that cannot be opened";
    return "version " + std::to_string(b.version) + (b.event_name.empty() ? "" : " of ") +
           b.event_name;
}

BundleInfo info_of(const std::string& path) {
    BundleInfo info;
    auto store = content::ContentStore::open(path);
    if (!store) return info;
    info.bundle_id = store->meta("bundle_id");
    info.event_name = store->event().name;
    info.version = std::atoll(store->meta("content_version").c_str());
    return info;
}

}  // namespace

StartGuard::StartGuard(const Installer& installer, std::string sample)
    : installer_(installer),
      sample_(std::move(sample)),
      record_(installer.live_path().substr(0, installer.live_path().rfind('/') + 1) + kRecordName) {
}

StartDecision StartGuard::begin() {
    chosen_.clear();
    const std::string live = identity(installer_.live_path());
    if (live.empty()) return {sample_, {}, {}, {}};
    Record r = read_record(record_);
    if (r.live != live || r.count < kFailedStartsBeforeRollBack) {
        r.count = (r.live == live ? r.count : 0) + 1;
        r.live = live;
        write_record(record_, r);
        chosen_ = live;
        return {installer_.live_path(), {}, {}, {}};
    }

    StartDecision d;
    d.given_up = info_of(installer_.live_path());
    const std::string why = "The kiosk failed to start " +
                            std::to_string(kFailedStartsBeforeRollBack) + " times in a row on " +
                            describe(d.given_up);
    const std::string previous = identity(installer_.previous_path());
    // The previous bundle, unless a start gave up on it before (two bad bundles would otherwise
    // take turns).
    if (!previous.empty() && previous != r.failed) {
        const Outcome back = installer_.roll_back();
        if (back.ok()) {
            d.bundle = installer_.live_path();
            d.now_shown = back.bundle;
            d.notice = why + "; it went back to " + describe(back.bundle) + ".";
            chosen_ = identity(installer_.live_path());
            write_record(record_, {chosen_, 1, live});
            return d;
        }
    }
    // The sample, for as long as that bundle is the installed one: each start shows the sample
    // until a new bundle is installed.
    d.bundle = sample_;
    d.notice = why + "; it shows the sample content until a new bundle is installed.";
    write_record(record_, {live, r.count, live});
    return d;
}

void StartGuard::started() {
    Record r = read_record(record_);
    // Only the bundle this start chose and still shows: a sample shown instead of it, or a
    // bundle installed since, says nothing about how the given-up one starts.
    if (chosen_.empty() || r.count == 0 || r.live != chosen_ ||
        identity(installer_.live_path()) != chosen_)
        return;
    r.count = 0;
    write_record(record_, r);
}

}  // namespace plaza::install
