#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The inbox as a sync tool fills it (issue 18): a running headless kiosk must never open a bundle
# that is still being written. First a bundle is written straight into the inbox in chunks with
# pauses longer than the watcher's settling time, its signature arriving only afterwards; then a
# re-publish under the same name arrives as Syncthing delivers it: the new signature first, the
# bundle growing as `.syncthing.event.plaza.tmp` and renamed over the old one at the end. The log
# must show exactly one install of each complete bundle and no refusal.
# Usage: inbox_slow_test.sh PLAZA PLAZA_BUNDLE SAMPLE_BUNDLE USB_FIXTURE_DIR OUT_DIR
set -eu
plaza=$1 sample=$3 usb=$4 out=$5
rm -rf "$out"
inbox=$out/data/inbox
mkdir -p "$inbox/.stfolder"
printf 'trusted_keys = %s\ndata_folder = %s\nkiosk_id = slow\n' \
    "$usb/organisers.pub" "$out/data" >"$out/plaza.conf"
printf 'wait-until bundle-version 2 180\nwait-until bundle-version 3 180\nexpect "version 3"\nshot inbox\n' \
    >"$out/inbox.plz"

"$plaza" --headless --bundle "$sample" --config "$out/plaza.conf" --script "$out/inbox.plz" \
    --out "$out" 2>"$out/kiosk.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

# Copies $1 to $2 in eight chunks, pausing 0.8 s (longer than the watcher waits for a folder to
# settle) after each.
slow_copy() {
    size=$(stat -c %s "$1")
    chunk=$((size / 8 + 1))
    : >"$2"
    i=0
    while [ $i -lt 8 ]; do
        dd if="$1" of="$2" bs=$chunk count=1 skip=$i seek=$i conv=notrunc status=none
        sleep 0.8
        i=$((i + 1))
    done
    cmp "$1" "$2"
}

# Waits until the log has $1 lines matching $2.
wait_for_log() {
    n=0
    while [ "$(grep -c -- "$2" "$out/kiosk.log" || true)" -lt "$1" ]; do
        n=$((n + 1))
        if [ $n -gt 1800 ] || ! kill -0 $pid 2>/dev/null; then
            echo "FAIL: the log never had $1 lines with '$2':" >&2
            cat "$out/kiosk.log" >&2
            exit 1
        fi
        sleep 0.1
    done
}

slow_copy "$usb/stick/event.plaza" "$inbox/event.plaza"
sleep 1
cp "$usb/stick/event.plaza.minisig" "$inbox/.syncthing.event.plaza.minisig.tmp"
mv "$inbox/.syncthing.event.plaza.minisig.tmp" "$inbox/event.plaza.minisig"
wait_for_log 1 "from $inbox/event.plaza"

cp "$usb/two-stick/event-3.plaza.minisig" "$inbox/.syncthing.event.plaza.minisig.tmp"
mv "$inbox/.syncthing.event.plaza.minisig.tmp" "$inbox/event.plaza.minisig"
slow_copy "$usb/two-stick/event-3.plaza" "$inbox/.syncthing.event.plaza.tmp"
mv "$inbox/.syncthing.event.plaza.tmp" "$inbox/event.plaza"

code=0
wait $pid || code=$?
trap - EXIT
status=0
if [ $code -ne 0 ]; then
    echo "FAIL: the kiosk's script failed ($code)" >&2
    status=1
fi
installs=$(grep -c -- "from $inbox/event.plaza" "$out/kiosk.log" || true)
if [ "$installs" -ne 2 ]; then
    echo "FAIL: $installs installs from the inbox, expected 2 (one per complete bundle)" >&2
    status=1
fi
if grep -q "refused" "$out/kiosk.log"; then
    echo "FAIL: a bundle was refused while it was still arriving" >&2
    status=1
fi
if [ $status -ne 0 ]; then cat "$out/kiosk.log" >&2; fi
exit $status
