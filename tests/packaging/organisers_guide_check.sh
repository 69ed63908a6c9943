#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Follows docs/organisers.md where an organiser would: a clean Debian 12 (bookworm) minbase root
# with only the plaza-bundle package installed (and what it depends on, from Debian's mirror).
# Every command of the guide's `console` blocks runs there in order, in an empty folder, and what
# it prints must be what the guide shows, apart from what must differ on every run: key ids,
# bundle ids, versions, build times and the public key. Not part of CTest: it needs root and the
# network (about 45 s with the debootstrapped root kept in build/pi/, which each run copies; the
# first debootstrap adds about 6 minutes).
# usage (as root): tests/packaging/organisers_guide_check.sh [plaza-bundle_VERSION_amd64.deb]
# Without an argument: a Release package, as organisers install it, packed with CPack from the
# Release build folder build/release (`platform/dev.sh run` configures it) after building the
# tool; never the sanitized build's, whose binaries need the sanitizers' runtimes. Pass
# platform/release.sh's build/release/VERSION/plaza-bundle_VERSION_amd64.deb to check that one.
set -euo pipefail
started=$SECONDS
source "$(dirname "${BASH_SOURCE[0]}")/../../platform/pi/lib.sh"
need_root

release_deb() {
    local build=$repo/build/release
    grep -qx 'CMAKE_BUILD_TYPE:STRING=Release' "$build/CMakeCache.txt" 2>/dev/null ||
        die "no Release build in $build (platform/dev.sh run configures it)"
    say "building and packing the Release build in $build" >&2
    cmake --build "$build" -j2 --target plaza-bundle >"$build/guide-check-build.log" 2>&1 ||
        die "the Release build failed (log: $build/guide-check-build.log)"
    rm -rf "$build/deb"
    cpack --config "$build/CPackConfig.cmake" -D CPACK_COMPONENTS_ALL=bundle -B "$build/deb" \
        >"$build/deb.cpack.log" 2>&1 ||
        die "cpack did not pack the Release build (log: $build/deb.cpack.log)"
    ls "$build"/deb/plaza-bundle_*_amd64.deb
}
deb=${1:-$(release_deb)}
[ -f "$deb" ] || die "no plaza-bundle .deb at '$deb'"
guide=$repo/docs/organisers.md
work=$cache/organisers-guide
mkdir -p "$cache"
debootstrap_once amd64 "$cache/bookworm-amd64"

say "a fresh copy of the clean root"
rm -rf "$work"
mkdir -p "$work"
cp -a "$cache/bookworm-amd64" "$work/root"
mkdir -p "$work/root/root/debs" "$work/root/root/guide"
cp "$deb" "$work/root/root/debs/"

say "installing $(basename "$deb") and nothing else"
in_root "$work/root" sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install \
    -y -q --no-install-recommends /root/debs/$(basename "$deb")" >"$work/apt.log" 2>&1 || {
    tail -n 30 "$work/apt.log"
    die "the package did not install (log: $work/apt.log)"
}
in_root "$work/root" dpkg-query -W -f='${Package}\n' | grep '^plaza' >"$work/plaza-packages.txt" || true
[ "$(cat "$work/plaza-packages.txt")" = plaza-bundle ] ||
    die "expected only plaza-bundle installed, found: $(tr '\n' ' ' <"$work/plaza-packages.txt")"

# The guide's console blocks: "$ COMMAND" lines and the output under each.
awk '/^```console$/ {inside = 1; next} /^```$/ {inside = 0} inside' "$guide" >"$work/expected.raw"
sed -n 's/^\$ //p' "$work/expected.raw" >"$work/root/root/guide/.commands"
[ -s "$work/root/root/guide/.commands" ] || die "no commands found in $guide"

say "running the guide's $(wc -l <"$work/root/root/guide/.commands") commands"
in_root "$work/root" bash -c 'cd /root/guide && mv .commands /root/commands.txt &&
    while IFS= read -r cmd; do printf "\$ %s\n" "$cmd"; bash -c "$cmd" </dev/null 2>&1 || true
    done </root/commands.txt' >"$work/actual.raw"

normalise() {
    sed -E -e 's/[0-9a-f]{32}/BUNDLE-ID/g' -e 's/[0-9A-F]{16}/KEY-ID/g' \
        -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}/TIME/g' \
        -e 's/[0-9]{14}/VERSION/g' -e 's#^RW[A-Za-z0-9+/]{54}$#PUBLIC-KEY#' "$1"
}
normalise "$work/expected.raw" >"$work/expected.txt"
normalise "$work/actual.raw" >"$work/actual.txt"
if ! diff -u "$work/expected.txt" "$work/actual.txt"; then
    die "the commands do not print what docs/organisers.md shows (above: - guide, + real)"
fi
say "docs/organisers.md holds: $(grep -c '^\$ ' "$work/actual.txt") commands printed what it shows ($((SECONDS - started)) s)"
