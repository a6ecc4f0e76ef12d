//! Issue 9: the property-test robustness suite. Invented handling-report sentences are damaged
//! the way scraped files are (each line in its own encoding or mojibake, bit flips, truncation
//! at any byte, NULs and BOMs, HTML wrappers, one long line without punctuation), and arbitrary
//! bytes are thrown in beside them. Over every such input the library must not panic, must
//! account for every file (a document or an error row), must quote for every fact and topic
//! exactly the decoded original at its character offsets, and must do work linear in size.
//!
//! Driven through the library (`pipeline::run`, `Engine`), not the binary. The case counts keep
//! the suite to a few seconds; `PROPTEST_CASES` raises them for a longer hunt.

use crate::damage_gen::{Style, misread};
use banli::ingest::{Kind, WalkOptions, kind_of};
use banli::model::DocRecord;
use banli::pipeline::{self, Engine};
use encoding_rs::{BIG5, GBK, UTF_8, WINDOWS_1252};
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::LazyLock;

/// The engine of the suite, with a small repair budget so that no case can take long (and the
/// budget's path is exercised too).
static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new().expect("engine").with_repair_budget(300_000));

/// Sentences of an invented handling report (written for this suite; no real report's text).
const SENTENCES: [&str; 14] = [
    "青禾县水务局2023年人大代表建议和政协提案办理工作情况报告",
    "今年我局共承办县人大代表建议27件、县政协提案19件,其中主办31件,协办15件。",
    "截至9月底,46件建议提案已全部办结,按期办复率100%,代表委员满意率97.8%。",
    "已解决或基本解决的33件,列入计划逐步解决的10件,因政策原因留作参考的3件。",
    "建议提案主要涉及农村饮水安全、河道整治、防汛抗旱和水土保持等方面。",
    "局党组召开专题会议3次,逐件明确分管领导和承办股室,实行台账管理。",
    "办理期间走访代表委员58人次,邀请委员实地察看灌区改造工程2次。",
    "对群众反映集中的供水管网老化问题,争取上级资金1200万元进行改造。",
    "关于加快乡镇污水处理设施建设的提案,已纳入年度重点项目推进。",
    "下一步,我们将进一步健全办理机制,推动办理成果转化为工作实效。",
    "二〇二三年十一月十五日",
    "其中人大代表建议办结率达到百分之百,面商率为92.5%。",
    "全年共收到市级交办的政协提案六件,均为协办件。",
    "(联系电话:0000-1234567)",
];

/// How one line of a document is stored.
#[derive(Debug, Clone, Copy)]
enum LineCodec {
    Utf8,
    Gbk,
    /// Traditional script in Big5, as a Taiwanese or Hong Kong page would hold it.
    Big5,
    /// Text misread by a wrong codec and saved as UTF-8 (the kinds the repair stage undoes).
    Misread(usize, Style),
}

/// Wrong codecs: (right, wrong).
const MISREADS: [(&encoding_rs::Encoding, &encoding_rs::Encoding); 5] = [
    (GBK, WINDOWS_1252),
    (UTF_8, WINDOWS_1252),
    (UTF_8, GBK),
    (BIG5, GBK),
    (GBK, BIG5),
];

fn line_codec() -> impl Strategy<Value = LineCodec> {
    let style = prop_oneof![
        Just(Style::EncodingRs),
        Just(Style::Python),
        Just(Style::Iconv)
    ];
    prop_oneof![
        3 => Just(LineCodec::Utf8),
        2 => Just(LineCodec::Gbk),
        2 => Just(LineCodec::Big5),
        3 => (0..MISREADS.len(), style).prop_map(|(k, s)| LineCodec::Misread(k, s)),
    ]
}

/// Damage done to the bytes after encoding.
#[derive(Debug, Clone)]
enum Damage {
    /// Bits flipped at these places.
    BitFlips(Vec<(Index, u8)>),
    /// Cut short at a byte.
    Truncate(Index),
    /// NULs, BOMs (UTF-8, UTF-16LE) or a stray U+FEFF inserted at these places.
    Inserts(Vec<(Index, usize)>),
    /// Wrapped in an HTML page, with this charset declared (which may lie).
    Html(Option<&'static str>),
}

const INSERTS: [&[u8]; 4] = [b"\0", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\0\0\0\0"];

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        prop::collection::vec((any::<Index>(), 0..8u8), 1..6).prop_map(Damage::BitFlips),
        any::<Index>().prop_map(Damage::Truncate),
        prop::collection::vec((any::<Index>(), 0..INSERTS.len()), 1..5).prop_map(Damage::Inserts),
        prop_oneof![
            Just(None),
            Just(Some("utf-8")),
            Just(Some("gbk")),
            Just(Some("big5"))
        ]
        .prop_map(Damage::Html),
    ]
}

/// One generated input file: its bytes and the extension it is stored under.
#[derive(Debug, Clone)]
struct Input {
    bytes: Vec<u8>,
    ext: &'static str,
}

