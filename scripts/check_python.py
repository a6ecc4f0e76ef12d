"""Checks the installed banli Python module against the CLI's tables (run by ci_python.sh).

Usage: python check_python.py CORPUS OUT, OUT being `banli run CORPUS -o OUT`'s folder.
Each table of `banli.run(CORPUS)`, read through the Arrow PyCapsule interface by pyarrow and by
polars, must hold the rows of the CSV of the same name, in the same order, every value spelled
as the CSV spells it (numbers as `output::fmt_value` writes them, booleans as 1/0, null as
blank; the CSV's spreadsheet quote `'` undone). A list of files gives the facts of those files
with the keys as given, and one thread gives what two give.
"""

import csv
import math
import os
import sys

import banli
import pandas as pd
import polars as pl
import pyarrow as pa

TABLES = ["documents", "facts", "topics", "errors"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spell(v):
    """A value as banli's CSV writes it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        if v == math.floor(v) and abs(v) < 1e15:
            return str(int(v))
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return str(v)


def uncell(s):
    return s[1:] if s.startswith("'") and s[1:].startswith(TRIGGERS) else s


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [[uncell(c) for c in row] for row in rows[1:]]


def rows_of(table):
    cols = table.column_names
    return cols, [[spell(r[c]) for c in cols] for r in table.to_pylist()]


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    failed = passed = 0

    def check(what, ok, detail=""):
        nonlocal failed, passed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {what} {detail}", file=sys.stderr)

    tables = banli.run(corpus)
    check("tables", sorted(tables) == sorted(TABLES), str(sorted(tables)))
    for name in TABLES:
        arrow = pa.table(tables[name])
        header, expected = read_csv(os.path.join(out, f"{name}.csv"))
        cols, got = rows_of(arrow)
        check(f"{name} columns", cols == header, f"{cols} != {header}")
        check(f"{name} rows", got == expected, f"{len(got)} rows != {len(expected)} rows")
        for i, (g, e) in enumerate(zip(got, expected)):
            if g != e:
                print(f"  first difference, row {i}: {g} != {e}", file=sys.stderr)
                break
        check(f"{name} length", len(tables[name]) == len(expected))
        # polars imports the same stream; its rows must be pyarrow's.
        frame = pl.DataFrame(tables[name])
        pyrows = [[r[c] for c in cols] for r in arrow.to_pylist()]
        check(f"{name} polars", frame.columns == cols and [list(r) for r in frame.rows()] == pyrows)

    facts = pa.table(tables["facts"])
    check("facts not empty", facts.num_rows > 0)
    check("value is float64", facts.schema.field("value").type == pa.float64())

    # A list of files: the keys are the paths as given.
    docs = sorted(os.path.join(corpus, "docs", n) for n in os.listdir(os.path.join(corpus, "docs")))
    listed = pa.table(banli.run(docs[:3], threads=1)["facts"]).to_pylist()
    by_doc = [
        {**r, "doc": os.path.join(corpus, r["doc"])}
        for r in facts.to_pylist()
        if os.path.join(corpus, r["doc"]) in docs[:3]
    ]
    check("list facts", listed and listed == by_doc, f"{len(listed)} != {len(by_doc)} rows")

    # pandas 3 reads the same stream (the README's session).
    frame = pd.DataFrame.from_arrow(tables["facts"])
    check("pandas", frame.shape == (facts.num_rows, facts.num_columns))
    check("pandas values", list(frame["value"]) == facts.column("value").to_pylist())

    one = banli.run(corpus, threads=1)
    check("threads", all(pa.table(one[n]).equals(pa.table(tables[n])) for n in TABLES))
    check("text", "提案" in banli.text(docs[0]) or "建议" in banli.text(docs[0]))
    try:
        banli.run(corpus, threads=0)
        check("threads=0 refused", False)
    except ValueError:
        check("threads=0 refused", True)

    print(f"python: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
