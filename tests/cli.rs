use crate::util::{banli, root, run, table};

#[test]
fn same_corpus_same_bytes_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let corpus = root().join("corpus");
    assert!(run(&corpus, &a, &["-j", "1"]).status.success());
    assert!(run(&corpus, &b, &["-j", "2"]).status.success());
    for f in [
        "documents.csv",
        "facts.csv",
        "topics.csv",
        "errors.csv",
        "comparison.csv",
        "banli.xlsx",
    ] {
        let x = std::fs::read(a.join(f)).unwrap();
        let y = std::fs::read(b.join(f)).unwrap();
        assert!(!x.is_empty());
        assert_eq!(x, y, "{f} differs between -j 1 and -j 2");
    }
}

#[test]
fn main_job_writes_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let res = run(&root().join("corpus"), &out, &[]);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let docs = table(&out.join("documents.csv"));
    assert_eq!(docs.len(), 10);
    let by = |name: &str| docs.iter().find(|r| r["doc"].ends_with(name)).unwrap();
    assert_eq!(by("s04_big5.txt")["encoding"], "Big5");
    assert_eq!(by("s04_big5.txt")["script"], "traditional");
    assert_eq!(by("s05_utf16le.txt")["encoding"], "UTF-16LE");
    assert_eq!(by("s07_gbk_meta.html")["encoding"], "GBK");
    assert!(by("s06_pinyin.txt")["repairs"].contains("pinyin_annotation"));
    let cmp = table(&out.join("comparison.csv"));
    let mianyang = cmp
        .iter()
        .find(|r| r["region"] == "绵阳市")
        .expect("绵阳市 row");
    assert_eq!(mianyang["sector"], "民政");
    assert_eq!(mianyang["reply_rate"], "100");
    assert!(table(&out.join("errors.csv")).is_empty());
    let jsonl = std::fs::read_to_string(out.join("records.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 10);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["doc"], "docs/s01_simplified.txt");
    assert!(first["facts"].as_array().is_some_and(|f| !f.is_empty()));
    let summary = String::from_utf8_lossy(&res.stderr);
    assert!(summary.contains("10 documents"), "{summary}");
}

#[test]
fn missing_corpus_is_a_clear_error() {
    let res = banli(&[
        "run",
        "/nonexistent/banli-corpus",
        "-o",
        "/tmp/banli-none",
        "-q",
    ]);
    assert_eq!(res.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&res.stderr).contains("/nonexistent/banli-corpus: ingest"));
}

#[test]
fn eval_prints_the_per_measure_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(run(&root().join("corpus"), &out, &[]).status.success());
    let res = banli(&[
        "eval",
        root().join("corpus").to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&res.stdout);
    assert!(text.starts_with("facts: precision"), "{text}");
    assert!(text.contains("satisfaction_rate"));
    assert!(text.contains("consistency warnings"));
}
