#!/usr/bin/env bash
# Plaza's benchmarks against PRODUCT.md's quality bars. Builds Release, makes synthetic bundles of
# 10,000 and 50,000 partnerships, walks every screen headless with --stats, runs the kiosk in a
# real window under Xvfb (Debian's xvfb; no window manager) with real clicks on the on-screen
# keyboard, and times search-as-you-type. Prints the figures and their medians; asserts nothing
# (the machine may be shared and noisy).
#   platform/bench/run.sh [RUNS]     RUNS: how many times to repeat each run (default 5)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
build="$repo/build/release"
out="$repo/build/bench"
mkdir -p "$out"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" >/dev/null

for n in 10000 50000; do
    bundle="$out/synth$n.plaza"
    # Made again when plaza-bundle changed: an old bundle would miss what synth adds now.
    if [ ! -f "$bundle" ] || [ "$build/plaza-bundle" -nt "$bundle" ]; then
        start=$(date +%s.%N)
        "$build/plaza-bundle" synth -o "$bundle" --partnerships "$n" --practices $((n / 10)) \
            --sessions 1000 >/dev/null
        echo "synth $n partnerships: $(echo "$(date +%s.%N) - $start" | bc) s," \
             "$(du -m "$bundle" | cut -f1) MB"
    fi
done

echo "== every screen, 10,000 partnerships, 1920x1080, software renderer ($runs runs)"
for i in $(seq "$runs"); do
    "$build/plaza" --headless --bundle "$out/synth10000.plaza" \
        --script "$repo/platform/bench/visit_every_screen.plz" --out "$out/walk" \
        --stats "$out/walk-$i.json" 2>/dev/null
    python3 - "$out/walk-$i.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"start {d['startup_to_first_frame_ms']:.0f} ms ({d['startup_cpu_ms']:.0f} ms CPU) | "
      f"UI build p50 {d['ui_build_ms']['p50']:.2f} p99 {d['ui_build_ms']['p99']:.2f} ms | frame p50 {d['frame_ms']['p50']:.1f} "
      f"p99 {d['frame_ms']['p99']:.1f} ms | PSS {d['pss_kib_at_exit'] / 1024:.1f} MB | "
      f"peak RSS {d['peak_rss_kib'] / 1024:.1f} MB | frames {d['frames']} | "
      f"missing glyphs {d['missing_glyphs']['count']}")
grid = d['by_screen']['partnerships']
print(f"  the grid alone ({grid['frames']} frames): UI build p99 {grid['ui_build_ms']['p99']:.2f} ms"
      f" | frame p50 {grid['frame_ms']['p50']:.1f} p99 {grid['frame_ms']['p99']:.1f} ms")
PY
done
python3 - "$out" "$runs" <<'PY'
import json, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
docs = [json.load(open(f"{out}/walk-{i}.json")) for i in range(1, runs + 1)]
med = lambda key: statistics.median(d[key] for d in docs)
print(f"  median of {runs}: start {med('startup_to_first_frame_ms'):.0f} ms (bar 200; "
      f"{med('startup_cpu_ms'):.0f} ms CPU) | PSS {med('pss_kib_at_exit') / 1024:.1f} MB (bar 50)")
PY

# The window as a visitor meets it: plaza-window-bench starts plaza with --stats in a fresh Xvfb,
# clicks Search, types letters on the on-screen keyboard and times each from the finger lifting
# to the results on the X server's screen. It clicks where a headless shot of the same bundle at
# the same size shows the controls.
echo "== windowed under Xvfb, 10,000 partnerships, 1920x1080, the renderer Plaza picks ($runs runs)"
"$build/plaza" --headless --bundle "$out/synth10000.plaza" \
    --script "$repo/platform/bench/window_layout.plz" --out "$out/layout" 2>/dev/null
for i in $(seq "$runs"); do
    "$repo/tests/platform/x11/with_xvfb.sh" "$build/tests/plaza-window-bench" "$build/plaza" \
        "$out/synth10000.plaza" "$out/layout" "$out/window-stats-$i.json" \
        >"$out/window-$i.json" 2>/dev/null
done
python3 - "$out" "$runs" <<'PY'
import json, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
docs = [json.load(open(f"{out}/window-{i}.json")) for i in range(1, runs + 1)]
for d in docs:
    print(f"start {d['startup_to_first_frame_ms']:.0f} ms ({d['startup_cpu_ms']:.0f} ms CPU) | "
          f"PSS {d['pss_mib']:.1f} MB | keystroke to "
          f"results p50 {d['keystroke_p50_ms']:.1f} ms | without results "
          f"{d['keystrokes_without_results']}")
print(f"  {docs[0]['display']}")
med = lambda key: statistics.median(d[key] for d in docs)
print(f"  median of {runs}: start {med('startup_to_first_frame_ms'):.0f} ms (bar 250; "
      f"{med('startup_cpu_ms'):.0f} ms CPU) | PSS {med('pss_mib'):.1f} MB (bar 50) | keystroke to "
      f"results {med('keystroke_p50_ms'):.1f} ms (bar: one frame, 16.7 ms, plus the search time "
      f"below)")
PY

echo "== search as you type (each keystroke of 18 queries)"
for n in 10000 50000; do
    echo "$n partnerships: $("$build/tests/plaza-search-bench" "$out/synth$n.plaza")"
done
