#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Proves the arm64 package on Raspberry Pi OS's own software, Debian bookworm for arm64:
#   1. builds the arm64 .debs (plaza, plaza-bundle): a multiarch cross build inside an amd64
#      bookworm root, so this machine's own -dev packages are never touched;
#   2. checks them: files, dependencies and lintian with no error and no warning;
#   3. installs plaza with `apt-get install ./plaza_*_arm64.deb` into a fresh
#      `debootstrap --variant=minbase --arch=arm64 bookworm` root (qemu-user-static runs it) and
#      reports what that pulls in, and which GL libraries SDL really opens there;
#   4. runs the packaged kiosk exactly as plaza.service does (user plaza, the unit's environment,
#      --config /etc/plaza/plaza.conf) but headless, with a short script: the sample's home;
#   5. installs a bundle signed with a trusted key from a FAT stick mounted where the packaged
#      udev rule mounts sticks (/media/plaza/sda1, ro,nosuid,nodev,noexec) and sees it go live;
#   6. purges both packages and their dependencies and checks nothing is left but what Debian
#      policy allows.
# Exits non-zero on the first failure. Needs root and the Debian mirror. The roots and build
# folders are kept under build/pi/ (PLAZA_PI_CACHE), so the first run takes long (debootstrap
# under emulation) and later ones reuse them; README.md says how long.
# usage: sudo platform/pi/check.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
start=$SECONDS
arch=arm64

ensure_host_tools $arch
command -v mkfs.vfat >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q dosfstools
version=$(sed -n 's/^project(plaza VERSION \([0-9.]*\) .*/\1/p' "$repo/CMakeLists.txt")
debs=$cache/debs-$arch
rm -rf "$debs"
build_debs $arch "$debs"
kiosk_deb=plaza_${version}_$arch.deb
tool_deb=plaza-bundle_${version}_$arch.deb

say "the $arch packages: files, dependencies, lintian"
"$repo/tests/packaging/deb_contents.sh" "$debs/$kiosk_deb" "$debs/$tool_deb" "$version" $arch "$repo"

say "a fresh bookworm minbase root for $arch"
debootstrap_once $arch "$cache/bookworm-$arch"
# Downloaded packages and the package lists are kept between runs (the mirror is slow and apt
# runs emulated); everything else in the root is new each time.
archives=$cache/apt-archives-$arch
mkdir -p "$archives/partial"
in_root "$cache/bookworm-$arch" apt-get update -q >/dev/null
root=$cache/check-$arch
rm -rf "$root"
cp -a "$cache/bookworm-$arch" "$root"
# /check holds what the checks bring in: the packages, the content, scripts, screenshots.
mkdir -p "$root/check"
cp "$debs/$kiosk_deb" "$debs/$tool_deb" "$repo/tests/packaging/run_as_unit.sh" "$root/check/"
cp -r "$repo/content" "$root/check/content"
stick=$cache/stick-$arch.img
run_plain() { in_root "$root" --bind "$archives" /var/cache/apt/archives "$@"; }

# Every path in the root but the ones apt, dpkg and the logs own, to compare after the purge.
snapshot() {
    run_plain find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o \
        -path /tmp -o -path /var/lib/apt -o -path /var/cache/apt -o -path /var/lib/dpkg -o \
        -path /var/log -o -path /var/cache/debconf -o -path /check \) -prune -o -print | sort
}
snapshot >"$cache/before-install.txt"

# What installing ARGS would add to the root besides Plaza's own packages, as apt computes it
# (with Recommends, as `apt install` does on Raspberry Pi OS): packages and installed MB.
closure() {
    local names kb
    names=$(run_plain apt-get install -s "$@" 2>/dev/null |
        sed -n 's/^Inst \([^ ]*\) .*/\1/p' | grep -v '^plaza' || true)
    kb=$(run_plain apt-cache show --no-all-versions $names | sed -n 's/^Installed-Size: //p' |
        awk '{s += $1} END {print s + 0}')
    printf '%3s packages, %6.1f MB' "$(grep -c . <<<"$names")" "$(awk -v k="$kb" 'BEGIN {print k / 1024}')"
}
say "dependency closure on $arch minbase"
kiosk_depends=$(dpkg-deb --field "$debs/$kiosk_deb" Depends)
tool_depends=$(dpkg-deb --field "$debs/$tool_deb" Depends)
# Up to 0.1.0 one package held both programs: its Depends were the union of today's two
# without the GL libraries now declared for SDL's dlopen().
old_depends=$( (echo "$kiosk_depends, $tool_depends") | tr ',' '\n' | sed 's/^ *//; s/ *(.*//' |
    grep -vxE 'libegl1|libgles2|libgbm1|libegl-mesa0|libgl1-mesa-dri' | sort -u | tr '\n' ' ')
