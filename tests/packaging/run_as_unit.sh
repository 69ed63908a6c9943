#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a systemd service's ExecStart= the way systemd starts it, as far as a root without a
# running systemd allows: as its User= and Group= with the user's groups plus
# SupplementaryGroups=, in WorkingDirectory= with UMask=, with a clean environment holding what
# systemd gives a service (PATH, HOME, USER, LOGNAME, SHELL) and the unit's Environment= lines,
# and nothing from the caller. Arguments after the unit are appended to ExecStart=, e.g.
# `--headless --script FILE --out DIR` to run the kiosk headless but otherwise as the service.
# Not reproduced: the tty (StandardInput=tty-force), the sandbox (ProtectSystem= ...) and
# sd_notify; systemd-analyze verify checks those settings.
# usage (as root, inside the root that has the package): run_as_unit.sh UNIT [ARG...]
set -eu
unit=$1
shift

# The last value of KEY=, as systemd lets a later line win for single-valued keys.
value() { sed -n "s/^$1=//p" "$unit" | tail -n 1; }

user=$(value User)
group=$(value Group)
directory=$(value WorkingDirectory)
mask=$(value UMask)
command=$(value ExecStart)
[ -n "$user" ] && [ -n "$command" ] || { echo "run_as_unit: $unit has no User= or ExecStart=" >&2; exit 2; }

groups=$(id -Gn "$user" | tr ' ' '\n')
for extra in $(value SupplementaryGroups); do groups="$groups
$extra"; done
groups=$(printf '%s\n' "$groups" | sort -u | paste -sd, -)

home=$(getent passwd "$user" | cut -d: -f6)
shell=$(getent passwd "$user" | cut -d: -f7)
# One assignment per Environment= line in the packaged unit; systemd would also split a line
# at spaces, which no value here needs.
set -- env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin \
    HOME="$home" USER="$user" LOGNAME="$user" SHELL="$shell" \
    $(sed -n 's/^Environment=//p' "$unit") $command "$@"

cd "${directory:-/}"
[ -z "$mask" ] || umask "$mask"
exec setpriv --reuid="$user" --regid="${group:-$user}" --groups="$groups" "$@"
