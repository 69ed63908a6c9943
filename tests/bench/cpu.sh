#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CPU of the kiosk on the real clock, measured from /proc over 10 s: untouched on the home screen,
# in the attract loop, as a room sign, and dark outside its display hours. It runs the windowed kiosk (the production loop and idle
# policy) with SDL's software renderer. Run it under Xvfb (xvfb-run -a tests/bench/cpu.sh ...):
# SDL 2.26's X11 driver sleeps in SDL_WaitEventTimeout, whereas its offscreen driver has no
# WaitEventTimeout and polls every millisecond (about 2.5 % of a core by itself here), which is
# SDL's cost, not Plaza's. Without DISPLAY it falls back to the offscreen driver.
#   xvfb-run -a tests/bench/cpu.sh build/release/plaza build/release/sample.plaza [STATE...]
# STATE is idle, attract, attract-event, room-sign or dark; without any, all five are measured.
# attract-event is the attract loop on the demonstration clock during the sample event (its
# Now & Next), for the sample bundle.
set -euo pipefail
plaza=$1
bundle=$2
shift 2
states=("$@")
[ ${#states[@]} -gt 0 ] || states=(idle attract attract-event room-sign dark)
seconds=${SECONDS_MEASURED:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hz=$(getconf CLK_TCK)
driver=offscreen
[ -n "${DISPLAY:-}" ] && driver=x11
echo "video driver: $driver"

ticks() {  # utime + stime of a process, in clock ticks
    awk '{print $14 + $15}' "/proc/$1/stat"
}

measure() {  # name settle-seconds plaza-args...
    local name=$1 settle=$2
    shift 2
    SDL_VIDEODRIVER=$driver SDL_RENDER_DRIVER=software "$plaza" --bundle "$bundle" \
        --windowed 1920x1080 "$@" 2>"$tmp/$name.log" &
    local pid=$!
    sleep "$settle"
    local t0 w0 t1 w1
    t0=$(ticks $pid)
    w0=$(date +%s.%N)
    sleep "$seconds"
    t1=$(ticks $pid)
    w1=$(date +%s.%N)
    kill $pid
    wait $pid 2>/dev/null || true
    awk -v a="$t0" -v b="$t1" -v s="$w0" -v e="$w1" -v hz="$hz" -v n="$name" \
        'BEGIN {printf "%-12s %6.2f %% of one core over %.1f s\n", n, 100 * (b - a) / hz / (e - s), e - s}'
}

# A data folder of its own: a kiosk with a configuration keeps its state (the font atlas cache
# among it) there, never in the system's /var/lib/plaza.
printf 'idle_timeout_seconds = 20\ndata_folder = %s\n' "$tmp/data" >"$tmp/attract.conf"
# One display hour starting 12 hours from now in UTC: the kiosk reads the hours in the event's
# zone (the sample's is Madrid, one or two hours from UTC), so now is outside them: dark.
printf 'display_hours = %s-%s\ndata_folder = %s\n' "$(date -u -d '+12 hours' +%H:00)" \
    "$(date -u -d '+13 hours' +%H:00)" "$tmp/data" >"$tmp/dark.conf"
for state in "${states[@]}"; do
    case $state in
    idle) measure idle 3 ;;
    attract) measure attract 25 --config "$tmp/attract.conf" ;;
    attract-event)
        measure attract-event 25 --config "$tmp/attract.conf" --clock 2024-03-19T10:30:00+01:00
        ;;
    room-sign) measure room-sign 3 --mode room --room room-1 ;;
    dark) measure dark 3 --config "$tmp/dark.conf" ;;
    *) echo "cpu.sh: unknown state $state (idle, attract, attract-event, room-sign or dark)" >&2 && exit 64 ;;
    esac
done
