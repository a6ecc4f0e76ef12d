//! Issues 9 and 11: the repair stage's per-document work budget. A document whose lost
//! characters would take more work to restore than the budget allows keeps them lost, says so
//! in its warnings, and stops spending: the work done is the budget plus at most one hole's.

use crate::damage_gen::{Style, misread};
use crate::util::{run, table};
use banli::ingest::Kind;
use banli::pipeline::Engine;
use encoding_rs::{GBK, UTF_8};

/// An invented report whose UTF-8 was read as GBK by a reader that dropped what it could not
/// read: hundreds of lost bytes, each a candidate search.
fn hostile() -> Vec<u8> {
    let text = "东林区交通运输局今年共承办市人大代表建议42件、市政协提案35件,其中主办51件,\
                协办26件,办结率100%,满意率98%。建议提案涉及公交线路优化、农村公路养护、\
                停车设施建设和货运车辆管理等方面。\n"
        .repeat(30);
    misread(&text, UTF_8, GBK, Style::Python).into_bytes()
}

/// The most one hole may cost once begun (a beam search over six lost characters).
const ONE_HOLE: u64 = 40_000;

#[test]
fn a_document_past_its_budget_keeps_the_rest_lost_and_is_warned() {
    let bytes = hostile();
    let small = Engine::new().unwrap().with_repair_budget(5_000);
    let (_, report) = small.repaired(&bytes, Kind::Text).unwrap();
    assert!(report.budget_spent, "5,000 units were enough: {report:?}");
    assert!(
        report.work <= 5_000 + ONE_HOLE,
        "{} units spent past a budget of 5,000",
        report.work
    );
    let rec = small.process_bytes("h.txt", &bytes, Kind::Text).unwrap();
    assert!(
        rec.warnings
            .iter()
            .any(|w| w.starts_with("repair: work budget of 5000 units spent")),
        "{:?}",
        rec.warnings
    );
    // The same document within the default budget: nothing said, and more restored.
    let full = Engine::new().unwrap();
    let (_, whole) = full.repaired(&bytes, Kind::Text).unwrap();
    assert!(!whole.budget_spent, "{whole:?}");
    assert!(whole.work > report.work);
    assert!(
        whole.restored > report.restored,
        "{} restored within the budget, {} past it",
        whole.restored,
        report.restored
    );
    let rec = full.process_bytes("h.txt", &bytes, Kind::Text).unwrap();
    assert!(!rec.warnings.iter().any(|w| w.contains("work budget")));
}

#[test]
fn clean_text_costs_no_repair_work() {
    let text = "某市民政局2022年共承办政协提案21件,办复率100%。\n".repeat(50);
    let (_, report) = Engine::new()
        .unwrap()
        .repaired(text.as_bytes(), Kind::Text)
        .unwrap();
    assert_eq!(report.work, 0);
}

#[test]
fn the_budget_option_reaches_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("hostile.txt"), hostile()).unwrap();
    std::fs::write(
        corpus.join("clean.txt"),
        "某市民政局2022年共承办政协提案21件,办复率100%。",
    )
    .unwrap();
    let out = dir.path().join("out");
    let res = run(&corpus, &out, &["--repair-budget", "1000", "--no-xlsx"]);
    assert!(res.status.success(), "{res:?}");
    let docs = table(&out.join("documents.csv"));
    let warned = |d: &str| {
        docs.iter()
            .find(|r| r["doc"] == d)
            .is_some_and(|r| r["warnings"].contains("work budget of 1000 units spent"))
    };
    assert!(warned("hostile.txt"), "{docs:?}");
    assert!(!warned("clean.txt"));
}
