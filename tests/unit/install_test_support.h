// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the installer tests: a kiosk data folder with a live bundle, a "stick" folder, a
// trusted key, and signed bundles made from the small valid test source, optionally altered by
// SQL before signing (hostile but validly signed content).
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "bundle/bundle_builder.h"
#include "bundle_test_support.h"
#include "content/sqlite_db.h"
#include "install/bundle_installer.h"
#include "signing/minisign.h"

namespace plaza::test {

// Bytes as hexadecimal digits, for an SQL blob literal X'...'.
inline std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// Builds the valid test source as a bundle of `version` at `out`.
inline void build_test_bundle(const TempDir& dir, const std::string& out, std::int64_t version) {
    const std::string src = dir / "source";
    if (!std::filesystem::exists(src)) write_source(src, valid_source());
    std::vector<std::string> problems;
    auto built = plaza::bundle::build_bundle({src, out, version}, problems);
    REQUIRE_MESSAGE(built.ok(), built.error());
}

inline void alter_bundle(const std::string& path, const std::string& sql) {
    auto db = plaza::content::Database::create_for_writing(path);
    REQUIRE(db.ok());
    auto done = db->exec(sql);
    REQUIRE_MESSAGE(done.ok(), done.error());
}

inline void sign_bundle(const std::string& path, const plaza::minisign::SecretKey& key,
                        std::int64_t version) {
    auto db = plaza::content::Database::open_untrusted_read_only(path);
    REQUIRE(db.ok());
    auto stmt = db->prepare("SELECT value FROM bundle_meta WHERE key = 'bundle_id'");
    REQUIRE(stmt.ok());
    REQUIRE(stmt->step());
    const std::string id = stmt->column_text(0);
    auto sig = plaza::minisign::sign_file(
        path, key, "plaza bundle=" + id + " version=" + std::to_string(version) + " file=x");
    REQUIRE(sig.ok());
    write_file(path + ".minisig", plaza::minisign::format_signature(sig.value()));
}

// A kiosk with version 1 live and a trusted key; `stick` is an empty folder acting as a stick.
struct KioskFixture {
    TempDir dir;
    plaza::minisign::KeyPair key = plaza::minisign::generate_key_pair();
    std::string data = dir / "data";
    std::string stick = dir / "stick";
    plaza::install::InstallerConfig config;

    KioskFixture() {
        std::filesystem::create_directories(data);
        std::filesystem::create_directories(stick);
        config.data_folder = data;
        config.trusted_keys = {key.public_key};
        build_test_bundle(dir, data + "/content.plaza", 1);
    }
    plaza::install::Installer installer() const { return plaza::install::Installer(config); }
    // A signed bundle of `version` on the stick, altered by `sql` (if any) before signing.
    plaza::install::Candidate offer(std::int64_t version, const std::string& sql = "") {
        const std::string path = stick + "/event.plaza";
        std::filesystem::remove(path);
        build_test_bundle(dir, path, version);
        if (!sql.empty()) alter_bundle(path, sql);
        sign_bundle(path, key.secret_key, version);
        return {path, path + ".minisig"};
    }
    std::string live_version() const {
        auto db = plaza::content::Database::open_untrusted_read_only(data + "/content.plaza");
        if (!db) return "unreadable";
        auto stmt = db->prepare("SELECT value FROM bundle_meta WHERE key = 'content_version'");
        return stmt && stmt->step() ? stmt->column_text(0) : "missing";
    }
};

}  // namespace plaza::test
