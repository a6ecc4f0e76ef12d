//! The whole run: ingest → decode → repair → script → segment → extract, one document per
//! rayon task, with the heavy objects built once and shared.

use crate::corrections::{self, Corrections};
use crate::decode::{self, html};
use crate::extract::{facts, meta, topics};
use crate::ingest::{self, Kind, Source, Walk, WalkOptions};
use crate::model::{DocError, DocRecord, Fact, Measure, Qualifier, Stage, Topic};
use crate::repair;
use crate::script::{self, Converters};
use crate::segment::{self, Segmenter};
use crate::text::MappedText;
use rayon::prelude::*;
use std::cell::Cell;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    /// The stage the current thread's document is in, to name it when a stage panics.
    static STAGE: Cell<Stage> = const { Cell::new(Stage::Ingest) };
}

fn enter(stage: Stage) {
    STAGE.with(|s| s.set(stage));
}

/// Shared read-only state for the workers.
pub struct Engine {
    converters: Converters,
    segmenter: Segmenter,
    /// Keep what `review.html` shows of each text ([`DocRecord::review`]); turned off for
    /// the documents still to come by [`Engine::stop_review`].
    review: AtomicBool,
    /// A researcher's corrections, applied to each document's facts.
    corrections: Option<Arc<Corrections>>,
    /// Units of repair work per document ([`repair::budget`]).
    repair_budget: u64,
}

impl Engine {
    /// Builds the converters (the built-in OpenCC) and the segmenter.
    pub fn new() -> Result<Engine, String> {
        Ok(Engine::with_converters(Converters::new()?))
    }

    /// An engine over the given converters (e.g. [`Converters::system`], the system's
    /// OpenCC), with the segmenter built.
    pub fn with_converters(converters: Converters) -> Engine {
        Engine {
            converters,
            segmenter: Segmenter::new(),
            review: AtomicBool::new(false),
            corrections: None,
            repair_budget: repair::budget::DEFAULT_REPAIR_BUDGET,
        }
    }

    /// Applies `corrections` to the facts of every document processed ([`corrections::apply`]):
    /// a correction not applied becomes a warning of its document.
    pub fn with_corrections(mut self, corrections: Option<Arc<Corrections>>) -> Engine {
        self.corrections = corrections;
        self
    }

    /// Caps the work of restoring lost characters at `units` per document (default
    /// [`repair::budget::DEFAULT_REPAIR_BUDGET`]); past it they stay lost, with a warning.
    /// Counted in units of work, not time, so output does not depend on the machine.
    pub fn with_repair_budget(mut self, units: u64) -> Engine {
        self.repair_budget = units;
        self
    }

    /// Whether records keep what `review.html` shows of their text (off by default: it costs
    /// up to about [`crate::review::MAX_CHARS`] characters a document).
    pub fn with_review(self, review: bool) -> Engine {
        self.review.store(review, Ordering::Relaxed);
        self
    }

    /// Stops keeping what `review.html` shows for the documents processed from now on (a run
    /// that found more documents than the page takes).
    pub fn stop_review(&self) {
        self.review.store(false, Ordering::Relaxed);
    }

    /// Processes one document held in memory.
    pub fn process_bytes(
        &self,
        doc: &str,
        bytes: &[u8],
        kind: Kind,
    ) -> Result<DocRecord, DocError> {
        if bytes.is_empty() {
            return Err(empty_file(doc));
        }
        enter(Stage::Decode);
        let decoded = decode::decode(bytes, kind == Kind::Html);
        self.process_decoded(doc, decoded, kind)
    }

    /// Processes one document whose bytes are given up: plain UTF-8 becomes the text in place.
    fn process_owned(&self, doc: &str, bytes: Vec<u8>, kind: Kind) -> Result<DocRecord, DocError> {
        if bytes.is_empty() {
            return Err(empty_file(doc));
        }
        enter(Stage::Decode);
        let decoded = decode::decode_owned(bytes, kind == Kind::Html);
        self.process_decoded(doc, decoded, kind)
    }

