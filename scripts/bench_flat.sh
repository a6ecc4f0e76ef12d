#!/usr/bin/env bash
# Memory of `banli run CORPUS -o OUT` against the number of files: corpus/docs copied into
# folders of generated corpora of each size given (default 10000 100000 files), run with
# -j JOBS (default 2); prints wall time, CPU time and max RSS per size. The tables are written
# as documents pass, so RSS should stay nearly flat; what still grows is the walk's list of
# paths (about 150 bytes a file) and the document keys listed in comparison.csv.
# Usage: scripts/bench_flat.sh [JOBS] [FILES...]   (needs about 4.5 KB of disk per file)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-2}
shift || true
sizes=("${@:-10000 100000}")
cargo build --release -q
banli=$PWD/target/release/banli
per=$(find corpus/docs -maxdepth 1 -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' \) | wc -l)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in ${sizes[@]}; do
  copies=$(( (size + per - 1) / per ))
  rm -rf "$tmp/in" "$tmp/out"
  for i in $(seq 1 "$copies"); do
    mkdir -p "$tmp/in/$i"
    cp corpus/docs/* "$tmp/in/$i/"
  done
  files=$(find "$tmp/in" -type f | wc -l)
  /usr/bin/time -f "$files files (-j $jobs): wall %e s, CPU %U+%S s, max RSS %M KB" \
    "$banli" run "$tmp/in" -o "$tmp/out" -q -j "$jobs" 2>&1 | tail -1
done
