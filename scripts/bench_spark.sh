#!/usr/bin/env bash
# Spark local mode against `banli run` on the same files: corpus/docs copied N times (default
# 1000, i.e. 10,000 files) into a temporary folder; `banli run -j 2` then
# scripts/spark_banli.py with local[2] and P partitions of banli -j 1 (default 2), both timed
# once, and their tables compared. The Spark figure includes its start-up (JVM, Python
# workers); an empty list gives that start-up alone. Needs scripts/setup_spark.sh.
# Usage: scripts/bench_spark.sh [N] [P]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
p=${2:-2}
python=$(scripts/setup_spark.sh | tail -1)
cargo build --release -q
banli=$PWD/target/release/banli
export SPARK_LOCAL_IP=127.0.0.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 "$n"); do
  mkdir -p "$tmp/in/$i"
  cp corpus/docs/* "$tmp/in/$i/"
done
(cd "$tmp/in" && find . -type f | sed 's|^\./||' | sort) > "$tmp/list"
: > "$tmp/empty"
echo "corpus: $(wc -l < "$tmp/list") files, $(du -sb "$tmp/in" | cut -f1) bytes"
fmt="wall %e s, user %U s, sys %S s, max RSS %M KB"
/usr/bin/time -f "banli run -j 2:                 $fmt" \
  "$banli" run "$tmp/in" -o "$tmp/run" -q -j 2 --no-review 2>&1 | tail -1
/usr/bin/time -f "spark_banli.py, empty list:     $fmt" \
  "$python" scripts/spark_banli.py --banli "$banli" --root "$tmp/in" --list "$tmp/empty" \
  --master 'local[2]' -o "$tmp/none" 2>&1 | tail -1
/usr/bin/time -f "spark_banli.py local[2], $p parts: $fmt" \
  "$python" scripts/spark_banli.py --banli "$banli" --root "$tmp/in" --list "$tmp/list" \
  --master 'local[2]' --partitions "$p" --threads 1 -o "$tmp/spark" 2>&1 | tail -1
for f in "$tmp/run"/*; do
  cmp -s "$f" "$tmp/spark/$(basename "$f")" || { echo "differs: $(basename "$f")"; exit 1; }
done
echo "tables identical"
