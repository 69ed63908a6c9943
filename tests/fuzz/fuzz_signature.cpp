// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over what the installer reads from a stick before it trusts anything: the
// .minisig file, parsed and then checked against a fixed key (a mismatch is the expected end).
#include <array>
#include <cstdint>
#include <string_view>

#include "signing/minisign.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto signature = plaza::minisign::parse_signature(text);
    if (!signature) return 0;
    plaza::minisign::PublicKey key;
    key.key_id = signature.value().key_id;
    plaza::minisign::verify_hash(std::array<std::uint8_t, 64>{}, key, signature.value());
    return 0;
}
