//! The damage generator of issue #4: each kind of mojibake applied to every document of the
//! sample corpus and of ../shared/eval, then the facts of the damaged copy compared with the
//! facts of the clean copy.

use crate::damage_gen::{Mode, Style, damage, source};
use crate::util::{doc_paths, root, shared_set};
use banli::ingest::{Kind, kind_of};
use banli::model::{Measure, Qualifier, Subject};
use banli::pipeline::Engine;
use std::collections::BTreeSet;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("engine"));

type Key = (Subject, Measure, u64, Qualifier);

/// The documents to damage, read once for all tests.
static DOCUMENTS: LazyLock<Vec<(String, String, Kind)>> = LazyLock::new(documents);

/// Documents to damage: (name, decoded text, kind).
fn documents() -> Vec<(String, String, Kind)> {
    doc_paths(&["seeds", "dev"])
        .into_iter()
        .map(|p| {
            let kind = kind_of(&p).unwrap_or(Kind::Text);
            let bytes = std::fs::read(&p).unwrap();
            let text = banli::decode::decode(&bytes, kind == Kind::Html)
                .unwrap()
                .text;
            (p.display().to_string(), text, kind)
        })
        .collect()
}

fn facts(text: &str, kind: Kind) -> BTreeSet<Key> {
    // Decoded text is UTF-8 now: read it as text, not as HTML whose meta charset would lie.
    let _ = kind;
    let rec = ENGINE
        .process_bytes("d", text.as_bytes(), Kind::Text)
        .expect("processed");
    rec.facts
        .iter()
        .map(|f| (f.subject, f.measure, f.value.to_bits(), f.qualifier))
        .collect()
}

/// Fact F1 of `got` against the clean copy's facts `clean`.
fn f1(kept: usize, clean: usize, got: usize) -> f64 {
    if clean + got == 0 {
        return 1.0;
    }
    2.0 * kept as f64 / (clean + got) as f64
}

/// What one kind of damage left: facts of the clean copies kept, facts of the clean copies,
/// facts of the damaged copies, documents whose facts differ.
struct Outcome {
    kept: usize,
    total: usize,
    got: usize,
    differ: Vec<String>,
}

impl Outcome {
    fn f1(&self) -> f64 {
        f1(self.kept, self.total, self.got)
    }
}

/// Applies `kind` to every document in `mode` and `style`.
fn run(kind: &str, mode: Mode, style: Style) -> Outcome {
    let mut o = Outcome {
        kept: 0,
        total: 0,
        got: 0,
        differ: Vec::new(),
    };
    for (name, text, k) in DOCUMENTS.iter() {
        let damaged = damage(text, kind, mode, style).expect("known kind");
        let text = &source(text, kind);
        if damaged == *text {
            continue;
        }
        let clean = facts(text, *k);
        let got = facts(&damaged, *k);
        o.total += clean.len();
        o.got += got.len();
        o.kept += clean.intersection(&got).count();
        if clean != got {
            o.differ.push(name.clone());
        }
    }
    eprintln!(
        "{kind} {mode:?} {style:?}: {} of {} facts recovered, F1 {:.3}; differing documents: {:?}",
        o.kept,
        o.total,
        o.f1(),
        o.differ
    );
    o
}

fn run_kind(kind: &str) -> (usize, usize, Vec<String>) {
    let o = run(kind, Mode::Alternate, Style::EncodingRs);
    (o.kept, o.total, o.differ)
}

fn lossless(kind: &str) {
    let (kept, total, differ) = run_kind(kind);
    assert!(total > 0);
    assert!(
        differ.is_empty(),
        "{kind}: facts differ on {differ:?} ({kept}/{total})"
    );
}

fn lossy(kind: &str) {
    let (kept, total, _) = run_kind(kind);
    assert!(total > 0);
    assert!(
        kept * 10 >= total * 9,
        "{kind}: only {kept} of {total} facts recovered"
    );
}

#[test]
fn gbk_shown_as_latin1() {
    lossless("gbk_as_latin1");
}

#[test]
fn utf8_decoded_twice() {
    lossless("double_utf8");
}

#[test]
fn markup_left_in_text() {
    lossless("markup");
}

#[test]
fn utf8_shown_as_gbk() {
    lossy("utf8_as_gbk");
}

#[test]
fn big5_shown_as_gbk() {
    lossy("big5_as_gbk");
}

#[test]
fn gbk_shown_as_big5() {
    lossy("gbk_as_big5");
}

