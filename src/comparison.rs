//! `comparison.csv` and `panel.csv`: the report documents' figures by reporting body and year,
//! wide (one row per body and year, the headline figures as columns) and long (one row per
//! body, year, measure and subject), for joining with statistical yearbooks.
//!
//! A body is a region and a line of work as banli knows them (`region/sector`, such as
//! `杭州市/人社`; `杭州市/` when the sector is unknown). A document without a region, or
//! without a year, is a body of its own, `doc:` and its key (`doc:a/b.txt`): documents whose
//! region is unknown may come from any number of bodies, and a body's undated reports from any
//! number of years, so they are never summed together. Bodies with a region and year come
//! first, then the documents on their own, each in byte order, then by year.
//!
//! Counts are summed over the documents of a body and year; rates and the solved share are
//! averaged over the documents that give them. A document's figure for a subject and measure
//! is the largest of its facts for them that is not a target.

use crate::divisions;
use crate::model::{DocRecord, Measure, Qualifier, Subject};
use crate::output::{Table, fmt_value};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// Headline figures of one document.
#[derive(Debug, Default, Clone)]
struct Headline {
    proposals: Option<f64>,
    suggestions: Option<f64>,
    combined: Option<f64>,
    reply: Option<f64>,
    satisfaction: Option<f64>,
    solved_share: Option<f64>,
}

/// A document's figure for subject `s` and measure `m`: its largest fact that is not a target.
fn first(r: &DocRecord, s: Subject, m: Measure) -> Option<f64> {
    r.facts
        .iter()
        .filter(|f| f.subject == s && f.measure == m && f.qualifier != Qualifier::Target)
        .map(|f| f.value)
        .reduce(f64::max)
}

fn any_subject(r: &DocRecord, m: Measure) -> Option<f64> {
    [Subject::Combined, Subject::Proposal, Subject::Suggestion]
        .into_iter()
        .find_map(|s| first(r, s, m))
}

fn headline(r: &DocRecord) -> Headline {
    let proposals = first(r, Subject::Proposal, Measure::Total);
    let suggestions = first(r, Subject::Suggestion, Measure::Total);
    let combined =
        first(r, Subject::Combined, Measure::Total).or_else(|| match (proposals, suggestions) {
            (Some(p), Some(s)) => Some(p + s),
            (p, s) => p.or(s),
        });
    let solved: f64 = r
        .facts
        .iter()
        .filter(|f| f.measure == Measure::Solved && f.qualifier == Qualifier::Eq)
        .map(|f| f.value)
        .sum();
    let solved_share = match combined {
        Some(t) if t > 0.0 && solved > 0.0 => Some(100.0 * solved / t),
        _ => None,
    };
    Headline {
        proposals,
        suggestions,
        combined,
        reply: any_subject(r, Measure::ReplyRate),
        satisfaction: any_subject(r, Measure::SatisfactionRate),
        solved_share,
    }
}

/// A figure rounded to two decimals, or empty.
fn opt(v: Option<f64>) -> String {
    v.map(|x| fmt_value((x * 100.0).round() / 100.0))
        .unwrap_or_default()
}

fn mean(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        None
    } else {
        Some(v.iter().sum::<f64>() / v.len() as f64)
    }
}

fn sum(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        None
    } else {
        Some(v.iter().sum())
    }
}

/// The key of a body and year: documents without a region after the others, then the body's
/// name, then the year.
type Key = (bool, String, String);

/// The body a document reports for (see the module documentation).
pub fn body(r: &DocRecord) -> String {
    if r.meta.region.is_empty() || r.meta.year.is_none() {
        format!("doc:{}", r.doc)
    } else {
        format!("{}/{}", r.meta.region, r.meta.sector)
    }
}

/// The report documents by body and year, in the tables' order.
fn groups(records: &[DocRecord]) -> BTreeMap<Key, Vec<&DocRecord>> {
    let mut groups: BTreeMap<Key, Vec<&DocRecord>> = BTreeMap::new();
    for r in records.iter().filter(|r| r.meta.is_report) {
        let key = (
            r.meta.region.is_empty() || r.meta.year.is_none(),
            body(r),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        );
        groups.entry(key).or_default().push(r);
    }
    groups
}

/// Writes comparison.csv and panel.csv into `dir`.
pub fn write(dir: &Path, records: &[DocRecord]) -> io::Result<()> {
    let groups = groups(records);
    write_wide(dir, &groups)?;
    write_panel(dir, &groups)
}

/// comparison.csv: one row per body and year.
fn write_wide(dir: &Path, groups: &BTreeMap<Key, Vec<&DocRecord>>) -> io::Result<()> {
    let mut w = Table::create(
        dir,
        "comparison.csv",
        &[
            "body",
            "region",
            "region_code",
            "sector",
            "year",
            "level",
            "documents",
            "total_proposals",
            "total_suggestions",
            "total_combined",
            "reply_rate",
            "satisfaction_rate",
            "solved_share",
            "docs",
        ],
    )?;
    for ((_, body, year), docs) in groups {
        let heads: Vec<Headline> = docs.iter().map(|d| headline(d)).collect();
        let total =
            |f: fn(&Headline) -> Option<f64>| sum(&heads.iter().filter_map(f).collect::<Vec<_>>());
        let avg =
            |f: fn(&Headline) -> Option<f64>| mean(&heads.iter().filter_map(f).collect::<Vec<_>>());
        let meta = &docs[0].meta;
        w.row(&[
            body.as_str(),
            &meta.region,
            divisions::code(&meta.region, &meta.level),
            &meta.sector,
            year,
            &meta.level,
            &docs.len().to_string(),
            &opt(total(|h| h.proposals)),
            &opt(total(|h| h.suggestions)),
            &opt(total(|h| h.combined)),
            &opt(avg(|h| h.reply)),
            &opt(avg(|h| h.satisfaction)),
            &opt(avg(|h| h.solved_share)),
            &docs
                .iter()
                .map(|d| d.doc.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        ])?;
    }
    w.finish()
}

/// panel.csv: one row per body, year, measure and subject that a document of the body gives,
/// measures and subjects in the order of `facts.csv`'s vocabulary.
fn write_panel(dir: &Path, groups: &BTreeMap<Key, Vec<&DocRecord>>) -> io::Result<()> {
    let mut w = Table::create(
        dir,
        "panel.csv",
        &["body", "region_code", "year", "measure", "subject", "value"],
    )?;
    for ((_, body, year), docs) in groups {
        let meta = &docs[0].meta;
        let code = divisions::code(&meta.region, &meta.level);
        let mut figures: BTreeMap<(Measure, Subject), Vec<f64>> = BTreeMap::new();
        for d in docs {
            let mut pairs: Vec<(Measure, Subject)> = d
                .facts
                .iter()
                .filter(|f| f.qualifier != Qualifier::Target)
                .map(|f| (f.measure, f.subject))
                .collect();
            pairs.sort();
            pairs.dedup();
            for (m, s) in pairs {
                if let Some(v) = first(d, s, m) {
                    figures.entry((m, s)).or_default().push(v);
                }
            }
        }
        for ((m, s), values) in figures {
            let value = if m.is_rate() {
                mean(&values)
            } else {
                sum(&values)
            };
            w.row(&[body, code, year, m.as_str(), s.as_str(), &opt(value)])?;
        }
    }
    w.finish()
}
