#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command against a fresh Xvfb (Debian's xvfb) at 1920x1080 with no window manager, as on a
# kiosk's bare X server, and stops the server afterwards.
#   with_xvfb.sh COMMAND [ARGS...]
set -eu
dir=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -rf "$dir"' EXIT
# -displayfd: Xvfb picks a free display number and writes it once it accepts connections.
# -noreset: without it the server resets when its last client leaves, and refuses connections
# for that moment.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
i=0
until [ -s "$dir/display" ]; do
    if [ $i -ge 100 ] || ! kill -0 "$xvfb" 2>/dev/null; then
        echo "with_xvfb.sh: Xvfb did not start:" >&2
        cat "$dir/xvfb.log" >&2
        exit 1
    fi
    sleep 0.1
    i=$((i + 1))
done
DISPLAY=:$(cat "$dir/display") "$@"
