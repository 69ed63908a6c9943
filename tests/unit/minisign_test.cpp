// SPDX-License-Identifier: GPL-3.0-or-later
// minisign compatibility, checked both ways against Debian's `minisign` binary (installed by
// platform/dev.sh): Plaza's signatures pass `minisign -V`, minisign's pass Plaza's verifier, and
// any change to the file or the trusted comment fails both.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "bundle_test_support.h"
#include "signing/minisign.h"

namespace {

namespace ms = plaza::minisign;
using plaza::test::TempDir;

std::string minisign_binary() {
    for (const char* dir : {"/usr/bin", "/usr/local/bin", "/bin"}) {
        const std::string path = std::string(dir) + "/minisign";
        if (std::filesystem::exists(path)) return path;
    }
    return "";
}

// Runs a shell command quietly and returns its exit status.
int run(const std::string& command) {
    const int status = std::system((command + " >/dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quote(const std::string& path) {
    return "'" + path + "'";
}

void flip_byte(const std::string& path, size_t offset) {
    std::string bytes = plaza::test::read_file(path);
    REQUIRE(offset < bytes.size());
    bytes[offset] = static_cast<char>(bytes[offset] ^ 0x01);
    plaza::test::write_file(path, bytes);
}

struct Fixture {
    TempDir dir;
    std::string minisign = minisign_binary();
    std::string file = dir / "bundle.plaza";
    Fixture() {
        REQUIRE_MESSAGE(!minisign.empty(),
                        "Debian's minisign is needed for these tests: apt-get install minisign "
                        "(platform/dev.sh installs it)");
        std::string content;
        for (int i = 0; i < 100000; ++i)
            content += static_cast<char>(i * 7919 % 251);
        plaza::test::write_file(file, content);
    }
};

}  // namespace

TEST_CASE("minisign: key files round-trip and key ids print as minisign prints them") {
    const auto pair = ms::generate_key_pair();
    auto pub = ms::parse_public_key(ms::format_public_key(pair.public_key));
    REQUIRE(pub.ok());
    CHECK(pub->key == pair.public_key.key);
    auto secret = ms::parse_secret_key(ms::format_secret_key(pair.secret_key));
    REQUIRE(secret.ok());
    CHECK(secret->key == pair.secret_key.key);
    CHECK(ms::key_id_hex({0xd9, 0x09, 0xbe, 0x93, 0x86, 0xb7, 0xd5, 0x6f}) == "6FD5B78693BE09D9");
}

TEST_CASE("minisign: a Plaza signature passes minisign -V, and fails once the file changes") {
    Fixture f;
    const auto pair = ms::generate_key_pair();
    plaza::test::write_file(f.dir / "plaza.pub", ms::format_public_key(pair.public_key));
    auto sig = ms::sign_file(f.file, pair.secret_key, "plaza bundle=abc version=3");
    REQUIRE(sig.ok());
    plaza::test::write_file(f.file + ".minisig", ms::format_signature(sig.value()));
    const std::string verify =
        f.minisign + " -V -H -p " + quote(f.dir / "plaza.pub") + " -m " + quote(f.file);
    CHECK(run(verify) == 0);
    CHECK(ms::verify_file(f.file, pair.public_key, sig.value()).ok());

    flip_byte(f.file, 54321);
    CHECK(run(verify) != 0);
    auto result = ms::verify_file(f.file, pair.public_key, sig.value());
    CHECK_FALSE(result.ok());
    CHECK(result.error() == "the signature does not match the file (changed or damaged)");
}

TEST_CASE("minisign: a minisign signature passes Plaza's verifier, tampering fails it") {
    Fixture f;
    const std::string pub = f.dir / "m.pub", key = f.dir / "m.key";
    REQUIRE(run(f.minisign + " -G -W -p " + quote(pub) + " -s " + quote(key)) == 0);
    REQUIRE(run(f.minisign + " -S -s " + quote(key) + " -m " + quote(f.file) +
                " -t 'plaza bundle=abc version=9'") == 0);
    auto public_key = ms::parse_public_key(plaza::test::read_file(pub));
    REQUIRE(public_key.ok());
    const std::string sig_text = plaza::test::read_file(f.file + ".minisig");
    auto sig = ms::parse_signature(sig_text);
    REQUIRE(sig.ok());
    CHECK(sig->trusted_comment == "plaza bundle=abc version=9");
    CHECK(ms::verify_file(f.file, public_key.value(), sig.value()).ok());

    SUBCASE("an edited trusted comment fails") {
        auto edited =
            ms::parse_signature(sig_text.substr(0, sig_text.find("version=9")) + "version=10" +
                                sig_text.substr(sig_text.find("version=9") + 9));
        REQUIRE(edited.ok());
        auto result = ms::verify_file(f.file, public_key.value(), edited.value());
        REQUIRE_FALSE(result.ok());
        CHECK(result.error() == "the trusted comment was changed after signing");
    }
    SUBCASE("a flipped byte anywhere fails") {
        for (size_t offset : {size_t{0}, size_t{4096}, size_t{99999}}) {
            flip_byte(f.file, offset);
            CHECK_FALSE(ms::verify_file(f.file, public_key.value(), sig.value()).ok());
            flip_byte(f.file, offset);
        }
        CHECK(ms::verify_file(f.file, public_key.value(), sig.value()).ok());
    }
    SUBCASE("another key is refused by key id") {
        const auto other = ms::generate_key_pair();
        auto result = ms::verify_file(f.file, other.public_key, sig.value());
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().find("not with the trusted key") != std::string::npos);
    }
    SUBCASE("Plaza signs with a key made by minisign, and minisign accepts the result") {
        auto secret = ms::parse_secret_key(plaza::test::read_file(key));
        REQUIRE(secret.ok());
        auto own = ms::sign_file(f.file, secret.value(), "plaza version=1");
        REQUIRE(own.ok());
        plaza::test::write_file(f.file + ".minisig", ms::format_signature(own.value()));
        CHECK(run(f.minisign + " -V -p " + quote(pub) + " -m " + quote(f.file)) == 0);
    }
}

TEST_CASE("minisign: legacy signatures and malformed files are refused") {
    Fixture f;
    const std::string pub = f.dir / "m.pub", key = f.dir / "m.key";
    REQUIRE(run(f.minisign + " -G -W -p " + quote(pub) + " -s " + quote(key)) == 0);
    REQUIRE(run(f.minisign + " -S -l -s " + quote(key) + " -m " + quote(f.file)) == 0);
    auto legacy = ms::parse_signature(plaza::test::read_file(f.file + ".minisig"));
    REQUIRE_FALSE(legacy.ok());
    CHECK(legacy.error() ==
          "legacy (not pre-hashed) signature; sign again with minisign 0.10 or later");
    CHECK_FALSE(ms::parse_signature("untrusted comment: x\nnot base64\n").ok());
    CHECK_FALSE(ms::parse_signature(std::string(20000, 'a')).ok());
    CHECK_FALSE(ms::parse_public_key("untrusted comment: x\nRWQ=\n").ok());
    // Empty base64 lines (found by the signature fuzz target: UBSan saw a null buffer).
    CHECK_FALSE(ms::parse_signature("untrusted comment: x\n\ntrusted comment: y\n\n").ok());
    CHECK_FALSE(ms::parse_public_key("untrusted comment: x\n\n").ok());
}
