// SPDX-License-Identifier: GPL-3.0-or-later
// The installer's refusal matrix (issue 7): every hostile or broken offer is refused with its own
// message and the live bundle stays as it was; a good one goes live and keeps the old one for
// roll-back.
#include <doctest/doctest.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "install/bundle_installer.h"
#include "install_test_support.h"

using plaza::install::Candidate;
using plaza::install::Outcome;
using plaza::install::Refusal;
using plaza::test::KioskFixture;

namespace {

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// A PNG chunk; `declared` lets a test lie about the length (stb_image does not check CRCs).
std::string chunk(const std::string& type, const std::string& data, std::uint32_t declared) {
    return be32(declared) + type + data + be32(0);
}

std::string png_header(std::uint32_t w, std::uint32_t h) {
    const std::string ihdr = be32(w) + be32(h) + std::string("\x08\x06\x00\x00\x00", 5);
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr, 13);
}

std::string insert_image(const std::string& png) {
    return "INSERT INTO media (id, source, width, height) VALUES (999, 'x.png', 1, 1);"
           "INSERT INTO media_image (media_id, variant, width, height, mime, data) VALUES "
           "(999, 'large', 1, 1, 'image/png', X'" +
           plaza::test::hex(png) + "');";
}

// The refusal, with the live bundle still version 1 and nothing left in staging.
void check_refused(KioskFixture& k, const Outcome& o, Refusal expected, const std::string& reason) {
    INFO(o.detail);
    CHECK(o.refusal == expected);
    CHECK(o.reason.find(reason) != std::string::npos);
    CHECK_FALSE(o.detail.empty());
    CHECK(k.live_version() == "1");
    CHECK_FALSE(std::filesystem::exists(k.data + "/content.previous.plaza"));
    if (std::filesystem::exists(k.data + "/staging"))
        CHECK(std::filesystem::is_empty(k.data + "/staging"));
}

}  // namespace

TEST_CASE("a newer signed bundle goes live and the old one is kept for roll-back") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    const Outcome o = k.installer().install(c, 1);
    INFO(o.detail);
    REQUIRE(o.ok());
    CHECK(o.bundle.version == 2);
    CHECK(o.bundle.event_name == "Test meeting");
    CHECK(o.bundle.key_id == plaza::minisign::key_id_hex(k.key.public_key.key_id));
    CHECK(k.live_version() == "2");
    REQUIRE(std::filesystem::exists(k.data + "/content.previous.plaza"));
    CHECK(std::filesystem::is_empty(k.data + "/staging"));

    const Outcome back = k.installer().roll_back();
    REQUIRE(back.ok());
    CHECK(back.bundle.version == 1);
    CHECK(k.live_version() == "1");
    // Rolling back again returns to the newer one: both stay on disk.
    REQUIRE(k.installer().roll_back().ok());
    CHECK(k.live_version() == "2");
}

TEST_CASE("no trusted key: nothing from a stick is accepted") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    k.config.trusted_keys.clear();
    check_refused(k, k.installer().install(c, 1), Refusal::no_trusted_key, "no trusted");
}

TEST_CASE("an unsigned bundle is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    std::filesystem::remove(c.signature);
    check_refused(k, k.installer().install(c, 1), Refusal::signature_missing, "no signature");
}

TEST_CASE("a bundle signed with another key is refused, naming the key") {
    KioskFixture k;
    const auto other = plaza::minisign::generate_key_pair();
    const Candidate c = k.offer(2);
    plaza::test::sign_bundle(c.bundle, other.secret_key, 2);
    const Outcome o = k.installer().install(c, 1);
    check_refused(k, o, Refusal::unknown_key, "unknown key");
    CHECK(o.detail.find(plaza::minisign::key_id_hex(other.public_key.key_id)) != std::string::npos);
}

TEST_CASE("a signature file that is not minisign is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    plaza::test::write_file(c.signature, std::string(100000, 'A'));
    check_refused(k, k.installer().install(c, 1), Refusal::signature_unreadable, "unreadable");
}

TEST_CASE("one flipped byte after signing is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    std::string bytes = plaza::test::read_file(c.bundle);
    bytes[bytes.size() / 2] ^= 0x01;
    plaza::test::write_file(c.bundle, bytes);
    check_refused(k, k.installer().install(c, 1), Refusal::signature_mismatch,
                  "signature does not match");
}

TEST_CASE("a truncated bundle is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    const std::string bytes = plaza::test::read_file(c.bundle);
    plaza::test::write_file(c.bundle, bytes.substr(0, bytes.size() - 4096));
    check_refused(k, k.installer().install(c, 1), Refusal::signature_mismatch,
                  "signature does not match");
}

