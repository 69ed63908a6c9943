// SPDX-License-Identifier: GPL-3.0-or-later
// Search-as-you-type benchmark: types each query of a list one character at a time against a
// bundle, as the on-screen keyboard would, and reports the time of every keystroke's search
// (PRODUCT.md quality bar: p99 <= 5 ms at 50,000 records). Not a test: figures go to stdout.
//
// usage: plaza-search-bench BUNDLE [QUERY...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "content/content_store.h"
#include "core/sample_stats.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: plaza-search-bench BUNDLE [QUERY...]\n");
        return 64;
    }
    auto store = plaza::content::ContentStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().c_str());
        return 65;
    }
    std::vector<std::string> queries(argv + 2, argv + argc);
    if (queries.empty()) {
        queries = {"ghent",    "sao paulo",   "lodz",   "da nang",   "seoul",  "barcelona",
                   "circular", "air quality", "energy", "migration", "water",  "city partnership",
                   "c",        "ci",          "e",      "market",    "school", "fair trade"};
    }
    store->search("warm up", 60);  // the first query reads the index structure from disk
    plaza::core::SampleStats ms;
    std::size_t results = 0;
    for (const std::string& query : queries) {
        for (std::size_t n = 1; n <= query.size(); ++n) {
            const auto start = std::chrono::steady_clock::now();
            results += store->search(query.substr(0, n), 60).size();
            ms.add(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        }
    }
    std::printf(
        "{\"keystrokes\": %zu, \"results\": %zu, \"p50_ms\": %.3f, \"p99_ms\": %.3f, "
        "\"max_ms\": %.3f}\n",
        ms.count(), results, ms.percentile(50), ms.percentile(99), ms.max());
    return 0;
}
