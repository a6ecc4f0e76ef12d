//! Issue 9 (1): UTF-8 reports with a bad byte or cut short stay UTF-8 with a decode warning,
//! never BOM-less UTF-16 gibberish; BOM-less UTF-16 is taken only on positive evidence.

use crate::util::root;
use banli::decode::decode;
use banli::ingest::Kind;
use banli::pipeline::Engine;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("engine"));

/// The UTF-8 reports of the sample corpus (no BOM), with their clean fact counts.
fn utf8_reports() -> Vec<(String, Vec<u8>, usize)> {
    [
        "s01_simplified.txt",
        "s02_traditional.txt",
        "s06_pinyin.txt",
    ]
    .iter()
    .map(|name| {
        let bytes = std::fs::read(root().join("corpus/docs").join(name)).unwrap();
        let clean = ENGINE.process_bytes(name, &bytes, Kind::Text).unwrap();
        assert!(!clean.facts.is_empty(), "{name} has facts");
        (name.to_string(), bytes, clean.facts.len())
    })
    .collect()
}

fn assert_utf8_with_warning(name: &str, what: &str, bytes: &[u8]) {
    let rec = ENGINE
        .process_bytes(name, bytes, Kind::Text)
        .unwrap_or_else(|e| panic!("{name} {what}: {e}"));
    assert_eq!(rec.encoding, "UTF-8", "{name} {what}");
    assert!(
        rec.warnings.iter().any(|w| w.starts_with("decode:")),
        "{name} {what}: no decode warning in {:?}",
        rec.warnings
    );
    assert!(!rec.facts.is_empty(), "{name} {what}: facts lost");
}

#[test]
fn one_bad_byte_keeps_utf8_with_a_warning() {
    for (name, bytes, _) in utf8_reports() {
        // Every 7th byte position, on both parities of the file length (the old UTF-16
        // fallback took only even lengths).
        for len in [bytes.len(), bytes.len() - 1] {
            for pos in (0..len).step_by(7) {
                let mut b = bytes[..len].to_vec();
                b[pos] = 0xFF;
                assert_utf8_with_warning(&name, &format!("0xFF at {pos} of {len}"), &b);
            }
        }
    }
}

#[test]
fn truncated_download_stays_utf8() {
    for (name, bytes, clean_facts) in utf8_reports() {
        // Cut inside the last three-byte character, one and two bytes into it.
        let lead = bytes.iter().rposition(|&b| b >= 0xE0).unwrap();
        for cut in [lead + 1, lead + 2] {
            let rec = ENGINE
                .process_bytes(&name, &bytes[..cut], Kind::Text)
                .unwrap();
            assert_eq!(rec.encoding, "UTF-8", "{name} cut at {cut}");
            assert!(rec.warnings.iter().any(|w| w.starts_with("decode:")));
            assert!(rec.facts.len() + 1 >= clean_facts, "{name} cut at {cut}");
        }
    }
}

#[test]
fn bomless_utf16_needs_positive_evidence() {
    // Pure CJK UTF-16LE (no ASCII, so no NUL bytes) is still read.
    let cjk = "市人社局共受理人大代表建议和政协提案,其中主办提案全部办复。\n";
    let le: Vec<u8> = cjk.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let d = decode(&le, false).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", cjk));
    // The same text as UTF-8, cut one or two bytes into its last character to an even length
    // (as UTF-16 would need), is UTF-8 with one replacement, not UTF-16.
    let whole = cjk.trim_end().as_bytes();
    let cut = if whole.len() % 2 == 1 { 1 } else { 2 };
    let u8s = &whole[..whole.len() - cut];
    let d = decode(u8s, false).unwrap();
    assert_eq!(
        (d.encoding, d.method, d.replaced),
        ("UTF-8", "utf8-lossy", 1)
    );
}

/// Every cut length and 300 single-bit flips of each UTF-8 report: no panic, and whatever is
/// read is read as UTF-8 (a damaged report never turns into another encoding's gibberish).
#[test]
fn every_cut_and_bit_flip_reads_as_utf8() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for (name, bytes, _) in utf8_reports() {
        let cuts = (1..bytes.len()).map(|n| bytes[..n].to_vec());
        let flips = (0..300).map(|_| {
            let mut b = bytes.clone();
            let at = (next() % b.len() as u64) as usize;
            b[at] ^= 1 << (next() % 8);
            b
        });
        for b in cuts.chain(flips) {
            let got = std::panic::catch_unwind(|| decode(&b, false));
            match got {
                Err(_) => panic!("{name}: decode panicked on {b:?}"),
                Ok(Ok(d)) => assert_eq!(d.encoding, "UTF-8", "{name}: {} bytes", b.len()),
                Ok(Err(_)) => assert!(b.len() < 16, "{name}: {} bytes refused", b.len()),
            }
        }
    }
}
