//! `review.html`: one self-contained page (no network, no external script or style) on which a
//! researcher reads every document with each fact's evidence highlighted, filters the
//! documents, sees charts of the comparison, and marks facts wrong, corrects them or adds
//! missing ones, downloading the result as `corrections.csv`.
//!
//! The page is rendered from `templates/review.html.j2` (embedded; `--review-template` reads
//! another copy at run time) with minijinja, which escapes every value for HTML. What the
//! page's script needs is inlined as JSON with `<`, `>` and `&` written as `\u003c` …, so no
//! text can close the script element. Charts are SVG drawn here ([`chart`]). Everything is in
//! the records' order (sorted by document), so the page is byte-identical at any `-j`.

pub mod chart;
mod compare;
mod view;

pub use view::{MAX_CHARS, view};

use crate::model::{DocError, DocRecord, Fact, Measure, Qualifier, Subject};
use crate::output::fmt_value;
use minijinja::value::{Enumerator, Object, ObjectRepr, Serde};
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

/// The page's template, as shipped.
pub const TEMPLATE: &str = include_str!("../../templates/review.html.j2");

/// The name the template is registered under (its `.html` makes minijinja escape for HTML).
const NAME: &str = "review.html.j2";

const SUBJECTS: [Subject; 3] = [Subject::Proposal, Subject::Suggestion, Subject::Combined];
const QUALIFIERS: [Qualifier; 3] = [Qualifier::Eq, Qualifier::Ge, Qualifier::Target];

/// Colour of each measure's highlight, in the order of [`Measure::ALL`].
const COLOURS: [&str; 14] = [
    "#8ecae6", "#b5e48c", "#d9ed92", "#ffd6a5", "#95d5b2", "#fde68a", "#fbb1bd", "#d0d1ff",
    "#caffbf", "#e9edc9", "#ffadad", "#a0c4ff", "#ffc6ff", "#bdb2ff",
];

#[derive(Serialize)]
struct MeasureView {
    name: &'static str,
    colour: &'static str,
    rate: bool,
}

#[derive(Debug, Serialize)]
struct FactView {
    id: String,
    subject: &'static str,
    measure: &'static str,
    value: String,
    qualifier: &'static str,
    evidence: String,
    start: usize,
    end: usize,
    repaired: bool,
    flagged: bool,
    in_text: bool,
}

#[derive(Debug, Serialize)]
struct RunView {
    text: String,
    start: usize,
    /// Set when the run's characters are not consecutive in the original (repaired).
    end: Option<usize>,
    ids: String,
    class: String,
    title: String,
}

#[derive(Debug, Serialize)]
struct DocView {
    i: usize,
    doc: String,
    is_report: bool,
    year: String,
    region: String,
    level: String,
    sector: String,
    agency: String,
    encoding: String,
    script: &'static str,
    repairs: String,
    chars: usize,
    warnings: Vec<String>,
    checks: Vec<String>,
    facts: Vec<FactView>,
    runs: Vec<RunView>,
    has_text: bool,
    shown: usize,
    total: usize,
    repaired_facts: bool,
}

/// The documents, as a sequence the template reads one document at a time: each is made a
/// template value when the loop reaches it, so the values of all documents (many small maps,
/// about 30 KB a document) never exist at once.
#[derive(Debug)]
struct Docs(Vec<DocView>);

impl Object for Docs {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.0.get(key.as_usize()?).map(|d| Value::from(Serde(d)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

/// What the page's script reads: the filter fields and the facts of every document.
#[derive(Serialize)]
struct Data<'a> {
    key: String,
    measures: Vec<&'static str>,
    subjects: Vec<&'static str>,
    qualifiers: Vec<&'static str>,
    docs: Vec<DocData<'a>>,
}

#[derive(Serialize)]
struct DocData<'a> {
    doc: &'a str,
    is_report: bool,
    year: String,
    region: &'a str,
    level: &'a str,
    sector: &'a str,
    agency: &'a str,
    warnings: usize,
    checks: usize,
    repaired: bool,
    facts: Vec<FactData<'a>>,
}

#[derive(Serialize)]
struct FactData<'a> {
    subject: &'static str,
    measure: &'static str,
    value: String,
    qualifier: &'static str,
    evidence: &'a str,
    start: usize,
    end: usize,
    repaired: bool,
    source: &'static str,
}