size() { awk -v k="$(dpkg-deb --field "$1" Installed-Size)" 'BEGIN {printf "%.1f MB", k / 1024}'; }
echo "Plaza's own: plaza $(size "$debs/$kiosk_deb"), plaza-bundle $(size "$debs/$tool_deb")"
echo "besides them, up to 0.1.0 (one package, both programs): $(closure $old_depends)"
echo "besides them, plaza alone (apt-get install ./$kiosk_deb): $(closure "/check/$kiosk_deb")"
kiosk_without_gl=$(tr ',' '\n' <<<"$kiosk_depends" | sed 's/^ *//; s/ *(.*//' |
    grep -vxE 'libegl1|libgles2|libgbm1|libegl-mesa0|libgl1-mesa-dri' | tr '\n' ' ')
echo "  of which what plaza links and names without the GL libraries: $(closure $kiosk_without_gl)"
echo "besides them, plaza and plaza-bundle:                   $(closure "/check/$kiosk_deb" "/check/$tool_deb")"

say "apt-get install ./$kiosk_deb"
count_before=$(run_plain dpkg-query -W | wc -l)
run_plain sh -c "cd /check && apt-get install -y -q ./$kiosk_deb" >"$cache/install-$arch.log" 2>&1 || {
    tail -n 30 "$cache/install-$arch.log"
    die "apt-get install ./$kiosk_deb failed"
}
echo "installed: $(($(run_plain dpkg-query -W | wc -l) - count_before)) packages"
if run_plain dpkg-query -W libical3 >/dev/null 2>&1; then die "the kiosk pulled in libical3"; fi

say "which GL libraries SDL opens: a real window on SDL's offscreen driver with GLES2"
# KMSDRM needs a DRM device, which a root under emulation has not; SDL's offscreen driver
# reaches the same EGL/GLES2 path (glvnd, Mesa's EGL vendor and its drivers) without one.
# LD_DEBUG lists every library the dynamic loader initialises, including dlopen()ed ones.
run_plain sh -c 'cd /var/lib/plaza && timeout -s INT 60 env LD_DEBUG=libs \
    SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=opengles2 setpriv --reuid=plaza --regid=plaza \
    --init-groups plaza --bundle /usr/share/plaza/sample.plaza --windowed 640x480' \
    >"$cache/ld-debug-$arch.log" 2>&1 || true
opened=$(sed -n 's/.*calling init: \(.*\)/\1/p' "$cache/ld-debug-$arch.log" | sort -u)
owner() { run_plain dpkg -S "*/$1" 2>/dev/null | cut -d: -f1 | sort -u | paste -sd, -; }
for lib in libEGL.so.1 libEGL_mesa.so.0 libGLESv2.so.2 libgbm.so.1; do
    if grep -q "/$lib\$" <<<"$opened"; then
        echo "opened: $(grep "/$lib\$" <<<"$opened" | head -n 1) ($(owner "$lib"))"
    else
        echo "not opened: $lib"
    fi
done
for driver in $(grep -E '_dri\.so$' <<<"$opened" || true); do
    echo "opened: $driver ($(owner "$(basename "$driver")"))"
done
ldd_out=$(run_plain ldd /usr/bin/plaza)
for lib in libEGL libGLESv2; do
    if grep -q "$lib" <<<"$ldd_out"; then echo "ldd lists $lib"; else echo "ldd does not list $lib: only dlopen() finds it"; fi
done

say "the kiosk as plaza.service starts it, headless: the sample's home"
printf '%s\n' 'expect "Partnerships for Sustainable Cities"' 'expect "Partnerships"' 'shot home' \
    >"$root/check/home.plz"
# A slip in /boot/firmware/plaza.txt shows the kiosk reads that file too.
mkdir "$root/boot/firmware"
printf 'idle_timeout_seconds = 5\r\n' >"$root/boot/firmware/plaza.txt"
out=$(run_plain sh -c 'install -d -o plaza -g plaza /check/shots &&
    sh /check/run_as_unit.sh /lib/systemd/system/plaza.service --headless \
    --script /check/home.plz --out /check/shots && stat -c "%U %s" /check/shots/home.png' 2>&1) || {
    echo "$out"
    die "the packaged kiosk, started as the service starts it, did not show the sample's home"
}
echo "$out" | grep -v '^plaza info' || true
grep -q "^plaza [0-9]" <<<"$out" || die "no screenshot written by the plaza user"
grep -q "/boot/firmware/plaza.txt:1: idle_timeout_seconds" <<<"$out" ||
    die "the kiosk did not read /boot/firmware/plaza.txt"
rm -r "$root/boot/firmware"

say "a signed bundle from a USB stick at /media/plaza/sda1 goes live"
run_plain sh -c "cd /check && apt-get install -y -q ./$tool_deb" >>"$cache/install-$arch.log" 2>&1 ||
    die "apt-get install ./$tool_deb failed"
# The organisers' side: a key pair, the sample content as version 2, signed.
run_plain sh -c 'cd /check && plaza-bundle keygen -o organisers >/dev/null &&
    plaza-bundle build content -o event.plaza --version 2 >/dev/null &&
    plaza-bundle sign event.plaza --key organisers.key >/dev/null'
