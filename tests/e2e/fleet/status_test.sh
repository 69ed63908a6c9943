#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The status file a kiosk writes for the venue's fleet (issue 18, fleet contract): a running
# headless kiosk gets a good bundle, a tampered one and one signed by a key it does not trust in
# its inbox; after each, <status_folder>/<kiosk_id>.json must say so, with the contract's keys in
# its order, while the good bundle stays live. Then a kiosk whose status folder cannot be written
# logs that once and runs its script to the end.
# Usage: status_test.sh PLAZA PLAZA_BUNDLE SAMPLE_BUNDLE USB_FIXTURE_DIR OUT_DIR
set -eu
plaza=$1 tool=$2 sample=$3 usb=$4 out=$5
rm -rf "$out"
inbox=$out/data/inbox
status=$out/data/status/door-a1.json
mkdir -p "$inbox"
printf 'trusted_keys = %s\ndata_folder = %s\nkiosk_id = door-a1\nkiosk_name = Room A1 door\n' \
    "$usb/organisers.pub" "$out/data" >"$out/plaza.conf"
# Runs until the test stops it: version 99 never comes.
printf 'wait-until bundle-version 99 600\n' >"$out/stay.plz"

"$plaza" --headless --bundle "$sample" --config "$out/plaza.conf" --script "$out/stay.plz" \
    --out "$out" 2>"$out/kiosk.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

fail() {
    echo "FAIL: $1" >&2
    cat "$status" >&2 || true
    cat "$out/kiosk.log" >&2
    exit 1
}

# Waits until the status file has every line given.
wait_for_status() {
    n=0
    while :; do
        all=1
        for line in "$@"; do
            grep -qF -- "$line" "$status" 2>/dev/null || all=0
        done
        [ $all -eq 1 ] && return 0
        n=$((n + 1))
        [ $n -gt 1800 ] && fail "the status file never had: $*"
        kill -0 $pid 2>/dev/null || fail "the kiosk stopped"
        sleep 0.1
    done
}

# Before any install: the kiosk, the sample live, nothing tried yet.
wait_for_status '"kiosk_id": "door-a1",' '"kiosk_name": "Room A1 door",' '"mode": "kiosk",' \
    '"result": "none",' '"version": 20240301000000,' '"built": "2024-03-01T00:00:00Z"'
# The contract's keys, in its order.
keys=$(grep -o '^ *"[a-z_]*":' "$status" | tr -d ' ":' | tr '\n' ' ')
[ "$keys" = "format kiosk_id kiosk_name mode room bundle id version built last_install result message bundle_file at health frames_failing watchdog free_disk_mb clock_sane uptime_s touches_today written_at " ] ||
    fail "keys are: $keys"
grep -qE '"written_at": "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"' "$status" ||
    fail "written_at is not a UTC time"
grep -qE '"free_disk_mb": [0-9]+,' "$status" || fail "no free disk figure"

cp "$usb/stick/event.plaza" "$usb/stick/event.plaza.minisig" "$inbox/"
wait_for_status '"version": 2,' '"result": "installed",' '"bundle_file": "event.plaza",'

# Bytes added after signing.
cp "$usb/two-stick/event-3.plaza" "$out/tampered.plaza"
cp "$usb/two-stick/event-3.plaza.minisig" "$out/tampered.plaza.minisig"
printf 'tampered' >>"$out/tampered.plaza"
mv "$out/tampered.plaza.minisig" "$inbox/"
mv "$out/tampered.plaza" "$inbox/"
wait_for_status '"result": "refused",' '"bundle_file": "tampered.plaza",' \
    '"message": "signature does not match' '"version": 2,'

# Signed by a key the kiosk does not trust.
"$tool" keygen -o "$out/stranger" >/dev/null
cp "$usb/two-stick/event-3.plaza" "$out/stranger.plaza"
"$tool" sign "$out/stranger.plaza" --key "$out/stranger.key" >/dev/null
mv "$out/stranger.plaza.minisig" "$inbox/"
mv "$out/stranger.plaza" "$inbox/"
wait_for_status '"result": "refused",' '"bundle_file": "stranger.plaza",' '"version": 2,'
grep -q '"message": ".*trusted' "$status" || fail "the refusal does not name the untrusted key"

kill $pid
wait $pid || true
trap - EXIT

# A status folder that cannot be written: one clear line, and the kiosk runs on.
mkdir -p "$out/blocked/data"
: >"$out/blocked/file"
printf 'trusted_keys = %s\ndata_folder = %s\nstatus_folder = %s\n' \
    "$usb/organisers.pub" "$out/blocked/data" "$out/blocked/file/status" >"$out/blocked.conf"
printf 'usb "%s"\nexpect "version 2"\n' "$usb/stick" >"$out/blocked.plz"
"$plaza" --headless --bundle "$sample" --config "$out/blocked.conf" --script "$out/blocked.plz" \
    --out "$out/blocked" 2>"$out/blocked.log" || fail "the kiosk stopped: $(cat "$out/blocked.log")"
lines=$(grep -c "status file not written" "$out/blocked.log" || true)
[ "$lines" -eq 1 ] || fail "$lines log lines about the status file, expected 1: $(cat "$out/blocked.log")"
echo "status file checked through an install, two refusals and an unwritable folder"
