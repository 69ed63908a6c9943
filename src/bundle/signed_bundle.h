// SPDX-License-Identifier: GPL-3.0-or-later
// Checking a signed bundle as a kiosk will: the minisign signature against a public key file,
// then the bundle itself and the version and id its trusted comment records. Shared by
// `plaza-bundle verify` and `plaza-bundle fleet publish`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plaza::bundle {

struct SignedBundleCheck {
    // 0 verified; 1 refused (bad signature, damaged bundle); 2 the key file cannot be read.
    int code = 0;
    std::vector<std::string> problems;  // each one line, naming the file
    std::string key_id;                 // the key that signed it, as minisign prints it
    std::string trusted_comment;
    std::string bundle_id;
    std::int64_t version = 0;
    bool ok() const { return code == 0; }
};

SignedBundleCheck check_signed_bundle(const std::string& bundle, const std::string& pubkey_path,
                                      const std::string& signature_path);

// Only the signature of any file (a fleet.csv) against a public key file; "" when it verifies,
// otherwise what is wrong.
std::string check_signed_file(const std::string& file, const std::string& pubkey_path,
                              const std::string& signature_path);

// The value of "name=value" in a trusted comment, or "" when absent.
std::string comment_field(const std::string& comment, const std::string& name);

}  // namespace plaza::bundle
