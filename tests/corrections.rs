//! Issue 10, item 2: corrections that persist (`banli run --corrections`), reported when
//! stale, and the agreement of two coders (`banli eval --coders`).

use crate::util::{banli, run, table};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// A report in plain text (invented).
const REPORT_A: &str = "关于2023年度建议提案办理工作情况的报告\n2023年，青禾县农业农村局共承办县政协\
委员提案24件，其中主办件15件，协办件9件。目前已全部办结，办复率100%，委员满意率96.5%。\n\
另有3件由局长亲自领衔督办。\n";

/// A report as an HTML page, with an entity inside a clause (invented).
const REPORT_B: &str = "<html><head><meta charset=\"utf-8\"><title>办理情况</title></head><body>\
<p>2022年，白桥市交通运输局共办理市人大代表建议31件，其中重点建议4件。</p>\
<p>已全部按时办复，代表满意和基本满意率达到&nbsp;100%。</p></body></html>";

/// The columns of corrections.csv, as review.html writes them (the library's own list, which a
/// unit test holds equal to the page's).
use banli::corrections::COLUMNS as COLS;

type Row = HashMap<String, String>;

fn corpus(dir: &Path) -> std::path::PathBuf {
    let c = dir.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(c.join("a.txt"), REPORT_A).unwrap();
    std::fs::write(c.join("b.html"), REPORT_B).unwrap();
    c
}

