#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the README's gallery, which is also the golden screenshots the tests compare with:
# every screen of tests/e2e/scripts/gallery.plz, the attract loop and a room sign, landscape and
# portrait, in both palettes, from the sample bundle at 11:15 on its first day, into docs/screens.
#   platform/gallery.sh [BUILD_DIR]    (default build/sanitize, as platform/dev.sh test builds it)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/sanitize}
cmake --build "$build" -j2 --target plaza plaza-bundle plaza-png-probe
bundle=$(mktemp -d)/sample.plaza
trap 'rm -rf "$(dirname "$bundle")"' EXIT
# Built "on" 2024-03-01, as the tests build it.
SOURCE_DATE_EPOCH=1709251200 "$build/plaza-bundle" build "$repo/content" -o "$bundle"
mkdir -p "$repo/docs/screens"
for size in 1920x1080 1080x1920; do
    for palette in standard high-contrast; do
        cmake -DPLAZA="$build/plaza" -DBUNDLE="$bundle" -DSCRIPTS="$repo/tests/e2e/scripts" \
            -DOUT="$(dirname "$bundle")/$size-$palette" -DGOLDEN="$repo/docs/screens" \
            -DPROBE="$build/tests/e2e/plaza-png-probe" -DSIZE="$size" -DPALETTE="$palette" \
            -DUPDATE=ON -P "$repo/tests/e2e/golden_test.cmake"
    done
done
