#!/usr/bin/env bash
# Throughput and memory of `banli run` on a synthetic corpus: the dev and seed reports (or
# corpus/docs when ../shared is absent) copied N times (default 100) into a temporary folder.
# Usage: scripts/bench.sh [N] [JOBS] [banli run options, e.g. --no-review]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
jobs=${2:-2}
shift $(( $# < 2 ? $# : 2 ))
cargo build --release -q
src=()
for d in ../shared/eval/dev/docs ../shared/eval/seeds/docs corpus/docs; do
  [ -d "$d" ] && src+=("$d")
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 "$n"); do
  mkdir -p "$tmp/in/$i"
  for d in "${src[@]}"; do cp "$d"/* "$tmp/in/$i/" 2>/dev/null || true; done
done
files=$(find "$tmp/in" -type f | wc -l)
bytes=$(du -sb "$tmp/in" | cut -f1)
echo "corpus: $files files, $bytes bytes, -j $jobs"
/usr/bin/time -f "wall %e s, max RSS %M KB" ./target/release/banli run "$tmp/in" -o "$tmp/out" -q -j "$jobs" "$@" 2>&1 | tail -2
if [ -f "$tmp/out/review.html" ]; then
  echo "review.html: $(wc -c < "$tmp/out/review.html") bytes"
fi