/// The invented report: lines of one to three sentences, in the given order.
fn report_lines(order: &[Index], per_line: &[usize]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut k = 0;
    for &n in per_line {
        let mut line = String::new();
        for _ in 0..n {
            let Some(i) = order.get(k) else { break };
            line.push_str(SENTENCES[i.index(SENTENCES.len())]);
            k += 1;
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Stores `line` with `codec`.
fn encode_line(line: &str, codec: LineCodec) -> Vec<u8> {
    match codec {
        LineCodec::Utf8 => line.as_bytes().to_vec(),
        LineCodec::Gbk => GBK.encode(line).0.into_owned(),
        LineCodec::Big5 => BIG5
            .encode(&crate::damage_gen::source(line, "big5_as_gbk"))
            .0
            .into_owned(),
        LineCodec::Misread(k, style) => {
            let (right, wrong) = MISREADS[k];
            let text = if right == BIG5 {
                crate::damage_gen::source(line, "big5_as_gbk")
            } else {
                line.to_string()
            };
            misread(&text, right, wrong, style).into_bytes()
        }
    }
}

/// Applies one damage to `bytes`; returns whether the result is an HTML page.
fn apply(bytes: &mut Vec<u8>, d: &Damage) -> bool {
    match d {
        Damage::BitFlips(flips) => {
            for (at, bit) in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] ^= 1 << bit;
                }
            }
        }
        Damage::Truncate(at) => bytes.truncate(at.index(bytes.len() + 1)),
        Damage::Inserts(list) => {
            for (at, what) in list {
                let i = at.index(bytes.len() + 1);
                bytes.splice(i..i, INSERTS[*what].iter().copied());
            }
        }
        Damage::Html(charset) => {
            let meta = charset.map_or(String::new(), |c| format!("<meta charset=\"{c}\">"));
            let mut page = format!("<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><div class=\"content\"><p>").into_bytes();
            for line in bytes.split(|&b| b == b'\n') {
                page.extend_from_slice(line);
                page.extend_from_slice(b"</p>\n<p>");
            }
            page.extend_from_slice(b"</p></div></body></html>");
            *bytes = page;
            return true;
        }
    }
    false
}

/// A damaged invented report.
fn damaged_report() -> impl Strategy<Value = Input> {
    (
        prop::collection::vec(any::<Index>(), 1..20),
        prop::collection::vec(1..4usize, 1..10),
        prop::collection::vec(line_codec(), 1..10),
        prop::collection::vec(damage(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(order, per_line, codecs, damages, long_line)| {
            let mut lines = report_lines(&order, &per_line);
            if long_line {
                // One long line with no punctuation and no break: 40 times the text.
                let flat: String = lines
                    .concat()
                    .chars()
                    .filter(|c| !",。、:;()%".contains(*c))
                    .collect();
                lines = vec![flat.repeat(40)];
            }
            let mut bytes = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                bytes.extend(encode_line(line, codecs[i % codecs.len()]));
                bytes.push(b'\n');
            }
            let mut html = false;
            for d in &damages {
                html |= apply(&mut bytes, d);
            }
            Input {
                bytes,
                ext: if html { "html" } else { "txt" },
            }
        })
}

/// Arbitrary bytes, under any of the names banli reads.
fn arbitrary_input() -> impl Strategy<Value = Input> {
    (
        prop::collection::vec(any::<u8>(), 0..3000),
        prop_oneof![Just("txt"), Just("html"), Just("")],
    )
        .prop_map(|(bytes, ext)| Input { bytes, ext })
}

/// Every fact's and topic's evidence is the decoded original at its character offsets.
fn assert_grounded(rec: &DocRecord, bytes: &[u8], kind: Kind) -> Result<(), TestCaseError> {
    let decoded = banli::decode::decode(bytes, kind == Kind::Html).expect("it was processed");
    let chars: Vec<char> = decoded.text.chars().collect();
    prop_assert_eq!(rec.chars, chars.len());
    let spans = rec
        .facts
        .iter()
        .map(|f| (&f.evidence, f.start, f.end))
        .chain(rec.topics.iter().map(|t| (&t.evidence, t.start, t.end)));
    for (evidence, a, b) in spans {
        prop_assert!(a < b && b <= chars.len(), "{}: {a}..{b}", rec.doc);
        let slice: String = chars[a..b].iter().collect();
        prop_assert_eq!(&slice, evidence, "{} at {}..{}", rec.doc, a, b);
    }
    Ok(())
}

/// Writes `inputs` into a fresh folder, runs the pipeline over it, and checks that every file
/// is a document or an error row (exactly once), that no stage panicked, and that all
/// evidence is grounded.
fn check_run(inputs: &[Input]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut names = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let name = if input.ext.is_empty() {
            format!("d{i:02}")
        } else {
            format!("d{i:02}.{}", input.ext)
        };
        std::fs::write(dir.path().join(&name), &input.bytes).expect("write");
        names.push(name);
    }
    let result = pipeline::run(
        dir.path(),
        &ENGINE,
        &WalkOptions::default(),
        &|_| {},
        &|| {},
    )
    .expect("run starts");
    let mut seen: Vec<String> = result
        .records
        .iter()
        .map(|r| r.doc.clone())
        .chain(result.errors.iter().map(|e| e.doc.clone()))
        .collect();
    seen.sort();
    prop_assert_eq!(&seen, &names, "every input is a document or an error row");
    for e in &result.errors {
        prop_assert!(
            !e.message.contains("internal error"),
            "{}: a stage panicked: {}",
            e.doc,
            e.message
        );
    }
    for rec in &result.records {
        let path = dir.path().join(&rec.doc);
        let kind = kind_of(&path).unwrap_or(Kind::Text);
        let bytes = std::fs::read(&path).expect("read back");
        assert_grounded(rec, &bytes, kind)?;
    }
    Ok(())
}