/// Serialises `v` as JSON that is safe inside a `<script>` element.
fn script_json<T: Serialize>(v: &T) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(v)?;
    Ok(json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026"))
}

/// Whether consistency check `w` (from [`crate::pipeline::consistency`]) is about fact `f`.
pub fn flags(w: &str, f: &Fact) -> bool {
    let Some(rest) = w.strip_prefix("check: ") else {
        return false;
    };
    if rest.starts_with("a rate is given") {
        return f.measure.is_rate();
    }
    let mut words = rest.split_whitespace();
    if words.next() != Some(f.subject.as_str()) {
        return false;
    }
    if rest.contains(" above 100") {
        return words.next() == Some(f.measure.as_str());
    }
    use Measure::*;
    let named: &[Measure] = if rest.contains("outcome classes") {
        &[Solved, InProgress, NotFeasible, Reference, Total]
    } else if rest.contains("basically satisfied") {
        &[Satisfied, BasicallySatisfied, Total]
    } else if rest.contains(" lead ") {
        &[Lead, Co, Total]
    } else {
        &[]
    };
    named.contains(&f.measure) && f.qualifier == Qualifier::Eq
}

fn is_check(w: &str) -> bool {
    w.starts_with("check:")
}

/// FNV-1a over the documents and their facts: names the page's saved corrections.
fn fingerprint(records: &[&DocRecord]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for r in records {
        for b in r.doc.bytes().chain([0]).chain(r.facts.len().to_le_bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn doc_view(i: usize, r: &DocRecord) -> DocView {
    let review = r.review.as_deref();
    let evidence = |j: usize, f: &Fact| {
        review
            .and_then(|v| v.evidence.get(j).cloned())
            .unwrap_or_else(|| f.evidence.clone())
    };
    let (checks, warnings): (Vec<String>, Vec<String>) =
        r.warnings.iter().cloned().partition(|w| is_check(w));
    let mut in_text = vec![false; r.facts.len()];
    let runs: Vec<RunView> = review
        .map(|v| {
            v.runs
                .iter()
                .map(|run| {
                    for &j in &run.facts {
                        if let Some(seen) = in_text.get_mut(j) {
                            *seen = true;
                        }
                    }
                    run_view(i, r, run)
                })
                .collect()
        })
        .unwrap_or_default();
    let facts = r
        .facts
        .iter()
        .enumerate()
        .map(|(j, f)| FactView {
            id: format!("f{i}-{j}"),
            subject: f.subject.as_str(),
            measure: f.measure.as_str(),
            value: fmt_value(f.value),
            qualifier: f.qualifier.as_str(),
            evidence: evidence(j, f),
            start: f.start,
            end: f.end,
            repaired: f.repaired,
            flagged: checks.iter().any(|w| flags(w, f)),
            in_text: in_text.get(j).copied().unwrap_or(false),
        })
        .collect();
    DocView {
        i,
        doc: r.doc.clone(),
        is_report: r.meta.is_report,
        year: r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        region: r.meta.region.clone(),
        level: r.meta.level.clone(),
        sector: r.meta.sector.clone(),
        agency: r.meta.agency.clone(),
        encoding: r.encoding.clone(),
        script: r.script.as_str(),
        repairs: r
            .repairs
            .iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>()
            .join("; "),
        chars: r.chars,
        warnings,
        checks,
        facts,
        has_text: review.is_some(),
        shown: runs.iter().map(|run| run.text.chars().count()).sum(),
        total: review.map_or(0, |v| v.chars),
        runs,
        repaired_facts: r.facts.iter().any(|f| f.repaired),
    }
}

fn run_view(i: usize, r: &DocRecord, run: &crate::model::ReviewRun) -> RunView {
    let facts: Vec<&Fact> = run.facts.iter().filter_map(|&j| r.facts.get(j)).collect();
    let mut class = Vec::new();
    // The narrowest fact gives the colour; the others are in the title and the panel.
    if let Some(f) = facts.iter().min_by_key(|f| (f.end - f.start, f.start)) {
        class.push(format!("m-{}", f.measure.as_str()));
    }
    if run.repaired_from.is_some() {
        class.push("rep".to_string());
    }
    let checks: Vec<&String> = r.warnings.iter().filter(|w| is_check(w)).collect();
    if facts.iter().any(|f| checks.iter().any(|w| flags(w, f))) {
        class.push("flag".to_string());
    }
    let mut title: Vec<String> = facts
        .iter()
        .map(|f| {
            format!(
                "{} · {} · {} · {}{}",
                f.subject.as_str(),
                f.measure.as_str(),
                fmt_value(f.value),
                f.qualifier.as_str(),
                if f.repaired { " · repaired" } else { "" }
            )
        })
        .collect();
    if let Some(from) = &run.repaired_from {
        title.push(format!("repaired from: {from}"));
    }
    let linear = run.text.chars().count() == run.end - run.start;
    RunView {
        text: run.text.clone(),
        start: run.start,
        end: (run.repaired_from.is_some() || !linear).then_some(run.end),
        ids: run
            .facts
            .iter()
            .map(|j| format!("f{i}-{j}"))
            .collect::<Vec<_>>()
            .join(" "),
        class: class.join(" "),
        title: title.join("\n"),
    }
}

fn distinct<'a>(records: &[&'a DocRecord], f: impl Fn(&'a DocRecord) -> &'a str) -> Vec<&'a str> {
    let set: BTreeSet<&str> = records
        .iter()
        .map(|r| f(r))
        .filter(|s| !s.is_empty())
        .collect();
    set.into_iter().collect()
}

/// Renders the page for `records` and `errors` (sorted here by document) with `template`
/// into `out`.
pub fn render_to(
    records: &[DocRecord],
    errors: &[DocError],
    template: &str,
    out: &mut dyn io::Write,
) -> Result<(), String> {
    let mut recs: Vec<&DocRecord> = records.iter().collect();
    recs.sort_by(|a, b| a.doc.cmp(&b.doc));
    let mut errs: Vec<&DocError> = errors.iter().collect();
    errs.sort_by(|a, b| a.doc.cmp(&b.doc));
    let docs: Vec<DocView> = recs
        .iter()
        .enumerate()
        .map(|(i, r)| doc_view(i, r))
        .collect();
    let data = Data {
        key: fingerprint(&recs),
        measures: Measure::ALL.map(Measure::as_str).to_vec(),
        subjects: SUBJECTS.map(Subject::as_str).to_vec(),
        qualifiers: QUALIFIERS.map(Qualifier::as_str).to_vec(),
        docs: recs
            .iter()
            .zip(&docs)
            .map(|(r, d)| DocData {
                doc: &r.doc,
                is_report: r.meta.is_report,
                year: d.year.clone(),
                region: &r.meta.region,
                level: &r.meta.level,
                sector: &r.meta.sector,
                agency: &r.meta.agency,
                warnings: d.warnings.len(),
                checks: d.checks.len(),
                repaired: d.repaired_facts,
                facts: r
                    .facts
                    .iter()
                    .zip(&d.facts)
                    .map(|(f, v)| FactData {
                        subject: f.subject.as_str(),
                        measure: f.measure.as_str(),
                        value: v.value.clone(),
                        qualifier: f.qualifier.as_str(),
                        evidence: &v.evidence,
                        start: f.start,
                        end: f.end,
                        repaired: f.repaired,
                        source: f.source.as_str(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let data = script_json(&data).map_err(|e| format!("review data: {e}"))?;
    let years: BTreeSet<String> = docs
        .iter()
        .map(|d| d.year.clone())
        .filter(|y| !y.is_empty())
        .collect();
    let n_checks: usize = docs.iter().map(|d| d.checks.len()).sum();
    let docs = Value::from_object(Docs(docs));
    let (rates_svg, outcomes_svg) = compare::charts(&recs);
    let measures: Vec<MeasureView> = Measure::ALL
        .iter()
        .zip(COLOURS)
        .map(|(m, colour)| MeasureView {
            name: m.as_str(),
            colour,
            rate: m.is_rate(),
        })
        .collect();
    let ctx = minijinja::context! {
        version => env!("CARGO_PKG_VERSION"),
        docs,
        errors => Value::from(Serde(&errs)),
        n_facts => recs.iter().map(|r| r.facts.len()).sum::<usize>(),
        n_checks,
        n_reports => recs.iter().filter(|r| r.meta.is_report).count(),
        regions => Value::from(Serde(distinct(&recs, |r| &r.meta.region))),
        levels => Value::from(Serde(distinct(&recs, |r| &r.meta.level))),
        sectors => Value::from(Serde(distinct(&recs, |r| &r.meta.sector))),
        years => Value::from(Serde(years)),
        measures => Value::from(Serde(measures)),
        subjects => Value::from(Serde(SUBJECTS.map(Subject::as_str))),
        qualifiers => Value::from(Serde(QUALIFIERS.map(Qualifier::as_str))),
        max_chars => MAX_CHARS,
        rates_svg => Value::from_safe_string(rates_svg),
        outcomes_svg => Value::from_safe_string(outcomes_svg),
        data => Value::from_safe_string(data),
    };
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| format!("review template: {e}"))?;
    env.set_syntax(syntax);
    env.add_template(NAME, template)
        .map_err(|e| format!("review template: {e}"))?;
    env.get_template(NAME)
        .and_then(|t| t.render_captured_to(ctx, out))
        .map(|_| ())
        .map_err(|e| format!("review template: {e}"))
}

/// The page for `records` and `errors` with `template`, as a string.
pub fn render(
    records: &[DocRecord],
    errors: &[DocError],
    template: &str,
) -> Result<String, String> {
    let mut out = Vec::new();
    render_to(records, errors, template, &mut out)?;
    String::from_utf8(out).map_err(|e| format!("review page: {e}"))
}

/// Writes `review.html` into `dir`, from the shipped template or the one at `template`.
pub fn write(
    dir: &Path,
    records: &[DocRecord],
    errors: &[DocError],
    template: Option<&Path>,
) -> io::Result<()> {
    let custom = match template {
        Some(p) => Some(
            std::fs::read_to_string(p)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?,
        ),
        None => None,
    };
    let path = dir.join("review.html");
    let at = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let mut out = io::BufWriter::new(std::fs::File::create(&path).map_err(at)?);
    let template = custom.as_deref().unwrap_or(TEMPLATE);
    render_to(records, errors, template, &mut out).map_err(io::Error::other)?;
    out.flush().map_err(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(subject: Subject, measure: Measure, value: f64) -> Fact {
        Fact {
            subject,
            measure,
            value,
            qualifier: Qualifier::Eq,
            evidence: String::new(),
            start: 0,
            end: 1,
            repaired: false,
            source: crate::model::Origin::Extracted,
        }
    }

    #[test]
    fn checks_name_the_facts_they_are_about() {
        let lead = fact(Subject::Proposal, Measure::Lead, 8.0);
        let rate = fact(Subject::Proposal, Measure::ReplyRate, 120.0);
        let other = fact(Subject::Suggestion, Measure::Lead, 8.0);
        let facts = [lead.clone(), rate.clone(), other.clone()];
        let checks = crate::pipeline::consistency(&[
            fact(Subject::Proposal, Measure::Total, 12.0),
            lead.clone(),
            fact(Subject::Proposal, Measure::Co, 5.0),
            rate.clone(),
        ]);
        assert_eq!(checks.len(), 2, "{checks:?}");
        assert!(flags(&checks[0], &lead) && !flags(&checks[0], &rate));
        assert!(flags(&checks[1], &rate) && !flags(&checks[1], &lead));
        assert!(facts.iter().all(|f| !flags("decode: replaced", f)));
        assert!(!checks.iter().any(|w| flags(w, &other)));
        assert!(flags(
            "check: a rate is given with no count anywhere",
            &rate
        ));
    }

    #[test]
    fn script_data_cannot_close_its_element() {
        let json = script_json(&["</script><!-- & >"]).unwrap();
        assert_eq!(json, r#"["\u003c/script\u003e\u003c!-- \u0026 \u003e"]"#);
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ["</script><!-- & >"]);
    }
}