TEST_CASE("a truncated bundle signed as it is fails the database checks") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    const std::string bytes = plaza::test::read_file(c.bundle);
    plaza::test::write_file(c.bundle, bytes.substr(0, bytes.size() / 2));
    // Sign the truncated file itself with a comment of its own (the bundle id is unreadable).
    auto sig = plaza::minisign::sign_file(c.bundle, k.key.secret_key, "plaza version=2");
    REQUIRE(sig.ok());
    plaza::test::write_file(c.signature, plaza::minisign::format_signature(sig.value()));
    const Outcome o = k.installer().install(c, 1);
    INFO(o.detail);
    CHECK((o.refusal == Refusal::damaged || o.refusal == Refusal::not_a_database));
    CHECK(k.live_version() == "1");
}

TEST_CASE("a signed file that is not a database is refused") {
    KioskFixture k;
    const std::string path = k.stick + "/notes.plaza";
    plaza::test::write_file(path, std::string(8192, 'x'));
    auto sig = plaza::minisign::sign_file(path, k.key.secret_key, "plaza version=2");
    REQUIRE(sig.ok());
    plaza::test::write_file(path + ".minisig", plaza::minisign::format_signature(sig.value()));
    check_refused(k, k.installer().install({path, path + ".minisig"}, 1), Refusal::not_a_database,
                  "not a database");
}

TEST_CASE("a signed database with a trigger is refused") {
    KioskFixture k;
    const Candidate c =
        k.offer(2, "CREATE TRIGGER t AFTER INSERT ON language BEGIN SELECT 1; END;");
    const Outcome o = k.installer().install(c, 1);
    check_refused(k, o, Refusal::view_or_trigger, "view or trigger");
    CHECK(o.detail.find("trigger (t)") != std::string::npos);
}

TEST_CASE("a signed database with a view is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2, "CREATE VIEW v AS SELECT * FROM partnership;");
    const Outcome o = k.installer().install(c, 1);
    check_refused(k, o, Refusal::view_or_trigger, "view or trigger");
    CHECK(o.detail.find("view (v)") != std::string::npos);
}

TEST_CASE("a crafted oversized string is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2, "UPDATE partnership SET summary = printf('%.*c', 600000, 'x');");
    const Outcome o = k.installer().install(c, 1);
    check_refused(k, o, Refusal::oversized_value, "too large");
    CHECK(o.detail.find("table partnership, column summary") != std::string::npos);
}

TEST_CASE("a string beyond SQLite's read limit is refused too") {
    KioskFixture k;
    const Candidate c =
        k.offer(2, "UPDATE partnership SET objectives = printf('%.*c', 9000000, 'y');");
    check_refused(k, k.installer().install(c, 1), Refusal::oversized_value, "too large");
}

TEST_CASE("invalid UTF-8 in a text is refused") {
    KioskFixture k;
    const Candidate c =
        k.offer(2, "UPDATE city SET name = CAST(X'C328FF41' AS TEXT) WHERE rowid = 1;");
    const Outcome o = k.installer().install(c, 1);
    check_refused(k, o, Refusal::invalid_utf8, "UTF-8");
    CHECK(o.detail.find("table city, column name") != std::string::npos);
}

TEST_CASE("an older or equal version is refused unless an admin forces it") {
    KioskFixture k;
    const Candidate c = k.offer(3);
    const Outcome o = k.installer().install(c, 5);
    check_refused(k, o, Refusal::not_newer, "version 3 is not newer than the installed version 5");
    check_refused(k, k.installer().install(c, 3), Refusal::not_newer, "not newer");
    const Outcome forced = k.installer().install(c, 5, true);
    REQUIRE(forced.ok());
    CHECK(k.live_version() == "3");
}

TEST_CASE("a signature for another version is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    plaza::test::sign_bundle(c.bundle, k.key.secret_key, 9);
    check_refused(k, k.installer().install(c, 1), Refusal::signed_mismatch, "another bundle");
}

TEST_CASE("a PNG whose chunk claims gigabytes is refused without the allocation") {
    KioskFixture k;
    // 1x1 pixels, then an IDAT chunk declaring 0x59000020 bytes (about 1.4 GB) with 4 present.
    const std::string png = png_header(1, 1) + chunk("IDAT", "abcd", 0x59000020u);
    const Outcome o = k.installer().install(k.offer(2, insert_image(png)), 1);
    check_refused(k, o, Refusal::bad_image, "image");
    CHECK(o.detail.find("image 999 (large)") != std::string::npos);
}

TEST_CASE("a 30,000 x 30,000 image is refused from its header") {
    KioskFixture k;
    const std::string png = png_header(30000, 30000) + chunk("IEND", "", 0);
    const Outcome o = k.installer().install(k.offer(2, insert_image(png)), 1);
    check_refused(k, o, Refusal::bad_image, "image");
    CHECK(o.detail.find("30000x30000") != std::string::npos);
}

