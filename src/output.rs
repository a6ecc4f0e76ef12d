//! Stage 7: the tables, as UTF-8 CSV with a byte-order mark (so spreadsheet programs read the
//! Chinese text right), RFC 4180 quoting, rows in a fixed order; plus `records.jsonl`.
//!
//! CSV cells are made safe for spreadsheets ([`cell`]): a text cell that starts with `=`, `+`,
//! `-`, `@`, tab or carriage return gets a leading `'` (OWASP's advice against formula
//! injection), and a cell longer than Excel's 32,767 characters is cut, ending in
//! `…[truncated: N characters]`. `records.jsonl` keeps every value as it is.

use crate::model::{DocError, DocRecord};
use crate::tables::Tables;
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
    cell_of(s, s.encode_utf16().count(), || s.chars().count())
}

/// [`cell`] of a text of which `s` is the start, enough of it for a cut cell (at least
/// [`MAX_CELL`] UTF-16 units when the whole is longer), the whole having `units` UTF-16 units
/// and `chars()` characters: a long list kept only as far as a cell shows it gives the
/// same cell as the whole list.
pub(crate) fn cell_of(s: &str, units: usize, chars: impl FnOnce() -> usize) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.trim().parse::<f64>().is_err();
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
    let marker = format!("…[truncated: {} characters]", chars());
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

    /// Creates `dir/name` with neither BOM nor header: rows to be appended to a table later
    /// ([`Table::append`]).
    pub(crate) fn headless(dir: &Path, name: &str) -> io::Result<Table> {
        let path = dir.join(name);
        let f = BufWriter::new(File::create(&path).map_err(|e| at(&path, e))?);
        let w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(f);
        Ok(Table { w, path })
    }

    /// Appends the rows of a headless table to this one, closes both and removes the
    /// headless table's file.
    pub(crate) fn append(self, rest: Table) -> io::Result<()> {
        let (path, rest_path) = (self.path.clone(), rest.path.clone());
        self.finish()?;
        rest.finish()?;
        let mut from = File::open(&rest_path).map_err(|e| at(&rest_path, e))?;
        let mut to = fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(|e| at(&path, e))?;
        io::copy(&mut from, &mut to).map_err(|e| at(&path, e))?;
        fs::remove_file(&rest_path).map_err(|e| at(&rest_path, e))
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

/// The order of every table: documents, and errors, by document key (the byte order of the
/// UTF-8 key; a stable sort, so rows of one document keep their order).
pub fn order(records: &mut [DocRecord], errors: &mut [DocError]) {
    records.sort_by(|a, b| a.doc.cmp(&b.doc));
    errors.sort_by(|a, b| a.doc.cmp(&b.doc));
}

/// Writes documents.csv, facts.csv, topics.csv, errors.csv, comparison.csv, panel.csv
/// ([`crate::comparison`]) and records.jsonl into `dir` (and the Parquet tables when `parquet`
/// is set), after putting the records in [`order`], through [`crate::tables::Tables`] as a
/// walked run does, so equal records give equal bytes.
pub fn write_all(
    dir: &Path,
    records: &mut [DocRecord],
    errors: &mut [DocError],
    parquet: bool,
) -> io::Result<()> {
    order(records, errors);
    fs::create_dir_all(dir).map_err(|e| at(dir, e))?;
    let mut tables = Tables::create(dir, parquet)?;
    for r in records.iter() {
        tables.record(r)?;
    }
    for e in errors.iter() {
        tables.error(e)?;
    }
    tables.finish().map(|_| ())
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

    #[test]
    fn a_list_kept_as_far_as_its_cell_shows_gives_the_same_cell() {
        let keys: Vec<String> = (0..9000).map(|i| format!("{i}/建议.txt")).collect();
        let whole = keys.join("; ");
        let units = whole.encode_utf16().count();
        let start: String = whole.chars().take(MAX_CELL + 10).collect();
        assert_eq!(
            cell_of(&start, units, || whole.chars().count()),
            cell(&whole)
        );
        assert_eq!(cell_of("a; b", 4, || 4), "a; b");
    }
}