/// Whole documents of the two lossy kinds a diagnosis per document exists for, both
/// replacement behaviours: the share of the clean copies' facts kept stays above the floor
/// measured when the diagnosis was built (README, "Repairing mojibake").
#[test]
fn whole_documents_of_utf8_and_big5_read_as_gbk() {
    for (kind, style, floor) in [
        ("utf8_as_gbk", Style::EncodingRs, 0.94),
        ("utf8_as_gbk", Style::Python, 0.82),
        ("big5_as_gbk", Style::EncodingRs, 0.98),
        ("big5_as_gbk", Style::Python, 0.62),
    ] {
        {
            let o = run(kind, Mode::Whole, style);
            assert!(o.total > 0);
            assert!(
                o.f1() >= floor,
                "{kind} {style:?}: F1 {:.3} below {floor} ({}/{})",
                o.f1(),
                o.kept,
                o.total
            );
        }
    }
}

/// Every kind, mode and style, printed for the README: `cargo test --release -- --ignored
/// damage_figures --nocapture`.
#[test]
#[ignore]
fn damage_figures() {
    for mode in [Mode::Alternate, Mode::Whole] {
        for style in [Style::EncodingRs, Style::Python, Style::Iconv] {
            for kind in crate::damage_gen::KINDS {
                run(kind, mode, style);
            }
        }
    }
}

#[test]
fn iconv_style_drops_the_bytes_python_replaces() {
    // An invented line: the last byte of 件 makes no GBK pair and is lost either way.
    let line = "共承办建议12件";
    let py = damage(line, "utf8_as_gbk", Mode::Whole, Style::Python).expect("known kind");
    let ic = damage(line, "utf8_as_gbk", Mode::Whole, Style::Iconv).expect("known kind");
    assert!(py.ends_with('\u{FFFD}'), "{py:?}");
    assert!(!ic.contains('\u{FFFD}'), "{ic:?}");
    assert_eq!(ic, py.replace('\u{FFFD}', ""));
}

#[test]
fn undamaged_documents_are_left_as_decoded() {
    // The repair stage must not touch clean text: no repair recorded on any document except
    // the pinyin-annotated ones and page markers.
    for (name, text, _) in DOCUMENTS.iter() {
        let rec = ENGINE
            .process_bytes("d", text.as_bytes(), Kind::Text)
            .unwrap();
        for (k, _) in &rec.repairs {
            assert!(
                matches!(
                    k.as_str(),
                    "pinyin_annotation" | "pinyin_damaged" | "page_marker"
                ),
                "{name}: false repair {k}"
            );
        }
    }
}

#[test]
fn wild_documents_get_no_codec_repair() {
    // The 303 unlabelled reports of ../shared/eval/wild are clean: neither the document's
    // diagnosis nor the line judge may find a codec mix-up in them.
    let dir = root().join("../shared/eval/wild/docs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return;
    };
    for p in entries.map(|e| e.unwrap().path()) {
        let kind = kind_of(&p).unwrap_or(Kind::Text);
        let Ok(rec) = ENGINE.process_bytes("d", &std::fs::read(&p).unwrap(), kind) else {
            continue;
        };
        for (k, _) in &rec.repairs {
            assert!(
                !["gbk", "utf8", "big5", "latin1"]
                    .iter()
                    .any(|c| k.contains(c)),
                "{}: false repair {k}",
                p.display()
            );
        }
    }
}

#[test]
fn damaged_pinyin_is_restored_or_counted_lost() {
    // 項 is annotated intact once; the damaged "?xiàng)" after 事 can only be 項 (事項).
    let text =
        "重點項(xiàng)目(mù)穩步推進(jìn)。各類事?xiàng)均已辦結(jié)。因?yàn)?zāi)返貧為零。";
    let (norm, report) = ENGINE.normalised(text.as_bytes(), Kind::Text).unwrap();
    assert!(norm.contains("各类事项均已办结"), "{norm}");
    assert_eq!(report.repairs.get("pinyin_restored"), Some(&1));
    // Nothing fits "?yàn)" and "?zāi)": two characters counted lost, none invented.
    assert_eq!(report.lost, 2, "{norm}");
    assert!(norm.contains("因\u{FFFD}\u{FFFD}返贫"), "{norm}");
}

#[test]
fn seed_004_damage_is_restored_or_counted() {
    let Some(seeds) = shared_set("seeds") else {
        return;
    };
    let path = seeds.join("docs/004_6af172b92d530fa4.txt");
    let (norm, report) = ENGINE
        .normalised(&std::fs::read(path).unwrap(), Kind::Text)
        .unwrap();
    let left = regex::Regex::new(r"[?\u{FFFD}][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)").unwrap();
    assert!(
        !left.is_match(&norm),
        "damaged annotation left: {:?}",
        left.find(&norm)
    );
    assert!(!norm.contains("(xi"), "annotation left in {norm}");
    assert!(
        report.lost >= 4,
        "lost {} in {:?}",
        report.lost,
        report.repairs
    );
}
