// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/minisign.h"

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace plaza::minisign {
namespace {

constexpr char kUntrustedPrefix[] = "untrusted comment: ";
constexpr char kTrustedPrefix[] = "trusted comment: ";
constexpr size_t kTrustedCommentMax = 8192;  // minisign's TRUSTEDCOMMENTMAXBYTES
constexpr size_t kSignatureFileMax = 16384;

// Secret key layout (minisign.h): sig_alg, kdf_alg, chk_alg, salt, opslimit, memlimit, then the
// part encrypted when a password is set: key id, secret key, BLAKE2b-256 checksum.
constexpr size_t kSaltBytes = 32, kChecksumBytes = 32;
constexpr size_t kSecretHeaderBytes = 2 + 2 + 2 + kSaltBytes + 8 + 8;
constexpr size_t kSecretKeynumBytes = 8 + 64 + kChecksumBytes;
constexpr size_t kSecretKeyBytes = kSecretHeaderBytes + kSecretKeynumBytes;

void ensure_sodium() {
    // Safe to call repeatedly and from several threads; it only fails without an entropy source.
    if (sodium_init() < 0) std::abort();
}

std::string to_base64(const std::uint8_t* data, size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

bool from_base64(std::string_view text, std::vector<std::uint8_t>& out, size_t expected) {
    // An empty line would hand libsodium a null buffer, which its prototype forbids.
    if (text.empty()) return false;
    out.assign(text.size(), 0);
    size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size() || length != expected)
        return false;
    out.resize(length);
    return true;
}

// Splits into lines, accepting LF or CRLF; a final newline does not make an empty last line.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

void checksum(const SecretKey& key, std::uint8_t out[kChecksumBytes]) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, kChecksumBytes);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("Ed"), 2);
    crypto_generichash_update(&state, key.key_id.data(), key.key_id.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    crypto_generichash_final(&state, out, kChecksumBytes);
}

std::uint64_t load_le64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = v << 8 | p[i];
    return v;
}

// The global signature covers the file signature followed by the trusted comment text.
std::vector<std::uint8_t> global_message(const Signature& s) {
    std::vector<std::uint8_t> message(s.signature.begin(), s.signature.end());
    message.insert(message.end(), s.trusted_comment.begin(), s.trusted_comment.end());
    return message;
}

}  // namespace

std::string key_id_hex(const KeyId& id) {
    char out[17];
    for (int i = 0; i < 8; ++i)
        std::snprintf(out + 2 * i, 3, "%02X", id[7 - i]);
    return std::string(out, 16);
}

KeyPair generate_key_pair() {
    ensure_sodium();
    KeyPair pair;
    randombytes_buf(pair.secret_key.key_id.data(), pair.secret_key.key_id.size());
    pair.public_key.key_id = pair.secret_key.key_id;
    crypto_sign_keypair(pair.public_key.key.data(), pair.secret_key.key.data());
    return pair;
}

std::string format_public_key(const PublicKey& key) {
    std::uint8_t raw[42];
    std::memcpy(raw, "Ed", 2);
    std::memcpy(raw + 2, key.key_id.data(), 8);
    std::memcpy(raw + 10, key.key.data(), 32);
    return std::string(kUntrustedPrefix) + "minisign public key " + key_id_hex(key.key_id) + "\n" +
           to_base64(raw, sizeof raw) + "\n";
}

std::string format_secret_key(const SecretKey& key) {
    ensure_sodium();
    std::uint8_t raw[kSecretKeyBytes] = {};
    std::uint8_t* p = raw;
    std::memcpy(p, "Ed", 2);
    p += 2;
    p += 2;  // kdf_alg zero: no password
    std::memcpy(p, "B2", 2);
    p += 2;
    p += kSaltBytes + 8 + 8;  // salt and scrypt limits: unused without a password
    std::memcpy(p, key.key_id.data(), 8);
    std::memcpy(p + 8, key.key.data(), 64);
    checksum(key, p + 8 + 64);
    std::string text = std::string(kUntrustedPrefix) + "minisign secret key (no password)\n" +
                       to_base64(raw, sizeof raw) + "\n";
    sodium_memzero(raw, sizeof raw);
    return text;
}

