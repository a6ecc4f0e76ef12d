//! Stage 7: the tables, as UTF-8 CSV with a byte-order mark (plus `records.jsonl`) (so spreadsheet programs read the
//! Chinese text right), RFC 4180 quoting, rows in a fixed order.

use crate::model::{DocError, DocRecord, Measure, Qualifier, Subject};
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

fn writer(dir: &Path, name: &str) -> io::Result<csv::Writer<BufWriter<File>>> {
    let mut f = BufWriter::new(File::create(dir.join(name))?);
    f.write_all("\u{feff}".as_bytes())?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(f))
}

fn repairs_cell(r: &DocRecord) -> String {
    r.repairs
        .iter()
        .map(|(k, v)| format!("{k}:{v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes documents.csv, facts.csv, topics.csv, errors.csv and comparison.csv into `dir`.
pub fn write_all(dir: &Path, records: &[DocRecord], errors: &[DocError]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut w = writer(dir, "documents.csv")?;
    w.write_record([
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
    ])?;
    for r in records {
        w.write_record([
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
    w.flush()?;

    let mut w = writer(dir, "facts.csv")?;
    w.write_record([
        "doc",
        "subject",
        "measure",
        "value",
        "qualifier",
        "evidence",
        "start",
        "end",
        "repaired",
    ])?;
    for r in records {
        for f in &r.facts {
            w.write_record([
                r.doc.as_str(),
                f.subject.as_str(),
                f.measure.as_str(),
                &fmt_value(f.value),
                f.qualifier.as_str(),
                &f.evidence,
                &f.start.to_string(),
                &f.end.to_string(),
                if f.repaired { "1" } else { "0" },
            ])?;
        }
    }
    w.flush()?;

    let mut w = writer(dir, "topics.csv")?;
    w.write_record(["doc", "label", "count", "evidence", "start", "end"])?;
    for r in records {
        for t in &r.topics {
            w.write_record([
                r.doc.as_str(),
                &t.label,
                &t.count.map(|c| c.to_string()).unwrap_or_default(),
                &t.evidence,
                &t.start.to_string(),
                &t.end.to_string(),
            ])?;
        }
    }
    w.flush()?;

    let mut w = writer(dir, "errors.csv")?;
    w.write_record(["doc", "stage", "message"])?;
    for e in errors {
        w.write_record([e.doc.as_str(), &e.stage.to_string(), &e.message])?;
    }
    w.flush()?;

    write_comparison(dir, records)?;
    write_jsonl(dir, records)
}

/// records.jsonl: one JSON object per document with its fields, facts and topics, for tools
/// that read structured records rather than tables.
fn write_jsonl(dir: &Path, records: &[DocRecord]) -> io::Result<()> {
    let mut f = BufWriter::new(File::create(dir.join("records.jsonl"))?);
    for r in records {
        serde_json::to_writer(&mut f, r).map_err(io::Error::other)?;
        f.write_all(b"\n")?;
    }
    f.flush()
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
    let mut w = writer(dir, "comparison.csv")?;
    w.write_record([
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
    ])?;
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
        w.write_record([
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
    w.flush()
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
}
