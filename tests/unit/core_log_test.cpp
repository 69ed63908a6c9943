// SPDX-License-Identifier: GPL-3.0-or-later
// core log: warnings and errors reach the journal at their level. journald reads a service's
// stderr as a stream and takes a leading "<N>" on each line as its syslog priority; systemd
// names that stream in JOURNAL_STREAM ("DEVICE:INODE"). These cases put an AF_UNIX stream socket
// (what journald hands a service) on stderr and read back the exact bytes the logger wrote.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "core/log.h"

using namespace plaza::core;

namespace {

std::string stream_name(int fd) {
    struct stat st {};
    REQUIRE(fstat(fd, &st) == 0);
    return std::to_string(static_cast<unsigned long long>(st.st_dev)) + ":" +
           std::to_string(static_cast<unsigned long long>(st.st_ino));
}

// Runs `body` with stderr on one end of a fresh socket pair and returns what arrived at the
// other end. `journal_stream` is put in JOURNAL_STREAM for the duration ("" unsets it; "self"
// names the socket on stderr, as systemd does).
template <typename Body>
std::string captured_stderr(const std::string& journal_stream, Body body) {
    int pair[2];
    REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
    const int saved = dup(STDERR_FILENO);
    REQUIRE(saved >= 0);
    REQUIRE(dup2(pair[0], STDERR_FILENO) == STDERR_FILENO);
    if (journal_stream.empty()) {
        unsetenv("JOURNAL_STREAM");
    } else {
        const std::string value =
            journal_stream == "self" ? stream_name(STDERR_FILENO) : journal_stream;
        setenv("JOURNAL_STREAM", value.c_str(), 1);
    }
    body();
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(pair[0]);
    unsetenv("JOURNAL_STREAM");
    std::string out;
    char buffer[4096];
    ssize_t n;
    while ((n = read(pair[1], buffer, sizeof buffer)) > 0)
        out.append(buffer, static_cast<size_t>(n));
    close(pair[1]);
    return out;
}

void log_one_of_each() {
    set_log_level(LogLevel::debug);
    log(LogLevel::debug, "font atlas rebuilt");
    log_info("showing /var/lib/plaza/content.plaza");
    log_warning("/etc/plaza/plaza.conf:3: rotation: '45' is not 0, 90, 180 or 270; using 0");
    log_error("USB content refused: signature does not match");
    set_log_level(LogLevel::info);
}

}  // namespace

TEST_CASE("log: on the journal's stream every line carries its syslog priority") {
    const std::string bytes = captured_stderr("self", log_one_of_each);
    CHECK(bytes ==
          "<7>plaza debug: font atlas rebuilt\n"
          "<6>plaza info: showing /var/lib/plaza/content.plaza\n"
          "<4>plaza warning: /etc/plaza/plaza.conf:3: rotation: '45' is not 0, 90, 180 or 270; "
          "using 0\n"
          "<3>plaza error: USB content refused: signature does not match\n");
}

TEST_CASE("log: without the journal, plain lines (a terminal, a file, a pipe)") {
    const std::string expected =
        "plaza debug: font atlas rebuilt\n"
        "plaza info: showing /var/lib/plaza/content.plaza\n"
        "plaza warning: /etc/plaza/plaza.conf:3: rotation: '45' is not 0, 90, 180 or 270; "
        "using 0\n"
        "plaza error: USB content refused: signature does not match\n";
    CHECK(captured_stderr("", log_one_of_each) == expected);
    // A variable inherited from a service by a program whose stderr goes elsewhere names
    // another file: no prefixes, which would otherwise show up as text.
    int other[2];
    REQUIRE(pipe(other) == 0);
    const std::string elsewhere = stream_name(other[0]);
    close(other[0]);
    close(other[1]);
    CHECK(captured_stderr(elsewhere, log_one_of_each) == expected);
}

TEST_CASE("log: a multi-line message keeps its level on every line") {
    const std::string bytes = captured_stderr("self", [] {
        log_warning("plaza-bundle could not build the sample:\nevent.txt:2: date: not a date\n");
    });
    CHECK(bytes ==
          "<4>plaza warning: plaza-bundle could not build the sample:\n"
          "<4>plaza warning: event.txt:2: date: not a date\n");
}

TEST_CASE("log: JOURNAL_STREAM must be exactly DEVICE:INODE of the file") {
    int pair[2];
    REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
    const std::string name = stream_name(pair[0]);
    CHECK(is_journal_stream(name.c_str(), pair[0]));
    CHECK_FALSE(is_journal_stream(name.c_str(), pair[1]));  // same device, another inode
    CHECK_FALSE(is_journal_stream(nullptr, pair[0]));
    CHECK_FALSE(is_journal_stream("", pair[0]));
    CHECK_FALSE(is_journal_stream((name + " ").c_str(), pair[0]));
    CHECK_FALSE(is_journal_stream((name + ":1").c_str(), pair[0]));
    CHECK_FALSE(is_journal_stream(name.substr(0, name.find(':')).c_str(), pair[0]));
    CHECK_FALSE(is_journal_stream(("-" + name).c_str(), pair[0]));
    CHECK_FALSE(is_journal_stream("99999999999999999999999:1", pair[0]));
    close(pair[0]);
    close(pair[1]);
    CHECK_FALSE(is_journal_stream(name.c_str(), pair[0]));  // closed
}
