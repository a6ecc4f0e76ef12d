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
use crate::output::{MAX_CELL, Table, cell_of, fmt_value};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

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

/// The body a document reports for (see the module documentation).
pub fn body(r: &DocRecord) -> String {
    if unplaced(r) {
        format!("doc:{}", r.doc)
    } else {
        format!("{}/{}", r.meta.region, r.meta.sector)
    }
}

/// A document that is a body of its own: no region, or no year.
fn unplaced(r: &DocRecord) -> bool {
    r.meta.region.is_empty() || r.meta.year.is_none()
}

/// A sum of figures taken in document order (the same additions as summing them at once).
#[derive(Debug, Clone, Copy)]
struct Acc {
    sum: f64,
    n: usize,
}

impl Default for Acc {
    fn default() -> Self {
        // -0.0, the start of the standard library's float sum: -0.0 + x is x for every x.
        Acc { sum: -0.0, n: 0 }
    }
}

impl Acc {
    fn add(&mut self, v: Option<f64>) {
        if let Some(v) = v {
            self.sum += v;
            self.n += 1;
        }
    }

    fn total(&self) -> Option<f64> {
        (self.n > 0).then_some(self.sum)
    }

    fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }
}

/// The figures of one body and year, summed over its documents so far.
#[derive(Debug, Default)]
struct Group {
    region: String,
    sector: String,
    level: String,
    documents: usize,
    proposals: Acc,
    suggestions: Acc,
    combined: Acc,
    reply: Acc,
    satisfaction: Acc,
    solved_share: Acc,
    /// The document keys, joined by `; `, as far as a cell shows them ([`MAX_CELL`]); the
    /// whole list's length in UTF-16 units and in characters.
    docs: String,
    docs_units: usize,
    docs_chars: usize,
    /// Each measure and subject a document gives: its figure, summed or averaged.
    panel: BTreeMap<(Measure, Subject), Acc>,
}

impl Group {
    /// A group whose fields (region, sector, level) are those of its first document.
    fn of(r: &DocRecord) -> Group {
        Group {
            region: r.meta.region.clone(),
            sector: r.meta.sector.clone(),
            level: r.meta.level.clone(),
            ..Group::default()
        }
    }

    fn add(&mut self, r: &DocRecord) {
        let h = headline(r);
        self.documents += 1;
        self.proposals.add(h.proposals);
        self.suggestions.add(h.suggestions);
        self.combined.add(h.combined);
        self.reply.add(h.reply);
        self.satisfaction.add(h.satisfaction);
        self.solved_share.add(h.solved_share);
        let sep = if self.docs_units == 0 { "" } else { "; " };
        // Kept only as far as the cell can show it (with room for a character of two units).
        if self.docs.len() <= 4 * (MAX_CELL + 2) {
            self.docs.push_str(sep);
            self.docs.push_str(&r.doc);
        }
        self.docs_units += sep.len() + r.doc.encode_utf16().count();
        self.docs_chars += sep.len() + r.doc.chars().count();
        let mut pairs: Vec<(Measure, Subject)> = r
            .facts
            .iter()
            .filter(|f| f.qualifier != Qualifier::Target)
            .map(|f| (f.measure, f.subject))
            .collect();
        pairs.sort();
        pairs.dedup();
        for (m, s) in pairs {
            self.panel.entry((m, s)).or_default().add(first(r, s, m));
        }
    }

    /// The group's comparison.csv row.
    fn wide(&self, w: &mut Table, body: &str, year: &str) -> io::Result<()> {
        w.row(&[
            body,
            &self.region,
            divisions::code(&self.region, &self.level),
            &self.sector,
            year,
            &self.level,
            &self.documents.to_string(),
            &opt(self.proposals.total()),
            &opt(self.suggestions.total()),
            &opt(self.combined.total()),
            &opt(self.reply.mean()),
            &opt(self.satisfaction.mean()),
            &opt(self.solved_share.mean()),
            &cell_of(&self.docs, self.docs_units, || self.docs_chars),
        ])
    }

    /// The group's panel.csv rows, measures and subjects in the order of `facts.csv`'s
    /// vocabulary.
    fn long(&self, w: &mut Table, body: &str, year: &str) -> io::Result<()> {
        let code = divisions::code(&self.region, &self.level);
        for ((m, s), acc) in &self.panel {
            let value = if m.is_rate() { acc.mean() } else { acc.total() };
            w.row(&[body, code, year, m.as_str(), s.as_str(), &opt(value)])?;
        }
        Ok(())
    }
}

const WIDE: [&str; 14] = [
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
];

const LONG: [&str; 6] = ["body", "region_code", "year", "measure", "subject", "value"];

/// comparison.csv and panel.csv being summed as records pass in document-key order.
///
/// Bodies with a region and year stay in memory (there are as many as bodies × years, not
/// documents) and are written first, by [`Comparison::finish`]. A document that is a body of
/// its own is written at once to a side file, in the order it came, which is the tables'
/// order for such bodies; `finish` appends the side files after the other rows.
pub struct Comparison {
    dir: PathBuf,
    placed: BTreeMap<(String, String), Group>,
    wide_rest: Table,
    long_rest: Table,
}

/// The side files of the documents that are bodies of their own.
const WIDE_REST: &str = ".comparison.rest";
const LONG_REST: &str = ".panel.rest";

impl Comparison {
    /// Starts the two tables in `dir`.
    pub fn new(dir: &Path) -> io::Result<Comparison> {
        Ok(Comparison {
            dir: dir.to_path_buf(),
            placed: BTreeMap::new(),
            wide_rest: Table::headless(dir, WIDE_REST)?,
            long_rest: Table::headless(dir, LONG_REST)?,
        })
    }

    /// Counts one document (documents that are not reports are left out).
    pub fn add(&mut self, r: &DocRecord) -> io::Result<()> {
        if !r.meta.is_report {
            return Ok(());
        }
        let year = r.meta.year.map(|y| y.to_string()).unwrap_or_default();
        if unplaced(r) {
            let mut g = Group::of(r);
            g.add(r);
            let body = body(r);
            g.wide(&mut self.wide_rest, &body, &year)?;
            return g.long(&mut self.long_rest, &body, &year);
        }
        self.placed
            .entry((body(r), year))
            .or_insert_with(|| Group::of(r))
            .add(r);
        Ok(())
    }

    /// Writes comparison.csv and panel.csv: the bodies with a region and year, then the side
    /// files (which are removed).
    pub fn finish(self) -> io::Result<()> {
        let mut wide = Table::create(&self.dir, "comparison.csv", &WIDE)?;
        let mut long = Table::create(&self.dir, "panel.csv", &LONG)?;
        for ((body, year), g) in &self.placed {
            g.wide(&mut wide, body, year)?;
            g.long(&mut long, body, year)?;
        }
        wide.append(self.wide_rest)?;
        long.append(self.long_rest)
    }
}
