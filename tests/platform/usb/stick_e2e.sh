#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The packaged kiosk's USB path end to end on a real FAT stick (run in a mount namespace of its
# own: `unshare --mount --propagation private stick_e2e.sh ...`). The stick is mounted as the
# udev rule mounts it (rw,sync,nosuid,nodev,noexec; through fusefat where the kernel has no vfat)
# with a signed bundle and a plaza-export marker. The headless kiosk installs the bundle, writes
# its report and the usage counts into plaza-report/, syncs, unmounts the stick and says "You can
# remove the stick". Then the stick is mounted again read-only and looked at.
#   stick_e2e.sh PLAZA SAMPLE_BUNDLE USB_FIXTURE_DIR OUT_DIR
set -eu
plaza=$1 sample=$2 fixture=$3 out=$4
rm -rf "$out"
mkdir -p "$out/media/sda1" "$out/data" "$out/shots"
image=$out/stick.img
stick=$out/media/sda1
mkfs.vfat -C "$image" 16384 >/dev/null
mount_stick() {  # options
    if grep -q '	vfat$' /proc/filesystems; then
        mount -t vfat -o "loop,$1" "$image" "$stick"
    else
        case $1 in rw*) mode=rw+ ;; *) mode=ro ;; esac
        fusefat -o "$mode" "$image" "$stick" >/dev/null 2>&1
    fi
}
mounted() { grep -q " $stick " /proc/self/mounts; }
mount_stick rw,sync,nosuid,nodev,noexec
cp "$fixture/stick/event.plaza" "$fixture/stick/event.plaza.minisig" "$stick/"
: >"$stick/plaza-export"
cat >"$out/plaza.conf" <<CONF
trusted_keys = $fixture/organisers.pub
data_folder = $out/data
CONF
cat >"$out/script.plz" <<SCRIPT
usb "$stick"
expect "Content updated"
expect "You can remove the stick"
shot done
SCRIPT
fail() { echo "stick_e2e.sh: $*" >&2; exit 1; }
"$plaza" --headless --bundle "$sample" --config "$out/plaza.conf" --script "$out/script.plz" \
    --out "$out/shots" || fail "the kiosk's script failed"
! mounted || fail "the kiosk left the stick mounted"
mount_stick ro
trap 'umount "$stick" 2>/dev/null || true' EXIT
listing=$(cd "$stick" && ls -A | sort | tr '\n' ' ')
[ "$listing" = "event.plaza event.plaza.minisig plaza-export plaza-report " ] ||
    fail "the stick's top folder changed: $listing"
cmp -s "$stick/event.plaza" "$fixture/stick/event.plaza" || fail "the stick's bundle changed"
report=$(cd "$stick/plaza-report" && ls -A | sort | tr '\n' ' ')
case $report in
    "plaza-report.txt plaza-usage-"*".csv ") ;;
    *) fail "plaza-report/ holds: $report" ;;
esac
grep -q "installed" "$stick/plaza-report/plaza-report.txt" || fail "the report does not say installed"
head -1 "$stick"/plaza-report/plaza-usage-*.csv | grep -q "^kind,id,title,count" ||
    fail "the usage CSV has no header"
echo "stick_e2e.sh: installed from a FAT stick, report and usage in plaza-report/, stick let go"
