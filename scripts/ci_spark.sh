#!/usr/bin/env bash
# The Spark test (issue 12): banli under PySpark `rdd.pipe` in local mode, then `banli merge`,
# must give the very bytes of a plain `banli run` on the same corpus, table by table.
#
# The corpus is a copy of corpus/ (so the gold CSVs are in the list and skipped by extension),
# with one file renamed to hold a space and one empty file (an error record), so errors.csv has
# a row. The list is shuffled and cut into 3 partitions (3 banli processes); a second job sends
# the binary along with the job (--ship, as `spark-submit --files` would) and 1 partition.
#
# Setup by scripts/setup_spark.sh (Java from Debian, pyspark from PyPI in .venv-spark). When it
# cannot install them the test is skipped with a message, unless CI is set: then it fails.
# Run by .ci/run after `cargo test --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
if ! python=$(scripts/setup_spark.sh | tail -1) || [ -z "$python" ]; then
  if [ -n "${CI:-}" ]; then
    echo "ci_spark: FAILED: Java or pyspark could not be installed (CI is set)" >&2
    exit 1
  fi
  echo "ci_spark: SKIPPED: Java 17+ or pyspark could not be installed (see above);" \
    "run scripts/setup_spark.sh as root with PyPI reachable" >&2
  exit 0
fi
echo "ci_spark: setup took $((SECONDS - start)) s"
cargo build --release -q
banli=$PWD/target/release/banli
# Local mode only: every socket Spark opens stays on the loopback interface.
export SPARK_LOCAL_IP=127.0.0.1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r corpus "$tmp/corpus"
mv "$tmp/corpus/docs/s01_simplified.txt" "$tmp/corpus/docs/s01 simplified.txt"
: > "$tmp/corpus/docs/empty.txt"

# The plain run (exit code 1: the empty file is an error row).
rc=0
"$banli" run "$tmp/corpus" -o "$tmp/run" -q --no-review || rc=$?
[ "$rc" -le 1 ] || { echo "ci_spark: banli run failed ($rc)" >&2; exit 1; }

(cd "$tmp/corpus" && find . -type f) | shuf --random-source=<(yes) > "$tmp/list"
echo "ci_spark: $(wc -l < "$tmp/list") listed paths"

check() {
  local out=$1 n=0 bad=0
  for f in "$tmp/run"/*; do
    name=$(basename "$f")
    n=$((n + 1))
    if ! cmp -s "$f" "$out/$name"; then
      echo "ci_spark: $name differs between banli run and the Spark job:" >&2
      diff <(tr -d '\r' < "$f") <(tr -d '\r' < "$out/$name") | head -20 >&2 || true
      bad=$((bad + 1))
    fi
  done
  extra=$(comm -13 <(ls "$tmp/run") <(ls "$out"))
  [ -z "$extra" ] || { echo "ci_spark: only in the Spark output: $extra" >&2; bad=$((bad + 1)); }
  [ "$(tail -n +2 "$out/errors.csv" | wc -l)" -eq 1 ] || {
    echo "ci_spark: errors.csv should have the empty file's row" >&2
    bad=$((bad + 1))
  }
  [ "$bad" -eq 0 ] || return 1
  echo "ci_spark: $n tables identical ($out)"
}

# spark_banli.py exits as banli merge does: 1 when some files are error records, as here.
spark() {
  local rc=0
  "$python" scripts/spark_banli.py --banli "$banli" --root "$tmp/corpus" --list "$tmp/list" \
    --master 'local[2]' "$@" || rc=$?
  [ "$rc" -le 1 ] || { echo "ci_spark: spark_banli.py failed ($rc)" >&2; exit 1; }
}

t=$SECONDS
spark -o "$tmp/spark3" --partitions 3 --parts "$tmp/parts3"
echo "ci_spark: Spark job, 3 partitions: $((SECONDS - t)) s"
parts=$(ls "$tmp/parts3" | wc -l)
[ "$parts" -ge 2 ] || { echo "ci_spark: expected several parts, got $parts" >&2; exit 1; }
check "$tmp/spark3"

t=$SECONDS
spark -o "$tmp/spark1" --partitions 1 --ship
echo "ci_spark: Spark job, binary shipped, 1 partition: $((SECONDS - t)) s"
check "$tmp/spark1"

echo "ci_spark: passed in $((SECONDS - start)) s"
echo "spark: 2 passed, 0 failed"
