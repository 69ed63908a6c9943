// SPDX-License-Identifier: GPL-3.0-or-later
// plaza-bundle synth: a deterministic synthetic bundle for benchmarks and tests, with realistic
// text in several scripts (Latin with diacritics, Vietnamese, Korean, Chinese, Japanese, Greek,
// Cyrillic), translations, schedule and procedurally drawn images with thumbnails.
#pragma once

#include <cstdint>
#include <string>

#include "bundle/source_model.h"
#include "core/result.h"

namespace plaza::bundle {

struct SynthOptions {
    int partnerships = 1000;
    int practices = 100;
    int sessions = 100;
    std::uint64_t seed = 1;
    // A tenth of the cities named in shaped and right-to-left scripts (Arabic, Lao, Devanagari,
    // Thai): the benchmark of those scripts' cost.
    bool shaped_cities = false;
};

// The same options always give the same content (no clock, no global random state).
SourceBundle synthesize(const SynthOptions& options);

// Synthesizes and writes `path` atomically; the bundle id and build time derive from the seed
// so two runs produce identical files.
core::Result<bool> write_synthetic_bundle(const SynthOptions& options, const std::string& path);

}  // namespace plaza::bundle
