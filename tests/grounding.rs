//! Evidence on repaired text (issue 9, item 5): a fact found in a document that was damaged as a
//! whole must quote the damaged characters that spell its clause, so that reading the quoted
//! span with the right codec gives back the number the fact states.

use crate::damage_gen::{Mode, Style, damage};
use crate::util::doc_paths;
use banli::ingest::Kind;
use banli::pipeline::Engine;
use encoding_rs::{Encoding, GBK, UTF_8, WINDOWS_1252};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("engine"));

/// UTF-8 texts of the sample corpus and the seeds.
fn documents() -> Vec<String> {
    doc_paths(&["seeds"])
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The bytes Windows-1252 text stands for (encoding_rs decodes the 0x80–0x9F holes to C1
/// controls, which are mapped back as they are).
fn latin_bytes(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 || (0x80..=0x9F).contains(&u) || (0xA0..=0xFF).contains(&u) {
            out.push(u as u8);
        } else {
            let mut buf = [0; 4];
            let (b, _, _) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
            out.extend_from_slice(&b);
        }
    }
    out
}

/// For every fact written with Arabic digits in a whole-document copy damaged by `kind`, whether
/// its evidence, read with `right`, contains the number: (facts checked, facts that do).
fn grounded(kind: &str, right: &'static Encoding) -> (usize, usize) {
    let (mut checked, mut ok) = (0, 0);
    for text in documents() {
        let Some(damaged) = damage(&text, kind, Mode::Whole, Style::EncodingRs) else {
            continue;
        };
        let rec = ENGINE
            .process_bytes("d", damaged.as_bytes(), Kind::Text)
            .expect("processed");
        for f in &rec.facts {
            let number = format!("{}", f.value);
            let bytes = latin_bytes(&f.evidence);
            let (back, _) = right.decode_without_bom_handling(&bytes);
            if !text.contains(&number) {
                continue; // written in Chinese numerals or 万: not checked here
            }
            checked += 1;
            if back.contains(&number) {
                ok += 1;
            }
        }
    }
    (checked, ok)
}

#[test]
fn evidence_on_repaired_documents_spells_the_number() {
    for (kind, right) in [("gbk_as_latin1", GBK), ("double_utf8", UTF_8)] {
        let (checked, ok) = grounded(kind, right);
        eprintln!("{kind}: {ok} of {checked} facts quote their number");
        assert!(checked >= 40, "{kind}: only {checked} facts checked");
        assert_eq!(
            ok, checked,
            "{kind}: {ok} of {checked} facts quote their number"
        );
    }
}
