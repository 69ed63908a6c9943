// SPDX-License-Identifier: GPL-3.0-or-later
// minisign-compatible keys and signatures (https://jedisct1.github.io/minisign/) with libsodium:
// Ed25519 over the BLAKE2b-512 hash of the file ("ED", pre-hashed) plus a global signature over
// the signature and the trusted comment. Plain C++ and libsodium only, so the kiosk can reuse the
// verifier. Legacy (non-pre-hashed "Ed") signatures are refused, as `minisign -V -H` does.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace plaza::minisign {

using KeyId = std::array<std::uint8_t, 8>;

struct PublicKey {
    KeyId key_id{};
    std::array<std::uint8_t, 32> key{};
};

struct SecretKey {
    KeyId key_id{};
    std::array<std::uint8_t, 64> key{};  // libsodium's Ed25519 secret key (seed + public key)
};

struct Signature {
    KeyId key_id{};
    std::array<std::uint8_t, 64> signature{};  // over BLAKE2b-512(file)
    std::string untrusted_comment;             // not authenticated
    std::string trusted_comment;               // authenticated by global_signature
    std::array<std::uint8_t, 64> global_signature{};
};

// The key id as minisign prints it: the 8 bytes read as a little-endian number, in hex.
std::string key_id_hex(const KeyId& id);

struct KeyPair {
    PublicKey public_key;
    SecretKey secret_key;
};
KeyPair generate_key_pair();

// File formats. Secret keys are written without a password (like `minisign -G -W`); reading
// also accepts minisign's password-protected keys when `password` is given.
std::string format_public_key(const PublicKey& key);
std::string format_secret_key(const SecretKey& key);
std::string format_signature(const Signature& signature);
core::Result<PublicKey> parse_public_key(std::string_view text);
// True when the key file is protected by a password (minisign's default).
bool secret_key_needs_password(std::string_view text);
core::Result<SecretKey> parse_secret_key(std::string_view text, std::string_view password = {});
core::Result<Signature> parse_signature(std::string_view text);

// BLAKE2b-512 of a file, streamed so a large bundle never sits in memory.
core::Result<std::array<std::uint8_t, 64>> hash_file(const std::string& path);

// Signs the file's hash; the trusted comment must be one line of at most 8192 bytes.
core::Result<Signature> sign_file(const std::string& path, const SecretKey& key,
                                  const std::string& trusted_comment);

// Checks key id, file signature and trusted comment signature, in that order; the error says
// which one failed.
core::Result<bool> verify_hash(const std::array<std::uint8_t, 64>& hash, const PublicKey& key,
                               const Signature& signature);
core::Result<bool> verify_file(const std::string& path, const PublicKey& key,
                               const Signature& signature);

}  // namespace plaza::minisign
