//! Issue 10 (5): tables researchers can merge. `region_code` (GB/T 2260) in documents.csv and
//! comparison.csv; comparison by body and year, documents without a region never pooled; the
//! combined total; `panel.csv`, long format, equal to the facts it sums; merge equals run.

use crate::util::{banli, banli_in, root, run, table};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Two reports of one body (杭州市 人社, 2023: proposals and suggestions), and two of bodies
/// that name no region.
const DOCS: [(&str, &str); 4] = [
    (
        "a.txt",
        "杭州市人力资源和社会保障局关于2023年度政协提案办理工作情况的报告\n2023年，杭州市人社局\
         共承办市政协提案20件，其中主办15件。已全部办复，办复率100%，满意率98%。\n",
    ),
    (
        "b.txt",
        "杭州市人力资源和社会保障局关于2023年度人大代表建议办理工作情况的报告\n2023年，杭州市\
         人社局共承办市人大代表建议10件。已全部办复，办复率100%，满意率96%。\n",
    ),
    (
        "c.txt",
        "关于2023年度政协提案办理工作情况的报告\n2023年，我局共承办政协提案7件，办复率100%。\n",
    ),
    (
        "d.txt",
        "关于2023年度政协提案办理工作情况的报告\n2023年，我局共承办政协提案5件，办复率100%。\n",
    ),
];

type Row = HashMap<String, String>;

/// The invented corpus in `dir/c`, run into `dir/out`.
fn corpus_run(dir: &Path) -> (Vec<Row>, Vec<Row>, Vec<Row>) {
    let c = dir.join("c");
    std::fs::create_dir_all(&c).unwrap();
    for (name, text) in DOCS {
        std::fs::write(c.join(name), text).unwrap();
    }
    let out = dir.join("out");
    let res = run(&c, &out, &[]);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    (
        table(&out.join("documents.csv")),
        table(&out.join("comparison.csv")),
        table(&out.join("panel.csv")),
    )
}

#[test]
fn region_codes_are_those_of_the_divisions_table() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, cmp, _) = corpus_run(dir.path());
    let doc = |k: &str| docs.iter().find(|r| r["doc"] == k).unwrap();
    assert_eq!(doc("a.txt")["region"], "杭州市");
    assert_eq!(doc("a.txt")["region_code"], "330100");
    assert_eq!(doc("c.txt")["region"], "");
    assert_eq!(doc("c.txt")["region_code"], "");
    let hz = cmp.iter().find(|r| r["region"] == "杭州市").unwrap();
    assert_eq!(hz["region_code"], "330100");
    // The sample corpus: every region has its code, every code is six digits.
    let out = dir.path().join("sample");
    assert!(run(&root().join("corpus"), &out, &[]).status.success());
    for r in table(&out.join("documents.csv")) {
        assert_eq!(r["region"].is_empty(), r["region_code"].is_empty(), "{r:?}");
        assert!(
            r["region_code"].is_empty() || r["region_code"].len() == 6,
            "{r:?}"
        );
    }
    let s = table(&out.join("documents.csv"));
    let mianyang = s.iter().find(|r| r["region"] == "绵阳市").unwrap();
    assert_eq!(mianyang["region_code"], "510700");
}

#[test]
fn one_row_per_body_and_year_and_no_pooling_without_a_region() {
    let dir = tempfile::tempdir().unwrap();
    let (_, cmp, _) = corpus_run(dir.path());
    let bodies: Vec<(&str, &str, &str)> = cmp
        .iter()
        .map(|r| (r["body"].as_str(), r["year"].as_str(), r["docs"].as_str()))
        .collect();
    assert_eq!(
        bodies,
        [
            ("杭州市/人社", "2023", "a.txt; b.txt"),
            ("doc:c.txt", "2023", "c.txt"),
            ("doc:d.txt", "2023", "d.txt"),
        ]
    );
    // The one body sums its documents; the unplaced ones stay apart.
    let hz = &cmp[0];
    assert_eq!(hz["documents"], "2");
    assert_eq!(hz["total_proposals"], "20");
    assert_eq!(hz["total_suggestions"], "10");
    assert_eq!(hz["total_combined"], "30");
    assert_eq!(hz["satisfaction_rate"], "97");
    assert_eq!(cmp[1]["total_proposals"], "7");
    assert_eq!(cmp[1]["total_combined"], "7");
    assert_eq!(cmp[2]["total_combined"], "5");
}