/// A cell as the page's `csvCell` writes it.
fn page_cell(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.trim().parse::<f64>().is_err();
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains(['"', ',', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// corrections.csv as the page downloads it: BOM, header, CRLF.
fn page_csv(rows: &[Row]) -> String {
    let mut out = format!("\u{feff}{}\r\n", COLS.join(","));
    for r in rows {
        let cells: Vec<String> = COLS
            .iter()
            .map(|c| page_cell(r.get(*c).map_or("", |s| s.as_str())))
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A correction of a facts.csv row, as the page records it.
fn mark(fact: &Row, action: &str, new_value: &str, new_measure: &str) -> Row {
    let mut r: Row = [
        "doc",
        "subject",
        "measure",
        "value",
        "qualifier",
        "start",
        "end",
    ]
    .iter()
    .map(|k| (k.to_string(), fact[*k].clone()))
    .collect();
    // The page quotes evidence as shown: entities decoded.
    r.insert(
        "evidence".into(),
        fact["evidence"].replace("&nbsp;", "\u{a0}"),
    );
    r.insert("action".into(), action.into());
    r.insert("new_value".into(), new_value.into());
    r.insert("new_measure".into(), new_measure.into());
    r
}

/// An added fact, its offsets found in the text (a .txt decodes to itself).
fn add(doc: &str, text: &str, clause: &str, measure: &str, value: &str) -> Row {
    let at = text.find(clause).expect("clause in text");
    let start = text[..at].chars().count();
    let end = start + clause.chars().count();
    let cells = [
        ("doc", doc),
        ("subject", "proposal"),
        ("measure", measure),
        ("value", value),
        ("qualifier", "eq"),
        ("action", "add"),
        ("evidence", clause),
    ];
    let mut r: Row = cells
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    r.insert("start".into(), start.to_string());
    r.insert("end".into(), end.to_string());
    r
}

fn key(r: &Row) -> (String, String, String, String, String, String) {
    let f = |k: &str| r[k].clone();
    (
        f("doc"),
        f("subject"),
        f("measure"),
        f("value"),
        f("start"),
        f("end"),
    )
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn find<'a>(facts: &'a [Row], doc: &str, measure: &str) -> &'a Row {
    facts
        .iter()
        .find(|r| r["doc"] == doc && r["measure"] == measure)
        .unwrap_or_else(|| panic!("no {measure} fact in {doc}"))
}

#[test]
fn corrections_written_as_the_page_writes_them_change_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let first = dir.path().join("first");
    assert!(run(&corpus, &first, &[]).status.success());
    let before = table(&first.join("facts.csv"));
    assert!(before.iter().all(|r| r["source"] == "extracted"));
    let wrong = find(&before, "a.txt", "co").clone();
    let fixed = find(&before, "a.txt", "total").clone();
    let html = find(&before, "b.html", "satisfaction_rate").clone();
    assert!(html["evidence"].contains("&nbsp;"), "{html:?}");
    let new_total = (fixed["value"].parse::<u32>().unwrap() + 1).to_string();
    assert!(
        before
            .iter()
            .all(|r| r["measure"] != "key" || r["doc"] != "a.txt")
    );
    let rows = vec![
        mark(&wrong, "wrong", "", ""),
        mark(&fixed, "correct", &new_total, ""),
        mark(&html, "correct", "", "reply_rate"),
        add("a.txt", REPORT_A, "3件由局长亲自领衔督办", "key", "3"),
    ];
    let file = dir.path().join("corrections.csv");
    std::fs::write(&file, page_csv(&rows)).unwrap();
    let second = dir.path().join("second");
    let res = run(&corpus, &second, &["--corrections", file.to_str().unwrap()]);
    assert!(res.status.success(), "{}", stderr(&res));
    assert!(
        stderr(&res).contains("corrections: 4 applied, 0 not applied"),
        "{}",
        stderr(&res)
    );
    let after = table(&second.join("facts.csv"));
    // Every row but the four named is as it was, and says extracted.
    let touched: BTreeSet<_> = [&wrong, &fixed, &html].iter().map(|r| key(r)).collect();
    let kept: Vec<&Row> = before
        .iter()
        .filter(|r| !touched.contains(&key(r)))
        .collect();
    for r in &kept {
        assert!(after.contains(r), "{r:?} lost");
    }
    // One fact dropped, one added.
    assert_eq!(after.len(), before.len());
    assert!(!after.iter().any(|r| key(r) == key(&wrong)));
    let total = find(&after, "a.txt", "total");
    assert_eq!(
        (total["value"].as_str(), total["source"].as_str()),
        (new_total.as_str(), "corrected")
    );
    assert_eq!(total["evidence"], fixed["evidence"]);
    let rate = after
        .iter()
        .find(|r| r["doc"] == "b.html" && r["start"] == html["start"] && r["end"] == html["end"])
        .unwrap();
    assert_eq!(
        (rate["measure"].as_str(), rate["source"].as_str()),
        ("reply_rate", "corrected")
    );
    let key_fact = find(&after, "a.txt", "key");
    assert_eq!(
        (key_fact["value"].as_str(), key_fact["evidence"].as_str()),
        ("3", "3件由局长亲自领衔督办")
    );
    assert_eq!(key_fact["source"], "corrected");
    let docs = table(&second.join("documents.csv"));
    assert!(docs.iter().all(|d| !d["warnings"].contains("correction:")));
    let a = docs.iter().find(|d| d["doc"] == "a.txt").unwrap();
    assert_eq!(
        a["facts"],
        after
            .iter()
            .filter(|r| r["doc"] == "a.txt")
            .count()
            .to_string()
    );
    // records.jsonl says the same.
    let jsonl = std::fs::read_to_string(second.join("records.jsonl")).unwrap();
    assert_eq!(jsonl.matches("\"source\":\"corrected\"").count(), 3);
}

#[test]
fn a_stale_correction_is_reported_and_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let first = dir.path().join("first");
    assert!(run(&corpus, &first, &[]).status.success());
    let before = table(&first.join("facts.csv"));
    let total = find(&before, "a.txt", "total").clone();
    let rows = vec![
        mark(&total, "wrong", "", ""),
        add("a.txt", REPORT_A, "3件由局长亲自领衔督办", "key", "3"),
    ];
    let file = dir.path().join("corrections.csv");
    std::fs::write(&file, page_csv(&rows)).unwrap();
    // The document changes after the review: a line in front moves every clause.
    std::fs::write(corpus.join("a.txt"), format!("（修订稿）\n{REPORT_A}")).unwrap();
    let fresh = dir.path().join("fresh");
    assert!(run(&corpus, &fresh, &[]).status.success());
    let second = dir.path().join("second");
    let res = run(&corpus, &second, &["--corrections", file.to_str().unwrap()]);
    assert!(res.status.success(), "{}", stderr(&res));
    let err = stderr(&res);
    assert!(
        err.contains("a.txt: correction: corrections.csv:2: wrong proposal total"),
        "{err}"
    );
    assert!(
        err.contains("corrections.csv:3: add proposal key 3"),
        "{err}"
    );
    assert!(err.contains("0 applied, 2 not applied"), "{err}");
    // Nothing applied: the facts are those of a run without corrections.
    assert_eq!(
        table(&second.join("facts.csv")),
        table(&fresh.join("facts.csv"))
    );
    let docs = table(&second.join("documents.csv"));
    let a = docs.iter().find(|d| d["doc"] == "a.txt").unwrap();
    assert_eq!(
        a["warnings"]
            .matches("correction: corrections.csv:")
            .count(),
        2,
        "{a:?}"
    );
    assert!(a["warnings"].contains("not applied: evidence"), "{a:?}");
}

#[test]
fn corrections_for_documents_not_read_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let rows = vec![add(
        "gone.txt",
        REPORT_A,
        "3件由局长亲自领衔督办",
        "key",
        "3",
    )];
    let file = dir.path().join("c.csv");
    std::fs::write(&file, page_csv(&rows)).unwrap();
    let res = run(
        &corpus,
        &dir.path().join("out"),
        &["--corrections", file.to_str().unwrap()],
    );
    assert!(res.status.success());
    assert!(
        stderr(&res).contains("c.csv: 1 corrections name gone.txt"),
        "{}",
        stderr(&res)
    );
}

#[test]
fn a_broken_corrections_file_stops_the_run_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let file = dir.path().join("bad.csv");
    let mut rows = vec![add("a.txt", REPORT_A, "3件由局长亲自领衔督办", "key", "3")];
    rows[0].insert("measure".into(), "keys".into());
    std::fs::write(&file, page_csv(&rows)).unwrap();
    let out = dir.path().join("out");
    let res = run(&corpus, &out, &["--corrections", file.to_str().unwrap()]);
    assert_eq!(res.status.code(), Some(2));
    let err = stderr(&res);
    assert!(
        err.contains("corrections:") && err.contains("bad.csv:2: unknown measure"),
        "{err}"
    );
    assert!(!out.exists());
    std::fs::write(&file, "doc,value\n").unwrap();
    let res = run(&corpus, &out, &["--corrections", file.to_str().unwrap()]);
    assert_eq!(res.status.code(), Some(2));
    assert!(stderr(&res).contains("not a corrections file"));
}

