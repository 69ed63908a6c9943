#!/usr/bin/env bash
# Builds the .deb with CPack from a finished build folder and checks it: control fields and
# computed dependencies, the conffile and maintainer scripts, every installed path and mode,
# that the unit shipped is the one in platform/debian, and lintian (no errors; warnings shown).
# usage: deb_check.sh BUILD_DIR OUT_DIR VERSION SOURCE_DIR
set -euo pipefail
build=$1
out=$2
version=$3
source=$4

rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out.cpack.log" 2>&1 || {
    cat "$out.cpack.log"
    echo "FAIL: cpack did not build the package"
    exit 1
}
deb="$out/plaza_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "FAIL: $deb was not written"; ls "$out"; exit 1; }
echo "built $deb"

failed=0
fail() { echo "FAIL: $*"; failed=1; }

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = plaza ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)'"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "wrong Architecture"
depends=$(field Depends)
# Fonts, voices and helpers are declared by hand; the libraries must come from dpkg-shlibdeps.
for dep in fonts-noto-core fonts-noto-cjk fonts-material-design-icons-iconfont espeak-ng-data adduser systemd udev libsdl2-2.0-0 \
    libsqlite3-0 libsodium23 libfreetype6 libespeak-ng1 libc6; do
    [[ ", $depends," == *", $dep"[\ ,]* ]] || fail "Depends lacks $dep: $depends"
done

ctrl=$(mktemp -d)
trap 'rm -rf "$ctrl"' EXIT
dpkg-deb --control "$deb" "$ctrl"
[ "$(cat "$ctrl/conffiles")" = /etc/plaza/plaza.conf ] || fail "conffiles: $(cat "$ctrl/conffiles")"
for script in postinst prerm postrm; do
    [ -x "$ctrl/$script" ] || fail "$script is missing or not executable"
    sh -n "$ctrl/$script" || fail "$script has a shell syntax error"
done

contents=$(dpkg-deb --contents "$deb")
expect_file() {  # mode path
    grep -qE "^$1 root/root +[0-9]+ [0-9-]+ [0-9:]+ \./$2\$" <<<"$contents" ||
        fail "$2 missing or not $1 root/root"
}
expect_file -rwxr-xr-x usr/bin/plaza
expect_file -rwxr-xr-x usr/bin/plaza-bundle
expect_file -rwxr-xr-x usr/bin/plaza-say
expect_file -rw-r--r-- usr/share/plaza/sample.plaza
expect_file -rw-r--r-- etc/plaza/plaza.conf
expect_file -rw-r--r-- lib/systemd/system/plaza.service
expect_file -rw-r--r-- lib/udev/rules.d/71-plaza-usb-automount.rules
expect_file -rw-r--r-- usr/lib/tmpfiles.d/plaza.conf
expect_file -rw-r--r-- usr/share/doc/plaza/copyright
expect_file -rw-r--r-- usr/share/doc/plaza/changelog.gz
files=$(grep -c '^-' <<<"$contents")
[ "$files" -eq 10 ] || fail "expected 10 files in the package, found $files:"$'\n'"$contents"

dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./lib/systemd/system/plaza.service |
    cmp -s - "$source/platform/debian/plaza.service" || fail "the packaged unit differs"

# Lintian warns that it runs as root (CI does); its verdict is the exit status.
if ! lint=$(lintian --fail-on error "$deb" 2>/dev/null); then
    echo "$lint"
    fail "lintian reports errors"
else
    echo "lintian: no errors${lint:+; warnings:}"
    [ -z "$lint" ] || echo "$lint"
fi
exit $failed
