#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps a small set of inputs that together reach the coverage edges of a fuzz corpus.

libFuzzer's -merge=1 keeps every input that adds a feature (edge hit counts included), which
for the schedule importers and bundles is megabytes of near-copies of real files. Given the
control file of such a merge (-merge_control_file=FILE), this copies to OUT_DIR the inputs
smaller than BIG bytes, smallest first, that reach an edge no smaller input reached; then, of
the bigger ones, the input reaching the most new edges while that is at least MIN_GAIN.

usage: smallest_cover.py CONTROL_FILE OUT_DIR [BIG [MIN_GAIN]]   (defaults 8192 and 3)
"""
import os
import shutil
import sys


def main():
    control, out = sys.argv[1], sys.argv[2]
    big = int(sys.argv[3]) if len(sys.argv) > 3 else 8192
    min_gain = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    lines = open(control).read().split("\n")
    count = int(lines[0])
    files = lines[2:2 + count]
    edges = {}
    for line in lines[2 + count:]:
        parts = line.split()
        if parts and parts[0] == "COV":
            edges[int(parts[1])] = set(parts[2:])
    size = {i: os.path.getsize(files[i]) for i in edges}
    reached, kept = set(), []
    for i in sorted(edges, key=lambda i: size[i]):
        if size[i] < big and edges[i] - reached:
            reached |= edges[i]
            kept.append(i)
    rest = [i for i in edges if size[i] >= big]
    while rest:
        best = max(rest, key=lambda i: len(edges[i] - reached))
        if len(edges[best] - reached) < min_gain:
            break
        reached |= edges[best]
        kept.append(best)
        rest.remove(best)
    os.makedirs(out, exist_ok=True)
    for i in kept:
        shutil.copy(files[i], os.path.join(out, os.path.basename(files[i])))
    total = len(set().union(*edges.values())) if edges else 0
    print(f"kept {len(kept)} of {len(files)} inputs, {len(reached)} of {total} edges, "
          f"{sum(size[i] for i in kept)} bytes")


if __name__ == "__main__":
    main()
