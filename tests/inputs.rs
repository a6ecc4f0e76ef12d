use crate::util::{run, table};
use banli::ingest::Kind;
use banli::model::{Measure, Qualifier, Subject};
use banli::pipeline::Engine;
use encoding_rs::{BIG5, GB18030};

const SIMP: &str = "某市人社局2020年工作总结。今年,市人社局共承办政协提案151件,其中主办106件、协办45件,办复率100%。";
const TRAD: &str = "某市人社局2020年工作總結。今年,市人社局共承辦政協提案151件,其中主辦106件、協辦45件,辦復率100%。";

fn engine() -> Engine {
    Engine::new().expect("engine")
}

/// The four facts both sample sentences state, as (subject, measure, value, qualifier).
fn assert_core_facts(bytes: &[u8], kind: Kind, encoding: &str) {
    let rec = engine().process_bytes("x", bytes, kind).expect("processed");
    assert_eq!(rec.encoding, encoding);
    let got: Vec<(Subject, Measure, f64, Qualifier)> = rec
        .facts
        .iter()
        .map(|f| (f.subject, f.measure, f.value, f.qualifier))
        .collect();
    for want in [
        (Subject::Proposal, Measure::Total, 151.0, Qualifier::Eq),
        (Subject::Proposal, Measure::Lead, 106.0, Qualifier::Eq),
        (Subject::Proposal, Measure::Co, 45.0, Qualifier::Eq),
        (Subject::Proposal, Measure::ReplyRate, 100.0, Qualifier::Eq),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:?}");
    }
}

#[test]
fn gb18030() {
    let (b, _, _) = GB18030.encode(SIMP);
    assert_core_facts(&b, Kind::Text, "GBK");
}

#[test]
fn big5() {
    let (b, _, _) = BIG5.encode(TRAD);
    assert_core_facts(&b, Kind::Text, "Big5");
}

#[test]
fn utf16le_with_bom() {
    let mut b = vec![0xFF, 0xFE];
    for u in SIMP.encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    assert_core_facts(&b, Kind::Text, "UTF-16LE");
}

#[test]
fn utf8_with_bom() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(TRAD.as_bytes());
    assert_core_facts(&b, Kind::Text, "UTF-8");
}

#[test]
fn pinyin_without_tones_glossed_throughout() {
    // A converter that writes readings without tone marks, some characters glossed twice.
    let t = TRAD
        .replace("辦", "辦(ban)(ban)")
        .replace("協", "協(xie)")
        .replace("件", "件(jian)(jian)");
    assert_core_facts(t.as_bytes(), Kind::Text, "UTF-8");
    // A few bracketed letters after characters are no glosses: left as written.
    let few = "本局共办理建议(jy)12件,其中主办(zb)8件。";
    let rec = engine()
        .process_bytes("y", few.as_bytes(), Kind::Text)
        .unwrap();
    assert!(!rec.repairs.iter().any(|(k, _)| k.starts_with("pinyin")));
}

#[test]
fn pinyin_annotated() {
    let t = TRAD.replace("辦", "辦(bàn)").replace("協", "協(xié)");
    assert_core_facts(t.as_bytes(), Kind::Text, "UTF-8");
    let rec = engine()
        .process_bytes("x", t.as_bytes(), Kind::Text)
        .unwrap();
    assert!(
        rec.repairs
            .iter()
            .any(|(k, n)| k == "pinyin_annotation" && *n >= 4)
    );
    // Evidence quotes the original, annotations included.
    let total = rec
        .facts
        .iter()
        .find(|f| f.measure == Measure::Total)
        .unwrap();
    assert!(total.evidence.contains("承辦(bàn)"), "{}", total.evidence);
}

#[test]
fn html() {
    let h = format!("<html><body><script>var a='999件';</script><p>{SIMP}</p></body></html>");
    assert_core_facts(h.as_bytes(), Kind::Html, "UTF-8");
}

#[test]
fn html_with_gbk_meta_charset() {
    let h = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body><p>{SIMP}</p></body></html>"
    );
    let (b, _, _) = GB18030.encode(&h);
    assert_core_facts(&b, Kind::Html, "GBK");
}