std::string format_signature(const Signature& s) {
    std::uint8_t raw[74];
    std::memcpy(raw, "ED", 2);
    std::memcpy(raw + 2, s.key_id.data(), 8);
    std::memcpy(raw + 10, s.signature.data(), 64);
    return std::string(kUntrustedPrefix) + s.untrusted_comment + "\n" + to_base64(raw, sizeof raw) +
           "\n" + kTrustedPrefix + s.trusted_comment + "\n" +
           to_base64(s.global_signature.data(), s.global_signature.size()) + "\n";
}

core::Result<PublicKey> parse_public_key(std::string_view text) {
    ensure_sodium();
    if (text.size() > 4096) return core::Error{"not a minisign public key (the file is too large)"};
    const auto lines = lines_of(text);
    // A key file has a comment line; a key given inline (minisign -P) is the base64 alone.
    std::string_view encoded;
    if (lines.size() == 2 && starts_with(lines[0], kUntrustedPrefix)) {
        encoded = lines[1];
    } else if (lines.size() == 1) {
        encoded = lines[0];
    } else {
        return core::Error{"not a minisign public key (expected a comment line and a key line)"};
    }
    std::vector<std::uint8_t> raw;
    if (!from_base64(encoded, raw, 42)) return core::Error{"not a minisign public key"};
    if (std::memcmp(raw.data(), "Ed", 2) != 0)
        return core::Error{"unsupported public key algorithm (expected Ed25519)"};
    PublicKey key;
    std::memcpy(key.key_id.data(), raw.data() + 2, 8);
    std::memcpy(key.key.data(), raw.data() + 10, 32);
    return key;
}

bool secret_key_needs_password(std::string_view text) {
    const auto lines = lines_of(text);
    std::vector<std::uint8_t> raw;
    if (lines.size() != 2 || !from_base64(lines[1], raw, kSecretKeyBytes)) return false;
    return raw[2] != 0 || raw[3] != 0;
}

core::Result<SecretKey> parse_secret_key(std::string_view text, std::string_view password) {
    ensure_sodium();
    if (text.size() > 4096) return core::Error{"not a minisign secret key (the file is too large)"};
    const auto lines = lines_of(text);
    std::vector<std::uint8_t> raw;
    if (lines.size() != 2 || !starts_with(lines[0], kUntrustedPrefix) ||
        !from_base64(lines[1], raw, kSecretKeyBytes))
        return core::Error{"not a minisign secret key"};
    if (std::memcmp(raw.data(), "Ed", 2) != 0 || std::memcmp(raw.data() + 4, "B2", 2) != 0)
        return core::Error{"unsupported secret key algorithm"};
    std::uint8_t* keynum = raw.data() + kSecretHeaderBytes;
    if (raw[2] == 'S' && raw[3] == 'c') {
        if (password.empty()) return core::Error{"the secret key is protected by a password"};
        // minisign encrypts by XOR with an scrypt-derived stream of the same length.
        std::uint8_t stream[kSecretKeynumBytes];
        const std::uint8_t* salt = raw.data() + 6;
        const auto ops = load_le64(raw.data() + 6 + kSaltBytes);
        const auto mem = load_le64(raw.data() + 6 + kSaltBytes + 8);
        if (ops > 1ull << 32 || mem > 1ull << 31) return core::Error{"unreasonable key parameters"};
        if (crypto_pwhash_scryptsalsa208sha256(stream, sizeof stream, password.data(),
                                               password.size(), salt, ops,
                                               static_cast<size_t>(mem)) != 0)
            return core::Error{"not enough memory to derive the key from the password"};
        for (size_t i = 0; i < sizeof stream; ++i)
            keynum[i] ^= stream[i];
        sodium_memzero(stream, sizeof stream);
    } else if (raw[2] != 0 || raw[3] != 0) {
        return core::Error{"unsupported secret key encryption"};
    }
    SecretKey key;
    std::memcpy(key.key_id.data(), keynum, 8);
    std::memcpy(key.key.data(), keynum + 8, 64);
    std::uint8_t expected[kChecksumBytes];
    checksum(key, expected);
    const std::uint8_t* stored = keynum + 8 + 64;
    // `minisign -G -W` leaves the checksum of a password-less key all zero.
    const bool unchecked = password.empty() && sodium_is_zero(stored, kChecksumBytes);
    const bool ok = unchecked || sodium_memcmp(expected, stored, kChecksumBytes) == 0;
    sodium_memzero(raw.data(), raw.size());
    if (!ok)
        return core::Error{password.empty() ? "the secret key is damaged (checksum mismatch)"
                                            : "wrong password for the secret key"};
    // The secret key carries its public half: it must be the one its seed generates.
    std::uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, key.key.data());
    const bool consistent = sodium_memcmp(sk, key.key.data(), sizeof sk) == 0;
    sodium_memzero(sk, sizeof sk);
    if (!consistent) return core::Error{"the secret key is damaged (inconsistent key pair)"};
    return key;
}

