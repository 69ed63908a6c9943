#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the built .debs (plaza and plaza-bundle) with dpkg into a throwaway copy of this
# machine's root, runs what they installed (the kiosk exactly as plaza.service starts it, but
# headless), then removes and purges them and checks that nothing is left. The copy is an overlay
# (this root read-only below, a tmpfs on top) in a private mount namespace: dpkg, adduser and
# the maintainer scripts run for real, yet nothing reaches the real root, so the test is safe
# on a developer's machine and can run any number of times. It needs root (mounts, chroot);
# without root or overlayfs it is skipped (exit 77).
# usage: install_test.sh DEB_DIR VERSION
set -euo pipefail

if [ "${1:-}" != --inside ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "SKIP: installing a package into an overlay root needs root"
        exit 77
    fi
    if ! grep -qw overlay /proc/filesystems; then
        echo "SKIP: the kernel has no overlayfs"
        exit 77
    fi
    exec unshare --mount --propagation private "$0" --inside "$@"
fi
shift
deb_dir=$1
version=$2
here=$(cd "$(dirname "$0")" && pwd)
arch=$(dpkg --print-architecture)

work=$(mktemp -d /tmp/plaza-install-test.XXXXXX)
root=$work/root
cleanup() {
    umount -R "$work" 2>/dev/null || true
    rmdir "$work"
}
trap cleanup EXIT
mount -t tmpfs -o size=1g tmpfs "$work"
mkdir "$work/upper" "$work/overlay-work" "$root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper,workdir=$work/overlay-work" "$root"
for fs in proc sys dev; do mount --rbind "/$fs" "$root/$fs"; done
# An empty /run: no systemd or udev daemon to reach, so the maintainer scripts start nothing.
mount -t tmpfs tmpfs "$root/run"
mount -t tmpfs tmpfs "$root/tmp"
cp "$deb_dir/plaza_${version}_$arch.deb" "$deb_dir/plaza-bundle_${version}_$arch.deb" \
    "$here/run_as_unit.sh" "$root/tmp/"

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }
in_root true || { echo "SKIP: cannot chroot into the overlay"; exit 77; }

failed=0
fail() { echo "FAIL: $*"; failed=1; }
step() { echo "--- $*"; }

step "dpkg -i"
in_root dpkg -i "/tmp/plaza_${version}_$arch.deb" "/tmp/plaza-bundle_${version}_$arch.deb" ||
    { echo "FAIL: dpkg -i"; exit 1; }
for package in plaza plaza-bundle; do
    in_root dpkg-query -W -f='${Status} ${Version}\n' $package |
        grep -qx "install ok installed $version" ||
        fail "dpkg does not list $package $version as installed"
done

step "programs from the packages"
out=$(in_root plaza --version) || fail "plaza --version exited non-zero"
[ "$out" = "plaza $version" ] || fail "plaza --version said '$out'"
out=$(in_root plaza-bundle --help) || fail "plaza-bundle --help exited non-zero"
grep -q "plaza-bundle build" <<<"$out" || fail "plaza-bundle --help said '$out'"
in_root plaza-bundle inspect /usr/share/plaza/sample.plaza >/dev/null ||
    fail "the packaged sample bundle does not open"
for page in plaza plaza-bundle plaza-say; do
    [ -s "$root/usr/share/man/man1/$page.1.gz" ] || fail "no manual page for $page"
done

step "the kiosk as plaza.service starts it: user plaza, the unit's environment, no --bundle"
# The unit's own command line (--config /etc/plaza/plaza.conf, nothing else), headless with a
# short script instead of the KMSDRM display: it must find the packaged sample by itself.
# A drop-in with a slip in it shows that the installed kiosk reads plaza.conf.d too.
printf 'idle_timeout_seconds = 300\nrotate = 90\n' >"$root/etc/plaza/plaza.conf.d/50-venue.conf"
printf '%s\n' 'expect "Partnerships for Sustainable Cities"' 'expect "Partnerships"' \
    'shot home' >"$root/tmp/home.plz"
in_root install -d -o plaza -g plaza /tmp/shots
if ! out=$(in_root sh /tmp/run_as_unit.sh /lib/systemd/system/plaza.service \
    --headless --script /tmp/home.plz --out /tmp/shots 2>&1); then
    echo "$out"
    fail "the installed kiosk, started as the service starts it, did not show the sample's home"
fi
[ "$(in_root stat -c %U /tmp/shots/home.png 2>/dev/null)" = plaza ] ||
    fail "no screenshot written by the plaza user"
grep -q "plaza warning: /etc/plaza/plaza.conf.d/50-venue.conf:2: rotate: unknown key" <<<"$out" ||
    fail "the kiosk did not read the drop-in: $out"
rm "$root/etc/plaza/plaza.conf.d/50-venue.conf"

