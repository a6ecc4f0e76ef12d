#!/usr/bin/env bash
# Scores banli on a blind set of our labels (tests/blind/wild20 by default, or the set named):
# copies its texts out of ../shared/eval/wild into a temporary corpus, runs the release binary
# and prints `banli eval`. Usage: scripts/score_blind.sh [SET] (a folder of tests/blind)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wild="$root/../shared/eval/wild/docs"
gold="$root/tests/blind/${1:-wild20}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs"
tail -n +2 "$gold/gold_docs.csv" | cut -d, -f1 | while read -r doc; do
  cp "$wild/$doc" "$tmp/docs/"
done
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
"$root/target/release/banli" run "$tmp/docs" -o "$tmp/out" -q
"$root/target/release/banli" eval "$gold" "$tmp/out"
