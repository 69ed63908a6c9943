#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A venue's fleet on loopback (issue 18): one organiser and three kiosks, each a real Syncthing
# with its own home and ports on 127.0.0.1 (no discovery, no relays: devices introduced by id and
# address) and each kiosk a headless `plaza --config` whose inbox is its receive-only content
# folder and whose status folder is its send-only one. The organiser uses plaza-bundle fleet;
# the kiosks are set up with the very commands `fleet init` prints. Checked: a published bundle
# goes live on all three (seconds printed), `fleet status` shows it; a tampered bundle and one
# signed by an unknown key are refused by every kiosk with the old content kept live and the
# refusal in its status file; a kiosk stopped during a publish catches up when restarted;
# `fleet usage` merges the three kiosks' counters. Everything started is stopped by its pid.
# Usage: fleet_integration_test.sh PLAZA PLAZA_BUNDLE WORK_DIR
set -euo pipefail
plaza=$1 tool=$2 work=$3
limit=240 # seconds for the whole test; CTest's own timeout is above it
started=$SECONDS
kiosks=(1 2 3)
typed=zebrafinch # what a visitor types into search

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
org=$work/organiser

declare -A st_pid plaza_pid gui listen
cleanup() {
    local p
    for p in "${plaza_pid[@]}" "${st_pid[@]}"; do
        [ -n "$p" ] && kill "$p" 2>/dev/null || true
    done
    [ -f "$org/syncthing.pid" ] && kill "$(cat "$org/syncthing.pid")" 2>/dev/null || true
    for p in "${plaza_pid[@]}" "${st_pid[@]}"; do
        [ -n "$p" ] && wait "$p" 2>/dev/null || true
    done
}
trap cleanup EXIT
trap 'exit 3' INT TERM

fail() {
    echo "FAIL: $*" >&2
    local n
    for n in "${kiosks[@]}"; do
        echo "--- kiosk $n: plaza log (last lines)" >&2
        tail -n 15 "$work/k$n/plaza.log" >&2 2>/dev/null || true
        echo "--- kiosk $n: status file" >&2
        cat "$work/k$n/data/status/kiosk-$n.json" >&2 2>/dev/null || true
    done
    exit 1
}

