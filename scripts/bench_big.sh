#!/usr/bin/env bash
# Time and memory on single large files: the UTF-8 sample reports concatenated to 1, 10 and
# 100 MB (or the sizes given), each timed through `banli text` (decode, repair, script: no
# extraction) and `banli run` (the whole pipeline), with a time limit per run.
# Usage: scripts/bench_big.sh [MB ...]   (env LIMIT: seconds per run, default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
limit=${LIMIT:-600}
cargo build --release -q
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unit="$tmp/unit.txt"
for f in corpus/docs/s01_simplified.txt corpus/docs/s02_traditional.txt \
  corpus/docs/s06_pinyin.txt corpus/docs/s08_hotline.txt corpus/docs/s10_notice.txt; do
  cat "$f"
  printf '\n'
done >"$unit"
for mb in "${sizes[@]}"; do
  mkdir -p "$tmp/c$mb"
  file="$tmp/c$mb/big.txt"
  want=$((mb * 1024 * 1024))
  : >"$file"
  while [ "$(stat -c %s "$file")" -lt "$want" ]; do
    cat "$unit" "$unit" "$unit" "$unit" "$unit" "$unit" "$unit" "$unit" >>"$file"
    [ "$(stat -c %s "$file")" -lt $((want / 4)) ] && cat "$file" "$file" >"$file.2" && mv "$file.2" "$file"
  done
  truncate -s "$want" "$file"
  echo "== $mb MB"
  for what in text run; do
    if [ "$what" = text ]; then
      cmd=(./target/release/banli text "$file")
    else
      cmd=(./target/release/banli run "$tmp/c$mb" -o "$tmp/out$mb" -q -j 2 --max-file-size 1G)
    fi
    if /usr/bin/time -f "$what: wall %e s, max RSS %M KB" -o "$tmp/time" \
      timeout "$limit" "${cmd[@]}" >/dev/null 2>"$tmp/err"; then
      cat "$tmp/time"
    else
      echo "$what: did not finish within $limit s (or failed: $(tail -1 "$tmp/err"))"
    fi
  done
done
