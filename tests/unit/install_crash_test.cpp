// SPDX-License-Identifier: GPL-3.0-or-later
// Power-cut safety of the install (issue 7): the installer process is killed with SIGKILL at 100
// random points of an install (every disk-changing step and every copied chunk is a candidate),
// and after each a restart must find exactly one complete bundle live, old or new, and nothing
// else. SIGKILL loses no written page cache, so this covers the ordering of rename and fsync
// calls, not a disk that drops unsynced writes (that needs the device rig in the research, §4.3).
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <set>

#include "content/bundle_check.h"
#include "install/bundle_installer.h"
#include "install_test_support.h"

using plaza::install::Candidate;

namespace {

void reset_data(const std::string& data, const std::string& pristine) {
    std::filesystem::remove_all(data);
    std::filesystem::create_directories(data);
    std::filesystem::copy_file(pristine, data + "/content.plaza");
}

}  // namespace

TEST_CASE("SIGKILL at 100 random points of an install leaves one complete bundle, old or new") {
    plaza::test::KioskFixture k;
    k.config.chunk_bytes = 4096;  // many copy steps to be killed in
    const std::string pristine = k.dir / "v1.plaza";
    std::filesystem::copy_file(k.data + "/content.plaza", pristine);
    const Candidate c = k.offer(2);

    // Count the steps of one whole install.
    int steps = 0;
    {
        auto config = k.config;
        config.on_step = [&](const char*) { ++steps; };
        REQUIRE(plaza::install::Installer(config).install(c, 1).ok());
    }
    REQUIRE(steps > 10);

    std::mt19937 random(20240320);
    std::uniform_int_distribution<int> pick(1, steps);
    int old_seen = 0, new_seen = 0;
    for (int run = 0; run < 100; ++run) {
        reset_data(k.data, pristine);
        const int kill_at = pick(random);
        CAPTURE(kill_at);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            auto config = k.config;
            int step = 0;
            config.on_step = [&](const char*) {
                if (++step == kill_at) ::kill(::getpid(), SIGKILL);
            };
            plaza::install::Installer(config).install(c, 1);
            ::_exit(0);
        }
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGKILL);

        // The restart: clean staging, then open what is live.
        const plaza::install::Installer installer(k.config);
        installer.recover();
        REQUIRE(std::filesystem::exists(installer.live_path()));
        CHECK(plaza::content::check_bundle(installer.live_path()).empty());
        const std::string version = k.live_version();
        CHECK((version == "1" || version == "2"));
        (version == "1" ? old_seen : new_seen)++;
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(k.data))
            names.insert(entry.path().filename().string());
        names.erase("staging");
        names.erase("content.plaza");
        if (names.erase("content.previous.plaza"))
            CHECK(plaza::content::check_bundle(installer.previous_path()).empty());
        CHECK(names.empty());
        if (std::filesystem::exists(installer.staging_path()))
            CHECK(std::filesystem::is_empty(installer.staging_path()));
    }
    MESSAGE("killed 100 times in " << steps << " steps: old content " << old_seen
                                   << " times, new content " << new_seen << " times");
    CHECK(old_seen > 0);
    CHECK(new_seen > 0);
}
