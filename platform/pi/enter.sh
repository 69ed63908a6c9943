#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a Debian root made by debootstrap, in a private mount namespace: /proc,
# /sys and /dev from this machine, an empty /run and /tmp, and the folders asked for bound in.
# Every mount ends with the command, so nothing is left mounted, whatever happens. An arm64 root
# runs through qemu-user-static's binfmt_misc entry.
# --vfat IMAGE DST mounts a FAT image the way 71-plaza-usb-automount.rules has systemd-mount
# mount a USB stick: read-only, nosuid, nodev, noexec; --stick DIR DST binds a folder there with
# the same options, for a kernel without FAT.
# usage (as root): enter.sh ROOT [--bind SRC DST | --ro-bind SRC DST | --vfat IMAGE DST |
#                  --stick DIR DST]... [--] COMMAND [ARG...]
set -euo pipefail

if [ "${PLAZA_ENTER_NAMESPACE:-}" != "$$" ]; then
    # The variable names the process that owns the namespace, so a nested call makes its own.
    exec unshare --mount --propagation private \
        bash -c 'PLAZA_ENTER_NAMESPACE=$$ exec "$0" "$@"' "$0" "$@"
fi
root=$1
shift
[ -x "$root/bin/sh" ] || { echo "enter.sh: $root is not a Debian root" >&2; exit 2; }

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=0755 tmpfs "$root/run"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
while [ $# -gt 0 ]; do
    case "$1" in
        --bind | --ro-bind)
            mkdir -p "$root$3"
            mount --bind "$2" "$root$3"
            [ "$1" = --bind ] || mount -o remount,bind,ro "$root$3"
            shift 3
            ;;
        --vfat)
            mkdir -p "$root$3"
            mount -t vfat -o loop,ro,nosuid,nodev,noexec "$2" "$root$3"
            shift 3
            ;;
        --stick)
            mkdir -p "$root$3"
            mount --bind "$2" "$root$3"
            mount -o remount,bind,ro,nosuid,nodev,noexec "$root$3"
            shift 3
            ;;
        --) shift; break ;;
        *) break ;;
    esac
done
exec chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