TEST_CASE("a stick removed mid-copy: the file shrinks under the copy") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    k.config.on_chunk_read = [&](std::int64_t) { std::filesystem::resize_file(c.bundle, 1000); };
    check_refused(k, k.installer().install(c, 1), Refusal::stick_read_failed, "during the copy");
}

TEST_CASE("a stick removed mid-copy: the file vanishes under the copy") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    k.config.on_chunk_read = [&](std::int64_t) { std::filesystem::remove(c.bundle); };
    check_refused(k, k.installer().install(c, 1), Refusal::stick_read_failed, "during the copy");
}

TEST_CASE("a bundle over the size cap is refused before any copy") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    k.config.max_bundle_bytes = 1000;
    check_refused(k, k.installer().install(c, 1), Refusal::too_large, "too large");
}

TEST_CASE("a symbolic link on the stick is refused") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    const std::string link = k.stick + "/link.plaza";
    std::filesystem::create_symlink(c.bundle, link);
    std::filesystem::copy_file(c.signature, link + ".minisig");
    check_refused(k, k.installer().install({link, link + ".minisig"}, 1), Refusal::not_a_file,
                  "not a regular file");
}

TEST_CASE("a full data disk (injected write limit) is refused") {
    // The write limit makes the copy fail with ENOSPC after 4 KiB, the same path a real full
    // disk takes; the tmpfs test below runs the real thing where mount namespaces are allowed.
    KioskFixture k;
    const Candidate c = k.offer(2);
    k.config.write_limit = 4096;
    check_refused(k, k.installer().install(c, 1), Refusal::data_disk_full, "full");
}

namespace {

// Runs the install in a child process with the data folder on a private tmpfs (a mount
// namespace of its own, so nothing is left mounted); returns "<refusal>|<live version>", or
// "skip" where mount namespaces are not permitted.
std::string install_on_tmpfs(KioskFixture& k, const Candidate& c, const std::string& size,
                             bool read_only) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const std::string live = plaza::test::read_file(k.data + "/content.plaza");
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        std::string answer = "skip";
        if (::unshare(CLONE_NEWNS) == 0 &&
            ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 &&
            ::mount("tmpfs", k.data.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0) {
            plaza::test::write_file(k.data + "/content.plaza", live);
            if (read_only)
                ::mount(nullptr, k.data.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr);
            const Outcome o = k.installer().install(c, 1);
            answer = std::to_string(static_cast<int>(o.refusal)) + "|" + k.live_version();
        }
        if (::write(fds[1], answer.data(), answer.size()) < 0) ::_exit(2);
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string answer;
    char buf[256];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        answer.append(buf, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return answer;
}

}  // namespace

TEST_CASE("a full data disk (a real, tiny tmpfs) is refused and the old bundle stays") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    const auto live_size = std::filesystem::file_size(k.data + "/content.plaza");
    const std::string answer = install_on_tmpfs(k, c, std::to_string(live_size + 16 * 1024), false);
    if (answer == "skip") {
        MESSAGE("mount namespaces are not permitted here; the injected write limit covers it");
        return;
    }
    CHECK(answer == std::to_string(static_cast<int>(Refusal::data_disk_full)) + "|1");
}

TEST_CASE("a read-only data folder is refused and the old bundle stays") {
    KioskFixture k;
    const Candidate c = k.offer(2);
    const std::string answer = install_on_tmpfs(k, c, "8m", true);
    if (answer == "skip") {
        MESSAGE("mount namespaces are not permitted here; not run");
        return;
    }
    CHECK(answer == std::to_string(static_cast<int>(Refusal::data_read_only)) + "|1");
}

TEST_CASE("recover removes what an interrupted install left in staging") {
    KioskFixture k;
    std::filesystem::create_directories(k.data + "/staging");
    plaza::test::write_file(k.data + "/staging/incoming-abc123", "half a bundle");
    k.installer().recover();
    CHECK(std::filesystem::is_empty(k.data + "/staging"));
    CHECK(k.live_version() == "1");
}

TEST_CASE("candidates are the .plaza files of a folder, with their signatures") {
    KioskFixture k;
    plaza::test::write_file(k.stick + "/b.plaza", "");
    plaza::test::write_file(k.stick + "/a.plaza", "");
    plaza::test::write_file(k.stick + "/.hidden.plaza", "");
    plaza::test::write_file(k.stick + "/readme.txt", "");
    const auto found = plaza::install::find_candidates(k.stick);
    REQUIRE(found.size() == 2);
    CHECK(found[0].bundle == k.stick + "/a.plaza");
    CHECK(found[0].signature == k.stick + "/a.plaza.minisig");
}

TEST_CASE("the trusted comment gives version and bundle id") {
    const auto info = plaza::install::parse_trusted_comment("plaza bundle=abc version=12 file=x");
    CHECK(info.bundle_id == "abc");
    CHECK(info.version == 12);
    CHECK(plaza::install::parse_trusted_comment("plaza version=12x").version == 0);
}
