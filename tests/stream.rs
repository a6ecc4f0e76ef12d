//! Issue 12 (1, 2): stream mode (`--files-from`, `--jsonl`, `--shard`) and `banli merge`: shards
//! of a list in any order merge into the very bytes of one `banli run`; lists are read as
//! people write them; a missing file is an error record; a closed pipe ends a run quietly.

use crate::util::{banli, banli_in, root, run};
use banli::outdir::TABLES;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The paths of the sample corpus as `banli run corpus` keys them, in a scrambled order, with
/// the gold tables (skipped by extension, as the walk skips them), CRLF line ends, a blank line
/// and no final newline.
fn scrambled_list() -> String {
    let mut names: Vec<String> = std::fs::read_dir(root().join("corpus/docs"))
        .unwrap()
        .map(|e| format!("docs/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    names.sort();
    // A fixed shuffle: every third name first, then the rest backwards.
    let first: Vec<String> = names.iter().step_by(3).cloned().collect();
    let rest = names.iter().rev().filter(|n| !first.contains(n)).cloned();
    let mut order: Vec<String> = first.iter().cloned().chain(rest).collect();
    order.insert(4, "gold_facts.csv".into());
    order.insert(2, "./gold_docs.csv".into());
    order.insert(6, String::new());
    order.join("\r\n")
}

/// Runs banli in corpus/ on `list` (given on standard input), checking it did not fail.
fn stream(list: &str, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["run", "--files-from", "-", "-q"];
    all.extend_from_slice(args);
    let res = banli_in(&root().join("corpus"), &all, list.as_bytes());
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    res.stdout
}

fn assert_same_tables(want: &Path, got: &Path) {
    // review.html needs the texts, which records read back do not carry: merge writes none.
    // Parquet tables are written only with --format parquet; compare what the run wrote.
    let written =
        |f: &&&str| **f != "review.html" && (!f.ends_with(".parquet") || want.join(f).exists());
    for f in TABLES.iter().filter(written) {
        let (x, y) = (std::fs::read(want.join(f)), std::fs::read(got.join(f)));
        let (x, y) = (x.expect("run's table"), y.expect("merged table"));
        assert!(
            x == y,
            "{f} differs from the run's:\n{}",
            String::from_utf8_lossy(&y)
        );
    }
}

/// Every table format this build writes (Parquet with the `parquet` feature).
const FORMAT: &[&str] = if cfg!(feature = "parquet") {
    &["--format", "both"]
} else {
    &[]
};

fn merge(parts: &[&Path], out: &Path) {
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(|p| p.to_str().unwrap()));
    args.extend(["-o", out.to_str().unwrap()]);
    args.extend(FORMAT);
    let res = banli(&args);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
}

fn docs_of(jsonl: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["doc"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn shards_of_a_shuffled_list_merge_into_the_tables_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let want = dir.path().join("run");
    assert!(run(&root().join("corpus"), &want, FORMAT).status.success());
    // Every table run writes is compared: none holds timings (the summary goes to stderr).
    let written: Vec<String> = std::fs::read_dir(&want)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let parquet = if cfg!(feature = "parquet") { 0 } else { 4 };
    assert_eq!(written.len(), TABLES.len() - parquet, "{written:?}");
    let list = scrambled_list();
    let listed: Vec<String> = list
        .lines()
        .filter(|l| l.starts_with("docs/"))
        .map(String::from)
        .collect();
    // Two shards, with different thread counts; and four.
    for (n, jobs) in [
        (2, ["1", "2"].as_slice()),
        (4, ["2", "1", "2", "1"].as_slice()),
    ] {
        let mut parts = Vec::new();
        let mut seen = Vec::new();
        for (i, j) in jobs.iter().enumerate() {
            let shard = format!("{}/{n}", i + 1);
            let out = stream(&list, &["--jsonl", "-", "--shard", &shard, "-j", j]);
            let docs = docs_of(&out);
            // In list order: the list's entries of this shard, as written.
            let mine: Vec<&String> = listed.iter().filter(|d| docs.contains(d)).collect();
            assert_eq!(docs.iter().collect::<Vec<_>>(), mine, "shard {shard}");
            seen.extend(docs);
            let part = dir.path().join(format!("part{n}-{i}.jsonl"));
            std::fs::write(&part, out).unwrap();
            parts.push(part);
        }
        seen.sort();
        let mut all = listed.clone();
        all.sort();
        assert_eq!(seen, all, "{n} shards take every document once");
        let merged = dir.path().join(format!("merged{n}"));
        merge(
            &parts.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
            &merged,
        );
        assert_same_tables(&want, &merged);
    }
    // The whole list from a file into a file, at two thread counts: the same bytes.
    let list_file = dir.path().join("list");
    std::fs::write(&list_file, &list).unwrap();
    let whole = dir.path().join("whole.jsonl");
    let mut outputs = Vec::new();
    for j in ["1", "2"] {
        let (l, w) = (list_file.to_str().unwrap(), whole.to_str().unwrap());
        let args = ["run", "--files-from", l, "--jsonl", w, "-j", j];
        assert!(
            banli_in(&root().join("corpus"), &args, b"")
                .status
                .success()
        );
        outputs.push(std::fs::read(&whole).unwrap());
    }
    assert_eq!(outputs[0], outputs[1]);
    // An earlier output folder merges too: tables of one shard from the list, plus the other.
    let half = dir.path().join("half");
    stream(&list, &["--shard", "1/2", "-o", half.to_str().unwrap()]);
    let other = dir.path().join("other.jsonl");
    std::fs::write(&other, stream(&list, &["--jsonl", "-", "--shard", "2/2"])).unwrap();
    let merged = dir.path().join("from-folder");
    merge(&[&half, &other], &merged);
    assert_same_tables(&want, &merged);
    // Overlapping parts: the duplicates are dropped.
    let merged = dir.path().join("overlap");
    merge(&[&whole, &other, &whole], &merged);
    assert_same_tables(&want, &merged);
}

#[test]
fn a_walked_corpus_streams_the_records_of_its_run() {
    let dir = tempfile::tempdir().unwrap();
    let want = dir.path().join("run");
    assert!(run(&root().join("corpus"), &want, &[]).status.success());
    let res = banli(&[
        "run",
        root().join("corpus").to_str().unwrap(),
        "--jsonl",
        "-",
    ]);
    assert!(res.status.success());
    let streamed = String::from_utf8(res.stdout).unwrap();
    let records = std::fs::read_to_string(want.join("records.jsonl")).unwrap();
    let stripped: Vec<String> = streamed
        .lines()
        .map(|l| l.replacen(r#"{"kind":"doc","#, "{", 1))
        .collect();
    assert_eq!(stripped, records.lines().collect::<Vec<_>>());
}

#[test]
fn lists_keep_paths_with_spaces_and_tolerate_crlf_blanks_and_no_final_newline() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("two words");
    std::fs::create_dir_all(&sub).unwrap();
    let report = root().join("corpus/docs/s01_simplified.txt");
    std::fs::copy(&report, sub.join("a report.txt")).unwrap();
    std::fs::copy(&report, dir.path().join("b.txt")).unwrap();
    let abs = sub.join("a report.txt").to_str().unwrap().to_string();
    let list = format!("\r\n{abs}\r\n\n  \r\n./two words/a report.txt\r\nb.txt");
    let res = banli_in(
        dir.path(),
        &["run", "--files-from", "-", "--jsonl", "-", "-q"],
        list.as_bytes(),
    );
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    assert_eq!(
        docs_of(&res.stdout),
        [abs.as_str(), "two words/a report.txt", "b.txt"]
    );
    // NUL-separated, as find -print0 writes: a newline inside a name is kept.
    std::fs::copy(&report, dir.path().join("c\nd.txt")).unwrap();
    let res = banli_in(
        dir.path(),
        &["run", "--files-from", "-", "-0", "--jsonl", "-"],
        b"b.txt\0c\nd.txt\0",
    );
    assert!(res.status.success());
    assert_eq!(docs_of(&res.stdout), ["b.txt", "c\nd.txt"]);
}

#[test]
fn a_missing_path_is_an_error_record_and_the_run_goes_on() {
    let list = "docs/s01_simplified.txt\nno such/file.txt\ndocs\ndocs/s02_traditional.txt\n";
    let res = banli_in(
        &root().join("corpus"),
        &["run", "--files-from", "-", "--jsonl", "-", "-q"],
        list.as_bytes(),
    );
    assert_eq!(res.status.code(), Some(1), "some inputs failed");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&res.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = lines.iter().map(|v| v["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["doc", "error", "error", "doc"]);
    assert_eq!(lines[1]["doc"], "no such/file.txt");
    assert_eq!(lines[1]["stage"], "ingest");
    assert!(lines[2]["message"].as_str().unwrap().contains("folder"));
    assert!(lines[3]["facts"].as_array().is_some_and(|f| !f.is_empty()));
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("no such/file.txt: ingest"), "{stderr}");
    assert!(stderr.contains("2 documents"), "{stderr}");
}

/// Starts banli with its standard output a pipe, reads one line, closes the pipe and waits.
/// Returns the exit code and standard error.
fn read_one_line_then_close(args: &[&str], stdin: Vec<u8>) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banli"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert!(!line.is_empty());
    drop(out);
    let res = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        res.status.code(),
        String::from_utf8_lossy(&res.stderr).into(),
    )
}

#[test]
fn a_closed_pipe_ends_text_and_stream_mode_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // Far more than a pipe holds.
    let big = dir.path().join("big.txt");
    let report = std::fs::read(root().join("corpus/docs/s01_simplified.txt")).unwrap();
    std::fs::write(&big, report.repeat(400)).unwrap();
    let (code, stderr) = read_one_line_then_close(&["text", big.to_str().unwrap()], vec![]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(141), "{stderr}");
    let path = root().join("corpus/docs/s01_simplified.txt");
    let list = format!("{}\n", path.display()).repeat(3000);
    let (code, stderr) = read_one_line_then_close(
        &["run", "--files-from", "-", "--jsonl", "-", "-j", "2"],
        list.into_bytes(),
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(141), "{stderr}");
    assert!(
        !stderr.contains("documents,"),
        "no summary after a closed pipe: {stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_jsonl_file_is_renamed_into_place_but_a_fifo_or_link_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("corpus");
    let jsonl = |target: &Path| {
        let args = ["run", ".", "--jsonl", target.to_str().unwrap(), "-q"];
        banli_in(&corpus, &args, b"")
    };
    // A regular file: complete when it appears, nothing left beside it.
    let file = dir.path().join("part.jsonl");
    assert!(jsonl(&file).status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap().lines().count(), 10);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["part.jsonl"]);
    // A symbolic link stays a link; its target gets the records.
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    std::fs::write(&file, "").unwrap();
    assert!(jsonl(&link).status.success());
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_to_string(&file).unwrap().lines().count(), 10);
    // A FIFO (as /dev/stdout or a device would be) is written to, not replaced.
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping the FIFO case: mkfifo failed");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    assert!(jsonl(&fifo).status.success());
    assert_eq!(reader.join().unwrap().lines().count(), 10);
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}