fn cases(n: u32) -> ProptestConfig {
    // PROPTEST_CASES (read by the default config) raises the counts for a longer hunt.
    let env = ProptestConfig::default().cases;
    ProptestConfig {
        cases: if env != 256 { env } else { n },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases(48))]

    /// Damaged reports and arbitrary bytes together in one corpus.
    #[test]
    fn damaged_and_arbitrary_inputs_are_accounted_for_and_grounded(
        inputs in prop::collection::vec(
            prop_oneof![3 => damaged_report(), 1 => arbitrary_input()], 1..5),
    ) {
        check_run(&inputs)?;
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// Arbitrary bytes straight into the engine, as text and as HTML: a record or an error,
    /// never a panic, and grounded evidence.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4000), html in any::<bool>()) {
        let kind = if html { Kind::Html } else { Kind::Text };
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            ENGINE.process_bytes("fuzz", &bytes, kind)
        }));
        prop_assert!(got.is_ok(), "panic");
        if let Ok(Ok(rec)) = got {
            assert_grounded(&rec, &bytes, kind)?;
        }
    }
}

/// CPU time of this thread in seconds (so other tests running beside it do not count).
fn cpu_seconds() -> f64 {
    #[cfg(target_os = "linux")]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec for clock_gettime to write.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            return t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9;
        }
    }
    static START: LazyLock<std::time::Instant> = LazyLock::new(std::time::Instant::now);
    START.elapsed().as_secs_f64()
}

/// The default engine (default repair budget), for the linear check.
static DEFAULT_ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("engine"));

/// Repair work (deterministic units) and the least CPU time of two whole runs of `bytes`.
fn cost(bytes: &[u8]) -> (u64, f64) {
    let (_, report) = DEFAULT_ENGINE.repaired(bytes, Kind::Text).expect("decodes");
    let mut best = f64::INFINITY;
    for _ in 0..2 {
        let t = cpu_seconds();
        let _ = DEFAULT_ENGINE.process_bytes("d", bytes, Kind::Text);
        best = best.min(cpu_seconds() - t);
    }
    (report.work, best)
}

/// Line codecs whose repair stays cheap enough to run a document four times its size here.
fn linear_codec() -> impl Strategy<Value = LineCodec> {
    prop_oneof![
        Just(LineCodec::Utf8),
        Just(LineCodec::Gbk),
        (0..3usize).prop_map(|k| LineCodec::Misread(k, Style::EncodingRs)),
        Just(LineCodec::Misread(2, Style::Python)),
    ]
}

proptest! {
    #![proptest_config(cases(6))]

    /// Four times the input costs at most about four times the work: repair units (exact) at
    /// most 12 times, and CPU time of the whole pipeline at most 12 times plus 50 ms (a ratio
    /// three times looser than linear, so that noise cannot fail it while anything quadratic
    /// does). The base is made at least 8,000 characters long, so that the document's
    /// diagnosis (which reads a sample of 6,000) sees the same text at both sizes.
    #[test]
    fn work_is_linear_in_input_size(
        order in prop::collection::vec(any::<Index>(), 4..20),
        per_line in prop::collection::vec(1..4usize, 2..10),
        codecs in prop::collection::vec(linear_codec(), 1..6),
    ) {
        let lines = report_lines(&order, &per_line);
        let mut doc = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            doc.extend(encode_line(line, codecs[i % codecs.len()]));
            doc.push(b'\n');
        }
        let n = banli::decode::decode(&doc, false).map_or(0, |d| d.text.chars().count());
        let base = doc.repeat(8000 / n.max(1) + 1);
        let (w1, t1) = cost(&base);
        let (w4, t4) = cost(&base.repeat(4));
        prop_assert!(w4 <= 12 * w1 + 100, "repair work {w1} → {w4} units for 4× the input");
        prop_assert!(t4 <= 12.0 * t1 + 0.05, "CPU {t1:.3}s → {t4:.3}s for 4× the input");
    }
}
