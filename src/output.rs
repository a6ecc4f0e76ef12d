//! Stage 7: the tables, as UTF-8 CSV with a byte-order mark (so spreadsheet programs read the
//! Chinese text right), RFC 4180 quoting, rows in a fixed order; plus `records.jsonl`.
//!
//! CSV cells are made safe for spreadsheets ([`cell`]): a text cell that starts with `=`, `+`,
//! `-`, `@`, tab or carriage return gets a leading `'` (OWASP's advice against formula
//! injection), and a cell longer than Excel's 32,767 characters is cut, ending in
//! `…[truncated: N characters]`. `records.jsonl` keeps every value as it is.

use crate::comparison;
use crate::divisions;
use crate::model::{DocError, DocRecord};
use std::borrow::Cow;
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
pub(crate) struct Table {
    w: csv::Writer<BufWriter<File>>,
    path: std::path::PathBuf,
}

impl Table {
    /// Creates `dir/name` with its BOM and header row.
    pub(crate) fn create(dir: &Path, name: &str, header: &[&str]) -> io::Result<Table> {
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

    /// Writes one row, each cell made safe.
    pub(crate) fn row(&mut self, cells: &[&str]) -> io::Result<()> {
        self.w
            .write_record(cells.iter().map(|c| cell(c).into_owned()))
            .map_err(|e| at(&self.path, e.into()))
    }

    /// Flushes the table.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.w.flush().map_err(|e| at(&self.path, e))
    }
}

/// An I/O error that names its file.
pub(crate) fn at(path: &Path, e: io::Error) -> io::Error {
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

/// Writes documents.csv, facts.csv, topics.csv, errors.csv, comparison.csv, panel.csv
/// ([`crate::comparison`]) and records.jsonl into `dir`, after putting the records in
/// [`order`]. `banli run` and `banli merge` both write through here, so equal records give
/// equal bytes.
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
            "region_code",
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
            divisions::code(&r.meta.region, &r.meta.level),
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

    comparison::write(dir, records)?;
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
