#!/usr/bin/env python3
"""Line-by-line comparison of banli's repair stage with ftfy on damaged copies.

For each damage kind, the damage example writes damaged copies of the input folders plus the
decoded originals (clean/). A damaged line counts as restored when the tool's output line equals
the clean line. banli is compared with its own repaired text of the clean file (so that the
pinyin annotations it drops on both sides do not count against it); ftfy with the clean text.
Run through scripts/compare_ftfy.sh, which installs ftfy in a virtualenv. Not part of CI.
"""
import pathlib
import subprocess
import sys
import tempfile

import ftfy

KINDS = ["gbk_as_latin1", "double_utf8", "utf8_as_gbk", "big5_as_gbk", "gbk_as_big5", "markup"]
BANLI = "target/release/banli"
DAMAGE = "target/release/examples/damage"


def banli_repaired(path):
    out = subprocess.run([BANLI, "text", "--repaired", str(path)], capture_output=True, text=True)
    return out.stdout


def strip(line):
    return line.strip().strip("\u00a0").strip()


def lines(text):
    return [strip(x) for x in text.split("\n") if strip(x)]


def main(inputs):
    print("| kind | damaged lines | banli restored | ftfy restored |")
    print("|---|---|---|---|")
    for kind in KINDS:
        damaged_lines = banli_ok = ftfy_ok = 0
        with tempfile.TemporaryDirectory() as tmp:
            for i, folder in enumerate(inputs):
                out = pathlib.Path(tmp) / str(i)
                subprocess.run([DAMAGE, kind, folder, str(out)], check=True)
                for damaged in sorted(out.glob("*.txt")):
                    clean_path = out / "clean" / damaged.name
                    clean = clean_path.read_text(encoding="utf-8")
                    bad = damaged.read_text(encoding="utf-8")
                    ref = lines(banli_repaired(clean_path))
                    mine = set(lines(banli_repaired(damaged)))
                    fixed = set(lines(ftfy.fix_text(bad)))
                    clean_lines = clean.split("\n")
                    ref_of = dict(zip(lines(clean), ref)) if len(lines(clean)) == len(ref) else {}
                    for c, b in zip(clean_lines, bad.split("\n")):
                        if c == b:
                            continue
                        damaged_lines += 1
                        # Markup and spacing aside: a line counts when its text comes back.
                        if ref_of.get(strip(c), strip(c)) in mine:
                            banli_ok += 1
                        if strip(c) in fixed:
                            ftfy_ok += 1
        pct = lambda n: f"{n} ({100 * n / max(damaged_lines, 1):.0f}%)"
        print(f"| {kind} | {damaged_lines} | {pct(banli_ok)} | {pct(ftfy_ok)} |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["corpus/docs"])