core::Result<Signature> parse_signature(std::string_view text) {
    ensure_sodium();
    if (text.size() > kSignatureFileMax)
        return core::Error{"not a minisign signature (the file is too large)"};
    const auto lines = lines_of(text);
    if (lines.size() != 4 || !starts_with(lines[0], kUntrustedPrefix) ||
        !starts_with(lines[2], kTrustedPrefix))
        return core::Error{"not a minisign signature (expected four lines)"};
    Signature s;
    s.untrusted_comment = std::string(lines[0].substr(sizeof kUntrustedPrefix - 1));
    s.trusted_comment = std::string(lines[2].substr(sizeof kTrustedPrefix - 1));
    if (s.trusted_comment.size() > kTrustedCommentMax)
        return core::Error{"the trusted comment is too long"};
    std::vector<std::uint8_t> raw;
    if (!from_base64(lines[1], raw, 74)) return core::Error{"not a minisign signature"};
    if (std::memcmp(raw.data(), "Ed", 2) == 0)
        return core::Error{
            "legacy (not pre-hashed) signature; sign again with minisign 0.10 or later"};
    if (std::memcmp(raw.data(), "ED", 2) != 0)
        return core::Error{"unsupported signature algorithm"};
    std::memcpy(s.key_id.data(), raw.data() + 2, 8);
    std::memcpy(s.signature.data(), raw.data() + 10, 64);
    if (!from_base64(lines[3], raw, 64)) return core::Error{"the global signature is malformed"};
    std::memcpy(s.global_signature.data(), raw.data(), 64);
    return s;
}

core::Result<std::array<std::uint8_t, 64>> hash_file(const std::string& path) {
    ensure_sodium();
    struct Closer {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
    if (!file) return core::Error{path + ": cannot be read"};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 64);
    std::vector<unsigned char> buffer(1 << 16);
    size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0)
        crypto_generichash_update(&state, buffer.data(), n);
    if (std::ferror(file.get())) return core::Error{path + ": read error"};
    std::array<std::uint8_t, 64> hash;
    crypto_generichash_final(&state, hash.data(), hash.size());
    return hash;
}

core::Result<Signature> sign_file(const std::string& path, const SecretKey& key,
                                  const std::string& trusted_comment) {
    if (trusted_comment.size() > kTrustedCommentMax ||
        trusted_comment.find_first_of("\r\n") != std::string::npos)
        return core::Error{"the trusted comment must be one line of at most 8192 bytes"};
    auto hash = hash_file(path);
    if (!hash) return core::Error{hash.error()};
    Signature s;
    s.key_id = key.key_id;
    s.untrusted_comment = "signature from plaza-bundle secret key " + key_id_hex(key.key_id);
    s.trusted_comment = trusted_comment;
    crypto_sign_detached(s.signature.data(), nullptr, hash->data(), hash->size(), key.key.data());
    const auto message = global_message(s);
    crypto_sign_detached(s.global_signature.data(), nullptr, message.data(), message.size(),
                         key.key.data());
    return s;
}

core::Result<bool> verify_hash(const std::array<std::uint8_t, 64>& hash, const PublicKey& key,
                               const Signature& s) {
    ensure_sodium();
    if (s.key_id != key.key_id)
        return core::Error{"signed with key " + key_id_hex(s.key_id) +
                           ", not with the trusted key " + key_id_hex(key.key_id)};
    if (crypto_sign_verify_detached(s.signature.data(), hash.data(), hash.size(), key.key.data()) !=
        0)
        return core::Error{"the signature does not match the file (changed or damaged)"};
    const auto message = global_message(s);
    if (crypto_sign_verify_detached(s.global_signature.data(), message.data(), message.size(),
                                    key.key.data()) != 0)
        return core::Error{"the trusted comment was changed after signing"};
    return true;
}

core::Result<bool> verify_file(const std::string& path, const PublicKey& key,
                               const Signature& signature) {
    auto hash = hash_file(path);
    if (!hash) return core::Error{hash.error()};
    return verify_hash(hash.value(), key, signature);
}

}  // namespace plaza::minisign
