#!/usr/bin/env bash
# Repeats the measurements in the README's performance section: start-up to
# the first frame and peak memory of the real binary (benches/startup.py),
# then the criterion benchmarks (cargo bench). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin tandem --example generate_journal
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for pages in 100 1000 10000; do
  target/release/examples/generate_journal --pages "$pages" --out "$work/$pages" >/dev/null
done

echo "| pages | first frame (median) | range | peak memory |"
echo "| --- | --- | --- | --- |"
python3 benches/startup.py target/release/tandem "$work/100" "$work/1000" "$work/10000"
echo
cargo bench --bench journal 2>/dev/null | grep -E "^[a-z].*|time:" | paste - - | sed -E 's/ +time: +/ | /'
