#!/usr/bin/env bash
# Checks platform/debian/plaza.service with systemd-analyze: `verify` must pass without a single
# message, and the offline security exposure must stay low. verify needs ExecStart to exist, so
# it checks a copy whose ExecStart points at the plaza just built instead of /usr/bin/plaza
# (the install test verifies the installed unit as it is).
# usage: unit_verify.sh UNIT PLAZA_BINARY
set -euo pipefail
unit=$1
plaza=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -q '^ExecStart=/usr/bin/plaza ' "$unit" || {
    echo "FAIL: $unit does not start /usr/bin/plaza"
    exit 1
}
sed "s|^ExecStart=/usr/bin/plaza |ExecStart=$plaza |" "$unit" >"$tmp/plaza.service"

# verify reports unknown keys and bad values on stderr but still exits 0: any output fails.
if ! out=$(systemd-analyze verify "$tmp/plaza.service" 2>&1) || [ -n "$out" ]; then
    echo "FAIL: systemd-analyze verify:"
    echo "$out"
    exit 1
fi
echo "systemd-analyze verify: no complaints"

# The exposure scale is 0.0-10.0 and --threshold takes it times ten. The unit scores 1.7 today;
# 2.5 leaves room for a needed relaxation but catches dropping the sandbox.
if ! out=$(systemd-analyze security --offline=yes --threshold=25 "$tmp/plaza.service" 2>&1); then
    echo "$out"
    echo "FAIL: the service's security exposure rose above 2.5"
    exit 1
fi
echo "$out" | tail -n 1
