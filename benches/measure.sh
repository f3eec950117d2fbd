#!/usr/bin/env bash
# Repeats the measurements in the README's performance section and prints
# its table: start-up to the first frame and peak memory of the real binary
# (benches/startup.py), then the criterion benchmarks (cargo bench), on
# generated journals of 100, 1,000 and 10,000 pages. Takes about five
# minutes; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin tandem --example generate_journal
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for pages in 100 1000 10000; do
  target/release/examples/generate_journal --pages "$pages" --out "$work/$pages" >/dev/null
done

python3 benches/startup.py target/release/tandem "$work/100" "$work/1000" "$work/10000" \
  >"$work/startup.jsonl"
cargo bench --quiet --bench journal >&2
python3 benches/table.py "$work/startup.jsonl" target/criterion