if command -v minisign >/dev/null; then
    minisign -V -q -p "$root/check/organisers.pub" -m "$root/check/event.plaza" ||
        die "minisign does not accept the signature"
    echo "minisign -V accepts the signature"
fi
# The technician's side: the key in /etc/plaza/keys, named in a drop-in.
install -d "$root/etc/plaza/keys"
cp "$root/check/organisers.pub" "$root/etc/plaza/keys/event.pub"
printf 'trusted_keys = /etc/plaza/keys/event.pub\n' >"$root/etc/plaza/plaza.conf.d/50-venue.conf"
# The stick: a FAT file system, mounted as 71-plaza-usb-automount.rules has systemd-mount do it
# (ro,nosuid,nodev,noexec at /media/plaza/sda1). A kernel without FAT (some virtual machines)
# gets a folder bound there with the same options instead.
rm -rf "$stick" "$stick.d"
mkdir "$stick.d"
cp "$root/check/event.plaza" "$root/check/event.plaza.minisig" "$stick.d/"
stick_fs=none
if grep -qw vfat /proc/filesystems || modprobe vfat 2>/dev/null; then
    truncate -s 64M "$stick"
    mkfs.vfat -n EVENT "$stick" >/dev/null
    mount_dir=$(mktemp -d)
    mount -o loop "$stick" "$mount_dir"
    cp "$stick.d"/* "$mount_dir/"
    umount "$mount_dir"
    rmdir "$mount_dir"
    stick_mount=(--vfat "$stick" /media/plaza/sda1)
    stick_fs=vfat
else
    echo "this kernel has no FAT file system: the stick is a folder mounted with the rule's options"
    stick_mount=(--stick "$stick.d" /media/plaza/sda1)
fi
printf '%s\n' 'expect "Partnerships"' 'usb "/media/plaza/sda1"' 'expect "Content updated"' \
    'expect "version 2"' 'shot usb' >"$root/check/usb.plz"
out=$(run_plain "${stick_mount[@]}" sh -c 'findmnt -no FSTYPE,OPTIONS /media/plaza/sda1 &&
    sh /check/run_as_unit.sh /lib/systemd/system/plaza.service --headless \
    --script /check/usb.plz --out /check/shots' 2>&1) || {
    echo "$out"
    die "the signed bundle from the stick did not go live"
}
echo "$out" | grep -E '^[a-z0-9]+ +ro,|Content|install' || true
grep -qE "^[a-z0-9]+ +ro,nosuid,nodev,noexec" <<<"$out" ||
    die "the stick was not mounted as the rule mounts it"
[ "$stick_fs" = none ] || grep -q "^$stick_fs " <<<"$out" || die "the stick is not $stick_fs"
inspect=$(run_plain plaza-bundle inspect /var/lib/plaza/content.plaza) ||
    die "no bundle installed in /var/lib/plaza"
grep -E "^ *(event|content_version):" <<<"$inspect"
grep -qE "^ *content_version: +2\$" <<<"$inspect" ||
    die "the installed bundle is not version 2: $inspect"

say "purge: nothing left but what Debian policy allows"
rm "$root/etc/plaza/plaza.conf.d/50-venue.conf" "$root/etc/plaza/keys/event.pub"
rmdir "$root/etc/plaza/keys"
run_plain sh -c 'apt-get purge -y -q plaza plaza-bundle && apt-get autoremove --purge -y -q' \
    >"$cache/purge-$arch.log" 2>&1 || { tail -n 30 "$cache/purge-$arch.log"; die "purge failed"; }
snapshot >"$cache/after-purge.txt"
left=$(comm -13 "$cache/before-install.txt" "$cache/after-purge.txt")
# What the dependencies leave, which Debian policy allows them to: systemd's machine id, the
# /etc/mtab link and the folders its tmpfiles.d creates (/root/.ssh, /var/lib/private,
# /var/cache/private, coredump, pstore); the backups adduser and deluser keep of the user
# databases; and the system users and groups of dbus, udev and systemd, which stay by policy
# (a file owned by them may still exist). Anything else, and anything named plaza, is a failure.
allowed='/etc/machine-id|/etc/mtab|/etc/(passwd|group|shadow|gshadow)-|/root/\.ssh|/var/(lib|cache)/private|/var/lib/systemd/(coredump|pstore)'
grep -xE "$allowed" <<<"$left" | sed 's/^/left by the dependencies, as policy allows: /' || true
left=$(grep -vxE "$allowed" <<<"$left" || true)
[ -z "$left" ] || { echo "$left"; die "left behind after purge"; }
if grep -q '^plaza:' "$root/etc/passwd" "$root/etc/group"; then die "the plaza user or group is left"; fi
[ "$(run_plain dpkg-query -W | wc -l)" -eq "$count_before" ] ||
    die "the package count differs from before the install"
echo "nothing of Plaza left: no file, user or group; $count_before packages as before the install"

say "all checks passed in $((SECONDS - start)) s"
