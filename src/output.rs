//! Stage 7: the tables, as UTF-8 CSV with a byte-order mark (so spreadsheet programs read the
//! Chinese text right), RFC 4180 quoting, rows in a fixed order; plus `records.jsonl`.
//!
//! CSV cells are made safe for spreadsheets ([`cell`]): a text cell that starts with `=`, `+`,
//! `-`, `@`, tab or carriage return gets a leading `'` (OWASP's advice against formula
//! injection), and a cell longer than Excel's 32,767 characters is cut, ending in
//! `…[truncated: N characters]`. `records.jsonl` keeps every value as it is.

use crate::model::{DocError, DocRecord, Measure, Qualifier, Subject};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Formats a number without a trailing `.0`.
pub fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Excel's limit on the characters of one cell.
pub const MAX_CELL: usize = 32_767;

/// A CSV cell made safe for spreadsheets: formula triggers neutralised with a leading `'`,
/// length capped at [`MAX_CELL`] UTF-16 units (as Excel counts). Plain numbers (`-3`, `1.5`)
/// are left alone.
pub fn cell(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.trim().parse::<f64>().is_err();
    let units = s.encode_utf16().count();
    if !risky && units <= MAX_CELL {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().min(MAX_CELL * 4) + 1);
    if risky {
        out.push('\'');
    }
    if units + usize::from(risky) <= MAX_CELL {
        out.push_str(s);
        return Cow::Owned(out);
    }
    let marker = format!("…[truncated: {} characters]", s.chars().count());
    let room = MAX_CELL - marker.encode_utf16().count() - usize::from(risky);
    let mut used = 0;
    for c in s.chars() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        out.push(c);
    }
    out.push_str(&marker);
    Cow::Owned(out)
}

/// Undoes the `'` that [`cell`] puts before a formula trigger (for reading tables back).
pub fn uncell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// A CSV table being written; every data cell goes through [`cell`].
struct Table {
    w: csv::Writer<BufWriter<File>>,
    path: std::path::PathBuf,
}

impl Table {
    fn create(dir: &Path, name: &str, header: &[&str]) -> io::Result<Table> {
        let path = dir.join(name);
        let mut f = BufWriter::new(File::create(&path).map_err(|e| at(&path, e))?);
        f.write_all("\u{feff}".as_bytes())
            .map_err(|e| at(&path, e))?;
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(f);
        w.write_record(header).map_err(|e| at(&path, e.into()))?;
        Ok(Table { w, path })
    }

    fn row(&mut self, cells: &[&str]) -> io::Result<()> {
        self.w
            .write_record(cells.iter().map(|c| cell(c).into_owned()))
            .map_err(|e| at(&self.path, e.into()))
    }

    fn finish(mut self) -> io::Result<()> {
        self.w.flush().map_err(|e| at(&self.path, e))
    }
}

