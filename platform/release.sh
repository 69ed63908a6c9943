#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release .debs of the version in CMakeLists.txt for every architecture Plaza ships
# (amd64 and arm64, or the ones named), each in a clean Debian bookworm root with Debian's
# hardening flags (platform/pi/lib.sh), and checks each pair: files, dependencies, lintian with
# no error and no warning. The packages land in build/release/VERSION/. Needs root and the
# Debian mirror; the roots and build folders are kept in build/pi/ for the next release.
# usage: sudo platform/release.sh [amd64] [arm64]
set -euo pipefail
source "$(dirname "$0")/pi/lib.sh"
need_root
start=$SECONDS
architectures=("$@")
[ ${#architectures[@]} -gt 0 ] || architectures=(amd64 arm64)

version=$(sed -n 's/^project(plaza VERSION \([0-9.]*\) .*/\1/p' "$repo/CMakeLists.txt")
head -n 1 "$repo/platform/debian/changelog" | grep -q "^plaza ($version) " ||
    die "platform/debian/changelog has no entry for $version"
out=$repo/build/release/$version
mkdir -p "$out"
for arch in "${architectures[@]}"; do
    case $arch in amd64 | arm64) ;; *) die "unknown architecture '$arch' (amd64 or arm64)" ;; esac
    ensure_host_tools "$arch"
    rm -f "$out"/*_"$arch".deb
    build_debs "$arch" "$out"
    say "checking the $arch packages"
    "$repo/tests/packaging/deb_contents.sh" "$out/plaza_${version}_$arch.deb" \
        "$out/plaza-bundle_${version}_$arch.deb" "$version" "$arch" "$repo"
done
say "release $version done in $((SECONDS - start)) s"
ls -l "$out"