    /// Everything after decoding.
    fn process_decoded(
        &self,
        doc: &str,
        decoded: Result<decode::Decoded, String>,
        kind: Kind,
    ) -> Result<DocRecord, DocError> {
        let err = |stage, message: String| DocError {
            doc: doc.to_string(),
            stage,
            message,
        };
        let mut decoded = decoded.map_err(|m| err(Stage::Decode, m))?;
        // The original is kept as a string (1-3 bytes a character) while the text is repaired,
        // converted and read, and as characters (4 bytes) only for quoting evidence after.
        let original_text = decoded.text.clone();
        let mut warnings = Vec::new();
        if decoded.replaced > 0 {
            warnings.push(format!(
                "decode: {} characters could not be decoded as {} and were replaced",
                decoded.replaced, decoded.encoding
            ));
        }
        if decoded.method == "utf16-heuristic" {
            warnings.push(format!(
                "decode: read as {} without a byte-order mark, judged from the bytes",
                decoded.encoding
            ));
        }
        if !matches!(
            decoded.encoding,
            "UTF-8" | "GBK" | "gb18030" | "Big5" | "UTF-16LE" | "UTF-16BE"
        ) {
            warnings.push(format!(
                "decode: read as {} ({}); Chinese reports are rarely in this encoding",
                decoded.encoding, decoded.method
            ));
        }
        enter(Stage::Repair);
        let (repaired, report) = self.repair_decoded(std::mem::take(&mut decoded.text), kind);
        if report.lost > 0 {
            warnings.push(format!(
                "repair: {} characters lost to damage (shown as U+FFFD)",
                report.lost
            ));
        }
        if report.restored > 0 {
            warnings.push(format!(
                "repair: {} characters restored from their neighbours (check evidence)",
                report.restored
            ));
        }
        if report.budget_spent {
            warnings.push(format!(
                "repair: work budget of {} units spent; characters lost after it were not restored (--repair-budget)",
                self.repair_budget
            ));
        }
        let repairs = report.repairs;
        // Large texts: keep only what the rest needs (`original` and `norm`, and a copy of the
        // repaired text only when the review page or a correction needs it).
        let fixes = self
            .corrections
            .as_deref()
            .map(|c| (c.name(), c.for_doc(doc)))
            .filter(|(_, list)| !list.is_empty());
        let review = self.review.load(Ordering::Relaxed);
        let shown = (review || fixes.is_some()).then(|| repaired.clone());
        enter(Stage::Script);
        let (norm, script) = script::normalise(repaired, &self.converters);
        let norm = segment::join_cell_lines(segment::unwrap_lines(norm));
        if norm.as_str().trim().is_empty() {
            return Err(err(
                Stage::Decode,
                "no text left after decoding (blank, or markup only)".into(),
            ));
        }
        enter(Stage::Extract);
        let (raw_facts, counted) = facts::extract(norm.as_str());
        let achieved = raw_facts
            .iter()
            .filter(|f| f.qualifier != Qualifier::Target)
            .count();
        let handling = self.segmenter.handling_terms(norm.as_str());
        let meta = meta::meta(norm.as_str(), handling, achieved, &|w| {
            self.segmenter.is_place_name(w)
        });
        // Exact capacity: on a large file a vector grown by doubling holds up to twice this.
        let mut original: Vec<char> = Vec::with_capacity(original_text.chars().count());
        original.extend(original_text.chars());
        drop(original_text);
        let evidence = |start: usize, end: usize| -> (String, usize, usize) {
            let (a, b) = norm.original_range(start, end);
            let b = b.min(original.len());
            let a = a.min(b);
            (original[a..b].iter().collect(), a, b)
        };
        let mut out_facts = Vec::new();
        if meta.is_report {
            let mut seen = std::collections::HashSet::new();
            for f in &raw_facts {
                let key = (f.subject, f.measure, f.value.to_bits(), f.qualifier);
                if !seen.insert(key) {
                    continue;
                }
                let (ev, a, b) = evidence(f.start, f.end);
                out_facts.push(Fact {
                    subject: f.subject,
                    measure: f.measure,
                    value: f.value,
                    qualifier: f.qualifier,
                    evidence: ev,
                    start: a,
                    end: b,
                    repaired: norm.any_touched(f.start, f.end),
                    source: crate::model::Origin::Extracted,
                });
            }
        }
        let mut out_topics: Vec<Topic> = Vec::new();
        let mut raw_topics = topics::extract(norm.as_str());
        raw_topics.extend(counted.into_iter().map(|c| topics::RawTopic {
            label: c.label,
            count: Some(c.count),
            start: c.start,
            end: c.end,
        }));
        raw_topics.sort_by_key(|t| (t.start, t.end));
        for t in raw_topics {
            // One row per area and count: the same area counted for each kind gives a row each.
            if out_topics
                .iter()
                .any(|x| x.label == t.label && (x.count == t.count || t.count.is_none()))
            {
                continue;
            }
            let (ev, a, b) = evidence(t.start, t.end);
            // An area named and counted right after ("一是关于A问题,共5件") is one row, counted;
            // an area of an earlier, broader list keeps its own row. Same clause: a few
            // characters of the original apart, no sentence or statement end between.
            let same_clause = |from: usize| {
                from <= a
                    && a - from <= 8
                    && !original[from.min(original.len())..a.min(original.len())]
                        .iter()
                        .any(|c| "。;；\n".contains(*c))
            };
            if let Some(x) = out_topics
                .iter_mut()
                .find(|x| x.label == t.label && x.count.is_none() && same_clause(x.end))
            {
                x.count = t.count;
                // The evidence is the counting clause, so that it stays the text at its offsets.
                (x.evidence, x.start, x.end) = (ev, a, b);
                continue;
            }
            out_topics.push(Topic {
                label: t.label,
                count: t.count,
                evidence: ev,
                start: a,
                end: b,
            });
        }
        // "养老和社会福利方面的建议提案281件": the areas a counted label joins, read again
        // uncounted from the same words, add nothing to it.
        let joined_in_counted: Vec<String> = out_topics
            .iter()
            .filter(|c| c.count.is_some())
            .flat_map(|c| {
                c.label
                    .split(['和', '及', '、'])
                    .filter(|p| *p != c.label)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        out_topics.retain(|t| t.count.is_some() || !joined_in_counted.contains(&t.label));
        if !meta.is_report {
            out_topics.clear();
        }
        if let (Some((file, list)), Some(shown)) = (fixes, &shown) {
            let text = corrections::DocText {
                original: &original,
                shown,
            };
            let (stale, _) = corrections::apply(&mut out_facts, list, &text, file);
            warnings.extend(stale);
        }
        warnings.extend(consistency(&out_facts));
        out_facts.sort_by(|a, b| {
            (a.start, a.end, a.measure, a.subject)
                .cmp(&(b.start, b.end, b.measure, b.subject))
                .then(a.value.total_cmp(&b.value))
        });
        let review = shown
            .filter(|_| review)
            .map(|t| Box::new(crate::review::view(&t, &original, &out_facts)));
        Ok(DocRecord {
            doc: doc.to_string(),
            meta,
            encoding: decoded.encoding.to_string(),
            script,
            repairs: repairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            chars: original.len(),
            warnings,
            facts: out_facts,
            topics: out_topics,
            review,
        })
    }

    /// The normalised text banli reads for one document (decoded, repaired, simplified), and
    /// what the repair stage reported: for inspecting what extraction sees.
    pub fn normalised(&self, bytes: &[u8], kind: Kind) -> Result<(String, repair::Report), String> {
        let (repaired, report) = self.repaired_text(bytes, kind)?;
        let (norm, _) = script::normalise(repaired, &self.converters);
        let norm = segment::join_cell_lines(segment::unwrap_lines(norm));
        Ok((norm.as_str().to_string(), report))
    }

    /// The text after the repair stage, before width folding and script conversion.
    pub fn repaired(&self, bytes: &[u8], kind: Kind) -> Result<(String, repair::Report), String> {
        let (repaired, report) = self.repaired_text(bytes, kind)?;
        Ok((repaired.as_str().to_string(), report))
    }

    fn repaired_text(
        &self,
        bytes: &[u8],
        kind: Kind,
    ) -> Result<(MappedText, repair::Report), String> {
        let decoded = decode::decode(bytes, kind == Kind::Html)?;
        Ok(self.repair_decoded(decoded.text, kind))
    }

    /// HTML to text (for HTML files and text that is an HTML page), then the repair stage.
    fn repair_decoded(&self, text: String, kind: Kind) -> (MappedText, repair::Report) {
        let head = text.trim_start();
        let looks_html =
            kind == Kind::Html || head.starts_with("<!DOCTYPE") || head.starts_with("<html");
        let base = if looks_html {
            html::to_text(&text)
        } else {
            MappedText::from_string(text)
        };
        let budget = repair::budget::Budget::new(self.repair_budget);
        let judge = repair::mojibake::Judge::new(&self.converters, &self.segmenter, &budget);
        repair::repair(base, &judge)
    }

    /// Reads (at most `max_file_size` bytes) and processes one file.
    pub fn process(&self, source: &Source, max_file_size: u64) -> Result<DocRecord, DocError> {
        enter(Stage::Ingest);
        let bytes = ingest::read(source, max_file_size).map_err(|message| DocError {
            doc: source.doc.clone(),
            stage: Stage::Ingest,
            message,
        })?;
        self.process_owned(&source.doc, bytes, source.kind)
    }
}

fn empty_file(doc: &str) -> DocError {
    DocError {
        doc: doc.to_string(),
        stage: Stage::Ingest,
        message: "empty file".into(),
    }
}

/// Consistency checks: each finding points at a value, none changes one.
pub fn consistency(facts: &[Fact]) -> Vec<String> {
    use crate::model::Subject;
    let mut out = Vec::new();
    let get = |s: Subject, m: Measure| -> Vec<f64> {
        facts
            .iter()
            .filter(|f| f.subject == s && f.measure == m && f.qualifier == Qualifier::Eq)
            .map(|f| f.value)
            .collect()
    };
    for s in [Subject::Proposal, Subject::Suggestion, Subject::Combined] {
        let totals = get(s, Measure::Total);
        let lead = get(s, Measure::Lead);
        let co = get(s, Measure::Co);
        if totals.len() == 1 && lead.len() == 1 && co.len() == 1 && lead[0] + co[0] != totals[0] {
            out.push(format!(
                "check: {} lead {} + co {} != total {}",
                s.as_str(),
                lead[0],
                co[0],
                totals[0]
            ));
        }
        if let Some(total) = totals.iter().copied().reduce(f64::max) {
            let outcomes: f64 = [
                Measure::Solved,
                Measure::InProgress,
                Measure::NotFeasible,
                Measure::Reference,
            ]
            .into_iter()
            .flat_map(|m| get(s, m))
            .sum();
            if outcomes > total {
                out.push(format!(
                    "check: {} outcome classes sum to {outcomes} > total {total}",
                    s.as_str()
                ));
            }
            let sat: f64 = get(s, Measure::Satisfied).iter().sum::<f64>()
                + get(s, Measure::BasicallySatisfied).iter().sum::<f64>();
            if sat > total {
                out.push(format!(
                    "check: {} satisfied + basically satisfied {sat} > total {total}",
                    s.as_str()
                ));
            }
        }
    }
    for f in facts {
        if f.measure.is_rate() && f.value > 100.0 {
            out.push(format!(
                "check: {} {} = {} above 100",
                f.subject.as_str(),
                f.measure.as_str(),
                f.value
            ));
        }
    }
    let has_rate = facts
        .iter()
        .any(|f| f.measure.is_rate() && f.qualifier != Qualifier::Target);
    let has_count = facts.iter().any(|f| !f.measure.is_rate());
    if has_rate && !has_count {
        out.push("check: a rate is given with no count anywhere".to_string());
    }
    out
}

/// Results of a run, sorted by document.
#[derive(Debug, Default)]
pub struct RunResult {
    /// Processed documents.
    pub records: Vec<DocRecord>,
    /// Files that could not be processed.
    pub errors: Vec<DocError>,
    /// Files skipped because banli does not read their extension.
    pub skipped_extension: usize,
    /// Symbolic links not followed (no `--follow`).
    pub links_not_followed: usize,
    /// With `--follow`: links to a folder or file already walked, skipped.
    pub links_revisited: usize,
    /// With `--follow`: links that lead outside the corpus, followed.
    pub links_outside: Vec<String>,
}

/// Processes one source, turning a panic into an error row that names the stage it hit.
pub fn process_caught(
    engine: &Engine,
    source: &Source,
    max_file_size: u64,
) -> Result<DocRecord, DocError> {
    enter(Stage::Ingest);
    let run = std::panic::AssertUnwindSafe(|| engine.process(source, max_file_size));
    std::panic::catch_unwind(run).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(DocError {
            doc: source.doc.clone(),
            stage: STAGE.with(|s| s.get()),
            message: format!("internal error (please report): {what}"),
        })
    })
}