step "with no bundle and no sample the installed kiosk says so on screen and ends without an error"
# Exit 65 here used to restart the service into the same state for ever.
mv "$root/usr/share/plaza/sample.plaza" "$root/tmp/sample.plaza"
printf '%s\n' 'expect "No content yet — insert a USB stick with a signed bundle"' \
    'shot no-content' >"$root/tmp/no-content.plz"
if ! out=$(in_root sh /tmp/run_as_unit.sh /lib/systemd/system/plaza.service \
    --headless --script /tmp/no-content.plz --out /tmp/shots 2>&1); then
    echo "$out"
    fail "the installed kiosk with nothing to show did not say so, or exited with an error"
fi
[ -s "$root/tmp/shots/no-content.png" ] || fail "no screenshot of the no-content screen"
grep -q "plaza warning: no content: there is no bundle at /usr/share/plaza/sample.plaza" \
    <<<"$out" || fail "the kiosk did not name the bundle it looked for: $out"
mv "$root/tmp/sample.plaza" "$root/usr/share/plaza/sample.plaza"
# The voice of spoken mode, with the espeak-ng data the package depends on.
in_root plaza-say --wav /tmp/voice.wav ca "Bon dia" >/dev/null || fail "plaza-say --wav failed"
[ -s "$root/tmp/voice.wav" ] || fail "plaza-say wrote no WAV file"

step "user, folders, permissions, service"
in_root getent passwd plaza >/dev/null || fail "no plaza user"
groups=" $(in_root id -nG plaza) "
for g in video render input audio; do
    [[ $groups == *" $g "* ]] || fail "plaza is not in group $g"
done
[ "$(in_root stat -c '%U:%G %a' /var/lib/plaza)" = "plaza:plaza 750" ] ||
    fail "/var/lib/plaza is $(in_root stat -c '%U:%G %a' /var/lib/plaza)"
[ -d "$root/var/lib/plaza/inbox" ] || fail "no inbox in the data folder"
[ "$(in_root stat -c '%U:%G %a' /etc/plaza/plaza.conf)" = "root:plaza 640" ] ||
    fail "/etc/plaza/plaza.conf is $(in_root stat -c '%U:%G %a' /etc/plaza/plaza.conf)"
[ -d "$root/media/plaza" ] || fail "no /media/plaza"
[ -L "$root/etc/systemd/system/multi-user.target.wants/plaza.service" ] ||
    fail "the service is not enabled"
if ! out=$(in_root systemd-analyze verify /lib/systemd/system/plaza.service 2>&1) ||
    [ -n "$out" ]; then
    fail "systemd-analyze verify on the installed unit: $out"
fi

step "udev reads the automount rule without complaint"
# systemd 252 has no `udevadm verify`; `udevadm test` reads every rules file and names each
# line it cannot parse. (It cannot show the rule firing: there is no USB stick here.)
out=$(in_root udevadm test --action=add /sys/class/mem/null 2>&1) || true
grep -q "Reading rules file: .*/71-plaza-usb-automount.rules" <<<"$out" ||
    fail "udevadm did not read the rule"
if grep "71-plaza-usb-automount.rules:[0-9]" <<<"$out"; then fail "udevadm rejects a line"; fi

step "dpkg -r"
in_root dpkg -r plaza plaza-bundle || fail "dpkg -r"
for f in /usr/bin/plaza /usr/bin/plaza-bundle /usr/bin/plaza-say /usr/share/plaza \
    /lib/systemd/system/plaza.service /lib/udev/rules.d/71-plaza-usb-automount.rules \
    /usr/lib/tmpfiles.d/plaza.conf /usr/share/man/man1/plaza.1.gz \
    /usr/share/man/man1/plaza-bundle.1.gz; do
    [ ! -e "$root$f" ] || fail "$f is still there after dpkg -r"
done
[ -f "$root/etc/plaza/plaza.conf" ] || fail "dpkg -r removed the conffile (only purge should)"

step "dpkg -P"
in_root dpkg -P plaza || fail "dpkg -P"
for package in plaza plaza-bundle; do
    in_root dpkg-query -W $package >/dev/null 2>&1 && fail "dpkg still knows $package after purge"
done
in_root getent passwd plaza >/dev/null && fail "the plaza user is still there"
in_root getent group plaza >/dev/null && fail "the plaza group is still there"
# Every file the package, its scripts or dpkg made is in the overlay's upper layer; after a
# purge none of them may carry the package's name.
left=$(cd "$work/upper" && find . -name '*plaza*' \( -type f -o -type d -o -type l \))
[ -z "$left" ] || fail "left behind after purge:"$'\n'"$left"
[ ! -e "$root/var/lib/plaza" ] || fail "/var/lib/plaza is still there"
[ ! -e "$root/media/plaza" ] || fail "/media/plaza is still there"

[ $failed -eq 0 ] && echo "install, run, remove and purge: all checks passed"
exit $failed