/// An I/O error that names its file.
fn at(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn repairs_cell(r: &DocRecord) -> String {
    r.repairs
        .iter()
        .map(|(k, v)| format!("{k}:{v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The order of every table: documents, and errors, by document key (the byte order of the
/// UTF-8 key; a stable sort, so rows of one document keep their order).
pub fn order(records: &mut [DocRecord], errors: &mut [DocError]) {
    records.sort_by(|a, b| a.doc.cmp(&b.doc));
    errors.sort_by(|a, b| a.doc.cmp(&b.doc));
}

/// Writes documents.csv, facts.csv, topics.csv, errors.csv, comparison.csv and records.jsonl
/// into `dir`, after putting the records in [`order`]. `banli run` and `banli merge` both write
/// through here, so equal records give equal bytes.
pub fn write_all(dir: &Path, records: &mut [DocRecord], errors: &mut [DocError]) -> io::Result<()> {
    order(records, errors);
    let (records, errors) = (&*records, &*errors);
    fs::create_dir_all(dir).map_err(|e| at(dir, e))?;
    let mut w = Table::create(
        dir,
        "documents.csv",
        &[
            "doc",
            "is_report",
            "year",
            "region",
            "level",
            "sector",
            "agency",
            "encoding",
            "script",
            "repairs",
            "chars",
            "facts",
            "warnings",
        ],
    )?;
    for r in records {
        w.row(&[
            r.doc.as_str(),
            if r.meta.is_report { "1" } else { "0" },
            &r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
            &r.meta.region,
            &r.meta.level,
            &r.meta.sector,
            &r.meta.agency,
            &r.encoding,
            r.script.as_str(),
            &repairs_cell(r),
            &r.chars.to_string(),
            &r.facts.len().to_string(),
            &r.warnings.join("; "),
        ])?;
    }
    w.finish()?;

    let mut w = Table::create(
        dir,
        "facts.csv",
        &[
            "doc",
            "subject",
            "measure",
            "value",
            "qualifier",
            "evidence",
            "start",
            "end",
            "repaired",
            "source",
        ],
    )?;
    for r in records {
        for f in &r.facts {
            w.row(&[
                r.doc.as_str(),
                f.subject.as_str(),
                f.measure.as_str(),
                &fmt_value(f.value),
                f.qualifier.as_str(),
                &f.evidence,
                &f.start.to_string(),
                &f.end.to_string(),
                if f.repaired { "1" } else { "0" },
                f.source.as_str(),
            ])?;
        }
    }
    w.finish()?;

    let mut w = Table::create(
        dir,
        "topics.csv",
        &["doc", "label", "count", "evidence", "start", "end"],
    )?;
    for r in records {
        for t in &r.topics {
            w.row(&[
                r.doc.as_str(),
                &t.label,
                &t.count.map(|c| c.to_string()).unwrap_or_default(),
                &t.evidence,
                &t.start.to_string(),
                &t.end.to_string(),
            ])?;
        }
    }
    w.finish()?;

    let mut w = Table::create(dir, "errors.csv", &["doc", "stage", "message"])?;
    for e in errors {
        w.row(&[e.doc.as_str(), &e.stage.to_string(), &e.message])?;
    }
    w.finish()?;

    write_comparison(dir, records)?;
    write_jsonl(dir, records)
}

/// records.jsonl: one JSON object per document with its fields, facts and topics, for tools
/// that read structured records rather than tables.
fn write_jsonl(dir: &Path, records: &[DocRecord]) -> io::Result<()> {
    let path = dir.join("records.jsonl");
    let mut f = BufWriter::new(File::create(&path).map_err(|e| at(&path, e))?);
    for r in records {
        serde_json::to_writer(&mut f, r).map_err(|e| at(&path, io::Error::other(e)))?;
        f.write_all(b"\n").map_err(|e| at(&path, e))?;
    }
    f.flush().map_err(|e| at(&path, e))
}

/// Headline figures of one document.
#[derive(Debug, Default, Clone)]
struct Headline {
    proposals: Option<f64>,
    suggestions: Option<f64>,
    reply: Option<f64>,
    satisfaction: Option<f64>,
    solved_share: Option<f64>,
}

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
    let all =
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
    let solved_share = match all {
        Some(t) if t > 0.0 && solved > 0.0 => Some(100.0 * solved / t),
        _ => None,
    };
    Headline {
        proposals,
        suggestions,
        reply: any_subject(r, Measure::ReplyRate),
        satisfaction: any_subject(r, Measure::SatisfactionRate),
        solved_share,
    }
}

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

/// comparison.csv: one row per (region, sector, year) over report documents. Counts are summed
/// over the group's documents; rates and the solved share are averaged over the documents that
/// give them.
fn write_comparison(dir: &Path, records: &[DocRecord]) -> io::Result<()> {
    let mut groups: BTreeMap<(String, String, String), Vec<&DocRecord>> = BTreeMap::new();
    for r in records.iter().filter(|r| r.meta.is_report) {
        let key = (
            r.meta.region.clone(),
            r.meta.sector.clone(),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        );
        groups.entry(key).or_default().push(r);
    }
    let mut w = Table::create(
        dir,
        "comparison.csv",
        &[
            "region",
            "sector",
            "year",
            "level",
            "documents",
            "total_proposals",
            "total_suggestions",
            "reply_rate",
            "satisfaction_rate",
            "solved_share",
            "docs",
        ],
    )?;
    for ((region, sector, year), docs) in groups {
        let heads: Vec<Headline> = docs.iter().map(|d| headline(d)).collect();
        let sum = |f: fn(&Headline) -> Option<f64>| {
            let v: Vec<f64> = heads.iter().filter_map(f).collect();
            if v.is_empty() {
                None
            } else {
                Some(v.iter().sum())
            }
        };
        let avg =
            |f: fn(&Headline) -> Option<f64>| mean(&heads.iter().filter_map(f).collect::<Vec<_>>());
        w.row(&[
            region.as_str(),
            &sector,
            &year,
            &docs[0].meta.level,
            &docs.len().to_string(),
            &opt(sum(|h| h.proposals)),
            &opt(sum(|h| h.suggestions)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_without_trailing_zeros() {
        assert_eq!(fmt_value(100.0), "100");
        assert_eq!(fmt_value(99.8), "99.8");
        assert_eq!(fmt_value(92.47), "92.47");
    }

    #[test]
    fn cells_are_safe_for_spreadsheets() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("-3"), "-3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(uncell(&cell("+x")), "+x");
        assert_eq!(cell("办复率100%"), "办复率100%");
        let long = "件".repeat(40_000);
        let c = cell(&long);
        assert_eq!(c.encode_utf16().count(), MAX_CELL);
        assert!(c.ends_with("…[truncated: 40000 characters]"));
    }
}
