//! The damage generator of issue #4: each kind of mojibake applied to every document of the
//! sample corpus and of ../shared/eval, then the facts of the damaged copy compared with the
//! facts of the clean copy.

use crate::util::{root, shared_set};
use banli::ingest::{Kind, kind_of};
use banli::model::{Measure, Qualifier, Subject};
use banli::pipeline::Engine;
use encoding_rs::{BIG5, Encoding, GBK, UTF_8, WINDOWS_1252};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("engine"));

type Key = (Subject, Measure, u64, Qualifier);

/// Documents to damage: (name, decoded text, kind).
fn documents() -> Vec<(String, String, Kind)> {
    let mut dirs: Vec<PathBuf> = vec![root().join("corpus/docs")];
    for set in ["seeds", "dev"] {
        if let Some(d) = shared_set(set) {
            dirs.push(d.join("docs"));
        }
    }
    let mut out = Vec::new();
    for dir in dirs {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            let kind = kind_of(&p).unwrap_or(Kind::Text);
            let bytes = std::fs::read(&p).unwrap();
            let text = banli::decode::decode(&bytes, kind == Kind::Html)
                .unwrap()
                .text;
            out.push((p.display().to_string(), text, kind));
        }
    }
    out
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

/// Bytes of `s` in `from`, read back as `to` (what a wrong codec does).
fn misread(s: &str, from: &'static Encoding, to: &'static Encoding) -> String {
    let (bytes, _, _) = from.encode(s);
    let (text, _) = to.decode_without_bom_handling(&bytes);
    text.into_owned()
}

/// Damages every other line that has non-ASCII text (a document damaged only in part).
fn damage(text: &str, f: impl Fn(&str) -> String) -> String {
    let mut n = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches('\n');
            if body.is_ascii() {
                return line.to_string();
            }
            n += 1;
            if n % 2 == 0 && text.lines().count() > 1 {
                return line.to_string();
            }
            let nl = if line.ends_with('\n') { "\n" } else { "" };
            format!("{}{nl}", f(body))
        })
        .collect()
}

/// HTML left in text: paragraphs in <p>, every tenth CJK character as a numeric entity.
fn markup(line: &str) -> String {
    let body: String = line
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 10 == 3 && banli::decode::is_cjk(c) {
                format!("&#{};", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    format!("<p>{body}&nbsp;</p>")
}

/// Applies `kind` to every document; returns (facts kept, facts in clean copies, documents
/// whose facts differ).
fn run_kind(kind: &str) -> (usize, usize, Vec<String>) {
    let (mut kept, mut total, mut differ) = (0, 0, Vec::new());
    for (name, text, k) in documents() {
        let damaged = match kind {
            "gbk_as_latin1" => damage(&text, |l| misread(l, GBK, WINDOWS_1252)),
            "double_utf8" => damage(&text, |l| misread(l, UTF_8, WINDOWS_1252)),
            "utf8_as_gbk" => damage(&text, |l| misread(l, UTF_8, GBK)),
            "big5_as_gbk" => damage(&text, |l| misread(l, BIG5, GBK)),
            "gbk_as_big5" => damage(&text, |l| misread(l, GBK, BIG5)),
            "markup" => damage(&text, markup),
            _ => unreachable!(),
        };
        if damaged == text {
            continue;
        }
        let clean = facts(&text, k);
        let got = facts(&damaged, k);
        total += clean.len();
        kept += clean.intersection(&got).count();
        if clean != got {
            differ.push(name);
        }
    }
    eprintln!("{kind}: {kept} of {total} facts recovered; differing documents: {differ:?}");
    (kept, total, differ)
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

#[test]
fn undamaged_documents_are_left_as_decoded() {
    // The repair stage must not touch clean text: no repair recorded on any document except
    // the pinyin-annotated ones and page markers.
    for (name, text, kind) in documents() {
        let _ = kind;
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
