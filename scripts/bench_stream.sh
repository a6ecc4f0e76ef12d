#!/usr/bin/env bash
# Stream mode against `banli run` on the same files: corpus/docs copied N times (default 1000,
# i.e. 10,000 files) into a temporary folder, timed alternately R times (default 3) with -j JOBS
# (default 2); then `banli merge` of the stream's records, compared with the run's tables.
# Usage: scripts/bench_stream.sh [N] [JOBS] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
jobs=${2:-2}
reps=${3:-3}
cargo build --release -q
banli=$PWD/target/release/banli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 "$n"); do
  mkdir -p "$tmp/in/$i"
  cp corpus/docs/* "$tmp/in/$i/"
done
cd "$tmp/in"
find . -type f | sed 's|^\./||' | sort > "$tmp/list"
echo "corpus: $(wc -l < "$tmp/list") files, $(du -sb . | cut -f1) bytes, -j $jobs"
fmt="wall %e s, user %U s, sys %S s, max RSS %M KB"
for r in $(seq 1 "$reps"); do
  /usr/bin/time -f "run . -o OUT:                      $fmt" \
    "$banli" run . -o "$tmp/run" -q -j "$jobs" 2>&1 | tail -1
  /usr/bin/time -f "run --files-from LIST --jsonl FILE: $fmt" \
    "$banli" run --files-from "$tmp/list" --jsonl "$tmp/all.jsonl" -q -j "$jobs" 2>&1 | tail -1
  /usr/bin/time -f "run --files-from - --jsonl - (pipes): $fmt" \
    sh -c "'$banli' run --files-from - --jsonl - -q -j $jobs < '$tmp/list' > '$tmp/piped.jsonl' 2>/dev/null" \
    2>&1 | tail -1
done
/usr/bin/time -f "merge: $fmt" "$banli" merge "$tmp/all.jsonl" -o "$tmp/merged" 2>&1 | tail -1
for f in "$tmp"/run/*; do
  cmp "$f" "$tmp/merged/$(basename "$f")"
done
echo "merged tables equal the run's"
