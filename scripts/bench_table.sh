#!/usr/bin/env bash
# Issue 11's throughput table: `banli run` with one and two threads against the Python stack of
# ../shared/bench/py_baseline.py (charset-normalizer, OpenCC, jieba, regexes), on two generated
# flat corpora of about SIZE_MB each (default 20):
#   clean  - the UTF-8 reports of ../shared/eval (seeds, dev, dev2, wild: simplified and
#            traditional script) copied until the size is reached;
#   mixed  - half real legacy encodings (GB18030, Big5 where the text fits, UTF-16LE), half
#            whole-document mojibake from the damage generator (examples/damage.rs: six kinds,
#            encoding_rs and Python replacement), seeds, dev and dev2 as sources.
# Prints a Markdown table: CPU seconds (user + sys), MB/s per core, -j2/-j1 wall ratio, peak RSS.
# The Python stack is installed into a virtualenv under target/bench-venv on first use.
# Usage: scripts/bench_table.sh [SIZE_MB]   (not part of CI; needs python3 with venv and pip)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
size_mb=${1:-20}
eval_dir="$root/../shared/eval"
[ -d "$eval_dir" ] || { echo "bench_table: needs ../shared/eval" >&2; exit 2; }
cargo build --release -q --examples
bin="$root/target/release/banli"
venv="$root/target/bench-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q opencc==1.4.2 jieba==0.42.1 charset-normalizer==3.5.2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Damaged copies first (the generator writes folders; they are flattened below).
for kind in gbk_as_latin1 double_utf8 utf8_as_gbk big5_as_gbk gbk_as_big5 markup; do
  for style in encoding_rs python; do
    for set in seeds dev dev2; do
      "$root/target/release/examples/damage" "$kind" "$eval_dir/$set/docs" \
        "$tmp/damaged/$kind-$style-$set" whole "$style" >/dev/null
      rm -rf "$tmp/damaged/$kind-$style-$set/clean"
    done
  done
done

python3 - "$eval_dir" "$tmp" "$size_mb" <<'PY'
import os, sys
eval_dir, tmp, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
limit = size_mb * 1_000_000

def texts(sets):
    out = []
    for s in sets:
        d = os.path.join(eval_dir, s, "docs")
        for name in sorted(os.listdir(d)):
            raw = open(os.path.join(d, name), "rb").read()
            try:
                out.append((f"{s}_{name}", raw.decode("utf-8")))
            except UnicodeDecodeError:
                pass
    return out

def fill(folder, items):
    """Writes (name, bytes) items round after round until the folder holds `limit` bytes."""
    os.makedirs(folder)
    total, round_ = 0, 0
    while total < limit:
        # (The index keeps apart items that repeat within a round: the real encodings are
        # listed as often as needed to pair with every damaged copy.)
        for i, (name, data) in enumerate(items):
            with open(os.path.join(folder, f"r{round_:03d}_{i:05d}_{name}"), "wb") as f:
                f.write(data)
            total += len(data)
            if total >= limit:
                break
        round_ += 1

clean = [(n, t.encode("utf-8")) for n, t in texts(["seeds", "dev", "dev2", "wild"])]
fill(os.path.join(tmp, "clean"), clean)

real = []
for i, (n, t) in enumerate(texts(["seeds", "dev", "dev2"])):
    for codec in (("big5", "gb18030", "utf-16") if i % 3 == 0 else ("gb18030", "utf-16", "big5")):
        try:
            real.append((f"{codec}_{n}", t.encode(codec)))
            break
        except UnicodeEncodeError:
            continue
damaged = []
for root, _, files in os.walk(os.path.join(tmp, "damaged")):
    for f in sorted(files):
        tag = os.path.basename(root)
        damaged.append((f"{tag}_{f}", open(os.path.join(root, f), "rb").read()))
damaged.sort()
mixed = [x for pair in zip(real * (len(damaged) // len(real) + 1), damaged) for x in pair]
fill(os.path.join(tmp, "mixed"), mixed)
PY

# /usr/bin/time fields: user, sys, wall, max RSS (KB).
measure() { /usr/bin/time -f "%U %S %e %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true; cat "$tmp/time"; }
row() {
  local name=$1 corpus=$2
  local mb files
  mb=$(du -sb "$corpus" | awk '{printf "%.1f", $1 / 1e6}')
  files=$(find "$corpus" -type f | wc -l)
  read -r u1 s1 w1 m1 < <(measure "$bin" run "$corpus" -o "$tmp/out1" -q -j 1 --no-review --no-xlsx)
  read -r u2 s2 w2 m2 < <(measure "$bin" run "$corpus" -o "$tmp/out2" -q -j 2 --no-review --no-xlsx)
  read -r up sp wp mp < <(measure "$venv/bin/python" "$eval_dir/../bench/py_baseline.py" "$corpus" "$tmp/py.csv")
  cmp -s "$tmp/out1/facts.csv" "$tmp/out2/facts.csv" || echo "warning: -j1 and -j2 facts differ" >&2
  awk -v n="$name" -v mb="$mb" -v f="$files" -v u1="$u1" -v s1="$s1" -v w1="$w1" -v m1="$m1" \
      -v w2="$w2" -v m2="$m2" -v up="$up" -v sp="$sp" -v mp="$mp" 'BEGIN {
    c1 = u1 + s1; cp = up + sp;
    printf "| %s | %s MB, %d files | %.1f s | %.2f | %.2fx | %d MB / %d MB | %.1f s | %.1fx |\n",
      n, mb, f, c1, mb / c1, w1 / w2, m1 / 1024, m2 / 1024, cp, cp / c1 }'
}
echo "| corpus | size | banli CPU (-j 1) | MB/s per core | -j 2 speed-up | max RSS -j 1 / -j 2 | Python stack CPU | banli ÷ Python |"
echo "|---|---|---|---|---|---|---|---|"
row clean "$tmp/clean"
row mixed "$tmp/mixed"