/// Processes every input under `corpus` on the current rayon pool. `start` is told how many
/// documents were found, `tick` is called after each one (for a progress bar).
pub fn run(
    corpus: &Path,
    engine: &Engine,
    opts: &WalkOptions,
    start: &dyn Fn(usize),
    tick: &(dyn Fn() + Sync),
) -> Result<RunResult, String> {
    let walk =
        ingest::walk(corpus, opts).map_err(|e| format!("{}: ingest: {e}", corpus.display()))?;
    Ok(run_walk(walk, engine, opts.max_file_size, start, tick))
}

/// Processes the files a walk found (see [`run`]).
pub fn run_walk(
    walk: Walk,
    engine: &Engine,
    max_file_size: u64,
    start: &dyn Fn(usize),
    tick: &(dyn Fn() + Sync),
) -> RunResult {
    start(walk.sources.len());
    let results: Vec<Result<DocRecord, DocError>> = walk
        .sources
        .par_iter()
        .map(|s| {
            let r = process_caught(engine, s, max_file_size);
            tick();
            r
        })
        .collect();
    let mut out = RunResult {
        skipped_extension: walk.skipped_extension,
        links_not_followed: walk.links_not_followed,
        links_revisited: walk.links_revisited,
        links_outside: walk.links_outside,
        ..RunResult::default()
    };
    for r in results {
        match r {
            Ok(rec) => out.records.push(rec),
            Err(e) => out.errors.push(e),
        }
    }
    for (doc, message) in walk.problems {
        out.errors.push(DocError {
            doc,
            stage: Stage::Ingest,
            message,
        });
    }
    crate::output::order(&mut out.records, &mut out.errors);
    out
}
