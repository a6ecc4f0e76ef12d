#!/usr/bin/env python3
"""Runs banli over a list of paths with PySpark, then merges the parts into banli's tables.

The list (one path a line; `-` for standard input) is cut into partitions of at most --batch
paths (never fewer partitions than Spark's default parallelism). Each partition goes to one
banli process through `rdd.pipe`, as `banli run --files-from - --jsonl - -q`: banli starts once
per partition, not once per file, and writes one JSON record per file. The partitions run in
parallel, their records kept by the executors (memory, else disk); the driver then fetches them
one partition at a time (`toLocalIterator`, so it never holds more than one partition), writes
them as `part-NNNNN.jsonl` into --parts, and runs `banli merge PARTS... -o OUTPUT`, whose exit
code it returns (1 when some files are error records). The tables are byte for byte those of
`banli run` over the same files (scripts/ci_spark.sh checks it), whatever the partitioning or
the order of the list.

Paths are read by banli from --root (default: the current folder), which every executor must
see at the same place (a shared file system; in local mode, this machine). A path relative to
--root keeps that spelling as its document key, so `cd CORPUS && find . -type f` gives the keys
of `banli run CORPUS`. Paths may hold spaces but not newlines (rdd.pipe writes one a line).

The banli binary: --banli PATH, or with --ship the binary is sent along with the job
(`SparkContext.addFile`, like `spark-submit --files banli`) and each process runs the copy in
its working folder (YARN) or in Spark's files folder. banli's exit code 1 (some files became
error records) is not a failure; any other non-zero code fails the task, and so the job.

Usage (local mode, 2 cores):
    python scripts/spark_banli.py --banli target/release/banli --root corpus \\
        --list list.txt -o output --master 'local[2]'
"""

import argparse
import math
import os
import shlex
import shutil
import subprocess
import sys
import tempfile


def read_list(name):
    """The paths of a list file (`-`: stdin): one a line, CRLF and blank lines tolerated."""
    stream = sys.stdin.buffer if name == "-" else open(name, "rb")
    with stream:
        data = stream.read().decode("utf-8")
    return [p.rstrip("\r") for p in data.split("\n") if p.strip()]


def pipe_command(banli, root, threads, shipped):
    """The command each partition is piped through.

    rdd.pipe runs it with shlex.split and an environment of its own, so a small /bin/sh script
    finds the binary, enters --root and turns banli's exit code 1 (error records) into 0.
    """
    find = f'b={shlex.quote(banli)}; '
    if shipped:
        # A file shipped with the job lands in the task's working folder on YARN, in
        # SparkFiles' root elsewhere (passed in as $SPARK_FILES_ROOT by the driver's `env`).
        find = (
            'b=./banli; [ -x "$b" ] || b="$PWD/banli"; '
            '[ -x "$b" ] || b="$SPARK_FILES_ROOT/banli"; '
        )
    jobs = f" -j {int(threads)}" if threads else ""
    script = (
        find
        + f"cd {shlex.quote(root)} || exit 2; "
        + f'"$b" run --files-from - --jsonl -{jobs} -q; rc=$?; '
        + '[ "$rc" -le 1 ] && exit 0; exit "$rc"'
    )
    return "/bin/sh -c " + shlex.quote(script)


def run_spark(args, paths):
    """Pipes the paths through banli on Spark; writes the parts; returns their paths."""
    from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel

    conf = SparkConf().setAppName("banli")
    if args.master:
        conf = conf.setMaster(args.master)
    # The UI is of no use to a batch job and its port may be taken.
    conf = conf.set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
    if (args.master or "").startswith("local"):
        # Local mode talks to itself only: keep its sockets on the loopback interface.
        conf = conf.set("spark.driver.host", "127.0.0.1")
        conf = conf.set("spark.driver.bindAddress", "127.0.0.1")
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    try:
        banli = os.path.abspath(args.banli)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        if args.ship:
            # spark-submit --files banli has registered it already (again would be refused).
            files = sc.getConf().get("spark.files", "") or ""
            if not any(os.path.basename(f) == "banli" for f in files.split(",")):
                sc.addFile(banli)
            # Every executor has a SparkFiles root of its own; in local mode it is the driver's.
            env["SPARK_FILES_ROOT"] = SparkFiles.getRootDirectory()
        slices = max(sc.defaultParallelism, math.ceil(len(paths) / args.batch), 1)
        slices = min(slices, max(len(paths), 1))
        if args.partitions:
            slices = args.partitions
        command = pipe_command(banli, os.path.abspath(args.root), args.threads, args.ship)
        records = (
            sc.parallelize(paths, slices)
            .pipe(command, env=env, checkCode=True)
            .mapPartitionsWithIndex(lambda i, lines: ((i, line) for line in lines))
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        # toLocalIterator alone would run one partition at a time: run them all at once first.
        records.count()
        os.makedirs(args.parts, exist_ok=True)
        parts, out, current, count = [], None, None, 0
        for index, line in records.toLocalIterator():
            if index != current:
                if out:
                    out.close()
                current = index
                parts.append(os.path.join(args.parts, f"part-{index:05d}.jsonl"))
                out = open(parts[-1], "w", encoding="utf-8", newline="\n")
            out.write(line + "\n")
            count += 1
        if out:
            out.close()
        records.unpersist()
        print(
            f"spark_banli: {len(paths)} paths, {slices} partitions, {count} records, "
            f"{len(parts)} parts",
            file=sys.stderr,
        )
        return parts
    finally:
        sc.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--banli", required=True, help="the banli binary")
    ap.add_argument("--list", default="-", help="file of paths, one a line (default: stdin)")
    ap.add_argument("--root", default=".", help="folder the paths are relative to")
    ap.add_argument("-o", "--output", required=True, help="output folder for the tables")
    ap.add_argument("--parts", help="folder for the JSONL parts (default: a temporary one)")
    ap.add_argument("--batch", type=int, default=2000, help="paths per partition at most")
    ap.add_argument("--partitions", type=int, help="exact number of partitions")
    ap.add_argument("--threads", type=int, help="banli -j for each process")
    ap.add_argument("--master", help="Spark master (default: spark-submit's or local[*])")
    ap.add_argument("--ship", action="store_true", help="send the binary along (--files)")
    args = ap.parse_args()
    if args.batch < 1 or (args.partitions is not None and args.partitions < 1):
        ap.error("--batch and --partitions must be at least 1")
    paths = read_list(args.list)
    keep = args.parts is not None
    if not keep:
        args.parts = tempfile.mkdtemp(prefix="banli-parts-")
    try:
        parts = run_spark(args, paths)
        # With an empty list there is no part: merge an empty one, for the empty tables.
        if not parts:
            parts = [os.path.join(args.parts, "part-00000.jsonl")]
            open(parts[0], "w").close()
        rc = subprocess.call([os.path.abspath(args.banli), "merge", *parts, "-o", args.output])
    finally:
        if not keep:
            shutil.rmtree(args.parts, ignore_errors=True)
    sys.exit(rc)


if __name__ == "__main__":
    main()