#[test]
fn shards_with_corrections_merge_into_the_corrected_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let first = dir.path().join("first");
    assert!(run(&corpus, &first, &[]).status.success());
    let before = table(&first.join("facts.csv"));
    let rows = vec![
        mark(find(&before, "b.html", "key"), "wrong", "", ""),
        add("a.txt", REPORT_A, "3件由局长亲自领衔督办", "key", "3"),
    ];
    let file = dir.path().join("corrections.csv");
    std::fs::write(&file, page_csv(&rows)).unwrap();
    let fix = file.to_str().unwrap();
    let whole = dir.path().join("whole");
    assert!(
        run(&corpus, &whole, &["--no-review", "--corrections", fix])
            .status
            .success()
    );
    let mut parts = Vec::new();
    for i in 1..=2 {
        let part = dir.path().join(format!("part{i}.jsonl"));
        let shard = format!("{i}/2");
        let res = banli(&[
            "run",
            corpus.to_str().unwrap(),
            "--jsonl",
            part.to_str().unwrap(),
            "--shard",
            &shard,
            "--corrections",
            fix,
            "-q",
        ]);
        assert!(res.status.success(), "{}", stderr(&res));
        parts.push(part);
    }
    let merged = dir.path().join("merged");
    let mut args = vec!["merge", "-o", merged.to_str().unwrap()];
    args.extend(parts.iter().map(|p| p.to_str().unwrap()));
    assert!(banli(&args).status.success());
    for f in ["facts.csv", "documents.csv", "records.jsonl", "banli.xlsx"] {
        let a = std::fs::read(whole.join(f)).unwrap();
        let b = std::fs::read(merged.join(f)).unwrap();
        assert_eq!(a, b, "{f} of the merged shards differs from the single run");
    }
    assert_eq!(
        table(&whole.join("facts.csv"))
            .iter()
            .filter(|r| r["source"] == "corrected")
            .count(),
        1
    );
}