check_time() {
    [ $((SECONDS - started)) -le $limit ] || fail "the test ran over its $limit seconds"
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Loopback ports nobody listens on, each different.
next_port=$((20000 + (RANDOM % 2000) * 10))
free_port() {
    while (exec 3<>"/dev/tcp/127.0.0.1/$next_port") 2>/dev/null; do
        next_port=$((next_port + 1))
    done
    port=$next_port
    next_port=$((next_port + 1))
}

# One kiosk's status file, flattened, and fields of it.
status_of() {
    local file=$work/k$1/data/status/kiosk-$1.json
    [ -f "$file" ] && tr -d ' \n' <"$file" || true
}
live_version() {
    status_of "$1" | grep -o '"bundle":{[^}]*}' | grep -o '"version":[0-9]*' | cut -d: -f2
}
last_install() { status_of "$1" | grep -o '"last_install":{[^}]*}' || true; }

# Waits until `$2...` succeeds, at most $1 seconds.
wait_for() {
    local seconds=$1
    shift
    local give_up=$((SECONDS + seconds))
    until "$@"; do
        check_time
        [ $SECONDS -lt $give_up ] || return 1
        sleep 0.2
    done
}

kiosk_live_on() { [ "$(live_version "$1")" = "$2" ]; }

# --- the organiser's bundles, signed with the key the kiosks trust, and one with another key
"$tool" new "$work/source" >/dev/null
"$tool" keygen -o "$work/organisers" >/dev/null
"$tool" keygen -o "$work/stranger" >/dev/null
for v in 2 3 4 5; do
    mkdir -p "$work/v$v"
    "$tool" build "$work/source" -o "$work/v$v/event.plaza" --version $v >/dev/null 2>&1
    key=organisers
    [ $v = 4 ] && key=stranger
    "$tool" sign "$work/v$v/event.plaza" --key "$work/$key.key" >/dev/null
done
printf 'tampered' >>"$work/v3/event.plaza" # after signing: the signature no longer matches

# --- the organiser
free_port && org_gui=$port
free_port && org_listen=$port
"$tool" fleet init --dir "$org" --gui "127.0.0.1:$org_gui" --listen "tcp://127.0.0.1:$org_listen" \
    --address "tcp://127.0.0.1:$org_listen" --local-discovery off --rescan 10 >"$work/init.txt" ||
    fail "fleet init: $(cat "$work/init.txt")"
cat "$work/init.txt"
# Test only: retry connections every 2 s instead of 60 (devices are introduced one by one).
syncthing cli --home "$org/syncthing" config options reconnect-intervals set 2

# --- three kiosks, set up with the commands fleet init printed
start_kiosk_syncthing() {
    local k=$work/k$1
    STGUIADDRESS=127.0.0.1:${gui[$1]} syncthing serve --home "$k/syncthing" --no-browser \
        --no-restart --no-upgrade --logfile="$k/syncthing.log" >/dev/null 2>&1 &
    st_pid[$1]=$!
}
kiosk_cli() {
    local n=$1
    shift
    STGUIADDRESS=127.0.0.1:${gui[$n]} syncthing cli --home "$work/k$n/syncthing" "$@"
}
start_kiosk_plaza() { # kiosk [first]
    local k=$work/k$1
    # A visitor searches once the first bundle is live (typed text must never reach the
    # counters); then the kiosk runs until it is stopped, waiting for a version never published.
    : >"$k/stay.plz"
    [ "${2:-}" = first ] && printf 'wait-until bundle-version 2 150\ntap "Search"\ntype "%s"\n' \
        "$typed" >"$k/stay.plz"
    printf 'wait-until bundle-version 99 %d\n' $((limit + 60)) >>"$k/stay.plz"
    "$plaza" --headless --config "$k/plaza.conf" --script "$k/stay.plz" --out "$k/out" \
        >>"$k/plaza.log" 2>&1 &
    plaza_pid[$1]=$!
}

for n in "${kiosks[@]}"; do
    k=$work/k$n
    mkdir -p "$k/data/inbox" "$k/data/status" "$k/out"
    free_port && gui[$n]=$port
    free_port && listen[$n]=$port
    syncthing generate --home "$k/syncthing" --no-default-folder >/dev/null 2>&1
    start_kiosk_syncthing $n
    wait_for 30 kiosk_cli $n show system >/dev/null 2>&1 || fail "kiosk $n's Syncthing did not answer"
    kiosk_cli $n config options raw-listen-addresses 0 set "tcp://127.0.0.1:${listen[$n]}"
    kiosk_cli $n config options local-ann-enabled set false
    kiosk_cli $n config options reconnect-intervals set 2
    grep '^  sudo -u plaza -H syncthing cli ' "$work/init.txt" |
        sed -e "s|^  sudo -u plaza -H syncthing cli |kiosk_cli $n |" -e "s|/var/lib/plaza|$k/data|g" \
            >"$k/setup.sh"
    [ "$(wc -l <"$k/setup.sh")" -ge 6 ] || fail "fleet init printed no kiosk commands"
    id=$(. "$k/setup.sh" | sed -n 's/.*"myID": *"\([A-Z0-9-]*\)".*/\1/p')
    [ -n "$id" ] || fail "kiosk $n: the printed commands gave no device id"
    "$tool" fleet add-kiosk "$id" --name "Kiosk $n" --address "tcp://127.0.0.1:${listen[$n]}" \
        --dir "$org"
    printf 'trusted_keys = %s\ndata_folder = %s\nkiosk_id = kiosk-%s\nkiosk_name = Kiosk %s\n' \
        "$work/organisers.pub" "$k/data" $n $n >"$k/plaza.conf"
    start_kiosk_plaza $n first
done
echo "set up in $((SECONDS - started)) s"

# --- 1. publish: every kiosk live on it
t0=$(now)
"$tool" fleet publish "$work/v2/event.plaza" --pubkey "$work/organisers.pub" --dir "$org"
for n in "${kiosks[@]}"; do
    wait_for 60 kiosk_live_on $n 2 || fail "kiosk $n is not live on version 2 60 s after the publish"
    echo "kiosk $n live on version 2 $(since "$t0") s after the publish"
done
publish_to_live=$(since "$t0")
echo "publish to live on all three kiosks: $publish_to_live s"

fleet_status_shows() { # version
    "$tool" fleet status --dir "$org" >"$work/status.txt" || return 1
    local n
    for n in "${kiosks[@]}"; do
        grep -Eq "^kiosk-$n +Kiosk $n +kiosk +$1  " "$work/status.txt" || return 1
    done
    grep -q "^3 kiosk(s); 0 stale" "$work/status.txt"
}
wait_for 60 fleet_status_shows 2 || fail "fleet status does not show three kiosks on 2: $(cat "$work/status.txt")"
cat "$work/status.txt"

# --- 2. a tampered bundle and one signed by an unknown key: the tool refuses both, and when they
# reach the content folder anyway (copied there by hand), every kiosk refuses them
refused_by_tool() {
    if "$tool" fleet publish "$1" --pubkey "$work/organisers.pub" --dir "$org" 2>"$work/refusal.txt"; then
        fail "fleet publish accepted $1"
    fi
    grep -q "does not verify" "$work/refusal.txt" || fail "fleet publish: $(cat "$work/refusal.txt")"
}
slip_in() { # bundle name-in-content-folder
    cp "$1" "$org/content/.syncthing.$2.tmp" && mv "$org/content/.syncthing.$2.tmp" "$org/content/$2"
    cp "$1.minisig" "$org/content/.syncthing.$2.minisig.tmp" &&
        mv "$org/content/.syncthing.$2.minisig.tmp" "$org/content/$2.minisig"
}
kiosk_refused() { # kiosk file
    last_install "$1" | grep -q "\"result\":\"refused\"" &&
        last_install "$1" | grep -q "\"bundle_file\":\"$2\""
}
for bad in 3:tampered 4:stranger; do
    v=${bad%%:*} name=${bad#*:}-v${bad%%:*}.plaza
    refused_by_tool "$work/v$v/event.plaza"
    slip_in "$work/v$v/event.plaza" "$name"
    for n in "${kiosks[@]}"; do
        wait_for 60 kiosk_refused $n "$name" || fail "kiosk $n did not report refusing $name"
        kiosk_live_on $n 2 || fail "kiosk $n left version 2 after $name"
        echo "kiosk $n refused $name: $(last_install $n | grep -o '"message":"[^"]*"')"
    done
done

# --- 3. a kiosk stopped during a publish catches up when it starts again
kill "${plaza_pid[3]}" "${st_pid[3]}"
wait "${plaza_pid[3]}" "${st_pid[3]}" 2>/dev/null || true
plaza_pid[3]="" st_pid[3]=""
t0=$(now)
"$tool" fleet publish "$work/v5/event.plaza" --pubkey "$work/organisers.pub" --dir "$org"
for n in 1 2; do
    wait_for 60 kiosk_live_on $n 5 || fail "kiosk $n is not live on version 5"
done
echo "kiosks 1 and 2 live on version 5 $(since "$t0") s after the publish; kiosk 3 was stopped"
kiosk_live_on 3 2 || fail "the stopped kiosk changed"
t0=$(now)
start_kiosk_syncthing 3
start_kiosk_plaza 3
wait_for 60 kiosk_live_on 3 5 || fail "kiosk 3 did not catch up with version 5 after its restart"
echo "kiosk 3 caught up with version 5 $(since "$t0") s after it started again"
wait_for 60 fleet_status_shows 5 || fail "fleet status does not show three kiosks on 5: $(cat "$work/status.txt")"
"$tool" fleet status --dir "$org" --html "$work/status.html"
for n in "${kiosks[@]}"; do
    grep -q "<td>kiosk-$n</td>" "$work/status.html" || fail "status.html lacks kiosk-$n"
done

# --- 4. usage: each kiosk writes its counters as it stops; the organiser merges them
for n in "${kiosks[@]}"; do
    kill -TERM "${plaza_pid[$n]}"
    wait "${plaza_pid[$n]}" 2>/dev/null || true
    plaza_pid[$n]=""
done
usage_arrived() {
    local n
    for n in "${kiosks[@]}"; do [ -f "$org/status/kiosk-$n.usage.csv" ] || return 1; done
}
wait_for 60 usage_arrived || fail "the kiosks' usage files did not reach the organiser: $(ls "$org/status")"
"$tool" fleet usage -o "$work/usage.csv" --dir "$org" | tee "$work/usage.txt"
head -n 1 "$work/usage.csv" | grep -q '^kiosk,kind,id,title,count' || fail "usage.csv header: $(head -n 1 "$work/usage.csv")"
grep -q "from 3 kiosk(s)" "$work/usage.txt" || fail "fleet usage did not merge three kiosks"
grep -q "$typed" "$work/usage.csv" "$org/status/"*.usage.csv && fail "typed text in the usage counters"
grep -q '^kiosk-1,' "$work/usage.csv" || fail "no counters of kiosk-1 in usage.csv"
for n in "${kiosks[@]}"; do
    expected=$(($(wc -l <"$org/status/kiosk-$n.usage.csv") - 1))
    got=$(grep -c "^kiosk-$n," "$work/usage.csv" || true)
    [ "$got" -eq "$expected" ] || fail "usage.csv has $got rows of kiosk-$n, its file $expected"
done

echo "PASS: publish to live on three kiosks in $publish_to_live s; the whole test took $((SECONDS - started)) s"