#[test]
fn bad_files_end_up_in_a_table_and_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    std::fs::write(corpus.join("good.txt"), SIMP).unwrap();
    std::fs::write(corpus.join("empty.txt"), b"").unwrap();
    let binary: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 32) as u8).collect();
    std::fs::write(corpus.join("sub/binary"), &binary).unwrap();
    // Invalid as UTF-8, GBK and Big5 (a lead byte followed by a space, over and over).
    std::fs::write(
        corpus.join("nothing.txt"),
        b"\x81 \x81 \x81 \x81 \x81 \x81 \x81 \x81 ".repeat(20),
    )
    .unwrap();
    std::fs::write(corpus.join("ignored.csv"), "a,b").unwrap();
    let out = dir.path().join("out");
    let res = run(&corpus, &out, &[]);
    assert_eq!(
        res.status.code(),
        Some(1),
        "exit code 1 when some files failed"
    );
    let docs = table(&out.join("documents.csv"));
    let errors = table(&out.join("errors.csv"));
    let mut seen: Vec<String> = docs
        .iter()
        .chain(errors.iter())
        .map(|r| r["doc"].clone())
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec!["empty.txt", "good.txt", "nothing.txt", "sub/binary"]
    );
    let stage = |d: &str| {
        errors
            .iter()
            .find(|r| r["doc"] == d)
            .map(|r| r["stage"].clone())
    };
    assert_eq!(stage("empty.txt").as_deref(), Some("ingest"));
    assert_eq!(stage("sub/binary").as_deref(), Some("decode"));
    assert_eq!(stage("nothing.txt").as_deref(), Some("decode"));
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("sub/binary: decode:"), "{stderr}");
    assert!(stderr.contains("1 documents"), "{stderr}");
}

/// Deterministic pseudo-random bytes and character soups: no input may panic a stage.
#[test]
fn arbitrary_input_never_panics() {
    let engine = engine();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces = [
        "提案",
        "建议",
        "件",
        "%",
        "其中",
        "(",
        ")",
        "主办",
        "协办",
        "已解决",
        "百分之",
        "三个百分之百",
        "率",
        "满意",
        "2021年",
        "、",
        ",",
        "。",
        "\n",
        "(xiāng)",
        "?xiàng)",
        "\u{FFFD}",
        "&#21150;",
        "<p>",
        "Õþ",
        "æ”¿",
        "鏀垮",
        "一",
        "十",
        "百",
        "共计",
        "中",
        "A类",
        "分别",
        "和",
        "占",
    ];
    for round in 0..400 {
        let bytes: Vec<u8> = if round % 2 == 0 {
            (0..(next() % 300)).map(|_| next() as u8).collect()
        } else {
            (0..(next() % 60))
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect::<String>()
                .into_bytes()
        };
        let kind = if round % 3 == 0 {
            Kind::Html
        } else {
            Kind::Text
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            engine.process_bytes("fuzz", &bytes, kind)
        }));
        assert!(result.is_ok(), "panic on input {bytes:?}");
    }
}

#[test]
fn html_table_cells_read_as_label_and_value() {
    let h = "<html><body><p>某市民政局2021年政协提案办理情况</p><table><tr><td>承办政协提案</td><td>31件</td></tr><tr><td>主办</td><td>23件</td></tr><tr><td>协办</td><td>8件</td></tr><tr><td>办复率</td><td>100%</td></tr></table></body></html>";
    let rec = engine()
        .process_bytes("t.html", h.as_bytes(), Kind::Html)
        .unwrap();
    let got: Vec<(Subject, Measure, f64)> = rec
        .facts
        .iter()
        .map(|f| (f.subject, f.measure, f.value))
        .collect();
    for want in [
        (Subject::Proposal, Measure::Total, 31.0),
        (Subject::Proposal, Measure::Lead, 23.0),
        (Subject::Proposal, Measure::Co, 8.0),
        (Subject::Proposal, Measure::ReplyRate, 100.0),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:?}");
    }
}
