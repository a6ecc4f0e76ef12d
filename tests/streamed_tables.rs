//! Issue 9: the tables of a walked corpus are written as documents pass. Rows come in key
//! order, the documents that are bodies of their own still follow the placed bodies in
//! comparison.csv, no side file is left behind, and the writer refuses records out of order.

use crate::util::{run, table};
use banli::ingest::Kind;
use banli::pipeline::Engine;
use banli::tables::Tables;

/// An undated report whose key sorts first, a placed report, and a second undated one.
const DOCS: [(&str, &str); 3] = [
    (
        "0.txt",
        "关于政协提案办理工作情况的报告\n我局共承办政协提案7件，办复率100%。\n",
    ),
    (
        "m.txt",
        "宁波市教育局关于2022年度政协提案办理工作情况的报告\n2022年，宁波市教育局共承办市政协\
         提案12件，已全部办复，满意率100%。\n",
    ),
    (
        "z.txt",
        "关于政协提案办理工作情况的报告\n我局共承办政协提案3件，办复率100%。\n",
    ),
];

#[test]
fn bodies_of_their_own_follow_the_placed_ones_and_no_side_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir_all(&c).unwrap();
    for (name, text) in DOCS {
        std::fs::write(c.join(name), text).unwrap();
    }
    let out = dir.path().join("out");
    let o = run(&c, &out, &["--no-xlsx"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cmp = table(&out.join("comparison.csv"));
    let bodies: Vec<&str> = cmp.iter().map(|r| r["body"].as_str()).collect();
    assert_eq!(bodies, ["宁波市/教育", "doc:0.txt", "doc:z.txt"]);
    let panel = table(&out.join("panel.csv"));
    let first_unplaced = panel.iter().position(|r| r["body"].starts_with("doc:"));
    let last_placed = panel.iter().rposition(|r| !r["body"].starts_with("doc:"));
    assert!(first_unplaced > last_placed, "panel rows out of order");
    let docs: Vec<String> = table(&out.join("documents.csv"))
        .iter()
        .map(|r| r["doc"].clone())
        .collect();
    assert_eq!(docs, ["0.txt", "m.txt", "z.txt"]);
    for entry in std::fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.starts_with('.'),
            "side file {name} left in the output"
        );
    }
}

#[test]
fn the_writer_refuses_a_record_out_of_key_order() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::new().unwrap();
    let rec = |doc: &str| {
        engine
            .process_bytes(doc, DOCS[1].1.as_bytes(), Kind::Text)
            .unwrap()
    };
    let mut tables = Tables::create(dir.path(), false).unwrap();
    tables.record(&rec("b.txt")).unwrap();
    let err = tables.record(&rec("a.txt")).unwrap_err();
    assert!(err.to_string().contains("a.txt"), "{err}");
    // The same key twice is refused too: a document is written once.
    assert!(tables.record(&rec("b.txt")).is_err());
    tables.record(&rec("c.txt")).unwrap();
    let tally = tables.finish().unwrap();
    assert_eq!(tally.documents, 2);
}
