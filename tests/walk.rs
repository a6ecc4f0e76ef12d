//! Issue 9 (2): the corpus walk on hostile trees: symbolic link loops, links leaving the
//! corpus, FIFOs and devices, oversized files, file names that are not UTF-8.
#![cfg(unix)]

use crate::util::{root, run, table};
use std::os::unix::fs::symlink;
use std::path::Path;

fn report() -> Vec<u8> {
    std::fs::read(root().join("corpus/docs/s01_simplified.txt")).unwrap()
}

/// Every document key in documents.csv and errors.csv, sorted.
fn keys(out: &Path) -> Vec<String> {
    let mut k: Vec<String> = table(&out.join("documents.csv"))
        .into_iter()
        .chain(table(&out.join("errors.csv")))
        .map(|r| r["doc"].clone())
        .collect();
    k.sort();
    k
}

#[test]
fn link_loops_end_and_count_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(corpus.join("a/b")).unwrap();
    std::fs::write(corpus.join("a/b/r.txt"), report()).unwrap();
    // Two back-links made the old walk exponential; one made it read each file 41 times.
    symlink("..", corpus.join("a/b/up")).unwrap();
    symlink("../..", corpus.join("a/b/top")).unwrap();
    symlink("b", corpus.join("a/same")).unwrap();
    for follow in [false, true] {
        let out = dir.path().join(format!("out{follow}"));
        let extra: &[&str] = if follow { &["--follow"] } else { &[] };
        let res = run(&corpus, &out, extra);
        let stderr = String::from_utf8_lossy(&res.stderr);
        assert!(res.status.success(), "{stderr}");
        assert_eq!(keys(&out), vec!["a/b/r.txt"], "follow {follow}");
        let said = if follow {
            "3 links to something already read"
        } else {
            "3 symbolic links not followed"
        };
        assert!(stderr.contains(said), "{stderr}");
    }
}

#[test]
fn links_leaving_the_corpus_only_with_follow_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(dir.path().join("secret.txt"), report()).unwrap();
    symlink(dir.path().join("secret.txt"), corpus.join("in.txt")).unwrap();
    let out = dir.path().join("o1");
    let res = run(&corpus, &out, &[]);
    // Not read, but not silently dropped either: an error row names the link.
    assert_eq!(keys(&out), vec!["in.txt"]);
    assert!(table(&out.join("documents.csv")).is_empty());
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("1 symbolic links not followed"), "{stderr}");
    assert!(
        stderr.contains("in.txt: ingest: symbolic link not followed"),
        "{stderr}"
    );
    let out = dir.path().join("o2");
    let res = run(&corpus, &out, &["--follow"]);
    assert_eq!(keys(&out), vec!["in.txt"]);
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(
        stderr.contains("in.txt: symbolic link leads outside the corpus"),
        "{stderr}"
    );
}

#[test]
fn fifos_devices_and_big_files_are_error_rows_not_reads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("ok.txt"), report()).unwrap();
    std::fs::write(corpus.join("big.txt"), report().repeat(3)).unwrap();
    // A FIFO hung the old walk: nobody ever writes to it.
    let fifo = std::process::Command::new("mkfifo")
        .arg(corpus.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    // /dev/zero read until memory ran out.
    symlink("/dev/zero", corpus.join("zero.txt")).unwrap();
    let out = dir.path().join("out");
    let size = (report().len() + 1).to_string();
    let res = run(&corpus, &out, &["--follow", "--max-file-size", &size]);
    assert_eq!(res.status.code(), Some(1));
    let errors = table(&out.join("errors.csv"));
    let message = |d: &str| {
        errors
            .iter()
            .find(|r| r["doc"] == d)
            .map(|r| (r["stage"].clone(), r["message"].clone()))
            .unwrap_or_else(|| panic!("{d} has no error row: {errors:?}"))
    };
    let (stage, m) = message("big.txt");
    assert_eq!(stage, "ingest");
    assert!(m.contains("--max-file-size"), "{m}");
    assert!(message("zero.txt").1.contains("character device"));
    if fifo {
        assert!(message("pipe.txt").1.contains("FIFO"));
    }
    assert_eq!(table(&out.join("documents.csv")).len(), 1);
}

#[test]
fn names_that_are_not_utf8_stay_distinct() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    // Lossy conversion made both `a\u{FFFD}.txt`; a literal backslash must not collide either.
    for name in [&b"a\xff.txt"[..], b"a\xfe.txt", b"a\\xff.txt"] {
        if std::fs::write(corpus.join(OsStr::from_bytes(name)), report()).is_err() {
            eprintln!("skipping: the file system refuses non-UTF-8 names");
            return;
        }
    }
    let out = dir.path().join("out");
    let res = run(&corpus, &out, &[]);
    assert!(res.status.success());
    assert_eq!(
        keys(&out),
        vec!["a\\\\xff.txt", "a\\xfe.txt", "a\\xff.txt"],
        "escaped, distinct keys"
    );
}
