//! `banli.xlsx`: the tables of an output folder as one workbook, for researchers who work in a
//! spreadsheet. Written with rust_xlsxwriter from the CSV tables just written (so the two say
//! the same), after them.
//!
//! The first sheet, `columns`, explains every column of every sheet. Then one sheet per table
//! (`documents`, `facts`, `topics`, `comparison`, `panel`, `errors`), each with a bold, frozen header
//! row and an autofilter over its rows. Numbers (counts, years, offsets, flags) are stored as
//! numbers; rates as percentages (the CSV's 98.5 is the cell 0.985 shown as 98.5%); text as
//! text, the `'` that the CSV puts before a formula character taken away again (a text cell is
//! never a formula). Column widths come from the cells, counting a CJK character as two,
//! between 6 and 60. A table longer than a sheet's 1,048,575 rows below the header goes on in
//! `facts (2)` and so on, with a note on the first sheet. The workbook's creation date is fixed
//! (2000-01-01), so the same tables give the same bytes.

pub mod columns;

use crate::output::uncell;
use columns::Kind;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// The workbook's file name.
pub const FILE: &str = "banli.xlsx";

/// The tables of the workbook, in sheet order.
pub const TABLES: [&str; 6] = [
    "documents",
    "facts",
    "topics",
    "comparison",
    "panel",
    "errors",
];

/// Data rows a sheet holds below its header (Excel's limit is 1,048,576 rows).
pub const MAX_ROWS: u32 = 1_048_575;

/// Narrowest and widest column, in Excel's character units.
const WIDTHS: (f64, f64) = (6.0, 60.0);

/// Writes `banli.xlsx` into `dir` from the CSV tables there. Errors name the file.
pub fn write(dir: &Path) -> Result<(), String> {
    write_with(dir, MAX_ROWS)
}

/// [`write`], with at most `rows_per_sheet` data rows a sheet (for tests of the overflow).
///
/// Two passes over each table: the first counts its rows and measures its columns, so each
/// sheet's autofilter, widths and the notes on the `columns` sheet are known before a row is
/// written; the second streams the rows into sheets in constant-memory mode (each sheet's
/// rows go to a temporary file in `dir` as they are written), so memory does not grow with
/// the tables.
pub fn write_with(dir: &Path, rows_per_sheet: u32) -> Result<(), String> {
    let path = dir.join(FILE);
    let at = |e: XlsxError| format!("{}: {e}", path.display());
    let per_sheet = rows_per_sheet.max(1);
    let mut layouts = Vec::new();
    for table in TABLES {
        let csv_path = dir.join(format!("{table}.csv"));
        if csv_path.exists() {
            layouts.push((table, csv_path.clone(), layout(&csv_path, per_sheet)?));
        }
    }
    let mut notes = Vec::new();
    for (table, _, l) in &layouts {
        let n = l.parts.len();
        if n > 1 {
            for (k, part) in l.parts.iter().enumerate() {
                notes.push((
                    sheet_name(table, k),
                    format!(
                        "Rows {} to {} of {table}.csv (of the table's data rows); a sheet holds \
                         at most {rows_per_sheet} rows below its header, so the table goes on \
                         over {n} sheets.",
                        part.first, part.last
                    ),
                ));
            }
        }
    }
    let described: Vec<(String, Vec<String>)> = layouts
        .iter()
        .map(|(t, _, l)| (t.to_string(), l.header.clone()))
        .collect();
    let mut book = Workbook::new();
    book.set_tempdir(dir).map_err(at)?;
    let date = ExcelDateTime::from_ymd(2000, 1, 1).map_err(at)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    book.push_worksheet(columns_sheet(&described, &notes).map_err(at)?);
    for (table, csv_path, l) in &layouts {
        fill_sheets(&mut book, csv_path, table, l)?;
    }
    book.save(&path).map_err(at)
}

/// The name of the `k`th sheet (from 0) of a table: `facts`, `facts (2)`, …
fn sheet_name(table: &str, k: usize) -> String {
    if k == 0 {
        table.to_string()
    } else {
        format!("{table} ({})", k + 1)
    }
}

/// A CSV table opened for reading, its byte-order mark skipped.
fn open_csv(path: &Path) -> Result<csv::Reader<BufReader<File>>, String> {
    let name = path.display().to_string();
    let mut file = BufReader::new(File::open(path).map_err(|e| format!("{name}: {e}"))?);
    if file
        .fill_buf()
        .map_err(|e| format!("{name}: {e}"))?
        .starts_with("\u{feff}".as_bytes())
    {
        file.consume(3);
    }
    Ok(csv::ReaderBuilder::new().flexible(true).from_reader(file))
}

/// One sheet's share of a table: its first and last data row (counting from 1), its number
/// of rows and its column widths.
struct Part {
    first: u64,
    last: u64,
    rows: u32,
    widths: Vec<f64>,
}

/// What the first pass learns of a table: its header and how its rows fall into sheets.
struct Layout {
    header: Vec<String>,
    parts: Vec<Part>,
}

