#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A venue's signed fleet.csv (issue 18, fleet contract): it assigns this kiosk to room mode with a
# room id, and the kiosk becomes that room's door sign (screenshot sign.png), says so in its
# status file, and still is one after a restart without the file; a fleet.csv changed after
# signing is refused, reported in the status file, and changes nothing.
# Usage: fleet_csv_test.sh PLAZA PLAZA_BUNDLE SAMPLE_BUNDLE USB_FIXTURE_DIR OUT_DIR
set -eu
plaza=$1 sample=$3 usb=$4 out=$5
rm -rf "$out"
inbox=$out/data/inbox
status=$out/data/status/door-a1.json
mkdir -p "$inbox"
printf 'trusted_keys = %s\ndata_folder = %s\nkiosk_id = door-a1\n' \
    "$usb/organisers.pub" "$out/data" >"$out/plaza.conf"

fail() {
    echo "FAIL: $1" >&2
    cat "$status" >&2 || true
    cat "$out"/*.log >&2
    exit 1
}
has() { grep -qF -- "$1" "$status" || fail "the status file does not have $1"; }
run() {
    "$plaza" --headless --bundle "$sample" --config "$out/plaza.conf" --script "$out/$1.plz" \
        --out "$out/$1" 2>"$out/$1.log" || fail "the $1 run failed"
}

# As Excel saves it in a comma-decimal locale: ';' between the cells.
printf 'kiosk_id;mode;room;rotation;display_hours\r\nkiosk-b1;kiosk;;;\r\ndoor-a1;room;room-1;;\r\n' \
    >"$inbox/fleet.csv"
minisign -S -s "$usb/organisers.key" -m "$inbox/fleet.csv" -t "plaza fleet" >/dev/null </dev/null

printf 'usb "%s"\nclock 2024-03-19T11:20:00+01:00\nexpect "Room 1 — Circular cities"\nexpect "Left of the stairs"\nshot sign\n' \
    "$inbox" >"$out/assigned.plz"
run assigned
has '"mode": "room",'
has '"room": "room-1",'
has '"bundle_file": "fleet.csv",'
has '"result": "installed",'
grep -q "room-1" "$out/data/fleet.conf" || fail "the applied values are not kept"

# After a restart, with the file gone from the inbox: still the door sign.
rm "$inbox/fleet.csv" "$inbox/fleet.csv.minisig"
printf 'clock 2024-03-19T11:20:00+01:00\nexpect "Room 1 — Circular cities"\nshot sign\n' \
    >"$out/restarted.plz"
run restarted

# Changed after signing: refused, and the kiosk stays the door sign.
printf 'kiosk_id,mode,room,rotation,display_hours\ndoor-a1,kiosk,,,\n' >"$inbox/fleet.csv"
minisign -S -s "$usb/organisers.key" -m "$inbox/fleet.csv" -t "plaza fleet" >/dev/null </dev/null
printf 'door-a1,room,room-2,,\n' >>"$inbox/fleet.csv"
printf 'usb "%s"\nclock 2024-03-19T11:20:00+01:00\nexpect "Room 1 — Circular cities"\n' \
    "$inbox" >"$out/tampered.plz"
run tampered
has '"result": "refused",'
has '"bundle_file": "fleet.csv",'
has '"message": "signature does not match'
has '"mode": "room",'
echo "fleet.csv assigned the door sign of room-1, kept it across a restart, refused a changed file"
