//! Per-stage throughput (`cargo bench --bench stages`): each stage of the pipeline run alone
//! over about 1 MB of text built from the sample corpus (corpus/docs, our own writing), with
//! the heavy objects built once, as the workers share them. divan reports bytes per second of
//! input for every stage, so a slow stage shows up by name. The whole-process figures, with
//! peak memory and the -j2/-j1 ratio, come from `scripts/bench.sh`.

use banli::decode;
use banli::extract::{facts, meta, topics};
use banli::ingest::Kind;
use banli::pipeline::Engine;
use banli::repair::{self, budget::Budget, mojibake::Judge};
use banli::script::{self, Converters};
use banli::segment::{self, Segmenter};
use banli::text::MappedText;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// Target size of each generated text, in bytes.
const TARGET: usize = 1 << 20;

/// Heavy objects and texts, built once for all benchmarks.
struct Fixture {
    converters: Converters,
    segmenter: Segmenter,
    engine: Engine,
    /// Simplified-script reports, UTF-8.
    simplified: String,
    /// Traditional-script reports, UTF-8.
    traditional: String,
    /// The simplified text encoded as GB18030, for the decoder's detection path.
    gb18030: Vec<u8>,
    /// The simplified text with every other line damaged as UTF-8 read as GBK.
    damaged: String,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/docs");
        let read = |name: &str| std::fs::read(format!("{dir}/{name}")).expect("corpus file");
        let text = |name: &str| {
            decode::decode(&read(name), false)
                .expect("corpus file decodes")
                .text
        };
        let simplified = repeat(&text("s01_simplified.txt"));
        let traditional = repeat(&text("s02_traditional.txt"));
        let gb18030 = encoding_rs::GB18030.encode(&simplified).0.into_owned();
        let damaged = simplified
            .lines()
            .enumerate()
            .map(|(i, line)| {
                if i % 2 == 0 {
                    line.to_string()
                } else {
                    encoding_rs::GBK.decode(line.as_bytes()).0.into_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        Fixture {
            converters: Converters::new().expect("converters"),
            segmenter: Segmenter::new(),
            engine: Engine::new().expect("engine").with_review(false),
            simplified,
            traditional,
            gb18030,
            damaged,
        }
    })
}

/// Copies of a report, one after the other, until the text is about [`TARGET`] bytes.
fn repeat(report: &str) -> String {
    let mut out = String::with_capacity(TARGET + report.len());
    while out.len() < TARGET {
        out.push_str(report);
        out.push('\n');
    }
    out
}

#[divan::bench]
fn decode_utf8(b: Bencher) {
    let f = fixture();
    b.counter(BytesCount::of_str(&f.simplified))
        .bench(|| decode::decode(black_box(f.simplified.as_bytes()), false));
}

#[divan::bench]
fn decode_gb18030(b: Bencher) {
    let f = fixture();
    b.counter(BytesCount::new(f.gb18030.len()))
        .bench(|| decode::decode(black_box(&f.gb18030), false));
}

fn repair_bench(b: Bencher, text: &str) {
    let f = fixture();
    let mapped = MappedText::identity(text);
    b.counter(BytesCount::of_str(text)).bench(|| {
        let budget = Budget::new(repair::budget::DEFAULT_REPAIR_BUDGET);
        let judge = Judge::new(&f.converters, &f.segmenter, &budget);
        repair::repair(black_box(mapped.clone()), &judge)
    });
}

#[divan::bench]
fn repair_clean(b: Bencher) {
    repair_bench(b, &fixture().simplified);
}

#[divan::bench(sample_count = 10)]
fn repair_damaged(b: Bencher) {
    repair_bench(b, &fixture().damaged);
}

#[divan::bench]
fn script_simplified(b: Bencher) {
    let f = fixture();
    let mapped = MappedText::identity(&f.simplified);
    b.counter(BytesCount::of_str(&f.simplified))
        .bench(|| script::normalise(black_box(mapped.clone()), &f.converters));
}

#[divan::bench]
fn script_traditional(b: Bencher) {
    let f = fixture();
    let mapped = MappedText::identity(&f.traditional);
    b.counter(BytesCount::of_str(&f.traditional))
        .bench(|| script::normalise(black_box(mapped.clone()), &f.converters));
}

#[divan::bench]
fn segment_sentences(b: Bencher) {
    let f = fixture();
    let chars: Vec<char> = f.simplified.chars().collect();
    b.counter(BytesCount::of_str(&f.simplified))
        .bench(|| segment::sentences(black_box(&chars)));
}

#[divan::bench]
fn segment_handling_terms(b: Bencher) {
    let f = fixture();
    b.counter(BytesCount::of_str(&f.simplified))
        .bench(|| f.segmenter.handling_terms(black_box(&f.simplified)));
}

#[divan::bench]
fn extract_facts(b: Bencher) {
    let f = fixture();
    b.counter(BytesCount::of_str(&f.simplified))
        .bench(|| facts::extract(black_box(&f.simplified)));
}

#[divan::bench]
fn extract_topics(b: Bencher) {
    let f = fixture();
    b.counter(BytesCount::of_str(&f.simplified))
        .bench(|| topics::extract(black_box(&f.simplified)));
}

#[divan::bench]
fn extract_meta(b: Bencher) {
    let f = fixture();
    b.counter(BytesCount::of_str(&f.simplified))
        .bench(|| meta::meta(black_box(&f.simplified), 100, 10, &|_| false));
}

#[divan::bench]
fn whole_document(b: Bencher) {
    let f = fixture();
    b.counter(BytesCount::of_str(&f.simplified)).bench(|| {
        f.engine
            .process_bytes("bench.txt", black_box(f.simplified.as_bytes()), Kind::Text)
            .map(|rec| rec.facts.len())
    });
}
