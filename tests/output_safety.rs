//! Issue 9 (3, 4, 7): the output folder is replaced whole and by one run at a time; CSV cells
//! are safe to open in a spreadsheet; the summary accounts for every file it skipped.

use crate::util::{root, run, table};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Every file of an output folder, by name.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    rd.map(|e| {
        let e = e.unwrap();
        (
            e.file_name().to_string_lossy().into_owned(),
            std::fs::read(e.path()).unwrap(),
        )
    })
    .collect()
}

/// A corpus of the sample reports copied `n` times.
fn copies(dir: &Path, n: usize) -> std::path::PathBuf {
    let corpus = dir.join(format!("copies{n}"));
    for i in 0..n {
        let d = corpus.join(i.to_string());
        std::fs::create_dir_all(&d).unwrap();
        for e in std::fs::read_dir(root().join("corpus/docs")).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), d.join(e.file_name())).unwrap();
        }
    }
    corpus
}

#[test]
fn a_killed_run_leaves_the_old_tables_or_the_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let big = copies(dir.path(), 20);
    // The complete new result, written elsewhere.
    let want_new = dir.path().join("new");
    assert!(run(&big, &want_new, &[]).status.success());
    let new = snapshot(&want_new);
    assert!(run(&root().join("corpus"), &out, &[]).status.success());
    let old = snapshot(&out);
    assert_ne!(old, new);
    for ms in [15, 50, 90, 130, 170, 210, 250, 300] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_banli"))
            .args(["run", big.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .args(["-q", "-j", "2"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&out);
        assert!(
            now == old || now == new,
            "after kill -9 at {ms} ms the tables are a mix: {:?}",
            now.keys().collect::<Vec<_>>()
        );
    }
    // The next run cleans up whatever the killed ones left beside the folder.
    assert!(run(&big, &out, &[]).status.success());
    assert_eq!(snapshot(&out), new);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("banli-tmp") || n.contains("banli-old"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_crash_between_renames_is_undone_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(run(&root().join("corpus"), &out, &[]).status.success());
    let old = snapshot(&out);
    let (_, _, staging, set_aside) = banli::outdir::side_paths(&out).unwrap();
    // As a crash leaves it: the previous tables set aside, half-written new ones in staging.
    std::fs::rename(&out, &set_aside).unwrap();
    std::fs::create_dir(&staging).unwrap();
    std::fs::write(staging.join("facts.csv"), "doc,subj").unwrap();
    // Even a run that stops at once (no such corpus) first puts the folder back.
    let res = run(&dir.path().join("missing"), &out, &[]);
    assert_eq!(res.status.code(), Some(2));
    assert_eq!(snapshot(&out), old);
    assert!(!staging.exists() && !set_aside.exists());
}

#[test]
fn a_second_run_on_a_locked_folder_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (_, lock_path, _, _) = banli::outdir::side_paths(&out).unwrap();
    std::fs::create_dir_all(lock_path.parent().unwrap()).unwrap();
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.try_lock().unwrap();
    let res = run(&root().join("corpus"), &out, &[]);
    assert_eq!(res.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("in use by another banli run"), "{stderr}");
    assert!(!out.exists(), "nothing written while locked");
    drop(lock);
    assert!(run(&root().join("corpus"), &out, &[]).status.success());
}

#[test]
fn a_folder_with_other_files_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let res = run(&root().join("corpus"), &out, &[]);
    assert_eq!(res.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(
        stderr.contains("notes.txt, which banli did not write"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(out.join("notes.txt")).unwrap(), b"mine");
}

#[test]
fn dot_files_in_the_output_folder_are_kept() {
    // The repository's own output/ holds a .gitkeep: the main job must still write there.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(".gitkeep"), "").unwrap();
    for _ in 0..2 {
        let res = run(&root().join("corpus"), &out, &[]);
        assert!(
            res.status.success(),
            "{}",
            String::from_utf8_lossy(&res.stderr)
        );
        assert!(out.join(".gitkeep").exists());
        assert!(out.join("facts.csv").exists());
    }
}

#[test]
fn cells_cannot_start_formulas_and_fit_in_excel() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    let report = std::fs::read(root().join("corpus/docs/s01_simplified.txt")).unwrap();
    for name in [
        "=HYPERLINK(1).txt",
        "+1.txt",
        "-2.txt",
        "@SUM.txt",
        "plain.txt",
    ] {
        std::fs::write(corpus.join(name), &report).unwrap();
    }
    // One clause of 40,000 characters holding a fact: evidence longer than an Excel cell.
    let long = format!(
        "市人社局2020年建议提案办理工作总结\n{}市人社局共承办政协提案151件,办复率100%。\n",
        "办理代表建议和政协提案".repeat(4_000)
    );
    std::fs::write(corpus.join("long.txt"), &long).unwrap();
    let out = dir.path().join("out");
    assert!(run(&corpus, &out, &[]).status.success());
    let docs: Vec<String> = table(&out.join("documents.csv"))
        .into_iter()
        .map(|r| r["doc"].clone())
        .collect();
    assert_eq!(
        docs,
        vec![
            "'+1.txt",
            "'-2.txt",
            "'=HYPERLINK(1).txt",
            "'@SUM.txt",
            "long.txt",
            "plain.txt"
        ]
    );
    let facts = table(&out.join("facts.csv"));
    let long_facts: Vec<_> = facts.iter().filter(|f| f["doc"] == "long.txt").collect();
    assert!(!long_facts.is_empty(), "the long report has facts");
    for f in &facts {
        assert!(f["evidence"].encode_utf16().count() <= 32_767);
    }
    let cut = long_facts
        .iter()
        .find(|f| f["evidence"].ends_with(" characters]"))
        .expect("a truncated evidence cell");
    assert!(
        cut["evidence"].contains("…[truncated: "),
        "{}",
        cut["evidence"]
    );
    // records.jsonl keeps the whole clause and the doc names as they are.
    let jsonl = std::fs::read_to_string(out.join("records.jsonl")).unwrap();
    assert!(jsonl.contains("\"doc\":\"=HYPERLINK(1).txt\""));
    assert!(!jsonl.contains("…[truncated"));
}

#[test]
fn the_summary_accounts_for_skipped_files_and_names_stages() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("page.shtml"), "<p>x</p>").unwrap();
    std::fs::write(corpus.join("data.csv"), "a,b").unwrap();
    let out = dir.path().join("out");
    let res = run(&corpus, &out, &[]);
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("no input files under"), "{stderr}");
    assert!(stderr.contains("2 files skipped by extension"), "{stderr}");
    // Markup with no text: the decode stage, not extract.
    std::fs::write(corpus.join("blank.html"), "<html><body> </body></html>").unwrap();
    let res = run(&corpus, &out, &[]);
    assert_eq!(res.status.code(), Some(1));
    let errors = table(&out.join("errors.csv"));
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0]["doc"].as_str(), errors[0]["stage"].as_str()),
        ("blank.html", "decode")
    );
}
