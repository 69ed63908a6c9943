#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .debs with CPack from a finished build folder and checks them: control fields and
# computed dependencies (the kiosk without libical, the tool with it), the conffile and
# maintainer scripts, every installed path and mode, that the unit shipped is the one in
# platform/debian, and lintian: no errors and no warnings.
# usage: deb_check.sh BUILD_DIR OUT_DIR VERSION SOURCE_DIR
set -euo pipefail
build=$1
out=$2
version=$3
source=$4
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out.cpack.log" 2>&1 || {
    cat "$out.cpack.log"
    echo "FAIL: cpack did not build the packages"
    exit 1
}
arch=$(dpkg --print-architecture)
kiosk="$out/plaza_${version}_$arch.deb"
tool="$out/plaza-bundle_${version}_$arch.deb"
for deb in "$kiosk" "$tool"; do
    [ -f "$deb" ] || { echo "FAIL: $deb was not written"; ls "$out"; exit 1; }
    echo "built $deb"
done

"$here/deb_contents.sh" "$kiosk" "$tool" "$version" "$arch" "$source"
