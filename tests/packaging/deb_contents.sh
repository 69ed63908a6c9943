#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks a pair of built .debs, plaza and plaza-bundle, for any architecture: control fields,
# dependencies (libraries from dpkg-shlibdeps, the rest declared; libical only in the tool),
# the conffile and maintainer scripts, every path and mode, the shipped unit, and lintian with
# no error and no warning. Used by deb_check.sh (amd64, in the test suite) and
# platform/release.sh (every architecture it builds).
# usage: deb_contents.sh PLAZA_DEB PLAZA_BUNDLE_DEB VERSION ARCH SOURCE_DIR
set -euo pipefail
kiosk=$1
tool=$2
version=$3
arch=$4
source=$5

failed=0
fail() { echo "FAIL: $*"; failed=1; }

field() { dpkg-deb --field "$1" "$2"; }
has_dep() {  # depends-line package
    [[ ", $1," == *", $2"[\ ,]* ]]
}
for deb in "$kiosk" "$tool"; do
    [ "$(field "$deb" Version)" = "$version" ] || fail "$deb: Version is '$(field "$deb" Version)'"
    [ "$(field "$deb" Architecture)" = "$arch" ] || fail "$deb: wrong Architecture"
    [[ $(field "$deb" Maintainer) == "The Plaza project <"*">" ]] ||
        fail "$deb: Maintainer is '$(field "$deb" Maintainer)'"
done
[ "$(field "$kiosk" Package)" = plaza ] || fail "Package is '$(field "$kiosk" Package)'"
[ "$(field "$tool" Package)" = plaza-bundle ] || fail "Package is '$(field "$tool" Package)'"

depends=$(field "$kiosk" Depends)
# Fonts, voices, helpers and what SDL loads with dlopen() are declared by hand; the libraries
# the programs link must come from dpkg-shlibdeps.
for dep in fonts-noto-core fonts-noto-cjk fonts-material-design-icons-iconfont espeak-ng-data adduser systemd udev libegl1 libgles2 \
    libgbm1 libegl-mesa0 libgl1-mesa-dri libsdl2-2.0-0 libsqlite3-0 libsodium23 libfreetype6 \
    libespeak-ng1 libc6; do
    has_dep "$depends" "$dep" || fail "plaza's Depends lacks $dep: $depends"
done
# The point of the split: the kiosk does not pull in libical and, through it, ICU.
for dep in libical3 libicu72; do
    ! has_dep "$depends" "$dep" || fail "plaza depends on $dep: $depends"
done
tool_depends=$(field "$tool" Depends)
# iso-codes: the names of session languages, read by `build`.
for dep in libical3 libsqlite3-0 libsodium23 libc6 iso-codes; do
    has_dep "$tool_depends" "$dep" || fail "plaza-bundle's Depends lacks $dep: $tool_depends"
done
[ "$(field "$tool" Breaks)" = "plaza (<< 0.2.0~)" ] || fail "plaza-bundle: Breaks"
[ "$(field "$tool" Replaces)" = "plaza (<< 0.2.0~)" ] || fail "plaza-bundle: Replaces"

ctrl=$(mktemp -d)
trap 'rm -rf "$ctrl"' EXIT
dpkg-deb --control "$kiosk" "$ctrl"
[ "$(cat "$ctrl/conffiles")" = /etc/plaza/plaza.conf ] || fail "conffiles: $(cat "$ctrl/conffiles")"
for script in postinst prerm postrm; do
    [ -x "$ctrl/$script" ] || fail "$script is missing or not executable"
    sh -n "$ctrl/$script" || fail "$script has a shell syntax error"
done

check_files() {  # deb expected-count (mode path)...
    local deb=$1 count=$2 contents files
    shift 2
    contents=$(dpkg-deb --contents "$deb")
    while [ $# -gt 0 ]; do
        grep -qE "^$1 root/root +[0-9]+ [0-9-]+ [0-9:]+ \./$2\$" <<<"$contents" ||
            fail "$(basename "$deb"): $2 missing or not $1 root/root"
        shift 2
    done
    files=$(grep -c '^-' <<<"$contents")
    [ "$files" -eq "$count" ] ||
        fail "expected $count files in $(basename "$deb"), found $files:"$'\n'"$contents"
}
check_files "$kiosk" 12 \
    -rwxr-xr-x usr/bin/plaza \
    -rwxr-xr-x usr/bin/plaza-say \
    -rw-r--r-- usr/share/plaza/sample.plaza \
    -rw-r--r-- usr/share/plaza/map/world_110m.bin \
    -rw-r--r-- etc/plaza/plaza.conf \
    drwxr-xr-x etc/plaza/plaza.conf.d/ \
    -rw-r--r-- lib/systemd/system/plaza.service \
    -rw-r--r-- lib/udev/rules.d/71-plaza-usb-automount.rules \
    -rw-r--r-- usr/lib/tmpfiles.d/plaza.conf \
    -rw-r--r-- usr/share/doc/plaza/copyright \
    -rw-r--r-- usr/share/doc/plaza/changelog.gz \
    -rw-r--r-- usr/share/man/man1/plaza.1.gz \
    -rw-r--r-- usr/share/man/man1/plaza-say.1.gz
check_files "$tool" 4 \
    -rwxr-xr-x usr/bin/plaza-bundle \
    -rw-r--r-- usr/share/doc/plaza-bundle/copyright \
    -rw-r--r-- usr/share/doc/plaza-bundle/changelog.gz \
    -rw-r--r-- usr/share/man/man1/plaza-bundle.1.gz

dpkg-deb --fsys-tarfile "$kiosk" | tar -xOf - ./lib/systemd/system/plaza.service |
    cmp -s - "$source/platform/debian/plaza.service" || fail "the packaged unit differs"

# Every tag at warning level or above fails; info and pedantic tags are shown. Lintian warns that
# it runs as root (CI does) on stderr.
if ! lint=$(lintian --fail-on error,warning --display-info "$kiosk" "$tool" 2>/dev/null); then
    echo "$lint"
    fail "lintian reports errors or warnings"
else
    echo "lintian: no errors, no warnings${lint:+; other tags:}"
    [ -z "$lint" ] || echo "$lint"
fi
exit $failed
