//! Issue 10, item 3: banli.xlsx, opened with calamine (a reader other than the writer) and
//! as the zip it is.

use crate::util::{root, run, table};
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::Path;

fn book(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Rows of a sheet as calamine reads them.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let range = book(path)
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => panic!("{other:?} is no text cell"),
    }
}

/// The XML of a part of the workbook.
fn part(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(f).unwrap();
    let mut out = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut out)
        .unwrap();
    out
}

#[test]
fn the_workbook_has_every_table_typed_with_a_frozen_filtered_header() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(run(&root().join("corpus"), &out, &[]).status.success());
    let path = out.join("banli.xlsx");
    assert_eq!(
        book(&path).sheet_names(),
        [
            "columns",
            "documents",
            "facts",
            "topics",
            "comparison",
            "panel",
            "errors"
        ]
    );
    // The header of each sheet is its table's; every column is explained on the first sheet.
    let columns = sheet(&path, "columns");
    for name in [
        "documents",
        "facts",
        "topics",
        "comparison",
        "panel",
        "errors",
    ] {
        let csv = std::fs::read_to_string(out.join(format!("{name}.csv"))).unwrap();
        let header: Vec<String> = csv
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap()
            .split(',')
            .map(str::to_string)
            .collect();
        let rows = sheet(&path, name);
        let got: Vec<String> = rows[0].iter().map(text).collect();
        assert_eq!(got, header, "{name}");
        assert_eq!(
            rows.len(),
            table(&out.join(format!("{name}.csv"))).len() + 1,
            "{name}"
        );
        for col in &header {
            let row = columns
                .iter()
                .find(|r| text(&r[0]) == name && text(&r[1]) == *col)
                .unwrap_or_else(|| panic!("{name}.{col} not explained"));
            assert!(!text(&row[3]).contains("not described"), "{name}.{col}");
        }
    }
    // Numbers are numbers, rates percentages, text text.
    let facts = table(&out.join("facts.csv"));
    let rows = sheet(&path, "facts");
    let col = |name: &str| rows[0].iter().position(|c| text(c) == name).unwrap();
    let (value, start, doc) = (col("value"), col("start"), col("doc"));
    let mut rates = 0;
    for (csv, row) in facts.iter().zip(&rows[1..]) {
        assert_eq!(text(&row[doc]), csv["doc"]);
        assert_eq!(row[start], Data::Float(csv["start"].parse().unwrap()));
        let v: f64 = csv["value"].parse().unwrap();
        let rate = csv["measure"].ends_with("_rate");
        rates += usize::from(rate);
        let want = if rate { v / 100.0 } else { v };
        match row[value] {
            Data::Float(x) => assert!((x - want).abs() < 1e-12, "{x} != {want}"),
            ref other => panic!("value {other:?} is no number"),
        }
    }
    assert!(rates > 0);
    let xml = part(&path, "xl/worksheets/sheet3.xml");
    assert!(xml.contains("state=\"frozen\""), "no frozen header");
    assert!(xml.contains("<autoFilter ref=\"A1:"), "no autofilter");
    assert!(xml.contains("customWidth=\"1\""), "no column widths");
    let styles = part(&path, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.0#%\""), "no percent format");
    // A fixed creation date: the same tables give the same bytes.
    assert!(part(&path, "docProps/core.xml").contains("2000-01-01T00:00:00Z"));
}

#[test]
fn no_xlsx_writes_none() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(
        run(&root().join("corpus"), &out, &["--no-xlsx"])
            .status
            .success()
    );
    assert!(out.join("facts.csv").exists());
    assert!(!out.join("banli.xlsx").exists());
}

#[test]
fn a_table_past_the_row_limit_goes_on_in_a_second_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(
        run(&root().join("corpus"), &out, &["--no-xlsx"])
            .status
            .success()
    );
    let facts = table(&out.join("facts.csv"));
    let per = (facts.len() as u32).div_ceil(2).max(1);
    assert!(facts.len() > per as usize);
    banli::xlsx::write_with(&out, per).unwrap();
    let path = out.join("banli.xlsx");
    let names = book(&path).sheet_names();
    assert!(names.contains(&"facts (2)".to_string()), "{names:?}");
    let one = sheet(&path, "facts");
    let two = sheet(&path, "facts (2)");
    assert_eq!(one[0], two[0], "both sheets have the header");
    assert_eq!(one.len() - 1 + two.len() - 1, facts.len());
    assert_eq!(text(&two[1][0]), facts[per as usize]["doc"]);
    let notes = sheet(&path, "columns");
    assert!(
        notes
            .iter()
            .any(|r| text(&r[0]) == "facts (2)" && text(&r[2]) == "note"),
        "no note on the continued table"
    );
}