/// F1 printed by `banli eval --coders`.
fn agreement(a: &Path, b: &Path) -> (f64, String) {
    let res = banli(&["eval", "--coders", a.to_str().unwrap(), b.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&res.stdout).into_owned();
    assert!(res.status.success(), "{}{}", out, stderr(&res));
    let f1 = out
        .lines()
        .next()
        .and_then(|l| l.split("F1 ").nth(1))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no F1 in {out}"));
    (f1, out)
}

#[test]
fn two_coders_get_their_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let first = dir.path().join("first");
    assert!(run(&corpus, &first, &[]).status.success());
    let before = table(&first.join("facts.csv"));
    let total = find(&before, "a.txt", "total");
    let bumped = (total["value"].parse::<u32>().unwrap() + 1).to_string();
    let coder_a = vec![
        mark(total, "correct", &bumped, ""),
        mark(find(&before, "a.txt", "co"), "wrong", "", ""),
    ];
    let coder_b = vec![
        mark(total, "correct", &bumped, ""),
        mark(find(&before, "b.html", "key"), "wrong", "", ""),
    ];
    let (fa, fb) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    std::fs::write(&fa, page_csv(&coder_a)).unwrap();
    std::fs::write(&fb, page_csv(&coder_b)).unwrap();
    // On the corrections alone: one decision shared of two each.
    let (f1, out) = agreement(&fa, &fb);
    assert!((f1 - 0.5).abs() < 1e-9, "{out}");
    assert!(out.contains("corrections"), "{out}");
    let (same, _) = agreement(&fa, &fa);
    assert_eq!(same, 1.0);
    // On the corrected tables: every fact counts.
    let (oa, ob) = (dir.path().join("oa"), dir.path().join("ob"));
    for (file, out) in [(&fa, &oa), (&fb, &ob)] {
        assert!(
            run(&corpus, out, &["--corrections", file.to_str().unwrap()])
                .status
                .success()
        );
    }
    let set = |o: &Path| -> BTreeSet<(String, String, String, String, String)> {
        table(&o.join("facts.csv"))
            .iter()
            .map(|r| {
                let f = |k: &str| r[k].clone();
                (
                    f("doc"),
                    f("subject"),
                    f("measure"),
                    f("value"),
                    f("qualifier"),
                )
            })
            .collect()
    };
    let (sa, sb) = (set(&oa), set(&ob));
    let both = sa.intersection(&sb).count() as f64;
    let want = 2.0 * both / (sa.len() + sb.len()) as f64;
    assert!(want < 1.0);
    let (f1, out) = agreement(&oa, &ob.join("facts.csv"));
    assert!((f1 - want).abs() < 0.0005, "{out}: want {want}");
    assert!(out.contains("co "), "{out}");
    // A facts table against a corrections file is refused.
    let res = banli(&[
        "eval",
        "--coders",
        oa.to_str().unwrap(),
        fb.to_str().unwrap(),
    ]);
    assert_eq!(res.status.code(), Some(2));
    assert!(stderr(&res).contains("different kinds"), "{}", stderr(&res));
}
