#!/usr/bin/env python3
"""Turns the start-up results (JSON lines from benches/startup.py) and the
criterion estimates under target/criterion into the README's performance
table.

    benches/table.py STARTUP_JSON CRITERION_DIR
"""
import json
import os
import sys

SIZES = [100, 1000, 10000]

# (criterion group, what it measures, target at 10,000 pages, the peer)
TIMED = [
    ("open the journal screen", "opening the journal screen, every page listed and drawn", "under 20 ms", "—"),
    ("search, one keystroke", "full-text search, one keystroke, list redrawn", "under 10 ms", "69 ms"),
    ("draw the side-by-side view, 200x60", "one frame of the side-by-side view at 200×60", "under 1 ms", "—"),
    ("save a page", "saving a page (atomic, fsynced)", "under 2 ms", "62 ms (in place, no fsync)"),
]


def duration(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e3:.0f} µs"


def medians(criterion):
    """Every benchmark's median in nanoseconds, by (group, journal size)."""
    found = {}
    for folder, _, files in os.walk(criterion):
        if os.path.basename(folder) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(folder, "benchmark.json")) as f:
            bench = json.load(f)
        with open(os.path.join(folder, "estimates.json")) as f:
            median = json.load(f)["median"]["point_estimate"]
        found[(bench["group_id"], bench.get("value_str"))] = median
    return found


def main():
    startup_file, criterion = sys.argv[1], sys.argv[2]
    timed = medians(criterion)
    with open(startup_file) as f:
        runs = {r["pages"]: r for r in map(json.loads, filter(str.strip, f))}

    def by_size(value):
        return " | ".join(value(size) for size in SIZES)

    print("| measure | 100 pages | 1,000 pages | 10,000 pages | target at 10,000 | tui-journal (figures given with the targets) |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        "| start-up to first frame (real binary, pty, median) | "
        + by_size(lambda s: f"{runs[s]['first_frame_ms']:.1f} ms" if s in runs else "—")
        + " | under 20 ms (under 10 ms at 1,000) | 53 ms |"
    )
    print(
        "| peak memory (whole journal read, searched) | "
        + by_size(lambda s: f"{runs[s]['peak_mb']:.1f} MB" if s in runs else "—")
        + " | under 40 MB | 39 MB, 80 MB after a save |"
    )
    for group, label, target, peer in TIMED:
        cells = by_size(
            lambda s: duration(ns) if (ns := timed.get((group, str(s)))) is not None else "—"
        )
        print(f"| {label} | {cells} | {target} | {peer} |")


if __name__ == "__main__":
    main()
