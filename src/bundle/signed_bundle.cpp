// SPDX-License-Identifier: GPL-3.0-or-later
// Checking a signed bundle against a public key, as `verify` and `fleet publish` do.
#include "bundle/signed_bundle.h"

#include <cstdlib>
#include <sstream>

#include "content/bundle_check.h"
#include "content/bundle_scan.h"
#include "content/content_store.h"
#include "core/safe_file.h"
#include "signing/minisign.h"

namespace plaza::bundle {

namespace ms = plaza::minisign;

namespace {

bool read_small(const std::string& path, std::string& out, std::int64_t limit) {
    auto text = core::read_regular_file(path, limit, core::Links::follow);
    if (!text) return false;
    out = std::move(text.value());
    return true;
}

// The key and signature of `file`, or a problem; `code` as in SignedBundleCheck.
struct KeyAndSignature {
    ms::PublicKey key;
    ms::Signature signature;
};
bool load_key_and_signature(const std::string& pubkey_path, const std::string& signature_path,
                            KeyAndSignature& out, std::string& problem, int& code) {
    std::string key_text, sig_text;
    code = 1;
    if (!read_small(pubkey_path, key_text, 4096)) {
        problem = pubkey_path + ": cannot be read";
        code = 2;
        return false;
    }
    if (!read_small(signature_path, sig_text, 16384)) {
        problem = signature_path + ": cannot be read (is the file signed?)";
        return false;
    }
    auto key = ms::parse_public_key(key_text);
    if (!key) {
        problem = pubkey_path + ": " + key.error();
        return false;
    }
    auto signature = ms::parse_signature(sig_text);
    if (!signature) {
        problem = signature_path + ": " + signature.error();
        return false;
    }
    out = {key.value(), signature.value()};
    return true;
}

}  // namespace

std::string comment_field(const std::string& comment, const std::string& name) {
    std::istringstream words(comment);
    for (std::string word; words >> word;) {
        if (word.rfind(name + "=", 0) == 0) return word.substr(name.size() + 1);
    }
    return "";
}

std::string check_signed_file(const std::string& file, const std::string& pubkey_path,
                              const std::string& signature_path) {
    KeyAndSignature ks;
    std::string problem;
    int code = 0;
    if (!load_key_and_signature(pubkey_path, signature_path, ks, problem, code)) return problem;
    if (auto ok = ms::verify_file(file, ks.key, ks.signature); !ok) return file + ": " + ok.error();
    return "";
}

SignedBundleCheck check_signed_bundle(const std::string& bundle, const std::string& pubkey_path,
                                      const std::string& signature_path) {
    SignedBundleCheck result;
    KeyAndSignature ks;
    std::string problem;
    if (!load_key_and_signature(pubkey_path, signature_path, ks, problem, result.code)) {
        result.problems.push_back(problem);
        return result;
    }
    result.code = 1;
    if (auto ok = ms::verify_file(bundle, ks.key, ks.signature); !ok) {
        result.problems.push_back(bundle + ": " + ok.error());
        return result;
    }
    result.problems = content::check_bundle(bundle);
    if (result.problems.empty()) {
        const auto scan = content::scan_bundle_values(bundle);
        if (scan.problem != content::ScanProblem::none) result.problems.push_back(scan.detail);
    }
    if (result.problems.empty()) {
        auto store = content::ContentStore::open(bundle);
        if (!store) {
            result.problems.push_back(store.error());
            return result;
        }
        const std::string& tc = ks.signature.trusted_comment;
        const std::string version = comment_field(tc, "version"), id = comment_field(tc, "bundle");
        result.bundle_id = store->meta("bundle_id");
        result.version = std::strtoll(store->meta("content_version").c_str(), nullptr, 10);
        if (!version.empty() && version != store->meta("content_version"))
            result.problems.push_back("signed for content version " + version +
                                      ", the bundle says " + store->meta("content_version"));
        if (!id.empty() && id != result.bundle_id)
            result.problems.push_back("signed for bundle " + id + ", the bundle is " +
                                      result.bundle_id);
    }
    if (!result.problems.empty()) return result;
    result.code = 0;
    result.key_id = ms::key_id_hex(ks.key.key_id);
    result.trusted_comment = ks.signature.trusted_comment;
    return result;
}

}  // namespace plaza::bundle
