# SPDX-License-Identifier: GPL-3.0-or-later
# What platform/release.sh and platform/pi/check.sh share (sourced, not run): the tools this
# machine needs, Debian bookworm roots made with debootstrap and kept under build/pi/ so a second
# run reuses them, and the build of the .debs inside such a root. Needs root (debootstrap,
# chroot, mounts). Heavy steps run with `nice -n 10`: the machine is shared.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pi_dir=$repo/platform/pi
cache=${PLAZA_PI_CACHE:-$repo/build/pi}
mirror=${PLAZA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${PLAZA_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
nice=(nice -n 10)

say() { printf '\n=== %s (%s)\n' "$*" "$(date +%H:%M:%S)"; }
die() { echo "FAIL: $*" >&2; exit 1; }

need_root() {
    [ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mounts need it)"
}

# debootstrap, and qemu-user-static registered with binfmt_misc so this machine runs programs
# for ARCH (an arm64 root, and the plaza-bundle a cross build makes the sample with).
ensure_host_tools() {  # arch
    local missing=() p qemu
    case $1 in arm64) qemu=aarch64 ;; amd64) qemu=x86_64 ;; *) die "no emulator known for $1" ;; esac
    for p in debootstrap qemu-user-static binfmt-support; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
    [ "$1" != "$(dpkg --print-architecture)" ] || return 0
    [ -e /proc/sys/fs/binfmt_misc/register ] ||
        mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
    update-binfmts --enable "qemu-$qemu" 2>/dev/null || true
    grep -qx enabled "/proc/sys/fs/binfmt_misc/qemu-$qemu" 2>/dev/null ||
        die "binfmt_misc does not run $1 programs (update-binfmts --enable qemu-$qemu)"
}

in_root() { "$pi_dir/enter.sh" "$@"; }

# The sources a root installs from: bookworm with its updates and security fixes, as on
# Raspberry Pi OS bookworm (which adds its own archive on top).
write_sources() {  # root
    cat >"$1/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
SOURCES
    # No service starts inside a root (deb-systemd-invoke already sees no systemd running).
    printf '#!/bin/sh\nexit 101\n' >"$1/usr/sbin/policy-rc.d"
    chmod 755 "$1/usr/sbin/policy-rc.d"
}

# A bookworm minbase root for ARCH at DIR, made once; a failed debootstrap leaves nothing.
debootstrap_once() {  # arch dir
    local arch=$1 dir=$2
    [ -x "$dir/bin/sh" ] && return 0
    say "debootstrap --variant=minbase --arch=$arch bookworm (once; kept in $dir)"
    rm -rf "$dir.tmp"
    "${nice[@]}" debootstrap --variant=minbase --arch="$arch" bookworm "$dir.tmp" "$mirror" \
        >"$dir.debootstrap.log" 2>&1 || {
        tail -n 20 "$dir.debootstrap.log"
        die "debootstrap $arch failed (log: $dir.debootstrap.log)"
    }
    write_sources "$dir.tmp"
    mv "$dir.tmp" "$dir"
}

# The build packages: the -dev packages platform/dev.sh installs, without the test-only tools.
dev_packages=(libimgui-dev libsdl2-dev libsqlite3-dev libstb-dev libfreetype-dev libharfbuzz-dev
    libsodium-dev libpugixml-dev libical-dev libxml2-dev libqrcodegencpp-dev libmd4c-dev
    libespeak-ng-dev libsystemd-dev libfribidi-dev libfontconfig-dev)

# A bookworm root of this machine's architecture that builds for ARCH, so this machine's own
# -dev packages are never touched. For another architecture (arm64 on an amd64 machine):
# crossbuild-essential-ARCH and every -dev package as :ARCH. One root per target: libical-dev
# needs libdb5.3-dev, which is not multiarch-ready, so two architectures' -dev packages cannot
# share a root. Each is a copy of one debootstrapped bookworm, brought up to date when the
# package list changes.
host_arch=$(dpkg --print-architecture)
ensure_build_root() {  # arch
    local arch=$1 root=$cache/build-root-$1 p
    local wanted=(cmake ninja-build pkgconf dpkg-dev file nlohmann-json3-dev ccache)
    if [ "$arch" = "$host_arch" ]; then
        wanted+=(build-essential "${dev_packages[@]}")
    else
        wanted+=("crossbuild-essential-$arch" "pkgconf:$arch")
        for p in "${dev_packages[@]}"; do wanted+=("$p:$arch"); done
    fi
    local stamp=$root/.plaza-build-packages
    [ "$(cat "$stamp" 2>/dev/null)" = "${wanted[*]}" ] && return 0
    debootstrap_once "$host_arch" "$cache/bookworm-$host_arch"
    [ -x "$root/bin/sh" ] || cp -a "$cache/bookworm-$host_arch" "$root"
    say "installing the build packages for $arch into $root"
    local add_arch=
    [ "$arch" = "$host_arch" ] || add_arch="dpkg --add-architecture $arch &&"
    "${nice[@]}" "$pi_dir/enter.sh" "$root" sh -c "$add_arch apt-get update -q &&
        apt-get install -y -q --no-install-recommends ${wanted[*]}" \
        >"$root.apt.log" 2>&1 || {
        tail -n 30 "$root.apt.log"
        die "the build packages did not install (log: $root.apt.log)"
    }
    echo "${wanted[*]}" >"$stamp"
}

# Builds the .debs for ARCH (amd64 or arm64) from this repository inside the build root, as a
# Release with Debian's hardening flags, and copies them to OUT. The build folder stays in
# build/pi/build-ARCH, and a ccache in build/pi/ccache, so a rebuild compiles only what changed.
build_debs() {  # arch out
    local arch=$1 out=$2
    ensure_build_root "$arch"
    mkdir -p "$out" "$cache/build-$arch" "$cache/ccache"
    say "building the $arch packages in the build root"
    "${nice[@]}" "$pi_dir/enter.sh" "$cache/build-root-$arch" --ro-bind "$repo" /src \
        --bind "$cache/build-$arch" /build --bind "$cache/ccache" /ccache \
        sh /src/platform/pi/build_in_root.sh "$arch" >"$cache/build-$arch.log" 2>&1 || {
        tail -n 40 "$cache/build-$arch.log"
        die "the $arch build failed (log: $cache/build-$arch.log)"
    }
    cp "$cache/build-$arch"/deb/*.deb "$out/"
}