/// The first pass over a table.
fn layout(path: &Path, per_sheet: u32) -> Result<Layout, String> {
    let name = path.display().to_string();
    let mut rdr = open_csv(path)?;
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| format!("{name}: {e}"))?
        .iter()
        .map(str::to_string)
        .collect();
    let fresh = |first: u64| Part {
        first,
        last: first - 1,
        rows: 0,
        widths: header.iter().map(|h| width(h)).collect(),
    };
    let mut parts = vec![fresh(1)];
    let mut total = 0u64;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{name}: {e}"))?;
        if parts.last().is_some_and(|p| p.rows == per_sheet) {
            parts.push(fresh(total + 1));
        }
        total += 1;
        let Some(part) = parts.last_mut() else {
            break;
        };
        part.rows += 1;
        part.last = total;
        for (c, raw) in rec.iter().enumerate() {
            if let Some(w) = part.widths.get_mut(c) {
                *w = w.max(width(uncell(raw)).min(WIDTHS.1));
            }
        }
    }
    Ok(Layout { header, parts })
}

/// The second pass: the table's rows into its sheets, each added in constant-memory mode.
fn fill_sheets(book: &mut Workbook, path: &Path, table: &str, l: &Layout) -> Result<(), String> {
    let name = path.display().to_string();
    let at = |e: XlsxError| format!("{name}: {table}: {e}");
    let refs: Vec<&str> = l.header.iter().map(String::as_str).collect();
    let kinds: Vec<Kind> = refs.iter().map(|c| columns::describe(table, c).0).collect();
    let measure_col = refs.iter().position(|c| *c == "measure");
    let percent = Format::new().set_num_format("0.0#%");
    let mut rdr = open_csv(path)?;
    let mut records = rdr.records();
    for (k, part) in l.parts.iter().enumerate() {
        let sheet = book.add_worksheet_with_constant_memory().map_err(at)?;
        sheet.set_name(sheet_name(table, k)).map_err(at)?;
        header_row(sheet, &refs).map_err(at)?;
        finish(sheet, part.rows, &part.widths).map_err(at)?;
        for row in 1..=part.rows {
            let Some(rec) = records.next() else {
                return Err(format!("{name}: changed while the workbook was written"));
            };
            let rec = rec.map_err(|e| format!("{name}: {e}"))?;
            let is_rate = measure_col
                .and_then(|m| rec.get(m))
                .and_then(crate::model::Measure::parse)
                .is_some_and(|m| m.is_rate());
            for (c, raw) in rec.iter().enumerate() {
                let text = uncell(raw);
                if text.is_empty() {
                    continue;
                }
                let col = c as u16;
                let kind = kinds.get(c).copied().unwrap_or(Kind::Text);
                let number = text.parse::<f64>().ok().filter(|v| v.is_finite());
                let written = match (kind, number) {
                    (Kind::Rate, Some(v)) => {
                        sheet.write_number_with_format(row, col, v / 100.0, &percent)
                    }
                    (Kind::Value, Some(v)) if is_rate => {
                        sheet.write_number_with_format(row, col, v / 100.0, &percent)
                    }
                    (Kind::Number | Kind::Value, Some(v)) => sheet.write_number(row, col, v),
                    _ => sheet.write_string(row, col, text),
                };
                written.map_err(at)?;
            }
        }
    }
    Ok(())
}

/// Display width of a cell: CJK and other wide characters count two.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 2.0,
            0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD => 2.0,
            _ => 1.0,
        })
        .sum()
}

/// A sheet's frozen bold header row.
fn header_row(sheet: &mut Worksheet, header: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Autofilter over `rows` data rows, and the column widths.
fn finish(sheet: &mut Worksheet, rows: u32, widths: &[f64]) -> Result<(), XlsxError> {
    let last_col = widths.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows, last_col)?;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (w + 2.0).clamp(WIDTHS.0, WIDTHS.1))?;
    }
    Ok(())
}

/// The first sheet: every column of every table, then the notes on continued tables.
fn columns_sheet(
    tables: &[(String, Vec<String>)],
    notes: &[(String, String)],
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name("columns")?;
    header_row(&mut sheet, &["sheet", "column", "type", "meaning"])?;
    let wrap = Format::new().set_text_wrap();
    let mut row = 0;
    for (table, header) in tables {
        for column in header {
            let (kind, meaning) = columns::describe(table, column);
            row += 1;
            sheet.write_string(row, 0, table)?;
            sheet.write_string(row, 1, column)?;
            sheet.write_string(row, 2, kind.label())?;
            sheet.write_string_with_format(row, 3, meaning, &wrap)?;
        }
    }
    for (sheet_name, note) in notes {
        row += 1;
        sheet.write_string(row, 0, sheet_name)?;
        sheet.write_string(row, 2, "note")?;
        sheet.write_string_with_format(row, 3, note, &wrap)?;
    }
    finish(&mut sheet, row, &[12.0, 18.0, 24.0, 78.0])?;
    sheet.set_column_width(3, 90)?;
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_twice() {
        assert_eq!(width("ab"), 2.0);
        assert_eq!(width("办复率"), 6.0);
        assert_eq!(width("１"), 2.0);
    }

    #[test]
    fn every_column_written_is_described() {
        for &(table, column, _, meaning) in columns::COLUMNS {
            assert!(TABLES.contains(&table), "{table}");
            assert!(!meaning.is_empty(), "{table}.{column}");
        }
        assert_eq!(columns::describe("facts", "value").0, Kind::Value);
        assert_eq!(columns::describe("facts", "nothing").1, "(not described)");
    }
}
