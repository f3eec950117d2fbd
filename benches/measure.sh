#!/usr/bin/env bash
# Repeats the measurements in the performance table in docs/performance.md and prints
# its table: the real binary in a pseudo-terminal and its commands
# (`cargo bench --bench startup`: first frame, every page read, list, check,
# export, peak memory), then the criterion benchmarks (`cargo bench --bench
# journal`), on generated journals of 100, 1,000 and 10,000 pages. Takes
# about fifteen minutes; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo bench --quiet --bench startup >"$work/startup.jsonl"
cargo bench --quiet --bench journal >&2
python3 benches/table.py "$work/startup.jsonl" target/criterion
