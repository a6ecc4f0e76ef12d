#!/usr/bin/env bash
# Whole-document (or alternate-line) damage of a gold set, scored against its labels as a share
# of the clean copy's fact F1. Usage: scripts/damage_eval.sh [SET] [whole|alternate]
# (SET under ../shared/eval, dev2 by default). Not part of CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
set_dir="$root/../shared/eval/${1:-dev2}"
mode="${2:-whole}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet --examples --manifest-path "$root/Cargo.toml"
bin="$root/target/release/banli"
f1() { "$bin" eval "$set_dir" "$1" | grep -m1 '^facts' | grep -oE 'F1 [0-9.]+' ; }
"$bin" run "$set_dir/docs" -o "$tmp/clean" -q
echo "clean: $(f1 "$tmp/clean")"
for style in encoding_rs python iconv; do
  for kind in gbk_as_latin1 double_utf8 utf8_as_gbk big5_as_gbk gbk_as_big5 markup; do
    "$root/target/release/examples/damage" "$kind" "$set_dir/docs" "$tmp/d-$kind-$style" "$mode" "$style"
    rm -rf "$tmp/d-$kind-$style/clean"
    "$bin" run "$tmp/d-$kind-$style" -o "$tmp/o-$kind-$style" -q
    echo "$kind $style: $(f1 "$tmp/o-$kind-$style")"
  done
done
