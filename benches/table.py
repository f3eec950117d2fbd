#!/usr/bin/env python3
"""Turns the start-up results (JSON lines from `cargo bench --bench startup`)
and the criterion estimates under target/criterion into docs/performance.md's
performance table.

    benches/table.py STARTUP_JSON CRITERION_DIR
"""
import json
import os
import sys

SIZES = [100, 1000, 10000]

# (what the harness measured, the row's words, the target at 10,000 pages)
REAL = [
    ("first_frame_ms", "start-up to the first frame (real binary, pty, median)", "under 15 ms"),
    ("every_page_read_ms", "start until every page is read: the journal screen shows \"N of N pages\"", "under 150 ms (30 ms at 1,000)"),
    ("every_page_read_cold_ms", "the same, the first start after every page changed (nothing kept from the last run)", "—"),
    ("list_ms", "`tandem list`", "under 300 ms"),
    ("list_cold_ms", "`tandem list`, nothing kept from the last run", "—"),
    ("check_ms", "`tandem check` (always reads every file)", "under 300 ms"),
    ("export_html_ms", "`tandem export --all --html`", "under 1 s"),
]

# (criterion group, the row's words, the target, keys in one measured step:
# 0 for a row measured at each journal size, else the same at any size and
# shown for one key)
TIMED = [
    ("open the journal screen", "opening the journal screen, every page listed and drawn", "under 20 ms", 0),
    ("draw home with its suggestions, 120x40", "drawing home, with its suggestions worked out from every page", "under 16 ms", 0),
    ("search, one keystroke", "full-text search, one keystroke, list redrawn", "under 10 ms", 0),
    ("draw the side-by-side view, 200x60", "one frame of the side-by-side view at 200×60", "under 1 ms", 0),
    ("scroll the side-by-side view with a 5 MB answer, 200x60", "side by side with one 5 MB answer: one line scrolled, with its frame", "under 16 ms", 2),
    ("type into a 5 MB answer, 120x40", "typing into a text field holding 5 MB: one key, with its frame", "under 16 ms", 1),
    ("type into a 10 KB answer, 120x40", "the same, holding 10 KB (a long letter)", "—", 1),
    ("save a page", "saving a page (atomic, fsynced)", "under 2 ms", 0),
]


def duration(ns):
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms" if ns < 1e8 else f"{ns / 1e6:.0f} ms"
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

    print("| measure | 100 pages | 1,000 pages | 10,000 pages | target at 10,000 |")
    print("| --- | --- | --- | --- | --- |")
    for key, label, target in REAL:
        cells = by_size(lambda s: duration(runs[s][key] * 1e6) if key in runs.get(s, {}) else "—")
        print(f"| {label} | {cells} | {target} |")
    print(
        "| peak memory after the journal, a search, trends, agreements and a new page | "
        + by_size(lambda s: f"{runs[s]['peak_mb']:.1f} MB" if "peak_mb" in runs.get(s, {}) else "—")
        + " | under 40 MB |"
    )
    for group, label, target, keys in TIMED:
        if not keys:
            cells = by_size(
                lambda s: duration(ns) if (ns := timed.get((group, str(s)))) is not None else "—"
            )
        else:
            found = [ns for (g, _), ns in timed.items() if g == group]
            cell = duration(found[0] / keys) if found else "—"
            cells = by_size(lambda s: cell)
        print(f"| {label} | {cells} | {target} |")


if __name__ == "__main__":
    main()
