//! Issue 9 (6): stages outside extraction stay linear on pathological layouts. No timing
//! asserts: a quadratic stage makes these tests hang instead (minutes instead of milliseconds).

use banli::ingest::Kind;
use banli::pipeline::Engine;

#[test]
fn page_marker_check_does_not_rescan_blank_runs() {
    let engine = Engine::new().unwrap();
    // 200,000 blank lines after a long line, then a page marker: the old check rescanned the
    // rest of the blank run at every newline, and the kept text backwards for its last
    // non-blank character.
    let text = format!(
        "{long}{}结束\n{long}其余 2\n3、5 件主办件。\n",
        "\n \n".repeat(100_000),
        long = "这".repeat(45),
    );
    let (repaired, report) = engine.repaired(text.as_bytes(), Kind::Text).unwrap();
    assert_eq!(report.repairs.get("page_marker"), Some(&1));
    assert!(repaired.contains("其余 25 件主办件"), "page number dropped");
}

#[test]
fn unwrapping_many_lines_of_one_width_stays_linear() {
    // 200,000 lines of one width: the band of widths is found over sorted widths, not by
    // comparing every line with every other.
    let engine = Engine::new().unwrap();
    let line = "今年我局共办理人大代表建议和政协提案共计";
    let text = format!(
        "{}今年我局共办理人大代表建议和政协提案共\n计19件,已办结。\n",
        format!("{line}\n").repeat(200_000)
    );
    let (norm, _) = engine.normalised(text.as_bytes(), Kind::Text).unwrap();
    assert!(
        norm.contains("共计19件"),
        "the wrapped count was not joined"
    );
}

#[test]
fn a_long_run_of_lost_marks_beside_pinyin_stays_linear() {
    // A converter's annotation ("鄉(xiāng)") gives the text a dictionary of readings, and a
    // run of 200,000 question marks that no reading follows is copied as it is; the old loop
    // recounted the rest of the run at every mark.
    let engine = Engine::new().unwrap();
    let text = format!(
        "鄉(xiāng)村振兴局共办理建议12件。\n{}\n办复率100%。\n",
        "?".repeat(200_000)
    );
    let (repaired, _) = engine.repaired(text.as_bytes(), Kind::Text).unwrap();
    assert!(
        repaired.contains("乡村振兴局共办理建议12件")
            || repaired.contains("鄉村振兴局共办理建议12件")
    );
    assert_eq!(
        repaired.matches('?').count(),
        200_000,
        "the run was not kept"
    );
}

#[test]
fn many_totals_in_one_document_stay_linear() {
    // 150,000 counts, each a total of its own batch: whether a count is larger than every total
    // before it is kept as the facts are read, not found again over all of them.
    let text: String = (1..=150_000)
        .map(|i| format!("第{i}批共承办建议{i}件,办复率100%。"))
        .collect();
    let (facts, _) = banli::extract::facts::extract(&text);
    assert!(facts.len() > 150_000, "{} facts", facts.len());
}