#[test]
fn undated_reports_of_one_body_are_never_summed() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir_all(&c).unwrap();
    for (name, n) in [("e.txt", 11), ("f.txt", 13)] {
        let text = format!(
            "杭州市人力资源和社会保障局政协提案办理工作情况
杭州市人社局共承办市政协提案{n}件,已全部办复。
"
        );
        std::fs::write(c.join(name), text).unwrap();
    }
    let out = dir.path().join("out");
    assert!(run(&c, &out, &[]).status.success());
    let cmp = table(&out.join("comparison.csv"));
    let rows: Vec<(&str, &str, &str, &str)> = cmp
        .iter()
        .map(|r| {
            (
                r["body"].as_str(),
                r["region"].as_str(),
                r["year"].as_str(),
                r["total_proposals"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("doc:e.txt", "杭州市", "", "11"),
            ("doc:f.txt", "杭州市", "", "13")
        ]
    );
    assert_eq!(
        panel_of(&table(&out.join("panel.csv"))),
        panel_from_facts(&out)
    );
}

/// The panel computed afresh from documents.csv and facts.csv of `out`.
fn panel_from_facts(out: &Path) -> BTreeMap<(String, String, String, String), (String, f64)> {
    let docs = table(&out.join("documents.csv"));
    let by_doc: HashMap<&str, &Row> = docs.iter().map(|r| (r["doc"].as_str(), r)).collect();
    // (body, year, measure, subject) → doc → largest non-target value.
    let mut per_doc: BTreeMap<(String, String, String, String), BTreeMap<String, f64>> =
        BTreeMap::new();
    let mut codes = HashMap::new();
    for f in table(&out.join("facts.csv")) {
        let d = by_doc[f["doc"].as_str()];
        if d["is_report"] != "1" || f["qualifier"] == "target" {
            continue;
        }
        let body = if d["region"].is_empty() || d["year"].is_empty() {
            format!("doc:{}", d["doc"])
        } else {
            format!("{}/{}", d["region"], d["sector"])
        };
        codes.insert(body.clone(), d["region_code"].clone());
        let v: f64 = f["value"].parse().unwrap();
        let e = per_doc
            .entry((
                body,
                d["year"].clone(),
                f["measure"].clone(),
                f["subject"].clone(),
            ))
            .or_default()
            .entry(f["doc"].clone())
            .or_insert(v);
        *e = e.max(v);
    }
    per_doc
        .into_iter()
        .map(|(k, vs)| {
            let sum: f64 = vs.values().sum();
            let rate = k.2.ends_with("_rate");
            let v = if rate { sum / vs.len() as f64 } else { sum };
            let code = codes[&k.0].clone();
            (k, (code, (v * 100.0).round() / 100.0))
        })
        .collect()
}

fn panel_of(rows: &[Row]) -> BTreeMap<(String, String, String, String), (String, f64)> {
    rows.iter()
        .map(|r| {
            let k = (
                r["body"].clone(),
                r["year"].clone(),
                r["measure"].clone(),
                r["subject"].clone(),
            );
            (k, (r["region_code"].clone(), r["value"].parse().unwrap()))
        })
        .collect()
}

#[test]
fn the_panel_holds_the_facts_by_body_and_year() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, panel) = corpus_run(dir.path());
    let got = panel_of(&panel);
    assert_eq!(
        got.len(),
        panel.len(),
        "one row per body, year, measure, subject"
    );
    assert_eq!(got, panel_from_facts(&dir.path().join("out")));
    let key = |b: &str, m: &str, s: &str| (b.into(), "2023".into(), m.into(), s.into());
    assert_eq!(
        got[&key("杭州市/人社", "total", "proposal")],
        ("330100".into(), 20.0)
    );
    assert_eq!(
        got[&key("doc:c.txt", "total", "proposal")],
        ("".into(), 7.0)
    );
    // The sample corpus too.
    let out = dir.path().join("sample");
    assert!(run(&root().join("corpus"), &out, &[]).status.success());
    let panel = table(&out.join("panel.csv"));
    assert!(!panel.is_empty());
    assert_eq!(panel_of(&panel), panel_from_facts(&out));
}

#[test]
fn merged_parts_write_the_tables_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    corpus_run(dir.path());
    let c = dir.path().join("c");
    // The pooled body's documents in different parts.
    let mut parts = Vec::new();
    for (i, list) in ["a.txt\nc.txt\n", "d.txt\nb.txt\n"].iter().enumerate() {
        let res = banli_in(
            &c,
            &["run", "--files-from", "-", "--jsonl", "-", "-q"],
            list.as_bytes(),
        );
        assert!(
            res.status.success(),
            "{}",
            String::from_utf8_lossy(&res.stderr)
        );
        let part = dir.path().join(format!("part{i}.jsonl"));
        std::fs::write(&part, res.stdout).unwrap();
        parts.push(part);
    }
    let merged = dir.path().join("merged");
    let res = banli(&[
        "merge",
        parts[1].to_str().unwrap(),
        parts[0].to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    for f in ["documents.csv", "comparison.csv", "panel.csv", "banli.xlsx"] {
        let want = std::fs::read(dir.path().join("out").join(f)).unwrap();
        let got = std::fs::read(merged.join(f)).unwrap();
        assert!(
            want == got,
            "{f} differs:\n{}",
            String::from_utf8_lossy(&got)
        );
    }
}
